// The live scanner end to end: the reference stacks are applied with terraform to the moto
// emulator, then scanned with the AWS SDK. Faults the emulator cannot produce (AccessDenied on one
// call, throttling, a page that breaks off) are injected with an SDK middleware, as the tests say.

import { applyLiveOnlySettings } from "../../support/live-only-settings.js";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  ListUserPoolsCommand,
  SetUserPoolMfaConfigCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate } from "../../../checks/engine/evaluate.js";
import { assertValid } from "../../../checks/io/json-schema.js";
import { isReadOnlyActionPattern, escalationGranted } from "../../../checks/iam/analysis.js";
import { readPolicyString } from "../../../checks/sources/policy-document.js";
import { accessLevels } from "../../../checks/iam/access-levels.js";
import { sdkClientFactory, type ClientHook } from "../../../checks/sources/live/clients.js";
import { scanAccount } from "../../../checks/sources/live/loader.js";
import { loadPolicy } from "../../../checks/engine/policy-pack.js";
import { withGate, type Report, type Result } from "../../../checks/engine/report.js";
import { RULES_BY_ID } from "../../../checks/rules/index.js";
import {
  EMULATOR_REGION,
  startEmulator,
  synthForEmulator,
  TerraformStackRun,
  type Emulator,
  EMULATOR_CREDENTIALS,
} from "../../support/moto.js";
import { runCli } from "../../support/run-cli.js";
import { startSilentServer } from "../../support/fault-proxy.js";
import { writeConsole } from "../../../reports/console.js";
import { severityRank } from "../../../checks/engine/rule.js";

// Parsed once: the validator is compiled per schema object, and two objects with one $id clash.
const reportSchema = JSON.parse(
  readFileSync(join("reports", "schema", "authwarden-report.schema.json"), "utf8"),
) as Record<string, unknown>;

let emulator: Emulator;
let synthDir: string;
const savedEnv = { ...process.env };

beforeAll(async () => {
  // The SDK's default credential chain reads the environment: dummy keys for the emulator.
  Object.assign(process.env, EMULATOR_CREDENTIALS);
  emulator = await startEmulator();
  synthDir = synthForEmulator(emulator.url);
  const runs = ["shop-legacy", "shop-compliant"].map((stack) => new TerraformStackRun(synthDir, stack));
  await Promise.all(
    runs.map(async (run) => {
      const init = await run.init();
      if (init.code !== 0) throw new Error(`terraform init failed for ${run.stackId}:\n${init.stderr}`);
      const apply = await run.apply();
      if (apply.code !== 0) throw new Error(`terraform apply failed for ${run.stackId}:\n${apply.stderr.slice(-4000)}`);
    }),
  );
  // The deploy step after apply: settings no Terraform attribute holds.
  await applyLiveOnlySettings(emulator.url);
}, 600_000);

afterAll(async () => {
  await emulator?.stop();
  process.env = savedEnv;
});

function scanFlags(): string[] {
  return ["--region", EMULATOR_REGION, "--endpoint-url", emulator.url, "--quiet"];
}

async function scanReport(hook?: ClientHook, maxAttempts = 3): Promise<Report> {
  const estate = await scanAccount(
    sdkClientFactory({ endpointUrl: emulator.url, maxAttempts, ...(hook ? { hook } : {}) }),
    { regions: [EMULATOR_REGION] },
  );
  return withGate(
    evaluate(estate, loadPolicy("pci-dss-4.0.1", RULES_BY_ID), RULES_BY_ID, { now: new Date(0) }),
    "high",
  );
}

/** Joins results across sources: clients, providers and routes are named only within their pool or API. */
function joinKey(result: Result): string {
  return `${result.ruleId} | ${result.resource.kind} | ${result.resource.parent ? `${result.resource.parent}/` : ""}${result.resource.name}`;
}

/** A SDK middleware that fails every call of one command with the given error. */
function failing(commandName: string, error: () => Error): ClientHook {
  return (client) =>
    (client.middlewareStack.add as unknown as (mw: unknown, options: unknown) => void)(
      (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
        if (context.commandName === commandName) throw error();
        return next(args);
      },
      { step: "initialize", name: `inject-${commandName}` },
    );
}

function awsError(name: string, status: number, message: string): Error {
  return Object.assign(new Error(message), { name, $fault: "client", $metadata: { httpStatusCode: status } });
}

describe("authwarden scan against the emulator", () => {
  it("gives the same verdicts as check --synth for everything the live API exposes", async () => {
    const synth = JSON.parse((await runCli(["check", "--synth", synthDir, "--format", "json"])).stdout) as Report;
    const scan = await runCli(["scan", ...scanFlags(), "--format", "json"], process.env);
    expect(scan.code, scan.stderr).toBe(1);
    const live = JSON.parse(scan.stdout) as Report;
    expect(live.diagnostics).toEqual([]);
    expect(live.summary.failedReads).toBe(0);
    const bySynth = new Map(synth.results.map((r) => [joinKey(r), r.status]));
    const byLive = new Map(live.results.map((r) => [joinKey(r), r.status]));
    expect(bySynth.size, "join keys must be unique").toBe(synth.results.length);
    expect(byLive.size, "join keys must be unique").toBe(live.results.length);
    // Where the sources legitimately differ, and why:
    const expected: Record<string, string> = {
      // hashicorp/aws 5.x cannot express log delivery, so synth is UNKNOWN; the live API tells.
      "auth-event-logging": "synth UNKNOWN, live judged",
      // The same: where synth cannot tell whether logs are delivered, it cannot tell how long they are kept.
      "auth-log-retention": "synth UNKNOWN, live judged",
      // The live API returns every secret the same way, so it cannot tell a literal in code from a variable.
      "no-plaintext-secrets": "live NOT_APPLICABLE",
      // No Terraform attribute holds what these read: judged live only (checked below).
      "custom-domain-tls-policy": "live only",
      "m2m-client-secret-age": "live only",
      "open-client-registration-disabled": "live only",
      "sso-session-lifetime": "live only",
    };
    const differences = [...new Set([...bySynth.keys(), ...byLive.keys()])]
      .filter((key) => bySynth.get(key) !== byLive.get(key))
      .filter((key) => !(key.split(" | ")[0]! in expected))
      .map((key) => `${key}: synth ${bySynth.get(key)} live ${byLive.get(key)}`);
    expect(differences).toEqual([]);
    // Live, the deploy step's log delivery (hashicorp/aws 5.100 cannot declare it) is judged like any other.
    const logRules = Object.fromEntries(
      [...byLive].filter(([key]) => /^auth-(event-logging|log-retention) /.test(key)),
    );
    expect(logRules).toEqual({
      "auth-event-logging | UserPool | shopsphere-compliant-customers": "PASS",
      "auth-event-logging | UserPool | shopsphere-compliant-staff": "PASS",
      "auth-event-logging | UserPool | shopsphere-legacy-customers": "FAIL",
      "auth-event-logging | UserPool | shopsphere-legacy-staff": "PASS",
      "auth-log-retention | UserPool | shopsphere-compliant-customers": "PASS",
      "auth-log-retention | UserPool | shopsphere-compliant-staff": "PASS",
      "auth-log-retention | UserPool | shopsphere-legacy-customers": "NOT_APPLICABLE",
      "auth-log-retention | UserPool | shopsphere-legacy-staff": "FAIL",
    });
    for (const key of bySynth.keys())
      if (key.startsWith("auth-event-logging")) expect(bySynth.get(key)).toBe("UNKNOWN");
    // Rules only the live scan judges: synth lists them once in notJudged, live judges every client or pool.
    const liveOnly = (synth.notJudged ?? []).map((n) => n.ruleId);
    expect(liveOnly.sort()).toEqual([
      "custom-domain-tls-policy",
      "m2m-client-secret-age",
      "open-client-registration-disabled",
      "sso-session-lifetime",
    ]);
    expect([...byLive.keys()].filter((key) => !liveOnly.includes(key.split(" | ")[0]!)).length).toBe(bySynth.size);
  });

  it("writes authwarden.json with --output-dir, resources named as configured and located by ARN", async () => {
    const out = mkdtempSync(join(tmpdir(), "authwarden-scan-out-"));
    const { code } = await runCli(
      ["scan", ...scanFlags(), "--format", "json", "html", "--output-dir", out],
      process.env,
    );
    expect(code).toBe(1);
    const html = readFileSync(join(out, "authwarden.html"), "utf8");
    expect(html).toContain(
      "No input files: the configuration was read from the live AWS account (account 123456789012, eu-west-1)",
    );
    expect(html).toContain("read through read-only AWS APIs");
    const report = JSON.parse(readFileSync(join(out, "authwarden.json"), "utf8")) as Report;
    expect(report.source).toBe("live");
    expect(report.scopes).toEqual(["account 123456789012", EMULATOR_REGION]);
    const pool = report.results.find(
      (r) => r.resource.kind === "UserPool" && r.resource.name === "shopsphere-legacy-staff",
    );
    expect(pool?.resource.arn).toMatch(/^arn:aws:cognito-idp:eu-west-1:\d+:userpool\/eu-west-1_/);
  });

  it("reads each pool's domain", async () => {
    const estate = await scanAccount(sdkClientFactory({ endpointUrl: emulator.url }), { regions: [EMULATOR_REGION] });
    const domains = estate.userPoolDomains
      .map((d) => `${d.userPool?.name.known ? d.userPool.name.value : "?"} ${d.name.known ? d.name.value : "?"}`)
      .sort();
    expect(domains).toEqual(expect.arrayContaining(["shopsphere-legacy-staff shopsphere-legacy-staff"]));
    for (const domain of estate.userPoolDomains)
      expect(domain.customDomain).toEqual({ known: true, value: false, origin: "configured" });
  });

  it("sends only Describe, Get and List operations, all within the scanner's documented IAM policy", async () => {
    const sent = new Set<string>();
    await scanReport((client) =>
      (client.middlewareStack.add as unknown as (mw: unknown, options: unknown) => void)(
        (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
          sent.add(context.commandName ?? "(unnamed)");
          return next(args);
        },
        { step: "initialize", name: "record-operations" },
      ),
    );
    const operations = [...sent].map((name) => name.replace(/Command$/, "")).sort();
    expect(operations.length).toBeGreaterThan(10);
    expect(operations.filter((op) => !/^(Describe|Get|List)/.test(op))).toEqual([]);
    const policy = readFileSync(join("policies", "scanner-iam-policy.json"), "utf8");
    const allowed = JSON.parse(policy) as { Statement: { Action: string[] }[] };
    const actions = allowed.Statement.flatMap((s) => s.Action).map((a) => a.split(":")[1]!.toLowerCase());
    // API Gateway's REST and HTTP API reads (GetAuthorizers and GetStages of both) are all apigateway:GET.
    const apiGatewayReads = operations.filter((op) =>
      ["GetRestApis", "GetResources", "GetAuthorizers", "GetStages", "GetApis", "GetRoutes"].includes(op),
    );
    expect(apiGatewayReads.length).toBe(6);
    expect(actions).toContain("get");
    const resources = allowed.Statement.flatMap((s) => (s as { Resource?: string | string[] }).Resource ?? []);
    expect(resources).toEqual(
      expect.arrayContaining(["arn:aws:apigateway:*::/restapis/*", "arn:aws:apigateway:*::/apis/*"]),
    );
    for (const op of operations.filter((o) => !apiGatewayReads.includes(o)))
      expect(actions, `${op} is not in the scanner policy`).toContain(op.toLowerCase());
  }, 120_000);
});

const NEWER_THAN_IAM_DATASET = new Set(["cognito-idp:GetUserPoolClientSessionConfiguration"]);

describe("the scanner's IAM policy, audited with authwarden's own IAM analysis", () => {
  it("grants only reads, no wildcard actions and no privilege escalation", () => {
    const source = readPolicyString(readFileSync(join("policies", "scanner-iam-policy.json"), "utf8"), "literal");
    expect(source.kind).toBe("document");
    const document = source.kind === "document" && source.document.known ? source.document.value : undefined;
    expect(document?.statements.length).toBeGreaterThan(0);
    for (const statement of document!.statements) {
      expect(statement.effect).toBe("Allow");
      expect(statement.notActions).toBeUndefined();
      for (const action of statement.actions ?? []) {
        expect(action, "no wildcard actions").not.toMatch(/\*/);
        // Newer than the IAM action dataset, which therefore counts it neither as a read nor as safe (escalationGranted
        // fails closed on an estate action it does not know): a Get of the client's session settings, named here one by
        // one. Once the dataset knows it, it must pass both checks like the rest.
        if (NEWER_THAN_IAM_DATASET.has(action) && accessLevels(action) === undefined) {
          expect(action).toMatch(/^cognito-idp:Get[A-Za-z]+$/);
          continue;
        }
        expect(escalationGranted(action), `${action} escalates`).toBeUndefined();
        // apigateway:GET is the HTTP-verb action API Gateway uses for every read.
        if (action === "apigateway:GET") continue;
        expect(isReadOnlyActionPattern(action), `${action} is not a read`).toBe(true);
      }
    }
  });
});

describe("faults never pass", () => {
  it("AccessDenied on GetIdentityPoolRoles: every identity-role rule on that pool is UNKNOWN with the reason, none PASS, the exit still reflects other failures", async () => {
    const report = await scanReport(
      failing("GetIdentityPoolRolesCommand", () =>
        awsError(
          "AccessDeniedException",
          400,
          "User: scanner is not authorized to perform: cognito-identity:GetIdentityPoolRoles",
        ),
      ),
    );
    const identityRole = report.results.filter((r) => r.ruleId.startsWith("identity-role-"));
    expect(identityRole.filter((r) => r.status === "PASS")).toEqual([]);
    const roleRules = [...RULES_BY_ID.keys()].filter((id) => id.startsWith("identity-role-"));
    for (const pool of ["shopsphere_legacy_customers", "shopsphere_compliant_customers"]) {
      for (const ruleId of roleRules) {
        const results = report.results.filter(
          (r) => r.ruleId === ruleId && r.resource.kind === "IdentityPool" && r.resource.name === pool,
        );
        expect(results.length, `${ruleId} on ${pool}`).toBeGreaterThan(0);
        for (const result of results) {
          expect(result.status, `${ruleId} on ${pool}: ${result.message}`).toBe("UNKNOWN");
          expect(result.message).toMatch(/access denied/);
        }
      }
    }
    expect(report.diagnostics.some((d) => /GetIdentityPoolRoles|roles of identity pool/.test(d.message))).toBe(true);
    expect(report.results.some((r) => r.status === "FAIL" && r.ruleId === "mfa-required")).toBe(true);
    expect(report.gate?.passed).toBe(false);
  }, 120_000);

  it("a scanner allowed only List calls (every Describe and Get denied) fails the gate on its UNKNOWNs and counts the failed reads", async () => {
    // Denial of every Describe/Get is injected: the emulator does not enforce IAM.
    const denyReads: ClientHook = (client) =>
      (client.middlewareStack.add as unknown as (mw: unknown, options: unknown) => void)(
        (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
          if (/^(Describe|Get)/.test(context.commandName ?? ""))
            throw awsError("AccessDeniedException", 400, `not authorized to perform ${context.commandName}`);
          return next(args);
        },
        { step: "initialize", name: "deny-describe-get" },
      );
    const report = await scanReport(denyReads);
    const failedReads = report.diagnostics.filter((d) => d.failedRead);
    expect(failedReads.length).toBeGreaterThan(10);
    expect(report.summary.failedReads).toBe(failedReads.length);
    expect(report.diagnostics.every((d) => d.failedRead)).toBe(true);
    assertValid(reportSchema, JSON.parse(JSON.stringify(report)), "authwarden.json");
    for (const failOn of ["critical", "high", "medium", "low", "info"] as const) {
      const gated = withGate(report, failOn);
      const atOrAbove = (r: Result) => severityRank(r.severity) >= severityRank(failOn);
      const unknowns = report.results.filter((r) => r.status === "UNKNOWN" && atOrAbove(r)).length;
      const others =
        report.diagnostics.filter((d) => d.incomplete).length +
        report.results.filter((r) => r.status === "ERROR" || (r.status === "FAIL" && atOrAbove(r))).length;
      expect(unknowns, failOn).toBeGreaterThan(0);
      expect(gated.gate, failOn).toEqual({ failOn, passed: false, blocking: others + unknowns });
    }
    const text = writeConsole(report, { color: false });
    expect(text.trimEnd().split("\n").at(-1)).toMatch(
      new RegExp(`^gate failed: .*, ${failedReads.length} reads failed · fail-on high$`),
    );
  }, 120_000);

  let clean: Report | undefined;
  it.each([
    ["ListUserPoolsCommand", "AccessDeniedException", 400],
    ["DescribeUserPoolCommand", "AccessDeniedException", 400],
    ["GetUserPoolMfaConfigCommand", "AccessDeniedException", 400],
    ["DescribeRiskConfigurationCommand", "AccessDeniedException", 400],
    ["GetLogDeliveryConfigurationCommand", "AccessDeniedException", 400],
    ["ListUserPoolClientsCommand", "AccessDeniedException", 400],
    ["DescribeUserPoolClientCommand", "AccessDeniedException", 400],
    ["ListIdentityProvidersCommand", "AccessDeniedException", 400],
    ["DescribeIdentityProviderCommand", "AccessDeniedException", 400],
    ["ListGroupsCommand", "AccessDeniedException", 400],
    ["ListResourceServersCommand", "AccessDeniedException", 400],
    ["ListIdentityPoolsCommand", "AccessDeniedException", 400],
    ["DescribeIdentityPoolCommand", "AccessDeniedException", 400],
    ["GetAccountAuthorizationDetailsCommand", "AccessDenied", 403],
    ["GetRoleCommand", "AccessDenied", 403],
    ["GetRestApisCommand", "AccessDeniedException", 403],
    ["GetResourcesCommand", "AccessDeniedException", 403],
    ["GetAuthorizersCommand", "AccessDeniedException", 403],
    ["GetStagesCommand", "AccessDeniedException", 403],
    ["GetApisCommand", "AccessDeniedException", 403],
    ["GetRoutesCommand", "AccessDeniedException", 403],
    ["GetWebACLForResourceCommand", "AccessDeniedException", 400],
  ])(
    "AccessDenied on %s never turns into a PASS of what it would have read, and fails the gate",
    async (command, name, status) => {
      clean ??= await scanReport();
      const faulted = await scanReport(
        failing(command, () => awsError(name, status, `not authorized to perform ${command}`)),
      );
      expect(faulted.diagnostics.some((d) => /access denied/.test(d.message))).toBe(true);
      const notPassingBefore = new Set(
        clean.results.filter((r) => r.status !== "PASS").map((r) => `${r.ruleId}|${r.resource.key}`),
      );
      // A result that was not PASS on a clean read must not become PASS because a read failed.
      const newPasses = faulted.results.filter(
        (r) => r.status === "PASS" && notPassingBefore.has(`${r.ruleId}|${r.resource.key}`),
      );
      expect(newPasses.map((r) => `${r.ruleId} ${r.resource.name}`)).toEqual([]);
      // Nothing the clean scan judged may silently vanish without the audit being marked incomplete.
      const faultedKeys = new Set(faulted.results.map((r) => `${r.ruleId}|${r.resource.key}`));
      const vanished = clean.results.filter((r) => !faultedKeys.has(`${r.ruleId}|${r.resource.key}`));
      if (vanished.length > 0) expect(faulted.diagnostics.some((d) => d.incomplete)).toBe(true);
      expect(faulted.gate?.passed).toBe(false);
    },
    180_000,
  );

  // A 200 whose body lacks the members the API always returns: the emulator always sends them, so the response is
  // emptied by an SDK middleware (what the deserializer makes of a "{}" body: nothing but $metadata).
  it.each([
    ["DescribeUserPoolCommand", "UserPool", "UserPool", ["password-min-length", "account-recovery-verified"]],
    ["GetUserPoolMfaConfigCommand", "MfaConfiguration", "UserPool", ["mfa-required"]],
    [
      "DescribeUserPoolClientCommand",
      "UserPoolClient",
      "UserPoolClient",
      ["access-token-lifetime", "client-auth-flows-secure"],
    ],
    [
      "DescribeIdentityPoolCommand",
      "IdentityPoolId",
      "IdentityPool",
      ["identity-pool-guest-access", "identity-pool-classic-flow-disabled"],
    ],
  ])(
    "a 200 from %s without %s is a failed read: those results are UNKNOWN, none newly PASS, and the gate fails",
    async (command, member, kind, ruleIds) => {
      clean ??= await scanReport();
      const emptying: ClientHook = (client) =>
        (client.middlewareStack.add as unknown as (mw: unknown, options: unknown) => void)(
          (next: (args: unknown) => Promise<{ output: { $metadata?: unknown } }>, context: { commandName?: string }) =>
            async (args: unknown) => {
              const result = await next(args);
              return context.commandName === command
                ? { ...result, output: { $metadata: result.output.$metadata } }
                : result;
            },
          { step: "initialize", name: `empty-${command}` },
        );
      const faulted = await scanReport(emptying);
      const lacking = faulted.diagnostics.filter((d) =>
        d.message.includes(`the response lacks ${member}, which the API always returns`),
      );
      expect(lacking.length).toBeGreaterThanOrEqual(2);
      expect(lacking.every((d) => d.failedRead)).toBe(true);
      expect(faulted.summary.failedReads).toBe(faulted.diagnostics.filter((d) => d.failedRead).length);
      for (const ruleId of ruleIds) {
        const results = faulted.results.filter((r) => r.ruleId === ruleId && r.resource.kind === kind);
        expect(results.length, `${ruleId} on ${kind}`).toBeGreaterThanOrEqual(2);
        for (const result of results) {
          expect(result.status, `${ruleId} on ${result.resource.name}: ${result.message}`).toBe("UNKNOWN");
          expect(result.message).toContain(`the response lacks ${member}`);
        }
      }
      const notPassingBefore = new Set(
        clean.results.filter((r) => r.status !== "PASS").map((r) => `${r.ruleId}|${r.resource.key}`),
      );
      const newPasses = faulted.results.filter(
        (r) => r.status === "PASS" && notPassingBefore.has(`${r.ruleId}|${r.resource.key}`),
      );
      expect(newPasses.map((r) => `${r.ruleId} ${r.resource.name}`)).toEqual([]);
      // Every result on the affected resources that passed on a clean read is now UNKNOWN, never PASS.
      const affected = faulted.results.filter((r) => r.resource.kind === kind && ruleIds.includes(r.ruleId));
      expect(affected.filter((r) => r.status === "PASS")).toEqual([]);
      // The UNKNOWNs the failed reads left behind block on their own (all these rules are medium or above).
      const medium = withGate(faulted, "medium").gate!;
      const atOrAboveMedium = (r: Result) => severityRank(r.severity) >= severityRank("medium");
      const others =
        faulted.diagnostics.filter((d) => d.incomplete).length +
        faulted.results.filter((r) => r.status === "ERROR" || (r.status === "FAIL" && atOrAboveMedium(r))).length;
      expect(affected.every(atOrAboveMedium)).toBe(true);
      expect(medium.passed).toBe(false);
      expect(medium.blocking - others).toBeGreaterThanOrEqual(affected.length);
      expect(faulted.gate?.passed).toBe(false);
    },
    180_000,
  );

  it("a web ACL that cannot be read makes waf-protection UNKNOWN with the reason, not a missing-WAF FAIL", async () => {
    const report = await scanReport(
      failing("GetWebACLForResourceCommand", () =>
        awsError("AccessDeniedException", 400, "not authorized to perform wafv2:GetWebACLForResource"),
      ),
    );
    const waf = report.results.filter((r) => r.ruleId === "waf-protection");
    expect(waf.length).toBe(4);
    for (const result of waf) {
      expect(result.status).toBe("UNKNOWN");
      expect(result.message).toMatch(
        /web ACL association cannot be determined: web ACL of user pool .* could not be read: access denied/,
      );
    }
  }, 120_000);

  it("throttling that outlasts the SDK's retries makes the pool's rules UNKNOWN, not PASS", async () => {
    const report = await scanReport(
      failing("DescribeUserPoolCommand", () => awsError("ThrottlingException", 400, "Rate exceeded")),
      2,
    );
    const poolResults = report.results.filter(
      (r) => r.resource.kind === "UserPool" && r.ruleId === "password-min-length",
    );
    expect(poolResults.length).toBeGreaterThan(0);
    for (const result of poolResults) {
      expect(result.status).toBe("UNKNOWN");
      expect(result.message).toMatch(/throttled after retries/);
    }
  }, 180_000);

  it("a list that breaks off after its first page marks the audit incomplete and fails the gate", async () => {
    let calls = 0;
    const truncating: ClientHook = (client) =>
      (client.middlewareStack.add as unknown as (mw: unknown, options: unknown) => void)(
        (next: (args: unknown) => Promise<{ output: Record<string, unknown> }>, context: { commandName?: string }) =>
          async (args: unknown) => {
            if (context.commandName !== "ListUserPoolClientsCommand") return next(args);
            calls += 1;
            if (calls % 2 === 0) throw awsError("InternalErrorException", 500, "connection reset mid-listing");
            const result = await next(args);
            return { ...result, output: { ...result.output, NextToken: "page-2" } };
          },
        { step: "initialize", name: "truncate-client-list" },
      );
    const report = await scanReport(truncating, 1);
    expect(report.diagnostics.filter((d) => d.incomplete).length).toBeGreaterThan(0);
    expect(report.diagnostics.find((d) => d.incomplete)?.message).toMatch(
      /app clients of user pool .* could not be read: .*; they were not audited/,
    );
    const compliantOnly = await scanReport(truncating, 1);
    expect(compliantOnly.gate?.passed).toBe(false);
  }, 180_000);
});

describe("request timeouts", () => {
  // A hang the emulator cannot play: a loopback TCP server that accepts every connection and never answers.
  it("an endpoint that accepts and never answers ends, within seconds, in failed reads, an incomplete audit and a failed gate", async () => {
    const silent = await startSilentServer();
    try {
      const started = Date.now();
      const scan = await runCli(
        [
          "scan",
          "--region",
          EMULATOR_REGION,
          "--endpoint-url",
          silent.url,
          "--quiet",
          "--request-timeout",
          "200",
          "--format",
          "json",
        ],
        process.env,
      );
      const elapsed = Date.now() - started;
      expect(scan.code, scan.stderr).toBe(1);
      const report = JSON.parse(scan.stdout) as Report;
      expect(report.gate?.passed).toBe(false);
      expect(report.diagnostics.length).toBeGreaterThan(0);
      expect(report.diagnostics.some((d) => d.incomplete)).toBe(true);
      for (const diagnostic of report.diagnostics) {
        expect(diagnostic.failedRead).toBe(true);
        expect(diagnostic.message).toMatch(
          /could not be read: the request timed out \(TimeoutError: .*200 ms requestTimeout/,
        );
      }
      expect(report.summary.failedReads).toBe(report.diagnostics.length);
      expect(elapsed).toBeLessThan(20_000);
    } finally {
      await silent.close();
    }
  }, 60_000);

  it("rejects a --request-timeout that is not a positive number of milliseconds", async () => {
    for (const value of ["0", "-5", "soon", "1.5"]) {
      const { code, stderr } = await runCli(["scan", ...scanFlags(), "--request-timeout", value], process.env);
      expect(code, value).toBe(2);
      expect(stderr.trimEnd().split("\n"), value).toEqual([
        `authwarden: --request-timeout ${JSON.stringify(value)} is not a whole number of milliseconds greater than 0`,
      ]);
    }
  });
});

describe("progress", () => {
  it("shows accounts, regions and pools on a terminal and nothing with --quiet", async () => {
    const { run } = await import("../../../checks/cli/index.js");
    let stderr = "";
    const io = (tty: boolean) => ({
      stdout: () => undefined,
      stderr: (t: string) => (stderr += t),
      stdoutIsTTY: false,
      stderrIsTTY: tty,
      env: process.env,
    });
    await run(["scan", "--region", EMULATOR_REGION, "--endpoint-url", emulator.url, "--format", "json"], io(true));
    expect(stderr).toMatch(
      /scanning · accounts 1\/1 · regions 0\/1 · pools \d+ · \d+ read · eu-west-1 · pool shopsphere-/,
    );
    expect(stderr).toMatch(/accounts 1\/1 · regions 1\/1 · pools 4 · /);
    stderr = "";
    await run(["scan", ...scanFlags(), "--format", "json"], io(true));
    expect(stderr).toBe("");
    await run(["scan", "--region", EMULATOR_REGION, "--endpoint-url", emulator.url, "--format", "json"], io(false));
    expect(stderr).toBe("");
  }, 180_000);
});

// Last in this file: these tests change the emulated account.
describe("drift against what was planned", () => {
  it("is empty right after the plan was applied", async () => {
    const { stdout } = await runCli(["scan", ...scanFlags(), "--format", "json", "--planned", synthDir], process.env);
    const report = JSON.parse(stdout) as Report;
    expect(report.drift).toMatchObject({
      against: { source: "synth", scopes: ["shop-compliant", "shop-legacy"] },
      changed: [],
      onlyLive: [],
      onlyPlanned: [],
    });
    const console = await runCli(["scan", ...scanFlags(), "--planned", synthDir], process.env);
    expect(console.stdout).toContain("none: the live account matches what was planned");
  });

  it("shows a verdict changed by hand and a pool made outside the code, in JSON, console, Markdown and HTML", async () => {
    const client = new CognitoIdentityProviderClient({ region: EMULATOR_REGION, endpoint: emulator.url });
    const pools = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
    const staff = pools.UserPools?.find((p) => p.Name === "shopsphere-compliant-staff");
    expect(staff?.Id).toBeDefined();
    await client.send(new SetUserPoolMfaConfigCommand({ UserPoolId: staff!.Id, MfaConfiguration: "OFF" }));
    await client.send(new CreateUserPoolCommand({ PoolName: "made-by-hand" }));

    const out = mkdtempSync(join(tmpdir(), "authwarden-drift-"));
    const { stdout } = await runCli(
      [
        "scan",
        ...scanFlags(),
        "--planned",
        synthDir,
        "--format",
        "console",
        "json",
        "markdown",
        "html",
        "--output-dir",
        out,
      ],
      process.env,
    );
    const report = JSON.parse(readFileSync(join(out, "authwarden.json"), "utf8")) as Report;
    expect(report.drift?.changed).toEqual([
      expect.objectContaining({
        ruleId: "mfa-required",
        resource: expect.objectContaining({ name: "shopsphere-compliant-staff" }),
        planned: "PASS",
        live: "FAIL",
      }),
    ]);
    expect(report.drift?.onlyLive.map((r) => `${r.kind} ${r.name}`)).toEqual(["UserPool made-by-hand"]);
    expect(report.drift?.onlyPlanned).toEqual([]);
    assertValid(reportSchema, report, "authwarden.json");
    expect(stdout).toContain("mfa-required  UserPool shopsphere-compliant-staff: planned PASS, live FAIL");
    expect(stdout).toContain("only live (not in the plan): UserPool made-by-hand");
    expect(readFileSync(join(out, "authwarden.md"), "utf8")).toContain(
      "| changed | mfa-required | UserPool shopsphere-compliant-staff | planned PASS, live FAIL |",
    );
    expect(readFileSync(join(out, "authwarden.html"), "utf8")).toContain("2.3 Drift against the planned configuration");
  }, 120_000);

  it("a --planned path that does not exist exits 2 before the account is scanned", async () => {
    const { code, stderr } = await runCli(["scan", ...scanFlags(), "--planned", "/no/such/plan.json"], process.env);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split("\n")).toEqual([
      "authwarden: /no/such/plan.json: does not exist: --planned expects a cdktf synth output, a .tf directory or a plan JSON",
    ]);
  });
});
