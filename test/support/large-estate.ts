// A large estate for the reports at scale: one cdktf stack of N user pools and M app clients built
// from the reference app's own constructs and profiles (stacks/), the legacy and compliant pools
// and clients in turn, each renamed, so the synth output has the shapes real cdktf apps produce.
// Synthesized at test time; nothing here is hand-typed Terraform JSON.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { ShopAppClient } from "../../stacks/app-client.js";
import { compliantVariant, legacyVariant } from "../../stacks/main.js";
import type { AppClientProfile, UserPoolProfile } from "../../stacks/shop-variant.js";
import { SmsSenderRole } from "../../stacks/sms-sender-role.js";
import { enableSourceLocations } from "../../checks/gate/source-locations.js";
import { ShopUserPool } from "../../stacks/user-pool.js";

export const LARGE_ESTATE_STACK = "estate";

const POOL_PROFILES: readonly UserPoolProfile[] = [
  legacyVariant.consumerPool,
  legacyVariant.staffPool,
  compliantVariant.consumerPool,
  compliantVariant.staffPool,
];
const CLIENT_PROFILES: readonly AppClientProfile[] = [
  legacyVariant.clients.web,
  legacyVariant.clients.mobile,
  legacyVariant.clients.admin,
  compliantVariant.clients.web,
  compliantVariant.clients.admin,
];

/** Synthesizes `pools` user pools and `clients` app clients into a new temporary directory. */
export function synthLargeEstate(pools = 200, clients = 300): string {
  // As the reference app does: every construct records where it was created, for the reports' locations.
  const restore = enableSourceLocations();
  const outdir = mkdtempSync(join(tmpdir(), "authwarden-estate-"));
  const app = new App({ outdir });
  const stack = new TerraformStack(app, LARGE_ESTATE_STACK);
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  const sms = new SmsSenderRole(stack, "SmsSender", {
    roleName: "estate-cognito-sms",
    externalId: "estate-cognito-sms",
    region: "eu-west-1",
  }).sender;
  const built: ShopUserPool[] = [];
  for (let i = 0; i < pools; i++) {
    const base = POOL_PROFILES[i % POOL_PROFILES.length]!;
    const n = String(i + 1).padStart(3, "0");
    const profile: UserPoolProfile = { ...base, name: `${base.name}-${n}`, domainPrefix: `${base.domainPrefix}-${n}` };
    built.push(new ShopUserPool(stack, `Pool${n}`, { profile, region: "eu-west-1", smsSender: sms }));
  }
  for (let i = 0; i < clients; i++) {
    const base = CLIENT_PROFILES[i % CLIENT_PROFILES.length]!;
    const n = String(i + 1).padStart(3, "0");
    const pool = built[i % built.length]!;
    // Clients of federated profiles name providers this stack does not declare: keep Cognito's own.
    const profile: AppClientProfile = { ...base, name: `${base.name}-${n}`, identityProviders: ["COGNITO"] };
    new ShopAppClient(stack, `Client${n}`, { userPoolId: pool.pool.id, profile });
  }
  app.synth();
  restore();
  return outdir;
}
