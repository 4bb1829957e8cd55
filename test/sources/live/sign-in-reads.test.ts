// A DescribeUserPool answer without a member the API always returns (the sign-in policy, the tier)
// is a failed read: the pool's rules are UNKNOWN and the gate fails, never a pool with defaults.
// The emulator always returns these members, so a fault proxy serves its real answer without one
// (the kind of fault the emulator cannot produce).

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../../checks/engine/report.js";
import { startFaultProxy, type FaultProxy } from "../../support/fault-proxy.js";
import { awsJson, EMULATOR_CREDENTIALS, EMULATOR_REGION, startEmulator, type Emulator } from "../../support/moto.js";
import { runCli } from "../../support/run-cli.js";

let emulator: Emulator;
let proxy: FaultProxy;
let described: Record<string, unknown>;
const savedEnv = { ...process.env };

beforeAll(async () => {
  // The SDK's credential chain reads the process environment.
  Object.assign(process.env, EMULATOR_CREDENTIALS);
  emulator = await startEmulator();
  proxy = await startFaultProxy(emulator.url);
  // The answer as it is on the wire (dates as epoch seconds), to be served again without one member.
  const created = await awsJson(emulator.url, "cognito-idp", "CreateUserPool", {
    PoolName: "unknown_staff",
    MfaConfiguration: "OFF",
    UserPoolTier: "ESSENTIALS",
  });
  const id = (created.body.UserPool as { Id: string }).Id;
  const answer = await awsJson(emulator.url, "cognito-idp", "DescribeUserPool", { UserPoolId: id });
  described = answer.body.UserPool as Record<string, unknown>;
}, 120_000);

afterAll(async () => {
  await proxy?.close();
  await emulator?.stop();
  process.env = savedEnv;
});

async function scanWithout(strip: (pool: Record<string, unknown>) => Record<string, unknown>) {
  const body = JSON.stringify({ UserPool: strip(structuredClone(described)) });
  proxy.setPlan((call) =>
    call.operation === "DescribeUserPool" ? { kind: "status", status: 200, body } : { kind: "pass" },
  );
  const run = await runCli(["scan", "--region", EMULATOR_REGION, "--endpoint-url", proxy.url, "--format", "json"], {
    ...process.env,
    ...EMULATOR_CREDENTIALS,
  });
  expect(run.stdout, run.stderr).not.toBe("");
  return { code: run.code, report: JSON.parse(run.stdout) as Report };
}

describe.each([
  [
    "Policies.SignInPolicy.AllowedFirstAuthFactors",
    (pool: Record<string, unknown>) => ({
      ...pool,
      Policies: { PasswordPolicy: (pool.Policies as { PasswordPolicy: unknown }).PasswordPolicy },
    }),
  ],
  ["UserPoolTier", ({ UserPoolTier: _, ...pool }: Record<string, unknown>) => pool],
])("a DescribeUserPool answer without %s", (member, strip) => {
  it("is a failed read: the pool's sign-in rules are UNKNOWN with the reason and the gate fails", async () => {
    const { code, report } = await scanWithout(strip);
    expect(code).toBe(1);
    const reason = `the response lacks ${member}, which the API always returns`;
    expect(
      report.diagnostics.some((d) => d.failedRead && d.message.includes(reason)),
      JSON.stringify(report.diagnostics),
    ).toBe(true);
    for (const ruleId of ["mfa-required", "account-lockout", "passkey-user-verification-required"]) {
      const result = report.results.find((r) => r.ruleId === ruleId && r.resource.name === "unknown_staff");
      expect(result?.status, ruleId).toBe("UNKNOWN");
      expect(result?.message, ruleId).toContain(member);
    }
  });
});
