// What the reference estate's deploy step does after `terraform apply`: the settings no Terraform
// attribute holds (an app client's SSO session validity), set with the AWS SDK as the stack profiles
// say (AppClientProfile.ssoSessionMaxValidityMinutes).
import {
  CognitoIdentityProviderClient,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  SetUserPoolClientSessionConfigurationCommand,
} from "@aws-sdk/client-cognito-identity-provider";
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

/** Applies the live-only settings of both variants to their pools in the emulator (pools named after their variant). */
export async function applyLiveOnlySettings(url: string): Promise<void> {
  const idp = new CognitoIdentityProviderClient({
    region: EMULATOR_REGION,
    endpoint: url,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
  try {
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
  }
}
