import { describe, expect, it } from "vitest";
import { evaluate } from "../../checks/engine/evaluate.js";
import { loadPolicy } from "../../checks/engine/policy-pack.js";
import { withGate } from "../../checks/engine/report.js";
import { defineRule, severityRank, type Rule, type Severity } from "../../checks/engine/rule.js";
import { RULES_BY_ID } from "../../checks/rules/index.js";
import { consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { estateOf } from "../harness/synth-fixture.js";

const throwing: Rule = defineRule({
  meta: { ...RULES_BY_ID.get("mfa-required")!.meta, id: "mfa-required" },
  check() {
    throw new TypeError("cannot read properties of undefined");
  },
});

describe("engine", () => {
  const estate = estateOf((s) => {
    userPool(s, "staff", { passwordPolicy: { minimumLength: 8 } });
    consumerPool(s, "shoppers", { passwordPolicy: { minimumLength: 8 } });
  });

  it("isolates a rule that throws: one ERROR result, the other rules still run, and the gate fails closed", () => {
    const rules = new Map(RULES_BY_ID);
    rules.set("mfa-required", throwing);
    const report = withGate(evaluate(estate, loadPolicy("pci-dss-4.0.1", rules), rules), "critical");
    const errors = report.results.filter((r) => r.status === "ERROR");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      ruleId: "mfa-required",
      resource: { kind: "Rule" },
      message: expect.stringContaining("cannot read properties of undefined"),
    });
    expect(report.results.some((r) => r.ruleId === "password-min-length" && r.status === "FAIL")).toBe(true);
    expect(report.gate).toMatchObject({ passed: false, blocking: 1 });
  });

  it("applies audience thresholds: 8 characters fail a workforce pool and pass a consumer pool", () => {
    const report = evaluate(estate, loadPolicy("pci-dss-4.0.1", RULES_BY_ID), RULES_BY_ID);
    const verdict = (name: string) =>
      report.results.find((r) => r.ruleId === "password-min-length" && r.resource.name === name)?.status;
    expect(verdict("staff")).toBe("FAIL");
    expect(verdict("shoppers")).toBe("PASS");
  });

  it("treats an undeclared pool as workforce and says so", () => {
    const report = evaluate(estate, loadPolicy("pci-dss-4.0.1", RULES_BY_ID), RULES_BY_ID);
    expect(report.audiences).toEqual([
      expect.objectContaining({ name: "shoppers", audience: "consumer", declared: true, via: "tag" }),
      expect.objectContaining({ name: "staff", audience: "workforce", declared: false, via: "default" }),
    ]);
  });

  it("counts results in the summary and gates on severity", () => {
    const report = evaluate(estate, loadPolicy("pci-dss-4.0.1", RULES_BY_ID), RULES_BY_ID);
    expect(report.summary.total).toBe(report.results.length);
    expect(Object.values(report.summary.byStatus).reduce((a, b) => a + b, 0)).toBe(report.results.length);
    const failures = report.results.filter((r) => r.status === "FAIL");
    expect(withGate(report, "info").gate?.blocking).toBe(failures.length);
    expect(withGate(report, "critical").gate?.passed).toBe(!failures.some((r) => r.severity === "critical"));
  });

  it("with failed reads, UNKNOWN results at or above fail-on block the gate and the summary counts the reads", () => {
    const clean = evaluate(estate, loadPolicy("pci-dss-4.0.1", RULES_BY_ID), RULES_BY_ID);
    expect(clean.summary.failedReads).toBe(0);
    const failed = evaluate(
      {
        ...estate,
        diagnostics: [
          { message: "user pool x could not be read: access denied", failedRead: true },
          {
            message: "app clients of user pool x could not be read; they were not audited",
            failedRead: true,
            incomplete: true,
          },
          { message: "a loader note that is not a failed read" },
        ],
      },
      loadPolicy("pci-dss-4.0.1", RULES_BY_ID),
      RULES_BY_ID,
    );
    expect(failed.summary.failedReads).toBe(2);
    const unknowns = failed.results.filter((r) => r.status === "UNKNOWN");
    expect(unknowns.length).toBeGreaterThan(0);
    for (const failOn of ["critical", "high", "medium", "low", "info"] as Severity[]) {
      const atOrAbove = (r: { severity: Severity }) => severityRank(r.severity) >= severityRank(failOn);
      const fails = failed.results.filter((r) => r.status === "FAIL" && atOrAbove(r)).length;
      const blockingUnknowns = unknowns.filter(atOrAbove).length;
      // The incomplete listing blocks on its own; each UNKNOWN at or above fail-on blocks because reads failed.
      expect(withGate(failed, failOn).gate?.blocking, failOn).toBe(1 + fails + blockingUnknowns);
      // Without failed reads, UNKNOWN does not block (an unread value in code is not a failed audit).
      expect(withGate(clean, failOn).gate?.blocking, failOn).toBe(fails);
    }
    expect(withGate(failed, "info").gate?.passed).toBe(false);
  });
});
