import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/threat-protection-enforced.js";
import { consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_plus_enforced",
      stack: (s) =>
        userPool(s, "pass_plus_enforced", {
          userPoolTier: "PLUS",
          userPoolAddOns: { advancedSecurityMode: "ENFORCED" },
        }),
    },
    {
      name: "pass_consumer_plus_enforced",
      stack: (s) =>
        consumerPool(s, "pass_consumer_plus_enforced", {
          userPoolTier: "PLUS",
          userPoolAddOns: { advancedSecurityMode: "ENFORCED" },
        }),
    },
  ],
  invalid: [
    {
      name: "fail_audit",
      stack: (s) =>
        userPool(s, "fail_audit", { userPoolTier: "PLUS", userPoolAddOns: { advancedSecurityMode: "AUDIT" } }),
      results: [
        {
          resource: "fail_audit",
          status: "FAIL",
          messageId: "notEnforced",
          messageIncludes: "threat protection AUDIT; it must be ENFORCED, which needs user_pool_tier PLUS",
        },
      ],
    },
    {
      name: "fail_no_add_ons_essentials",
      stack: (s) => userPool(s, "fail_no_add_ons_essentials", { userPoolTier: "ESSENTIALS" }),
      results: [
        {
          resource: "fail_no_add_ons_essentials",
          status: "FAIL",
          messageId: "notEnforced",
          messageIncludes:
            "OFF (user_pool_add_ons not set); it must be ENFORCED, which needs user_pool_tier PLUS; this pool is on the ESSENTIALS tier",
        },
      ],
    },
    {
      name: "fail_default_tier",
      stack: (s) => consumerPool(s, "fail_default_tier"),
      results: [
        {
          resource: "fail_default_tier",
          status: "FAIL",
          messageId: "notEnforced",
          messageIncludes: "ESSENTIALS tier (user_pool_tier not set",
        },
      ],
    },
    {
      name: "fail_enforced_on_essentials",
      stack: (s) =>
        userPool(s, "fail_enforced_on_essentials", {
          userPoolTier: "ESSENTIALS",
          userPoolAddOns: { advancedSecurityMode: "ENFORCED" },
        }),
      results: [
        {
          resource: "fail_enforced_on_essentials",
          status: "FAIL",
          messageId: "tierTooLow",
          messageIncludes: "tier is ESSENTIALS",
        },
      ],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const mode = new TerraformVariable(s, "security_mode", { type: "string" });
        userPool(s, "unknown_var", {
          userPoolTier: "PLUS",
          userPoolAddOns: { advancedSecurityMode: mode.stringValue },
        });
      },
      results: [
        { resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.security_mode" },
      ],
    },
    {
      name: "unknown_tier_var",
      stack: (s) => {
        const tier = new TerraformVariable(s, "tier", { type: "string" });
        userPool(s, "unknown_tier_var", {
          userPoolTier: tier.stringValue,
          userPoolAddOns: { advancedSecurityMode: "ENFORCED" },
        });
      },
      results: [{ resource: "unknown_tier_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.tier" }],
    },
  ],
});
