import { describe, expect, it } from "vitest";
import type { AudienceInfo } from "../../checks/engine/audience.js";
import { applicability } from "../../checks/engine/pci-applicability.js";
import type { PciReference } from "../../checks/engine/rule.js";

const audience = (value: AudienceInfo["audience"], declared = true): AudienceInfo => ({
  audience: value,
  declared,
  via: declared ? "tag" : "default",
});
const meets = (...ids: string[]): PciReference[] => ids.map((id) => ({ id, relation: "meets" }));
const applicableIds = (refs: readonly PciReference[], a: AudienceInfo) =>
  applicability(refs, a)
    .filter((c) => c.applicable)
    .map((c) => c.id);

describe("PCI DSS v4.0.1 applicability by audience (RULES.md)", () => {
  it("8.2 to 8.5 do not apply to consumer accounts; system accounts, Requirement 3, 6 and 10 still do", () => {
    const refs = meets(
      "8.2.8",
      "8.3.6",
      "8.4.2",
      "8.5.1",
      "7.2.1",
      "7.2.5",
      "7.3.3",
      "8.6.1",
      "8.6.2",
      "3.3.1",
      "6.4.2",
      "10.2.1",
    );
    const controls = applicability(refs, audience("consumer"));
    expect(controls.filter((c) => !c.applicable).map((c) => c.id)).toEqual(["8.2.8", "8.3.6", "8.4.2", "8.5.1"]);
    for (const control of controls.filter((c) => !c.applicable))
      expect(control.reason).toBe(
        "PCI DSS v4.0.1 Requirements 8.2 to 8.5 apply to user accounts, not to consumer (cardholder) accounts",
      );
    expect(applicableIds(refs, audience("consumer"))).toEqual([
      "7.2.1",
      "7.2.5",
      "7.3.3",
      "8.6.1",
      "8.6.2",
      "3.3.1",
      "6.4.2",
      "10.2.1",
    ]);
  });

  it("8.3.9 does not apply to business-customer pools; 8.3.10.1 applies only to them", () => {
    expect(applicableIds(meets("8.3.9", "8.3.10.1"), audience("business-customer"))).toEqual(["8.3.10.1"]);
    expect(applicability(meets("8.3.9", "8.3.10.1"), audience("workforce"))).toEqual([
      { id: "8.3.9", relation: "meets", applicable: true },
      {
        id: "8.3.10.1",
        relation: "meets",
        applicable: false,
        reason: "8.3.10.1 applies only to a service provider's business-customer accounts",
      },
    ]);
    expect(applicability(meets("8.3.9"), audience("business-customer"))[0]!.reason).toBe(
      "8.3.9 does not apply to a service provider's business-customer accounts (8.3.10.1 covers them)",
    );
  });

  it("a reference limited to some audiences is a best-practice finding elsewhere, and keeps its relation", () => {
    const refs: PciReference[] = [
      { id: "8.4.2", relation: "meets" },
      { id: "8.4.1", relation: "meets", audiences: ["workforce"] },
      { id: "7.2.1", relation: "supports", audiences: ["workforce"] },
    ];
    expect(applicableIds(refs, audience("workforce"))).toEqual(["8.4.2", "8.4.1", "7.2.1"]);
    const business = applicability(refs, audience("business-customer"));
    expect(business.map((c) => [c.id, c.relation, c.applicable])).toEqual([
      ["8.4.2", "meets", true],
      ["8.4.1", "meets", false],
      ["7.2.1", "supports", false],
    ]);
    expect(business[1]!.reason).toBe(
      "the rule evidences 8.4.1 on workforce pools only; on a business-customer pool its finding is a best-practice finding",
    );
  });

  it("an undeclared pool is treated as workforce: everything but 8.3.10.1 applies", () => {
    expect(applicableIds(meets("7.2.1", "8.4.2", "8.3.9", "10.2.2", "8.3.10.1"), audience("workforce", false))).toEqual(
      ["7.2.1", "8.4.2", "8.3.9", "10.2.2"],
    );
  });
});
