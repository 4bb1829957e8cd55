import { describe, expect, it } from "vitest";
import { logDeliveryExpressible } from "../../../checks/sources/terraform/provider-version.js";

describe("logDeliveryExpressible: aws_cognito_log_delivery_configuration exists from hashicorp/aws 6.5.0", () => {
  it.each(["6.66.0", "~> 6.66", ">= 6.5.0", "6.5", "~> 6.5.1", ">= 6.10, < 7.0"])(
    "%s admits only such versions",
    (v) => {
      expect(logDeliveryExpressible([v], false)).toEqual({ known: true, value: true, origin: "configured" });
    },
  );

  it.each(["5.100.0", "~> 5.0", "< 6.0", "6.4.0", "~> 6.4.0", "<= 6.4.9"])("%s admits only older versions", (v) => {
    expect(logDeliveryExpressible([v], false)).toMatchObject({
      known: false,
      reason: expect.stringContaining("has no aws_cognito_log_delivery_configuration (added in 6.5.0)"),
    });
  });

  it.each(["~> 6.0", ">= 5.0", "~> 6.4", ">= 6.0, < 6.10"])("%s admits both, so it cannot be told", (v) => {
    expect(logDeliveryExpressible([v], false)).toMatchObject({
      known: false,
      reason: expect.stringContaining("admits versions before 6.5.0"),
    });
  });

  it("cannot tell without a version, and knows whenever the resource is declared", () => {
    expect(logDeliveryExpressible([], false)).toMatchObject({
      known: false,
      reason: expect.stringContaining("not pinned"),
    });
    expect(logDeliveryExpressible(["5.100.0"], true).known).toBe(true);
  });

  it("an unreadable constraint is not a known version", () => {
    expect(logDeliveryExpressible(["latest"], false).known).toBe(false);
  });

  it("every scope must admit only 6.5.0 or later", () => {
    expect(logDeliveryExpressible(["6.66.0", "5.100.0"], false).known).toBe(false);
  });
});
