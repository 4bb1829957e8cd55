import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/mfa-factor-strength.js";
import { consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

const sms = {
  smsConfiguration: {
    externalId: "shop-sms",
    snsCallerArn: "arn:aws:iam::123456789012:role/sms",
    snsRegion: "eu-west-1",
  },
};
const totp = { softwareTokenMfaConfiguration: { enabled: true } };
const email = { emailMfaConfiguration: { message: "Your code is {####}", subject: "Sign-in code" } };

RuleTester.run(rule, {
  valid: [
    {
      // TOTP is enough: passkeys, unknown from configuration, are not needed for the verdict.
      name: "pass_totp_and_passkeys",
      stack: (s) =>
        userPool(s, "pass_totp_and_passkeys", {
          mfaConfiguration: "ON",
          ...totp,
          signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "WEB_AUTHN"] },
        }),
    },
    { name: "pass_totp", stack: (s) => userPool(s, "pass_totp", { mfaConfiguration: "ON", ...totp }) },
    {
      name: "pass_totp_and_sms",
      stack: (s) => userPool(s, "pass_totp_and_sms", { mfaConfiguration: "ON", ...totp, ...sms }),
    },
    {
      name: "pass_email_essentials",
      stack: (s) =>
        consumerPool(s, "pass_email_essentials", {
          mfaConfiguration: "OPTIONAL",
          userPoolTier: "ESSENTIALS",
          ...email,
        }),
    },
  ],
  invalid: [
    {
      name: "na_mfa_off",
      stack: (s) => userPool(s, "na_mfa_off", { mfaConfiguration: "OFF", ...sms }),
      results: [
        { resource: "na_mfa_off", status: "NOT_APPLICABLE", messageId: "notApplicable", messageIncludes: "MFA is OFF" },
      ],
    },
    {
      name: "fail_sms_only",
      stack: (s) => userPool(s, "fail_sms_only", { mfaConfiguration: "OPTIONAL", ...sms }),
      results: [
        {
          resource: "fail_sms_only",
          status: "FAIL",
          messageId: "smsOnly",
          messageIncludes: "MFA OPTIONAL with SMS as its only factor",
        },
      ],
    },
    {
      name: "fail_sms_totp_disabled",
      stack: (s) =>
        userPool(s, "fail_sms_totp_disabled", {
          mfaConfiguration: "ON",
          softwareTokenMfaConfiguration: { enabled: false },
          ...sms,
        }),
      results: [{ resource: "fail_sms_totp_disabled", status: "FAIL", messageId: "smsOnly" }],
    },
    {
      // Email MFA is not offered on the Lite tier: only SMS remains.
      name: "fail_email_on_lite",
      stack: (s) =>
        userPool(s, "fail_email_on_lite", { mfaConfiguration: "ON", userPoolTier: "LITE", ...email, ...sms }),
      results: [{ resource: "fail_email_on_lite", status: "FAIL", messageId: "smsOnly" }],
    },
    {
      // Whether passkeys count as MFA is FactorConfiguration, which only the live API shows.
      name: "unknown_passkeys_only_candidate",
      stack: (s) =>
        userPool(s, "unknown_passkeys_only_candidate", {
          mfaConfiguration: "OPTIONAL",
          ...sms,
          signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "WEB_AUTHN"] },
          webAuthnConfiguration: { userVerification: "required" },
        }),
      results: [
        {
          resource: "unknown_passkeys_only_candidate",
          status: "UNKNOWN",
          messageId: "unknown",
          messageIncludes: "only a live scan can read it",
        },
      ],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const enabled = new TerraformVariable(s, "totp_enabled", { type: "bool" });
        userPool(s, "unknown_var", {
          mfaConfiguration: "ON",
          softwareTokenMfaConfiguration: { enabled: enabled.booleanValue },
          ...sms,
        });
      },
      results: [
        { resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.totp_enabled" },
      ],
    },
  ],
});
