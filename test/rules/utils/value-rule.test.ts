import { describe, expect, it } from "vitest";
import { known, unknown } from "../../../checks/model/index.js";
import { defaultNote, valueFinding, valueRule } from "../../../checks/rules/utils/value-rule.js";
import { userPool } from "../../harness/cognito-fixtures.js";
import { estateOf } from "../../harness/synth-fixture.js";

const pool = estateOf((s) => userPool(s, "staff")).userPools[0]!;
const messages = { pass: "ok", fail: "bad" } as const;

describe("valueRule", () => {
  it("passes at or above atLeast, at or below atMost, and on equals; fails otherwise", () => {
    const verdict = (value: number | string, compare: object) =>
      valueFinding(pool, {
        attribute: "a",
        value: () => known(value),
        compare: () => compare as { equals: number | string },
        messages,
      }).status;
    expect([verdict(12, { atLeast: 12 }), verdict(11, { atLeast: 12 })]).toEqual(["PASS", "FAIL"]);
    expect([verdict(5, { atMost: 5 }), verdict(6, { atMost: 5 })]).toEqual(["PASS", "FAIL"]);
    expect([verdict("ACTIVE", { equals: "ACTIVE" }), verdict("INACTIVE", { equals: "ACTIVE" })]).toEqual([
      "PASS",
      "FAIL",
    ]);
  });

  it("gives the value as evidence and actual, expected and origin as message data", () => {
    const [finding] = valueRule([pool], {
      attribute: "password_policy.minimum_length",
      value: () => known(8, "default"),
      compare: () => ({ atLeast: 12 }),
      messages,
      defaultNote: " (Cognito's default)",
      data: () => ({ extra: "x" }),
    });
    expect(finding).toEqual({
      resource: pool,
      status: "FAIL",
      messageId: "bad",
      data: { extra: "x", actual: 8, expected: 12, origin: " (Cognito's default)" },
      evidence: [{ attribute: "password_policy.minimum_length", value: "8", origin: "default" }],
    });
  });

  it("is UNKNOWN, naming the attribute, when the source cannot give the value", () => {
    const finding = valueFinding(pool, {
      attribute: "deletion_protection",
      value: () => unknown("var.protection"),
      compare: () => ({ equals: "ACTIVE" }),
      messages,
    });
    expect(finding).toMatchObject({
      status: "UNKNOWN",
      messageId: "unknown",
      data: { attribute: "deletion_protection", reason: "var.protection" },
    });
  });

  it("renders the default note only for a default value, with the common wording unless told", () => {
    expect(defaultNote(known("OFF", "default"))).toBe(" (not set: the default)");
    expect(defaultNote(known("OFF", "default"), ", the default")).toBe(", the default");
    expect(defaultNote(known("OFF"))).toBe("");
    expect(defaultNote(unknown("x"))).toBe("");
  });
});
