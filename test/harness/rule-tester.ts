// An ESLint RuleTester-style harness: every rule is tested with valid and invalid cases, each a
// small cdktf stack whose resources are named after their expected verdict (pass_totp,
// fail_sms_only, unknown_var). The harness checks the cases themselves too: both groups present,
// no duplicate names, options valid against the rule's schema, message ids declared by the rule.

import { describe, expect, it } from "vitest";
import type { AudienceSettings } from "../../checks/engine/audience.js";
import { evaluate } from "../../checks/engine/evaluate.js";
import { assertValid } from "../../checks/io/json-schema.js";
import type { Audience } from "../../checks/model/index.js";
import type { ResolvedPolicy } from "../../checks/engine/policy-pack.js";
import type { Result } from "../../checks/engine/report.js";
import { SHARED_MESSAGES, type Rule, type Status } from "../../checks/engine/rule.js";
import { estateOf, type StackBuilder } from "./synth-fixture.js";

export interface RuleCase {
  /** Names the case; by convention also the name of the resource under test (pass_..., fail_..., unknown_...). */
  readonly name: string;
  readonly stack: StackBuilder;
  readonly options?: Record<string, unknown>;
  readonly audienceOptions?: Partial<Record<Audience, Record<string, unknown>>>;
}

export interface ExpectedResult {
  /** The resource name as configured, or its Terraform address for resources without a name (API routes). */
  readonly resource: string;
  readonly status: Exclude<Status, "PASS" | "WAIVED" | "ERROR">;
  readonly messageId?: string;
  /** A fragment the rendered message must contain. */
  readonly messageIncludes?: string;
}

export interface InvalidRuleCase extends RuleCase {
  readonly results: readonly ExpectedResult[];
}

export interface RuleTests {
  readonly valid: readonly RuleCase[];
  readonly invalid: readonly InvalidRuleCase[];
}

const AUDIENCE: AudienceSettings = { tagKey: "pci:audience", namePatterns: [], default: "workforce" };

/** Runs one rule over a synthesized stack and returns its results. */
export function runRule(
  rule: Rule,
  build: StackBuilder,
  testCase: Pick<RuleCase, "options" | "audienceOptions"> = {},
): Result[] {
  const policy: ResolvedPolicy = {
    name: "rule-tester",
    version: "0",
    audience: AUDIENCE,
    rules: [
      {
        id: rule.meta.id,
        severity: rule.meta.severity,
        options: testCase.options ?? {},
        audienceOptions: testCase.audienceOptions ?? {},
      },
    ],
  };
  return [...evaluate(estateOf(build), policy, new Map([[rule.meta.id, rule]]), { now: new Date(0) }).results];
}

export class RuleTester {
  static run(rule: Rule, tests: RuleTests): void {
    describe(`${rule.meta.id}: ${rule.meta.title}`, () => {
      it("has valid and invalid cases with unique names and valid options", () => {
        expect(tests.valid.length, "valid cases").toBeGreaterThan(0);
        expect(tests.invalid.length, "invalid cases").toBeGreaterThan(0);
        const names = [...tests.valid, ...tests.invalid].map((c) => c.name);
        expect(new Set(names).size, `duplicate case names in ${names.join(", ")}`).toBe(names.length);
        for (const testCase of [...tests.valid, ...tests.invalid]) {
          if (testCase.options) assertValid(rule.meta.options.schema, testCase.options, testCase.name);
          for (const options of Object.values(testCase.audienceOptions ?? {}))
            assertValid(rule.meta.options.schema, options, testCase.name);
        }
        for (const testCase of tests.invalid) {
          expect(testCase.results.length, `${testCase.name} lists no expected results`).toBeGreaterThan(0);
          for (const expected of testCase.results) {
            if (expected.messageId)
              expect(Object.keys({ ...SHARED_MESSAGES, ...rule.meta.messages })).toContain(expected.messageId);
          }
        }
      });

      for (const testCase of tests.valid) {
        it(`valid: ${testCase.name}`, () => {
          const results = runRule(rule, testCase.stack, testCase);
          expect(results.length, "the rule evaluated no resource").toBeGreaterThan(0);
          const bad = results.filter((r) => r.status !== "PASS" && r.status !== "NOT_APPLICABLE");
          expect(bad.map((r) => `${r.resource.name}: ${r.status} ${r.message}`)).toEqual([]);
        });
      }

      for (const testCase of tests.invalid) {
        it(`invalid: ${testCase.name}`, () => {
          const results = runRule(rule, testCase.stack, testCase);
          const notPassing = results.filter((r) => r.status !== "PASS" && r.status !== "NOT_APPLICABLE");
          const named = (r: Result) =>
            testCase.results.some((e) => e.resource === r.resource.address) ? r.resource.address : r.resource.name;
          expect(notPassing.map((r) => `${named(r)}: ${r.status}`).sort()).toEqual(
            testCase.results.map((e) => `${e.resource}: ${e.status}`).sort(),
          );
          for (const expected of testCase.results) {
            const actual = notPassing.find((r) => named(r) === expected.resource && r.status === expected.status)!;
            if (expected.messageId) expect(actual.messageId, actual.message).toBe(expected.messageId);
            if (expected.messageIncludes) expect(actual.message).toContain(expected.messageIncludes);
          }
        });
      }
    });
  }
}
