// The reads of an app client beyond DescribeUserPoolClient: its SSO session configuration
// (GetUserPoolClientSessionConfiguration) and its secrets (ListUserPoolClientSecrets), each one call
// under the UserPoolClientRead quota of its pool, and their mapping to the model. A read that fails
// leaves the value unknown with the reason, never a default: the API returns the default validity
// (60 minutes) itself for a client never configured, so a response without it is a failed read.

import {
  GetUserPoolClientSessionConfigurationCommand,
  ListUserPoolClientSecretsCommand,
  type ClientSecretDescriptorType,
  type CognitoIdentityProviderClient,
  type GetUserPoolClientSessionConfigurationResponse,
  type UserPoolClientType,
} from "@aws-sdk/client-cognito-identity-provider";
import { known, unknown, type ClientSecret, type Value } from "../../model/index.js";
import type { LiveReads } from "./read.js";

/** SSOSession.MaxValidityMinutes as the API reference bounds it: 0 to 129600 (90 days). */
const SSO_VALIDITY_RANGE = { min: 0, max: 129_600 } as const;

export interface ClientSessionReads {
  readonly session: Value<GetUserPoolClientSessionConfigurationResponse>;
  /** null: the client has no secret, so there is nothing to list. */
  readonly secrets: Value<ClientSecretDescriptorType[]> | null;
}

/**
 * Reads one client's session configuration and, once its description says it has a secret, its
 * secrets. `onSession` and `onSecrets` are the forks these reads record their diagnostics in.
 */
export async function readClientSessions(
  client: CognitoIdentityProviderClient,
  poolId: string,
  clientId: string,
  detail: Promise<Value<{ UserPoolClient?: UserPoolClientType }>>,
  onSession: LiveReads,
  onSecrets: LiveReads,
): Promise<ClientSessionReads> {
  const session = onSession.read(
    `session configuration of app client ${clientId}`,
    "UserPoolClientRead",
    poolId,
    (o) => client.send(new GetUserPoolClientSessionConfigurationCommand({ UserPoolId: poolId, ClientId: clientId }), o),
    {
      required: (r) =>
        typeof r.SSOSession?.MaxValidityMinutes === "number" ? undefined : "SSOSession.MaxValidityMinutes",
    },
  );
  const described = await detail;
  const secrets =
    described.known && described.value.UserPoolClient?.ClientSecret === undefined
      ? null
      : !described.known
        ? described
        : await onSecrets.paginate(
            `client secrets of app client ${clientId}`,
            "UserPoolClientRead",
            poolId,
            (NextToken, o) =>
              client.send(
                new ListUserPoolClientSecretsCommand({ UserPoolId: poolId, ClientId: clientId, NextToken }),
                o,
              ),
            (p) => p.ClientSecrets,
            (p) => p.NextToken,
          );
  return { session: await session, secrets };
}

export function ssoSessionFromApi(session: Value<GetUserPoolClientSessionConfigurationResponse>): Value<number> {
  if (!session.known) return session;
  const minutes = session.value.SSOSession!.MaxValidityMinutes!;
  if (!Number.isInteger(minutes) || minutes < SSO_VALIDITY_RANGE.min || minutes > SSO_VALIDITY_RANGE.max)
    return unknown(
      `SSOSession.MaxValidityMinutes has the value ${minutes}, outside the range ${SSO_VALIDITY_RANGE.min} to ${SSO_VALIDITY_RANGE.max} the API accepts`,
    );
  return known(minutes);
}

/** The secrets without their values; a secret without a creation date makes the list unknown. */
export function clientSecretsFromApi(secrets: Value<ClientSecretDescriptorType[]> | null): Value<ClientSecret[]> {
  if (secrets === null) return known([]);
  if (!secrets.known) return secrets;
  const out: ClientSecret[] = [];
  for (const secret of secrets.value) {
    const created = secret.ClientSecretCreateDate;
    if (!(created instanceof Date) || Number.isNaN(created.getTime()))
      return unknown(
        `the client secret ${JSON.stringify(secret.ClientSecretId ?? "")} has no ClientSecretCreateDate, which the API always returns`,
      );
    out.push({ id: secret.ClientSecretId ?? "", createdAt: created.toISOString() });
  }
  return known(out);
}
