// An ESLint RuleTester-style harness: every rule is tested with valid and invalid cases, each a
// small cdktf stack synthesized by cdktf and loaded by the real synth loader. Like ESLint's
// RuleTester it checks the cases as well as the rule (the checks are in case-checks.ts):
//  - both groups present, unique names, options valid against the rule's schema;
//  - every expected result names a messageId the rule declares (or a shared one);
//  - a valid case has at least one PASS result and nothing but PASS and NOT_APPLICABLE; a case
//    whose results are all NOT_APPLICABLE is an invalid case expecting them;
//  - an invalid case lists every result that is not PASS (NOT_APPLICABLE included);
//  - no rendered message keeps an unfilled {{placeholder}};
//  - two cases are duplicates when their synthesized cdk.tf.json (the case name masked) and options
//    are equal, whatever they are called;
//  - loading a fixture reports no diagnostics, unless the case declares them (`diagnostics`).
//
// Naming rule. Resources are named after their verdict: pass_, fail_, unknown_, na_ for PASS, FAIL,
// UNKNOWN, NOT_APPLICABLE. The label checked is the resource's name, or its Terraform address
// when only that carries a prefix (API routes are named "GET /path" but built as
// aws_api_gateway_method.fail_x).
//  1. A result whose label starts with a verdict prefix has exactly that status. Helpers that
//     fixture builders derive from a case name (`${name}-users`) inherit its prefix, so a
//     pass_x-users pool that FAILs is caught: name such helpers without a prefix (or after their
//     own verdict).
//  2. Each expected result of an invalid case names a resource with its own status's prefix.
//  3. A valid case passes at least one resource named pass_....
// A resource without a prefix is not the point of its case: it may PASS (or be NOT_APPLICABLE in
// a valid case) unnamed, but anything an invalid case must list is named after its verdict.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AudienceSettings } from "../../checks/engine/audience.js";
import { evaluate } from "../../checks/engine/evaluate.js";
import { assertValid } from "../../checks/io/json-schema.js";
import type { Audience, Estate } from "../../checks/model/index.js";
import type { ResolvedPolicy } from "../../checks/engine/policy-pack.js";
import type { Result } from "../../checks/engine/report.js";
import { SHARED_MESSAGES, type Rule } from "../../checks/engine/rule.js";
import { loadSynth } from "../../checks/sources/synth/loader.js";
import {
  caseContent,
  checkDiagnostics,
  checkDuplicates,
  checkExpectedMessageIds,
  checkPlaceholders,
  checkValidResults,
  checkVerdictNames,
  labelOf,
  type ExpectedStatus,
} from "./case-checks.js";
import {
  checkedProviderVersion,
  PROVIDER_BINDING,
  runsOnThisBinding,
  type BindingRestriction,
} from "./provider-binding.js";
import { estateOf, synthFixture, type StackBuilder } from "./synth-fixture.js";

export interface RuleCase {
  /** Names the case; by convention also the name of the resource under test (pass_..., fail_..., unknown_..., na_...). */
  readonly name: string;
  readonly stack: StackBuilder;
  readonly options?: Record<string, unknown>;
  readonly audienceOptions?: Partial<Record<Audience, Record<string, unknown>>>;
  /** Substrings of the loader diagnostics this fixture is expected to produce; none when omitted. */
  readonly diagnostics?: readonly string[];
  /** Where the verdict depends on the provider version: the one binding the case holds for, and why. */
  readonly onlyOn?: BindingRestriction;
}

export interface ExpectedResult {
  /** The resource name as configured, or its Terraform address for resources without a name (API routes). */
  readonly resource: string;
  readonly status: ExpectedStatus;
  readonly messageId: string;
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

/** Runs one rule over a loaded estate and returns its results. */
export function evaluateRule(
  rule: Rule,
  estate: Estate,
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
  return [...evaluate(estate, policy, new Map([[rule.meta.id, rule]]), { now: new Date(0) }).results];
}

/** Runs one rule over a synthesized stack and returns its results. */
export function runRule(
  rule: Rule,
  build: StackBuilder,
  testCase: Pick<RuleCase, "options" | "audienceOptions"> = {},
): Result[] {
  return evaluateRule(rule, estateOf(build), testCase);
}

interface Synthesized {
  /** The stack's cdk.tf.json as cdktf wrote it. */
  readonly json: string;
  readonly estate: Estate;
}

// Each case is synthesized once: the meta test needs every case's configuration to find duplicates,
// and the case's own test reuses it.
const synthesized = new WeakMap<RuleCase, Synthesized>();

function synthesize(testCase: RuleCase): Synthesized {
  let done = synthesized.get(testCase);
  if (!done) {
    const dir = synthFixture(testCase.stack);
    const json = readFileSync(join(dir, "stacks", "fixture", "cdk.tf.json"), "utf8");
    checkedProviderVersion(json);
    done = { json, estate: loadSynth(dir) };
    synthesized.set(testCase, done);
  }
  return done;
}

/** Problems every case is checked for; `expected` is an invalid case's expected results. */
function commonProblems(
  testCase: RuleCase,
  estate: Estate,
  results: readonly Result[],
  expected?: readonly ExpectedResult[],
): string[] {
  return [
    ...checkDiagnostics(testCase.name, estate.diagnostics, testCase.diagnostics),
    ...checkPlaceholders(testCase.name, results),
    ...checkVerdictNames(testCase.name, results, expected),
  ];
}

export class RuleTester {
  static run(rule: Rule, allTests: RuleTests): void {
    const messageIds = Object.keys({ ...SHARED_MESSAGES, ...rule.meta.messages });
    // Cases for the other provider binding run in its own project, not here.
    const tests: RuleTests = {
      valid: allTests.valid.filter((c) => runsOnThisBinding(c.onlyOn)),
      invalid: allTests.invalid.filter((c) => runsOnThisBinding(c.onlyOn)),
    };
    describe(`${rule.meta.id}: ${rule.meta.title} [${PROVIDER_BINDING}]`, () => {
      it("has valid and invalid cases, unique by name and by content, with valid options and message ids", () => {
        expect(tests.valid.length, "valid cases").toBeGreaterThan(0);
        expect(tests.invalid.length, "invalid cases").toBeGreaterThan(0);
        const all = [...tests.valid, ...tests.invalid];
        const names = all.map((c) => c.name);
        expect(new Set(names).size, `duplicate case names in ${names.join(", ")}`).toBe(names.length);
        for (const testCase of all) {
          if (testCase.options) assertValid(rule.meta.options.schema, testCase.options, testCase.name);
          for (const options of Object.values(testCase.audienceOptions ?? {}))
            assertValid(rule.meta.options.schema, options, testCase.name);
        }
        const problems = [
          ...tests.invalid.flatMap((c) => checkExpectedMessageIds(c.name, c.results, messageIds)),
          ...checkDuplicates(all.map((c) => ({ name: c.name, content: caseContent(c.name, synthesize(c).json, c) }))),
        ];
        expect(problems).toEqual([]);
      });

      for (const testCase of tests.valid) {
        it(`valid: ${testCase.name}`, () => {
          const { estate } = synthesize(testCase);
          const results = evaluateRule(rule, estate, testCase);
          expect([...checkValidResults(testCase.name, results), ...commonProblems(testCase, estate, results)]).toEqual(
            [],
          );
        });
      }

      for (const testCase of tests.invalid) {
        it(`invalid: ${testCase.name}`, () => {
          const { estate } = synthesize(testCase);
          const results = evaluateRule(rule, estate, testCase);
          const notPassing = results.filter((r) => r.status !== "PASS");
          // Results are listed by name, or by address where the case lists the address (API routes).
          const named = (r: Result) =>
            testCase.results.some((e) => e.resource === r.resource.address) ? r.resource.address : labelOf(r);
          expect(notPassing.map((r) => `${named(r)}: ${r.status}`).sort()).toEqual(
            testCase.results.map((e) => `${e.resource}: ${e.status}`).sort(),
          );
          for (const expected of testCase.results) {
            const actual = notPassing.find((r) => named(r) === expected.resource && r.status === expected.status)!;
            expect(actual.messageId, actual.message).toBe(expected.messageId);
            if (expected.messageIncludes) expect(actual.message).toContain(expected.messageIncludes);
          }
          expect(commonProblems(testCase, estate, results, testCase.results)).toEqual([]);
        });
      }
    });
  }
}
