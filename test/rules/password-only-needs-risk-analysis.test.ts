import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/password-only-needs-risk-analysis.js";
import { consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { enforced, protectedPool } from "../harness/risk-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

const totp = { softwareTokenMfaConfiguration: { enabled: true } };
const risk = { compromised: { action: "BLOCK" }, takeover: { high: "BLOCK", medium: "MFA_REQUIRED" } };

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_off_enforced_with_risk",
      stack: (s) => protectedPool(s, "pass_off_enforced_with_risk", risk, { mfaConfiguration: "OFF" }),
    },
    {
      name: "pass_optional_enforced_with_risk",
      stack: (s) =>
        protectedPool(s, "pass_optional_enforced_with_risk", risk, { mfaConfiguration: "OPTIONAL", ...totp }),
    },
  ],
  invalid: [
    {
      // No password to stand in for: passkeys and email codes are not rotated passwords.
      name: "na_passwordless",
      stack: (s) =>
        userPool(s, "na_passwordless", { signInPolicy: { allowedFirstAuthFactors: ["WEB_AUTHN", "EMAIL_OTP"] } }),
      results: [
        {
          resource: "na_passwordless",
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          messageIncludes: "PASSWORD is not a first factor (WEB_AUTHN, EMAIL_OTP)",
        },
      ],
    },
    {
      name: "unknown_factors_var",
      stack: (s) => {
        const factors = new TerraformVariable(s, "factors", { type: "list(string)" });
        userPool(s, "unknown_factors_var", { signInPolicy: { allowedFirstAuthFactors: factors.listValue } });
      },
      results: [
        { resource: "unknown_factors_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.factors" },
      ],
    },
    {
      name: "na_mfa_on",
      stack: (s) => userPool(s, "na_mfa_on", { mfaConfiguration: "ON", ...totp }),
      results: [
        {
          resource: "na_mfa_on",
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          messageIncludes: "MFA is ON, so a password is never the only factor",
        },
      ],
    },
    // With passwordOnlyWhen [OFF], OPTIONAL pools are not applicable.
    {
      name: "na_optional_by_option",
      options: { passwordOnlyWhen: ["OFF"] },
      stack: (s) => consumerPool(s, "na_optional_by_option", { mfaConfiguration: "OPTIONAL", ...totp }),
      results: [
        {
          resource: "na_optional_by_option",
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          messageIncludes: "MFA is OPTIONAL, so a password is never the only factor",
        },
      ],
    },
    {
      name: "fail_off_no_threat_protection",
      stack: (s) => consumerPool(s, "fail_off_no_threat_protection"),
      results: [
        {
          resource: "fail_off_no_threat_protection",
          status: "FAIL",
          messageId: "notEnforced",
          messageIncludes: "MFA OFF, so a password can be the only factor",
        },
      ],
    },
    {
      name: "fail_optional_audit",
      stack: (s) =>
        protectedPool(s, "fail_optional_audit", risk, {
          mfaConfiguration: "OPTIONAL",
          ...totp,
          userPoolAddOns: { advancedSecurityMode: "AUDIT" },
        }),
      results: [
        {
          resource: "fail_optional_audit",
          status: "FAIL",
          messageId: "notEnforced",
          messageIncludes: "threat protection is AUDIT",
        },
      ],
    },
    {
      name: "fail_enforced_risk_missing",
      stack: (s) => userPool(s, "fail_enforced_risk_missing", { mfaConfiguration: "OFF", ...enforced }),
      results: [
        {
          resource: "fail_enforced_risk_missing",
          status: "FAIL",
          messageId: "riskMissing",
          messageIncludes: "risk configuration missing",
        },
      ],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const mfa = new TerraformVariable(s, "mfa", { type: "string" });
        userPool(s, "unknown_var", { mfaConfiguration: mfa.stringValue });
      },
      results: [{ resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.mfa" }],
    },
  ],
});
