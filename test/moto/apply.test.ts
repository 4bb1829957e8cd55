// End to end: `terraform apply` of both reference stacks (real hashicorp/aws 5.100.0 provider) against
// the moto emulator of test/moto/authwarden_moto.py, then a read-back through the emulator's APIs.
// Stock moto 5.2.1 cannot do this: the roles attachment and the risk configuration crash the
// provider (HTTP 500 from unimplemented operations), and AmazonS3FullAccess is NoSuchEntity.
import type { RiskConfigurationType } from "@aws-sdk/client-cognito-identity-provider";
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  awsJson,
  iamQuery,
  startEmulator,
  stateOutput,
  stateResources,
  synthForEmulator,
  TerraformStackRun,
  type CommandResult,
  type Emulator,
  type TerraformState,
} from "../support/moto.js";

const STACKS = ["shop-legacy", "shop-compliant"] as const;
type StackId = (typeof STACKS)[number];

let emulator: Emulator;
let outdir: string | undefined;
const runs = {} as Record<
  StackId,
  { run: TerraformStackRun; apply: CommandResult; plan: CommandResult; state: TerraformState }
>;

function explain(r: CommandResult): string {
  return `exit ${r.code}\n${r.stdout.slice(-6000)}\n${r.stderr.slice(-6000)}`;
}

beforeAll(async () => {
  emulator = await startEmulator();
  outdir = synthForEmulator(emulator.url);
  const synthDir = outdir;
  // The two estates share no names, so they apply side by side into the same emulator.
  await Promise.all(
    STACKS.map(async (id) => {
      const run = new TerraformStackRun(synthDir, id);
      const init = await run.init();
      if (init.code !== 0) throw new Error(`terraform init ${id}: ${explain(init)}`);
      const apply = await run.apply();
      const plan = apply.code === 0 ? await run.plan() : apply;
      const state = await run.state();
      runs[id] = { run, apply, plan, state };
    }),
  );
}, 900_000);

afterAll(async () => {
  for (const { run } of Object.values(runs)) rmSync(dirname(run.statePath), { recursive: true, force: true });
  if (outdir) rmSync(outdir, { recursive: true, force: true });
  if (emulator) expect(await emulator.stop()).toBe(0);
});

describe.each(STACKS)("terraform apply of %s against the emulator", (id) => {
  it("succeeds", () => {
    const { apply } = runs[id];
    expect(apply.code, explain(apply)).toBe(0);
    expect(apply.stdout).toMatch(/Apply complete! Resources: \d+ added, 0 changed, 0 destroyed\./);
  });

  it("leaves nothing to change: a plan right after the apply is empty (every read round-trips)", () => {
    const { plan } = runs[id];
    expect(plan.code, explain(plan)).toBe(0);
    expect(plan.stdout).toContain("No changes.");
  });

  it("created the identity pool roles attachment", () => {
    const [attachment] = stateResources(runs[id].state, "aws_cognito_identity_pool_roles_attachment");
    expect(attachment?.values.identity_pool_id).toBe(stateOutput(runs[id].state, "identity_pool_id"));
    expect(attachment?.values.roles).toEqual({
      authenticated: expect.stringMatching(/^arn:aws:iam::123456789012:role\/shopsphere-.*-identity-authenticated$/),
      unauthenticated: expect.stringMatching(/^arn:aws:iam::123456789012:role\/shopsphere-.*-identity-guest$/),
    });
  });

  it("GetIdentityPoolRoles through the emulator returns the bound roles and the token role mapping", async () => {
    const state = runs[id].state;
    const poolId = stateOutput(state, "identity_pool_id");
    const roles = Object.fromEntries(
      stateResources(state, "aws_iam_role").map((r) => [String(r.values.name), String(r.values.arn)]),
    );
    const variant = id === "shop-legacy" ? "legacy" : "compliant";
    const res = await awsJson(emulator.url, "cognito-identity", "GetIdentityPoolRoles", { IdentityPoolId: poolId });
    expect(res.status).toBe(200);
    expect(res.contentType).toContain("application/x-amz-json-1.1");
    expect(res.body.IdentityPoolId).toBe(poolId);
    expect(res.body.Roles).toEqual({
      authenticated: roles[`shopsphere-${variant}-identity-authenticated`],
      unauthenticated: roles[`shopsphere-${variant}-identity-guest`],
    });
    const consumerPoolId = stateOutput(state, "consumer_user_pool_id");
    const webClientId = stateOutput(state, "web_client_id");
    expect(res.body.RoleMappings).toEqual({
      [`cognito-idp.eu-west-1.amazonaws.com/${consumerPoolId}:${webClientId}`]: {
        Type: "Token",
        AmbiguousRoleResolution: id === "shop-legacy" ? "AuthenticatedRole" : "Deny",
      },
    });
  });

  it("DescribeIdentityPool reports AllowClassicFlow as configured", async () => {
    const res = await awsJson(emulator.url, "cognito-identity", "DescribeIdentityPool", {
      IdentityPoolId: stateOutput(runs[id].state, "identity_pool_id"),
    });
    expect(res.status).toBe(200);
    expect(res.body.AllowClassicFlow).toBe(id === "shop-legacy");
  });
});

describe("shop-legacy: the AWS-managed policy attachment", () => {
  it("attached arn:aws:iam::aws:policy/AmazonS3FullAccess to the authenticated role", async () => {
    const attachments = stateResources(runs["shop-legacy"].state, "aws_iam_role_policy_attachment");
    expect(attachments.map((a) => a.values.policy_arn)).toEqual(["arn:aws:iam::aws:policy/AmazonS3FullAccess"]);
    const { status, xml } = await iamQuery(emulator.url, "ListAttachedRolePolicies", {
      RoleName: "shopsphere-legacy-identity-authenticated",
    });
    expect(status).toBe(200);
    expect(xml).toContain("<PolicyArn>arn:aws:iam::aws:policy/AmazonS3FullAccess</PolicyArn>");
  });

  it("DescribeUserPool gives the consumer pool's feature plan (ESSENTIALS) although the provider omits it", async () => {
    const res = await awsJson(emulator.url, "cognito-idp", "DescribeUserPool", {
      UserPoolId: stateOutput(runs["shop-legacy"].state, "consumer_user_pool_id"),
    });
    expect((res.body.UserPool as Record<string, unknown>).UserPoolTier).toBe("ESSENTIALS");
  });
});

describe("shop-compliant: the risk configurations", () => {
  it("created one per pool", () => {
    const state = runs["shop-compliant"].state;
    const configs = stateResources(state, "aws_cognito_risk_configuration");
    expect(configs.map((c) => c.values.user_pool_id).sort()).toEqual(
      [stateOutput(state, "consumer_user_pool_id"), stateOutput(state, "staff_user_pool_id")].sort(),
    );
  });

  it("DescribeRiskConfiguration through the emulator returns what terraform set", async () => {
    const poolId = stateOutput(runs["shop-compliant"].state, "consumer_user_pool_id");
    const res = await awsJson(emulator.url, "cognito-idp", "DescribeRiskConfiguration", { UserPoolId: poolId });
    expect(res.status).toBe(200);
    const rc = res.body.RiskConfiguration as RiskConfigurationType;
    expect(rc.UserPoolId).toBe(poolId);
    expect(rc.ClientId).toBeUndefined();
    expect(rc.CompromisedCredentialsRiskConfiguration).toEqual({
      EventFilter: expect.arrayContaining(["SIGN_IN", "SIGN_UP", "PASSWORD_CHANGE"]),
      Actions: { EventAction: "BLOCK" },
    });
    expect(rc.AccountTakeoverRiskConfiguration?.Actions).toEqual({
      HighAction: { EventAction: "BLOCK", Notify: true },
      MediumAction: { EventAction: "MFA_REQUIRED", Notify: false },
      LowAction: { EventAction: "NO_ACTION", Notify: false },
    });
    expect(rc.AccountTakeoverRiskConfiguration?.NotifyConfiguration?.SourceArn).toBe(
      "arn:aws:ses:eu-west-1:123456789012:identity/security-alerts@securecart.example",
    );
    expect(typeof rc.LastModifiedDate).toBe("number");
  });
});
