import { describe, expect, it } from "vitest";
import { admittedRange, logDeliveryExpressible } from "../../../checks/sources/terraform/provider-version.js";

describe("admittedRange", () => {
  it.each([
    ["6.66.0", [6, 66, 0], [6, 66, 0]],
    ["= 5.100.0", [5, 100, 0], [5, 100, 0]],
    [">= 6.5", [6, 5, 0], null],
  ] as const)("%s", (constraint, low, high) => {
    expect(admittedRange(constraint)).toEqual({ low, high });
  });

  it("lets the rightmost component of ~> grow", () => {
    expect(admittedRange("~> 6.0")?.high?.[0]).toBe(6);
    expect(admittedRange("~> 6.4.1")?.high?.slice(0, 2)).toEqual([6, 4]);
  });

  it("says nothing of constraints it does not read", () => {
    expect(admittedRange(">= 5.0, < 6.0")).toBeUndefined();
  });
});

describe("logDeliveryExpressible", () => {
  it("holds from 6.5.0, not 6.0", () => {
    expect(logDeliveryExpressible(["6.66.0"], false)).toMatchObject({ known: true, value: true });
    expect(logDeliveryExpressible(["6.5.0"], false)).toMatchObject({ known: true, value: true });
    expect(logDeliveryExpressible(["6.4.0"], false)).toMatchObject({
      known: false,
      reason: expect.stringContaining("added in 6.5.0"),
    });
  });

  it("is unknown where the constraint admits releases on both sides", () => {
    expect(logDeliveryExpressible(["~> 6.0"], false)).toMatchObject({
      known: false,
      reason: expect.stringContaining("admits releases before 6.5.0"),
    });
  });

  it("cannot be expressed on 5.x, and is known wherever one is declared", () => {
    expect(logDeliveryExpressible(["~> 5.0"], false)).toMatchObject({ known: false });
    expect(logDeliveryExpressible(["5.100.0"], true)).toMatchObject({ known: true, value: true });
  });
});
