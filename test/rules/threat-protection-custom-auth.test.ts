import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/threat-protection-custom-auth.js";
import { userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

const fn = (name: string) => `arn:aws:lambda:eu-west-1:123456789012:function:${name}`;
const customAuth = {
  lambdaConfig: {
    defineAuthChallenge: fn("define"),
    createAuthChallenge: fn("create"),
    verifyAuthChallengeResponse: fn("verify"),
  },
};

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_custom_auth_enforced",
      stack: (s) =>
        userPool(s, "pass_custom_auth_enforced", {
          ...customAuth,
          userPoolTier: "PLUS",
          userPoolAddOns: {
            advancedSecurityMode: "ENFORCED",
            advancedSecurityAdditionalFlows: { customAuthMode: "ENFORCED" },
          },
        }),
    },
  ],
  invalid: [
    // Only a post-confirmation trigger: no custom authentication, so NOT_APPLICABLE.
    {
      name: "na_no_custom_auth",
      stack: (s) => userPool(s, "na_no_custom_auth", { lambdaConfig: { postConfirmation: fn("welcome") } }),
      results: [
        {
          resource: "na_no_custom_auth",
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          messageIncludes: "no custom authentication Lambda triggers",
        },
      ],
    },
    {
      name: "na_no_lambda_config",
      stack: (s) => userPool(s, "na_no_lambda_config"),
      results: [
        {
          resource: "na_no_lambda_config",
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          messageIncludes: "no custom authentication Lambda triggers",
        },
      ],
    },
    {
      name: "fail_custom_auth_audit",
      stack: (s) =>
        userPool(s, "fail_custom_auth_audit", {
          ...customAuth,
          userPoolTier: "PLUS",
          userPoolAddOns: {
            advancedSecurityMode: "ENFORCED",
            advancedSecurityAdditionalFlows: { customAuthMode: "AUDIT" },
          },
        }),
      results: [
        {
          resource: "fail_custom_auth_audit",
          status: "FAIL",
          messageId: "notEnforced",
          messageIncludes: "custom_auth_mode is AUDIT",
        },
      ],
    },
    {
      name: "fail_custom_auth_not_set",
      stack: (s) =>
        userPool(s, "fail_custom_auth_not_set", {
          lambdaConfig: { defineAuthChallenge: fn("define") },
          userPoolTier: "PLUS",
          userPoolAddOns: { advancedSecurityMode: "ENFORCED" },
        }),
      results: [
        {
          resource: "fail_custom_auth_not_set",
          status: "FAIL",
          messageId: "notEnforced",
          messageIncludes: "(define_auth_challenge) but custom_auth_mode is not set",
        },
      ],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const mode = new TerraformVariable(s, "custom_mode", { type: "string" });
        userPool(s, "unknown_var", {
          ...customAuth,
          userPoolTier: "PLUS",
          userPoolAddOns: {
            advancedSecurityMode: "ENFORCED",
            advancedSecurityAdditionalFlows: { customAuthMode: mode.stringValue },
          },
        });
      },
      results: [
        { resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.custom_mode" },
      ],
    },
  ],
});
