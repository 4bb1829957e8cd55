// The requirement roll-up of RULES.md, computed by the engine from real rules on synthesized
// estates: meets and supports, waivers with and without a compensating control, audiences, and
// the best-practice results.

import { describe, expect, it } from "vitest";
import { evaluate } from "../../checks/engine/evaluate.js";
import { PCI_REQUIREMENTS } from "../../checks/engine/pci-requirements.js";
import { loadPolicy } from "../../checks/engine/policy-pack.js";
import type { Report } from "../../checks/engine/report.js";
import { bestPracticeResults, type RequirementRollup } from "../../checks/engine/requirements.js";
import { defineRule, severityRank, type NoOptions, type Rule } from "../../checks/engine/rule.js";
import type { Waiver } from "../../checks/engine/waivers.js";
import { RULES, RULES_BY_ID } from "../../checks/rules/index.js";
import { client, consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { estateOf } from "../harness/synth-fixture.js";

const NOW = new Date("2026-06-01T00:00:00Z");

// Composition is met, so password-min-length is the only meets rule of 8.3.6 that fails on staff.
const COMPOSED = { requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true };

const estate = estateOf((s) => {
  const staff = userPool(s, "staff", { passwordPolicy: { minimumLength: 8, ...COMPOSED }, mfaConfiguration: "ON" });
  client(s, "staff-web", staff, { accessTokenValidity: 1 });
  const shoppers = consumerPool(s, "shoppers", { passwordPolicy: { minimumLength: 8 } });
  client(s, "shop-web", shoppers);
});

function report(waivers: readonly Waiver[] = []): Report {
  return evaluate(estate, loadPolicy("pci-dss-4.0.1", RULES_BY_ID), RULES_BY_ID, { now: NOW, waivers });
}
const requirement = (r: Report, id: string): RequirementRollup => r.requirements.find((q) => q.id === id)!;

const waiver = (compensatingControl?: string): Waiver => ({
  id: "W-1",
  rule: "password-min-length",
  resource: "staff",
  reason: "legacy directory sync",
  owner: "iam@example.com",
  expires: "2099-12-31",
  file: "waivers.yaml",
  ...(compensatingControl ? { compensatingControl } : {}),
});

describe("the requirement roll-up", () => {
  it("is Not in Place while a meets rule fails on an applicable resource, and lists the failing row", () => {
    const r = report();
    const req = requirement(r, "8.3.6");
    expect(req.finding).toBe("Not in Place");
    const failing = req.rows.filter((row) => row.finding === "Not in Place").map((row) => r.results[row.result]!);
    expect(failing.map((f) => [f.ruleId, f.resource.name])).toEqual([["password-min-length", "staff"]]);
    // The consumer pool's password rules are best-practice findings: 8.3.6 does not apply to it.
    const consumerRows = req.rows.filter((row) => r.results[row.result]!.resource.name === "shoppers");
    expect(consumerRows.length).toBeGreaterThan(0);
    for (const row of consumerRows) expect(row.finding).toBe("Not Applicable");
  });

  it("never shows In Place while any applicable meets result fails (every requirement of the estate)", () => {
    const r = report();
    for (const req of r.requirements) {
      const meetsFail = req.rows.some(
        (row) =>
          row.relation === "meets" && r.results[row.result]!.status === "FAIL" && row.finding !== "Not Applicable",
      );
      if (meetsFail) expect(req.finding, req.id).toBe("Not in Place");
    }
  });

  it("shows a waived failure with its compensating control, never plain In Place", () => {
    const req = requirement(report([waiver("password length enforced by the directory, 14 characters")]), "8.3.6");
    expect(req.finding).toBe("In Place");
    expect(req.compensatingControls).toEqual([
      expect.objectContaining({ waiver: "W-1", control: "password length enforced by the directory, 14 characters" }),
    ]);
    // A waiver without a compensating control leaves the requirement Not in Place.
    const bare = requirement(report([waiver()]), "8.3.6");
    expect(bare.finding).toBe("Not in Place");
    expect(bare.compensatingControls).toEqual([]);
  });

  it("is Not Tested for a supports-only requirement, with what to verify by hand (8.2.8: the idle timeout)", () => {
    const r = report();
    const req = requirement(r, "8.2.8");
    expect(req.rows.length).toBeGreaterThan(0);
    expect(req.rows.every((row) => row.relation === "supports")).toBe(true);
    // Even with the staff client's access token failing, a supports result cannot decide the finding.
    expect(req.finding).toBe("Not Tested");
    expect(req.verifyByHand).toMatch(/15-minute idle timeout/);
    expect(req.weaknesses).toBe(
      req.rows.filter((row) => row.finding === "Not in Place" && row.relation === "supports").length,
    );
  });

  it("lists a requirement no rule of the policy covers as Not Tested with the manual check", () => {
    // The built-in catalogue covers 8.3.4 with account-lockout; a policy without that rule covers it not at all.
    const pack = loadPolicy("pci-dss-4.0.1", RULES_BY_ID);
    const withoutLockout = { ...pack, rules: pack.rules.filter((rule) => rule.id !== "account-lockout") };
    const req = requirement(evaluate(estate, withoutLockout, RULES_BY_ID, { now: NOW }), "8.3.4");
    expect(req.rows).toEqual([]);
    expect(req.finding).toBe("Not Tested");
    expect(req.verifyByHand).toMatch(/30 minutes after at most 10 failed attempts/);
  });

  it("is Not Applicable where every resource it covers is outside it (consumer pools only)", () => {
    const consumerOnly = estateOf((s) => consumerPool(s, "shoppers", { passwordPolicy: { minimumLength: 8 } }));
    const r = evaluate(consumerOnly, loadPolicy("pci-dss-4.0.1", RULES_BY_ID), RULES_BY_ID, { now: NOW });
    const req = requirement(r, "8.3.6");
    expect(req.finding).toBe("Not Applicable");
    expect(req.rows.every((row) => /not to consumer \(cardholder\) accounts/.test(row.reason ?? ""))).toBe(true);
  });

  it("quotes a PCI DSS v4.0.1 text for every requirement a rule cites", () => {
    for (const rule of RULES)
      for (const { id } of rule.meta.pci) expect(PCI_REQUIREMENTS[id]?.text, `${rule.meta.id} ${id}`).toMatch(/\w{3}/);
    // Every requirement a rule only supports says what the assessor must verify by hand.
    for (const rule of RULES)
      for (const { id, relation } of rule.meta.pci)
        if (relation === "supports") expect(PCI_REQUIREMENTS[id]?.verifyByHand, `${rule.meta.id} ${id}`).toMatch(/\w/);
  });
});

describe("best-practice results", () => {
  it("are the results of rules without a PCI DSS reference and of requirements outside the audience, worst first", () => {
    const r = report();
    const results = bestPracticeResults(r.results);
    expect(results.map((x) => x.ruleId)).toContain("deletion-protection");
    expect(results.some((x) => x.ruleId === "password-min-length" && x.resource.name === "shoppers")).toBe(true);
    expect(results.some((x) => x.ruleId === "password-min-length" && x.resource.name === "staff")).toBe(false);
    for (const x of results) expect(x.controls.every((c) => !c.applicable)).toBe(true);
    const ranks = results.map((x) => severityRank(x.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    // A best-practice rule's results name the source it cites.
    const deletion = results.find((x) => x.ruleId === "deletion-protection")!;
    expect(deletion.controls).toEqual([]);
    expect(deletion.references[0]?.title).toMatch(/Security Hub Cognito\.6/);
  });
});

describe("a finding that bears on fewer requirements than its rule cites", () => {
  const cardEstate = estateOf((s) =>
    consumerPool(s, "shoppers", {
      schema: [{ name: "card_number", attributeDataType: "String", mutable: true }],
    }),
  );

  it("counts only there: a PAN attribute fails 3.5.1, not 3.3.1 or 3.2.1", () => {
    const r = evaluate(cardEstate, loadPolicy("pci-dss-4.0.1", RULES_BY_ID), RULES_BY_ID, { now: NOW });
    const fail = r.results.find((x) => x.ruleId === "no-cardholder-data-attributes")!;
    expect(fail.status).toBe("FAIL");
    expect(fail.controls.map((c) => [c.id, c.relation, c.applicable])).toEqual([["3.5.1", "meets", true]]);
    expect(requirement(r, "3.5.1").finding).toBe("Not in Place");
    expect(requirement(r, "3.3.1").finding).not.toBe("Not in Place");
    expect(requirement(r, "3.2.1").finding).not.toBe("Not in Place");
  });

  it("is an ERROR when it names a requirement the rule does not cite", () => {
    const base = RULES_BY_ID.get("no-cardholder-data-attributes")!;
    const wrong = defineRule<NoOptions, "fail">({
      meta: { ...base.meta, options: undefined, messages: { fail: "{{resource}} fails" } },
      check: (estate) =>
        estate.userPools.map((pool) => ({
          resource: pool,
          status: "FAIL",
          messageId: "fail",
          requirements: ["8.3.6"],
        })),
    });
    const rules = new Map([[wrong.meta.id, wrong as unknown as Rule]]);
    const r = evaluate(cardEstate, loadPolicy("pci-dss-4.0.1", RULES_BY_ID), rules, { now: NOW });
    const results = r.results.filter((x) => x.ruleId === wrong.meta.id);
    expect(results.map((x) => x.status)).toEqual(["ERROR"]);
    expect(results[0]!.message).toMatch(/requirements the rule does not cite: 8\.3\.6/);
  });
});
