// custom-domain-tls-policy is judged only by the live scan (no Terraform attribute holds the policy),
// so its valid, invalid and unknown cases are domains created in the emulator through the Cognito
// API, scanned, and run through the harness's evaluateRule. AccessDenied is injected with an SDK
// middleware: the emulator does not enforce IAM.
import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { CognitoUserPool } from "@cdktf/provider-aws/lib/cognito-user-pool/index.js";
import { CognitoUserPoolDomain } from "@cdktf/provider-aws/lib/cognito-user-pool-domain/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Estate } from "../../checks/model/index.js";
import rule from "../../checks/rules/custom-domain-tls-policy.js";
import { sdkClientFactory, type ClientHook } from "../../checks/sources/live/clients.js";
import { scanAccount } from "../../checks/sources/live/loader.js";
import { evaluateRule } from "../harness/rule-tester.js";
import { estateOf } from "../harness/synth-fixture.js";
import { EMULATOR_CREDENTIALS, EMULATOR_REGION, startEmulator, type Emulator } from "../support/moto.js";

let emulator: Emulator;
const savedEnv = { ...process.env };
const CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-0000-4000-8000-000000000001";

beforeAll(async () => {
  Object.assign(process.env, EMULATOR_CREDENTIALS);
  emulator = await startEmulator();
  const idp = new CognitoIdentityProviderClient({
    region: EMULATOR_REGION,
    endpoint: emulator.url,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
  const domain = async (name: string, custom?: string, policy?: "TLS_V1" | "TLS_V1_2_2021" | "TLS_V1_3_2025") => {
    const id = (await idp.send(new CreateUserPoolCommand({ PoolName: name }))).UserPool!.Id!;
    await idp.send(
      new CreateUserPoolDomainCommand({
        UserPoolId: id,
        Domain: custom ?? name,
        ...(custom
          ? { CustomDomainConfig: { CertificateArn: CERTIFICATE, ...(policy ? { SecurityPolicy: policy } : {}) } }
          : {}),
      }),
    );
  };
  await domain("staff-12", "pass-auth12.example.com", "TLS_V1_2_2021");
  await domain("staff-13", "pass-auth13.example.com", "TLS_V1_3_2025");
  await domain("staff-1", "fail-auth.example.com", "TLS_V1");
  await domain("staff-none", "unknown-auth.example.com");
  await domain("na-prefix-domain");
}, 120_000);

afterAll(async () => {
  await emulator?.stop();
  process.env = savedEnv;
});

function scan(hook?: ClientHook): Promise<Estate> {
  return scanAccount(sdkClientFactory({ endpointUrl: emulator.url, maxAttempts: 1, ...(hook ? { hook } : {}) }), {
    regions: [EMULATOR_REGION],
  });
}

describe("custom-domain-tls-policy: Custom domains accept TLS 1.2 or later only", () => {
  it("valid, invalid and unknown: each custom domain by its security policy; a prefix domain does not apply", async () => {
    const results = evaluateRule(rule, await scan());
    expect(Object.fromEntries(results.map((r) => [r.resource.name, `${r.status} ${r.messageId}`]))).toEqual({
      "pass-auth12.example.com": "PASS pass",
      "pass-auth13.example.com": "PASS pass",
      "fail-auth.example.com": "FAIL weakPolicy",
      "unknown-auth.example.com": "UNKNOWN unknown",
      "na-prefix-domain": "NOT_APPLICABLE notApplicable",
    });
    const message = (name: string) => results.find((r) => r.resource.name === name)!.message;
    expect(message("fail-auth.example.com")).toContain("TLS_V1, which accepts TLS versions before 1.2");
    expect(message("unknown-auth.example.com")).toContain("names no CustomDomainConfig.SecurityPolicy");
    for (const r of results) expect(r.message).not.toMatch(/\{\{/);
  }, 60_000);

  it("an option can narrow the allowed policies", async () => {
    const results = evaluateRule(rule, await scan(), { options: { allowedPolicies: ["TLS_V1_3_2025"] } });
    expect(results.find((r) => r.resource.name === "pass-auth12.example.com")?.status).toBe("FAIL");
    expect(results.find((r) => r.resource.name === "pass-auth13.example.com")?.status).toBe("PASS");
  }, 60_000);

  it("a denied DescribeUserPoolDomain leaves custom domains UNKNOWN with the reason, never PASS", async () => {
    const deny: ClientHook = (client) =>
      (client.middlewareStack.add as unknown as (mw: unknown, options: unknown) => void)(
        (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
          if (context.commandName === "DescribeUserPoolDomainCommand")
            throw Object.assign(new Error("User: scanner is not authorized to perform: DescribeUserPoolDomain"), {
              name: "AccessDeniedException",
              $fault: "client",
              $metadata: { httpStatusCode: 400 },
            });
          return next(args);
        },
        { step: "initialize", name: "deny-domain" },
      );
    const estate = await scan(deny);
    const results = evaluateRule(rule, estate).filter((r) => r.resource.name !== "na-prefix-domain");
    expect(results.length).toBe(4);
    for (const result of results) {
      expect(result.status).toBe("UNKNOWN");
      expect(result.message).toMatch(/access denied/);
    }
    expect(estate.diagnostics.filter((d) => d.failedRead).length).toBe(4);
  }, 60_000);

  it("is judged only by the live scan: a configuration gives it no result", () => {
    const estate = estateOf((s) => {
      const pool = new CognitoUserPool(s, "staff", { name: "staff" });
      new CognitoUserPoolDomain(s, "custom", {
        domain: "auth.example.com",
        userPoolId: pool.id,
        certificateArn: CERTIFICATE,
      });
    });
    expect(estate.userPoolDomains[0]?.securityPolicy.known).toBe(false);
    expect(evaluateRule(rule, estate)).toEqual([]);
  });
});
