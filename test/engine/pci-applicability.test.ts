import { describe, expect, it } from "vitest";
import type { AudienceInfo } from "../../checks/engine/audience.js";
import { applicability } from "../../checks/engine/pci-applicability.js";

const audience = (value: AudienceInfo["audience"], declared = true): AudienceInfo => ({
  audience: value,
  declared,
  via: declared ? "tag" : "default",
});

describe("PCI DSS v4.0.1 applicability by audience", () => {
  it("Requirements 7, 8 and 10 do not apply to consumer accounts; 3, 4, 6 and 12 still do", () => {
    const controls = applicability(
      ["7.2.1", "8.3.6", "10.2.1", "3.3.1", "4.2.1", "6.4.2", "12.10"],
      audience("consumer"),
    );
    expect(controls.filter((c) => !c.applicable).map((c) => c.id)).toEqual(["7.2.1", "8.3.6", "10.2.1"]);
    for (const control of controls.filter((c) => !c.applicable))
      expect(control.reason).toMatch(/do not apply to consumer \(cardholder\) accounts/);
    expect(controls.filter((c) => c.applicable).map((c) => c.id)).toEqual(["3.3.1", "4.2.1", "6.4.2", "12.10"]);
  });

  it("8.3.10 and 8.3.10.1 apply only to business-customer accounts", () => {
    expect(applicability(["8.3.9", "8.3.10.1"], audience("business-customer")).every((c) => c.applicable)).toBe(true);
    const workforce = applicability(["8.3.9", "8.3.10.1"], audience("workforce"));
    expect(workforce).toEqual([
      { id: "8.3.9", applicable: true },
      {
        id: "8.3.10.1",
        applicable: false,
        reason: "8.3.10.1 applies only to a service provider's business-customer accounts",
      },
    ]);
  });

  it("an undeclared pool is treated as workforce: everything applies", () => {
    expect(applicability(["7.2.1", "8.4.2", "10.2.2"], audience("workforce", false)).every((c) => c.applicable)).toBe(
      true,
    );
  });
});
