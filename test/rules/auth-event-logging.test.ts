import { describe, expect, it } from "vitest";
import rule from "../../checks/rules/auth-event-logging.js";
import { userPool } from "../harness/cognito-fixtures.js";
import { loggedPool } from "../harness/log-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";
import { estateOf } from "../harness/synth-fixture.js";

RuleTester.run(rule, {
  valid: [{ name: "pass_auth_events", stack: (s) => loggedPool(s, "pass_auth_events") }],
  invalid: [
    {
      name: "fail_no_delivery",
      stack: (s) => {
        loggedPool(s, "logged");
        userPool(s, "fail_no_delivery");
      },
      results: [{ resource: "fail_no_delivery", status: "FAIL", messageId: "missing" }],
    },
    {
      name: "fail_notifications_only",
      stack: (s) => loggedPool(s, "fail_notifications_only", undefined, "userNotification"),
      results: [
        {
          resource: "fail_notifications_only",
          status: "FAIL",
          messageId: "missing",
          messageIncludes: "userAuthEvents",
        },
      ],
    },
    {
      name: "fail_provider_6_without_delivery",
      onlyOn: { binding: "aws-6", reason: "hashicorp/aws 6.5+ can express log delivery, so its absence is a finding" },
      stack: (s) => void userPool(s, "fail_provider_6_without_delivery"),
      results: [
        {
          resource: "fail_provider_6_without_delivery",
          status: "FAIL",
          messageId: "missing",
          messageIncludes: "userAuthEvents",
        },
      ],
    },
    {
      name: "unknown_provider_5",
      onlyOn: { binding: "aws-5", reason: "hashicorp/aws 5.100 has no log delivery resource to configure" },
      stack: (s) => void userPool(s, "unknown_provider_5"),
      results: [
        { resource: "unknown_provider_5", status: "UNKNOWN", messageId: "unknown", messageIncludes: "added in 6.5.0" },
      ],
    },
  ],
});

describe("auth-event-logging loader", () => {
  it("links a log delivery configuration to its pool", () => {
    const estate = estateOf((s) => loggedPool(s, "linked"));
    expect(estate.logDeliveryExpressible.known).toBe(true);
    expect(estate.logDeliveries[0]?.userPool?.key).toBe(estate.userPools[0]?.key);
  });
});
