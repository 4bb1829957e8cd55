// The RuleTester for rules only the live scan can judge (RULES.md: `judgedBy` live). A case builds its
// resources in the moto emulator with the AWS SDK (the settings these rules read have no Terraform
// attribute), the real live loader scans the region, and the rule runs on that estate; the checks on
// cases and results are RuleTester's (case-checks.ts). The emulator is reset between cases. A case may
// inject a fault the emulator cannot produce (access denied on one operation) through an SDK
// middleware, and fix the evaluation's clock (a secret a year old cannot be made in a test run).
// Each rule is also checked to be left out, and listed in notJudged, on a configuration source.

import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate } from "../../checks/engine/evaluate.js";
import { assertValid } from "../../checks/io/json-schema.js";
import type { ResolvedPolicy } from "../../checks/engine/policy-pack.js";
import type { Result } from "../../checks/engine/report.js";
import { SHARED_MESSAGES, type Rule } from "../../checks/engine/rule.js";
import type { Audience, Estate } from "../../checks/model/index.js";
import { sdkClientFactory, type ClientHook } from "../../checks/sources/live/clients.js";
import { scanAccount } from "../../checks/sources/live/loader.js";
import { EMULATOR_REGION, startEmulator, type Emulator } from "../support/moto.js";
import {
  checkDiagnostics,
  checkExpectedMessageIds,
  checkPlaceholders,
  checkValidResults,
  checkVerdictNames,
  labelOf,
} from "./case-checks.js";
import type { ExpectedResult } from "./rule-tester.js";
import { estateOf } from "./synth-fixture.js";
import { userPool } from "./cognito-fixtures.js";

export interface LiveRuleCase {
  readonly name: string;
  /** Creates the case's resources in the emulator. */
  readonly setup: (idp: CognitoIdentityProviderClient) => Promise<void>;
  readonly options?: Record<string, unknown>;
  readonly audienceOptions?: Partial<Record<Audience, Record<string, unknown>>>;
  /** The evaluation's clock, in days after now; default now. */
  readonly daysLater?: number;
  /** An operation (SDK command name) that fails with AccessDeniedException during the scan. */
  readonly denied?: string;
  /** Substrings of the scan's diagnostics the case expects (a denied read reports one). */
  readonly diagnostics?: readonly string[];
}

export interface InvalidLiveRuleCase extends LiveRuleCase {
  readonly results: readonly ExpectedResult[];
}

const CREDENTIALS = { accessKeyId: "test", secretAccessKey: "test" };

function denying(commandName: string): ClientHook {
  // The emulator grants every call: a denial is injected before the request is sent.
  return (client) =>
    (client.middlewareStack.add as unknown as (mw: unknown, options: unknown) => void)(
      (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
        if (context.commandName === commandName)
          throw Object.assign(new Error(`User: scanner is not authorized to perform: ${commandName}`), {
            name: "AccessDeniedException",
            $fault: "client",
            $metadata: { httpStatusCode: 400 },
          });
        return next(args);
      },
      { step: "initialize", name: `deny-${commandName}` },
    );
}

function evaluateOn(rule: Rule, estate: Estate, testCase: LiveRuleCase): Result[] {
  const policy: ResolvedPolicy = {
    name: "live-rule-tester",
    version: "0",
    audience: { tagKey: "pci:audience", namePatterns: [], default: "workforce" },
    rules: [
      {
        id: rule.meta.id,
        severity: rule.meta.severity,
        options: testCase.options ?? {},
        audienceOptions: testCase.audienceOptions ?? {},
      },
    ],
  };
  const now = new Date(Date.now() + (testCase.daysLater ?? 0) * 86_400_000);
  return [...evaluate(estate, policy, new Map([[rule.meta.id, rule]]), { now }).results];
}

export class LiveRuleTester {
  static run(rule: Rule, tests: { valid: readonly LiveRuleCase[]; invalid: readonly InvalidLiveRuleCase[] }): void {
    const messageIds = Object.keys({ ...SHARED_MESSAGES, ...rule.meta.messages });
    describe(`${rule.meta.id} (live): ${rule.meta.title}`, () => {
      let emulator: Emulator;
      let idp: CognitoIdentityProviderClient;
      beforeAll(async () => {
        emulator = await startEmulator();
        idp = new CognitoIdentityProviderClient({
          region: EMULATOR_REGION,
          endpoint: emulator.url,
          credentials: CREDENTIALS,
        });
      }, 120_000);
      afterAll(async () => {
        idp?.destroy();
        await emulator?.stop();
      });

      async function scan(testCase: LiveRuleCase): Promise<Estate> {
        const reset = await fetch(`${emulator.url}/moto-api/reset`, { method: "POST" });
        expect(reset.status).toBe(200);
        await testCase.setup(idp);
        const saved = { ...process.env };
        Object.assign(process.env, {
          AWS_ACCESS_KEY_ID: "test",
          AWS_SECRET_ACCESS_KEY: "test",
          AWS_EC2_METADATA_DISABLED: "true",
        });
        try {
          const clients = sdkClientFactory({
            endpointUrl: emulator.url,
            maxAttempts: 1,
            ...(testCase.denied ? { hook: denying(testCase.denied) } : {}),
          });
          return await scanAccount(clients, { regions: [EMULATOR_REGION] });
        } finally {
          process.env = saved;
        }
      }

      it("declares itself live only: on a configuration source it gives no result and is listed in notJudged", () => {
        expect(rule.meta.judgedBy?.sources).toEqual(["live"]);
        const estate = estateOf((s) => userPool(s, "staff"));
        const policy: ResolvedPolicy = {
          name: "t",
          version: "0",
          audience: { tagKey: "pci:audience", namePatterns: [], default: "workforce" },
          rules: [{ id: rule.meta.id, severity: rule.meta.severity, options: {}, audienceOptions: {} }],
        };
        const report = evaluate(estate, policy, new Map([[rule.meta.id, rule]]), { now: new Date(0) });
        expect(report.results).toEqual([]);
        expect(report.notJudged).toEqual([
          { ruleId: rule.meta.id, reason: expect.stringMatching(/^judged only by the live scan: /) },
        ]);
      });

      it("has valid and invalid cases, unique by name, with valid options and message ids", () => {
        expect(tests.valid.length).toBeGreaterThan(0);
        expect(tests.invalid.length).toBeGreaterThan(0);
        const names = [...tests.valid, ...tests.invalid].map((c) => c.name);
        expect(new Set(names).size).toBe(names.length);
        for (const c of [...tests.valid, ...tests.invalid]) {
          if (c.options) assertValid(rule.meta.options.schema, c.options, c.name);
          for (const o of Object.values(c.audienceOptions ?? {})) assertValid(rule.meta.options.schema, o, c.name);
        }
        expect(tests.invalid.flatMap((c) => checkExpectedMessageIds(c.name, c.results, messageIds))).toEqual([]);
      });

      for (const testCase of tests.valid) {
        it(`valid: ${testCase.name}`, async () => {
          const estate = await scan(testCase);
          const results = evaluateOn(rule, estate, testCase);
          expect([
            ...checkValidResults(testCase.name, results),
            ...checkDiagnostics(testCase.name, estate.diagnostics, testCase.diagnostics),
            ...checkPlaceholders(testCase.name, results),
            ...checkVerdictNames(testCase.name, results, undefined),
          ]).toEqual([]);
        }, 60_000);
      }

      for (const testCase of tests.invalid) {
        it(`invalid: ${testCase.name}`, async () => {
          const estate = await scan(testCase);
          const results = evaluateOn(rule, estate, testCase);
          const notPassing = results.filter((r) => r.status !== "PASS");
          expect(notPassing.map((r) => `${labelOf(r)}: ${r.status}`).sort()).toEqual(
            testCase.results.map((e) => `${e.resource}: ${e.status}`).sort(),
          );
          for (const expected of testCase.results) {
            const actual = notPassing.find((r) => labelOf(r) === expected.resource && r.status === expected.status)!;
            expect(actual.messageId, actual.message).toBe(expected.messageId);
            if (expected.messageIncludes) expect(actual.message).toContain(expected.messageIncludes);
          }
          expect([
            ...checkDiagnostics(testCase.name, estate.diagnostics, testCase.diagnostics),
            ...checkPlaceholders(testCase.name, results),
            ...checkVerdictNames(testCase.name, results, testCase.results),
          ]).toEqual([]);
        }, 60_000);
      }
    });
  }
}
