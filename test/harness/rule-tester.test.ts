// The harness's own checks, each shown rejecting a bad case and accepting a sound one. Results come
// from real rules over real synthesized fixtures wherever the bad case can be built that way.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Rule } from "../../checks/engine/rule.js";
import mfaRequired from "../../checks/rules/mfa-required.js";
import threatProtectionCustomAuth from "../../checks/rules/threat-protection-custom-auth.js";
import {
  caseContent,
  checkDiagnostics,
  checkDuplicates,
  checkExpectedMessageIds,
  checkPlaceholders,
  checkValidResults,
  checkVerdictNames,
  labelOf,
  verdictOf,
} from "./case-checks.js";
import { consumerPool, identityPool, userPool } from "./cognito-fixtures.js";
import { runRule, type ExpectedResult } from "./rule-tester.js";
import { estateOf, synthFixture, type StackBuilder } from "./synth-fixture.js";

const totp = { softwareTokenMfaConfiguration: { enabled: true } };
const mfaOn =
  (name: string): StackBuilder =>
  (s) =>
    void userPool(s, name, { mfaConfiguration: "ON", ...totp });
const synthJson = (build: StackBuilder) =>
  readFileSync(join(synthFixture(build), "stacks", "fixture", "cdk.tf.json"), "utf8");

describe("checkExpectedMessageIds", () => {
  const ids = ["unknown", "notApplicable", "notRequired"];

  it("rejects an expected result without a messageId, with an undeclared one, or no expected result", () => {
    const missing = { resource: "fail_x", status: "FAIL" } as unknown as ExpectedResult;
    expect(checkExpectedMessageIds("fail_x", [missing], ids)).toEqual(["fail_x: fail_x FAIL has no messageId"]);
    expect(
      checkExpectedMessageIds("fail_x", [{ resource: "fail_x", status: "FAIL", messageId: "tooShort" }], ids),
    ).toEqual(["fail_x: fail_x expects messageId tooShort, which the rule does not declare"]);
    expect(checkExpectedMessageIds("fail_x", [], ids)).toEqual(["fail_x lists no expected results"]);
  });

  it("accepts declared and shared message ids", () => {
    const expected: ExpectedResult[] = [
      { resource: "fail_x", status: "FAIL", messageId: "notRequired" },
      { resource: "unknown_y", status: "UNKNOWN", messageId: "unknown" },
    ];
    expect(checkExpectedMessageIds("c", expected, ids)).toEqual([]);
  });
});

describe("checkValidResults", () => {
  it("rejects a valid case whose results are all NOT_APPLICABLE", () => {
    const results = runRule(threatProtectionCustomAuth, (s) => void userPool(s, "na_plain"));
    expect(results.map((r) => r.status)).toEqual(["NOT_APPLICABLE"]);
    expect(checkValidResults("na_plain", results)).toEqual([
      "na_plain: every result is NOT_APPLICABLE; that is an invalid case expecting NOT_APPLICABLE, not a valid one",
    ]);
  });

  it("rejects a FAIL and a case that evaluates nothing", () => {
    const results = runRule(mfaRequired, (s) => void userPool(s, "fail_off"));
    expect(checkValidResults("fail_off", results)).toEqual([expect.stringMatching(/^fail_off: fail_off: FAIL /)]);
    expect(
      checkValidResults(
        "empty",
        runRule(mfaRequired, () => undefined),
      ),
    ).toEqual(["empty: the rule evaluated no resource"]);
  });

  it("accepts NOT_APPLICABLE alongside a PASS", () => {
    const results = runRule(threatProtectionCustomAuth, (s) => void userPool(s, "na_plain"));
    const pass = runRule(mfaRequired, mfaOn("pass_on"));
    expect(checkValidResults("mixed", [...pass, ...results])).toEqual([]);
  });
});

describe("checkPlaceholders", () => {
  // A rule whose template names data its finding does not give.
  const leaky: Rule = {
    meta: { ...mfaRequired.meta, id: "leaky", messages: { leak: "{{resource}} is {{ state }}" } },
    check: (estate) => estate.userPools.map((pool) => ({ resource: pool, status: "FAIL", messageId: "leak" })),
  };

  it("rejects a message with an unfilled placeholder", () => {
    const results = runRule(leaky, (s) => void userPool(s, "fail_leak"));
    expect(results[0]!.message).toBe("fail_leak is {{ state }}");
    expect(checkPlaceholders("fail_leak", results)).toEqual([
      "fail_leak: fail_leak (leak) has an unsubstituted placeholder: fail_leak is {{ state }}",
    ]);
  });

  it("accepts fully rendered messages", () => {
    expect(
      checkPlaceholders(
        "fail_off",
        runRule(mfaRequired, (s) => void userPool(s, "fail_off")),
      ),
    ).toEqual([]);
  });
});

describe("checkDuplicates by content", () => {
  it("finds two differently named cases with the same configuration and options, naming both", () => {
    const cases = ["pass_on_a", "pass_on_b"].map((name) => ({
      name,
      content: caseContent(name, synthJson(mfaOn(name)), {}),
    }));
    expect(checkDuplicates(cases)).toEqual([
      "pass_on_a and pass_on_b are the same case (equal configuration and options)",
    ]);
  });

  it("tells cases apart by configuration, by options and by audience options, key order aside", () => {
    const json = (name: string) => synthJson(mfaOn(name));
    const cases = [
      { name: "a", content: caseContent("a", json("a"), {}) },
      {
        name: "b",
        content: caseContent(
          "b",
          synthJson((s) => void consumerPool(s, "b", { mfaConfiguration: "ON" })),
          {},
        ),
      },
      { name: "c", content: caseContent("c", json("c"), { options: { allowed: ["ON"] } }) },
      { name: "d", content: caseContent("d", json("d"), { audienceOptions: { consumer: { allowed: ["ON"] } } }) },
    ];
    expect(checkDuplicates(cases)).toEqual([]);
    const reordered = [
      { name: "pass_x", content: caseContent("pass_x", json("pass_x"), { options: { a: 1, b: 2 } }) },
      { name: "pass_y", content: caseContent("pass_y", json("pass_y"), { options: { b: 2, a: 1 } }) },
    ];
    expect(checkDuplicates(reordered)).toEqual([
      "pass_x and pass_y are the same case (equal configuration and options)",
    ]);
  });
});

describe("checkDiagnostics", () => {
  const diagnostics = [{ message: "aws_cognito_user_pool.x: dynamic block not expanded" }];

  it("rejects diagnostics a case does not declare, and declared ones the loader did not report", () => {
    expect(checkDiagnostics("c", diagnostics)).toEqual(["c: unexpected diagnostic: " + diagnostics[0]!.message]);
    expect(checkDiagnostics("c", [], ["dynamic block"])).toEqual([
      'c: declares a diagnostic containing "dynamic block", which the loader did not report',
    ]);
  });

  it("accepts a real fixture without diagnostics, and declared diagnostics by substring", () => {
    expect(checkDiagnostics("pass_on", estateOf(mfaOn("pass_on")).diagnostics)).toEqual([]);
    expect(checkDiagnostics("c", diagnostics, ["dynamic block"])).toEqual([]);
  });
});

describe("checkVerdictNames", () => {
  it("reads the verdict from a name or the resource part of an address", () => {
    expect(
      [
        "pass_a",
        "fail_b",
        "unknown_c",
        "na_d",
        "aws_api_gateway_method.fail_e",
        "pass_auth.example.com",
        "staff",
        "passive",
      ].map(verdictOf),
    ).toEqual(["PASS", "FAIL", "UNKNOWN", "NOT_APPLICABLE", "FAIL", "PASS", undefined, undefined]);
  });

  it("rejects a helper that inherits a pass_ prefix from the case name but FAILs", () => {
    // identityPool("pass_x") derives the consumer pool pass_x-users, whose MFA is off.
    const results = runRule(mfaRequired, (s) => {
      identityPool(s, "pass_x");
      userPool(s, "pass_on", { mfaConfiguration: "ON", ...totp });
    });
    expect(checkVerdictNames("pass_x", results, undefined)).toEqual(["pass_x: pass_x-users is named PASS but FAIL"]);
  });

  it("rejects an expected result on a resource not named after its status", () => {
    const results = runRule(mfaRequired, (s) => void userPool(s, "unknown_off"));
    expect(
      checkVerdictNames("c", results, [{ resource: "unknown_off", status: "FAIL", messageId: "notRequired" }]),
    ).toEqual([
      "c: unknown_off is named UNKNOWN but FAIL",
      "c: expected FAIL on unknown_off, whose name should start with fail_",
    ]);
  });

  it("rejects a valid case that passes no pass_ resource", () => {
    expect(checkVerdictNames("staff", runRule(mfaRequired, mfaOn("staff")), undefined)).toEqual([
      "staff: no PASS result on a resource named pass_...",
    ]);
  });

  it("accepts unprefixed helpers that PASS beside named resources under test", () => {
    const results = runRule(mfaRequired, (s) => {
      userPool(s, "staff", { mfaConfiguration: "ON", ...totp });
      userPool(s, "fail_off");
    });
    expect(results.map((r) => `${labelOf(r)}: ${r.status}`).sort()).toEqual(["fail_off: FAIL", "staff: PASS"]);
    expect(
      checkVerdictNames("c", results, [{ resource: "fail_off", status: "FAIL", messageId: "notRequired" }]),
    ).toEqual([]);
  });
});
