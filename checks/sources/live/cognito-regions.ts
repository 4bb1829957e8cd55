// The Regions where Amazon Cognito user pools are offered, for `scan --all-regions`. The SDK carries
// no such list; AWS maintains it as SSM public parameters, one per Region, under
// /aws/service/global-infrastructure/services/cognito-idp/regions (each named .../regions/<region>,
// its value the Region's name). The list is AWS's, the same for every account, so it is read once,
// with the scanner's own credentials, before the scan. Without it there is no scope: a failed or
// wrong-shaped read is a CredentialsError (exit 2, one line), never a scan of one Region.

import { GetParametersByPathCommand, SSMClient } from "@aws-sdk/client-ssm";
import { CredentialsError } from "../../errors.js";
import { clientConfig, scannerCredentials, type AccountAccess } from "./accounts.js";
import { describeAwsError } from "./read.js";

export const COGNITO_REGIONS_PATH = "/aws/service/global-infrastructure/services/cognito-idp/regions";
const REGION_NAME = /^[a-z]{2,4}(-[a-z]+)+-\d$/;

/** Every Region of the path, following NextToken to the end, sorted. */
export async function cognitoRegions(access: AccountAccess): Promise<string[]> {
  const client = new SSMClient(clientConfig(access, scannerCredentials(access)));
  access.hook?.(client as never);
  const regions = new Set<string>();
  const seen = new Set<string>();
  const failed = (problem: string) =>
    new CredentialsError(`--all-regions: the Regions of Amazon Cognito (${COGNITO_REGIONS_PATH}) ${problem}`);
  let token: string | undefined;
  try {
    do {
      const page = await client.send(
        new GetParametersByPathCommand({ Path: COGNITO_REGIONS_PATH, ...(token ? { NextToken: token } : {}) }),
      );
      if (!Array.isArray(page.Parameters)) throw failed("were answered without a Parameters list");
      for (const parameter of page.Parameters) {
        const name = parameter.Value ?? "";
        if (!REGION_NAME.test(name) || parameter.Name !== `${COGNITO_REGIONS_PATH}/${name}`)
          throw failed(`hold ${JSON.stringify((parameter.Name ?? "").slice(0, 200))}, which does not name a Region`);
        regions.add(name);
      }
      token = page.NextToken;
      if (token && seen.has(token)) throw failed(`repeated pagination token ${JSON.stringify(token)}`);
      if (token) seen.add(token);
    } while (token);
  } catch (error) {
    if (error instanceof CredentialsError) throw error;
    throw failed(`could not be read: ${describeAwsError(error)}`);
  } finally {
    client.destroy();
  }
  if (regions.size === 0) throw failed("list no Region");
  return [...regions].sort();
}
