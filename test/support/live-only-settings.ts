// What the reference estate's deploy step does after `terraform apply`: the settings no Terraform
// attribute holds (an app client's SSO session validity), and the log delivery hashicorp/aws 5.100
// cannot declare (aws_cognito_log_delivery_configuration exists from 6.5.0), set with the AWS SDK as
// the stack profiles say (AppClientProfile.ssoSessionMaxValidityMinutes, UserPoolProfile.authEventLogs).
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import {
  CognitoIdentityProviderClient,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  SetLogDeliveryConfigurationCommand,
  SetUserPoolClientSessionConfigurationCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { authEventLogGroupName } from "../../stacks/auth-event-logs.js";
import { compliantVariant } from "../../stacks/compliant-variant.js";
import { legacyVariant } from "../../stacks/legacy-variant.js";
import type { ShopVariant } from "../../stacks/shop-variant.js";
import { EMULATOR_REGION } from "./moto.js";

/** Client name to SSO session minutes, from the variants' profiles; client names are unique across the estate. */
function sessionSettings(variants: readonly ShopVariant[]): Map<string, number> {
  const settings = new Map<string, number>();
  for (const variant of variants)
    for (const profile of Object.values(variant.clients))
      if (profile.ssoSessionMaxValidityMinutes !== undefined)
        settings.set(`${variant.id}:${profile.name}`, profile.ssoSessionMaxValidityMinutes);
  return settings;
}

/** Names of the pools whose profile delivers user activity logs (pool names are unique across the estate). */
function loggedPools(variants: readonly ShopVariant[]): Set<string> {
  return new Set(
    variants.flatMap((v) => [v.consumerPool, v.staffPool]).flatMap((p) => (p.authEventLogs ? [p.name] : [])),
  );
}

/** Applies the live-only settings of both variants to their pools in the emulator (pools named after their variant). */
export async function applyLiveOnlySettings(url: string): Promise<void> {
  const clientConfig = {
    region: EMULATOR_REGION,
    endpoint: url,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  };
  const idp = new CognitoIdentityProviderClient(clientConfig);
  const logs = new CloudWatchLogsClient(clientConfig);
  try {
    await deliverAuthEventLogs(idp, logs, loggedPools([compliantVariant, legacyVariant]));
    const settings = sessionSettings([compliantVariant, legacyVariant]);
    const pools = (await idp.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools ?? [];
    for (const pool of pools) {
      const variant = [compliantVariant, legacyVariant].find((v) => pool.Name?.includes(`-${v.id}-`));
      if (!variant) continue;
      const clients = (await idp.send(new ListUserPoolClientsCommand({ UserPoolId: pool.Id, MaxResults: 60 })))
        .UserPoolClients;
      for (const client of clients ?? []) {
        const minutes = settings.get(`${variant.id}:${client.ClientName}`);
        if (minutes === undefined) continue;
        await idp.send(
          new SetUserPoolClientSessionConfigurationCommand({
            UserPoolId: pool.Id,
            ClientId: client.ClientId,
            SSOSession: { MaxValidityMinutes: minutes },
          }),
        );
      }
    }
  } finally {
    idp.destroy();
    logs.destroy();
  }
}

/**
 * Sends each logged pool's userAuthEvents to the log group terraform created for it (named after the
 * pool), as aws_cognito_log_delivery_configuration does on hashicorp/aws 6.5.0 and later.
 */
async function deliverAuthEventLogs(
  idp: CognitoIdentityProviderClient,
  logs: CloudWatchLogsClient,
  poolNames: ReadonlySet<string>,
): Promise<void> {
  const pools = (await idp.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools ?? [];
  for (const pool of pools) {
    if (!pool.Name || !poolNames.has(pool.Name)) continue;
    const name = authEventLogGroupName(pool.Name);
    const groups = (await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: name }))).logGroups ?? [];
    const group = groups.find((g) => g.logGroupName === name);
    if (!group?.arn) throw new Error(`log group ${name} of pool ${pool.Name} was not created by terraform apply`);
    await idp.send(
      new SetLogDeliveryConfigurationCommand({
        UserPoolId: pool.Id,
        LogConfigurations: [
          {
            EventSource: "userAuthEvents",
            LogLevel: "INFO",
            // DescribeLogGroups' arn ends in ":*"; log delivery takes the log group's own ARN.
            CloudWatchLogsConfiguration: { LogGroupArn: group.arn.replace(/:\*$/, "") },
          },
        ],
      }),
    );
  }
}
