// The typed rule contract: what must not compile is proven with @ts-expect-error (checked by
// `tsc -p tsconfig.json --noEmit`, which fails if an expected error goes away), and what the
// engine and policy packs do with a rule that takes no options is checked at run time.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalog } from "../../checks/engine/catalog.js";
import { evaluate } from "../../checks/engine/evaluate.js";
import { loadPolicy } from "../../checks/engine/policy-pack.js";
import { defineRule, NO_OPTIONS, takesOptions, type Finding, type NoOptions } from "../../checks/engine/rule.js";
import { RULES_BY_ID } from "../../checks/rules/index.js";
import { userPool } from "../harness/cognito-fixtures.js";
import { estateOf } from "../harness/synth-fixture.js";

const base = {
  title: "Pools are protected",
  description: "A test rule.",
  severity: "low",
  pci: [{ id: "8.2.1", relation: "meets" }],
  resourceKinds: ["UserPool"],
  remediation: { summary: "Protect the pool.", cdktf: "new CognitoUserPool(this, 'Pool', {});" },
} as const;

const optionless = defineRule<NoOptions, "pass" | "fail">({
  meta: { ...base, id: "deletion-protection", messages: { pass: "{{resource}} ok", fail: "{{resource}} is {{what}}" } },
  check(estate) {
    return estate.userPools.map((pool): Finding<"pass" | "fail"> =>
      pool.deletionProtection.known && pool.deletionProtection.value === "ACTIVE"
        ? { resource: pool, status: "PASS", messageId: "pass" }
        : { resource: pool, status: "FAIL", messageId: "fail", data: { what: "unprotected" } },
    );
  },
});

describe("typed rule contract", () => {
  it("rejects misspelt message ids, shared messages without their data, and messages that do not match the ids", () => {
    const pool = estateOf((s) => userPool(s, "staff")).userPools[0]!;
    // @ts-expect-error "fial" is not one of the rule's message ids
    const misspelt: Finding<"pass" | "fail"> = { resource: pool, status: "FAIL", messageId: "fial" };
    // @ts-expect-error the shared "unknown" message needs {attribute, reason}
    const noReason: Finding<"pass"> = { resource: pool, status: "UNKNOWN", messageId: "unknown" };
    const shared: Finding<"pass"> = {
      resource: pool,
      status: "NOT_APPLICABLE",
      messageId: "notApplicable",
      data: { reason: "x" },
    };
    defineRule<NoOptions, "pass">({
      meta: { ...base, id: "x", messages: { pass: "ok" } },
      check: (estate) =>
        // @ts-expect-error a finding of the rule itself with an undeclared id
        estate.userPools.map((p): Finding<"pass"> => ({ resource: p, status: "PASS", messageId: "passed" })),
    });
    // @ts-expect-error every declared id needs a template
    defineRule<NoOptions, "pass" | "fail">({ meta: { ...base, id: "x", messages: { pass: "ok" } }, check: () => [] });
    defineRule<NoOptions, "pass">({
      // @ts-expect-error a rule without options declares no options schema
      meta: { ...base, id: "x", messages: { pass: "ok" }, options: NO_OPTIONS },
      check: () => [],
    });
    // @ts-expect-error a rule with options must declare them
    defineRule<{ max: number }, "pass">({ meta: { ...base, id: "x", messages: { pass: "ok" } }, check: () => [] });
    expect([misspelt, noReason, shared].map((f) => f.messageId)).toEqual(["fial", "unknown", "notApplicable"]);
  });

  it("gives a rule without options no schema in the catalog, and evaluates it", () => {
    expect(takesOptions(optionless.meta)).toBe(false);
    expect(takesOptions(RULES_BY_ID.get("password-min-length")!.meta)).toBe(true);
    expect(catalog([optionless])[0]).not.toHaveProperty("options");
    const rules = new Map([[optionless.meta.id, optionless]]);
    const policy = {
      name: "t",
      version: "1",
      audience: { tagKey: "pci:audience", namePatterns: [], default: "workforce" as const },
      rules: [{ id: optionless.meta.id, severity: "low" as const, options: {}, audienceOptions: {} }],
    };
    const report = evaluate(
      estateOf((s) => userPool(s, "staff")),
      policy,
      rules,
      { now: new Date(0) },
    );
    expect(report.results.map((r) => [r.status, r.message])).toEqual([["FAIL", "staff is unprotected"]]);
  });

  it("rejects a policy that passes options to a rule that takes none, naming the rule", () => {
    const dir = mkdtempSync(join(tmpdir(), "authwarden-contract-"));
    const file = join(dir, "policy.json");
    writeFileSync(
      file,
      JSON.stringify({ extends: "pci-dss-4.0.1", rules: { "deletion-protection": { options: { strict: true } } } }),
    );
    expect(() => loadPolicy(file, RULES_BY_ID)).toThrow(
      `${file}: /rules/deletion-protection/options sets strict, but deletion-protection takes no options`,
    );
  });
});
