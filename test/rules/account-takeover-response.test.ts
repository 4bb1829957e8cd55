import { TerraformVariable } from "cdktf";
import { expect, it } from "vitest";
import rule from "../../checks/rules/account-takeover-response.js";
import { userPool } from "../harness/cognito-fixtures.js";
import { enforced, protectedPool } from "../harness/risk-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";
import { estateOf } from "../harness/synth-fixture.js";

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_block_mfa",
      stack: (s) =>
        protectedPool(s, "pass_block_mfa", { takeover: { high: "BLOCK", medium: "MFA_REQUIRED", low: "NO_ACTION" } }),
    },
    {
      name: "pass_mfa_required_if_configured",
      stack: (s) =>
        protectedPool(s, "pass_mfa_required_if_configured", {
          takeover: { high: "MFA_REQUIRED", medium: "MFA_IF_CONFIGURED" },
        }),
    },
    {
      name: "pass_block_everywhere",
      options: { requireBlockEverywhere: true },
      stack: (s) =>
        protectedPool(s, "pass_block_everywhere", { takeover: { high: "BLOCK", medium: "BLOCK", low: "BLOCK" } }),
    },
  ],
  invalid: [
    {
      name: "fail_missing",
      stack: (s) => userPool(s, "fail_missing", enforced),
      results: [{ resource: "fail_missing", status: "FAIL", messageId: "riskMissing", messageIncludes: "missing" }],
    },
    {
      name: "fail_high_mfa_if_configured",
      stack: (s) =>
        protectedPool(s, "fail_high_mfa_if_configured", {
          takeover: { high: "MFA_IF_CONFIGURED", medium: "MFA_IF_CONFIGURED" },
        }),
      results: [
        {
          resource: "fail_high_mfa_if_configured",
          status: "FAIL",
          messageId: "weakAction",
          messageIncludes: "MFA_IF_CONFIGURED on high account-takeover risk; expected BLOCK or MFA_REQUIRED",
        },
      ],
    },
    {
      name: "fail_medium_no_action",
      stack: (s) => protectedPool(s, "fail_medium_no_action", { takeover: { high: "BLOCK", medium: "NO_ACTION" } }),
      results: [
        {
          resource: "fail_medium_no_action",
          status: "FAIL",
          messageId: "weakAction",
          messageIncludes: "NO_ACTION on medium",
        },
      ],
    },
    {
      name: "fail_medium_absent",
      stack: (s) => protectedPool(s, "fail_medium_absent", { takeover: { high: "BLOCK" } }),
      results: [
        {
          resource: "fail_medium_absent",
          status: "FAIL",
          messageId: "weakAction",
          messageIncludes: "none (no action block) on medium",
        },
      ],
    },
    {
      name: "fail_compromised_only",
      stack: (s) => protectedPool(s, "fail_compromised_only", { compromised: { action: "BLOCK" } }),
      results: [{ resource: "fail_compromised_only", status: "FAIL", messageId: "notConfigured" }],
    },
    {
      name: "fail_low_not_blocked_by_option",
      options: { requireBlockEverywhere: true },
      stack: (s) =>
        protectedPool(s, "fail_low_not_blocked_by_option", {
          takeover: { high: "BLOCK", medium: "BLOCK", low: "NO_ACTION" },
        }),
      results: [
        {
          resource: "fail_low_not_blocked_by_option",
          status: "FAIL",
          messageId: "weakAction",
          messageIncludes: "on low account-takeover risk; expected BLOCK",
        },
      ],
    },
    {
      name: "fail_threat_protection_off",
      stack: (s) =>
        protectedPool(
          s,
          "fail_threat_protection_off",
          { takeover: { high: "BLOCK", medium: "MFA_REQUIRED" } },
          { userPoolAddOns: { advancedSecurityMode: "OFF" } },
        ),
      results: [
        {
          resource: "fail_threat_protection_off",
          status: "FAIL",
          messageId: "notEnforced",
          messageIncludes: "advanced_security_mode is OFF",
        },
      ],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const action = new TerraformVariable(s, "high_action", { type: "string" });
        protectedPool(s, "unknown_var", { takeover: { high: action.stringValue, medium: "MFA_REQUIRED" } });
      },
      results: [
        { resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.high_action" },
      ],
    },
  ],
});

it("loader: an account-takeover event_action from a variable is unknown, not an absent action", () => {
  const estate = estateOf((s) => {
    const action = new TerraformVariable(s, "medium_action", { type: "string" });
    protectedPool(s, "pool", { takeover: { high: "BLOCK", medium: action.stringValue } });
  });
  const takeover = estate.riskConfigurations[0]!.accountTakeover;
  expect(takeover.known).toBe(false);
  expect(takeover.known ? "" : takeover.reason).toContain("var.medium_action");
  const literal = estateOf((s) => protectedPool(s, "pool", { takeover: { high: "BLOCK" } })).riskConfigurations[0]!
    .accountTakeover;
  expect(literal).toMatchObject({ known: true, value: { high: "BLOCK", medium: null, low: null } });
});
