import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/account-recovery-verified.js";
import { consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

const recovery = (...names: string[]) => ({
  accountRecoverySetting: { recoveryMechanism: names.map((name, i) => ({ name, priority: i + 1 })) },
});
const sms = {
  smsConfiguration: {
    externalId: "shop-sms",
    snsCallerArn: "arn:aws:iam::123456789012:role/sms",
    snsRegion: "eu-west-1",
  },
};
const totp = { softwareTokenMfaConfiguration: { enabled: true } };

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_admin_only",
      stack: (s) => userPool(s, "pass_admin_only", { mfaConfiguration: "ON", ...sms, ...recovery("admin_only") }),
    },
    {
      name: "pass_email_with_totp",
      stack: (s) =>
        userPool(s, "pass_email_with_totp", { mfaConfiguration: "ON", ...totp, ...recovery("verified_email") }),
    },
    // SMS is configured but MFA is OFF, so the phone is no MFA factor.
    {
      name: "pass_phone_mfa_off",
      stack: (s) =>
        userPool(s, "pass_phone_mfa_off", { mfaConfiguration: "OFF", ...sms, ...recovery("verified_phone_number") }),
    },
    // Consumer pools may recover through the channel that is also their MFA factor.
    {
      name: "pass_consumer_phone_sms_mfa",
      stack: (s) =>
        consumerPool(s, "pass_consumer_phone_sms_mfa", {
          mfaConfiguration: "OPTIONAL",
          ...sms,
          ...recovery("verified_phone_number", "verified_email"),
        }),
    },
  ],
  invalid: [
    {
      name: "fail_not_set",
      stack: (s) => consumerPool(s, "fail_not_set"),
      results: [
        {
          resource: "fail_not_set",
          status: "FAIL",
          messageId: "notSet",
          messageIncludes: "no account_recovery_setting",
        },
      ],
    },
    {
      name: "fail_phone_is_sms_factor",
      stack: (s) =>
        userPool(s, "fail_phone_is_sms_factor", {
          mfaConfiguration: "OPTIONAL",
          ...sms,
          ...recovery("verified_phone_number", "verified_email"),
        }),
      results: [
        {
          resource: "fail_phone_is_sms_factor",
          status: "FAIL",
          messageId: "sameAsMfa",
          messageIncludes: "verified_phone_number, which is also its SMS MFA factor",
        },
      ],
    },
    {
      // The fallback channel counts too.
      name: "fail_fallback_email_is_factor",
      stack: (s) =>
        userPool(s, "fail_fallback_email_is_factor", {
          mfaConfiguration: "ON",
          userPoolTier: "ESSENTIALS",
          emailMfaConfiguration: { message: "Your code is {####}", subject: "Sign-in code" },
          ...totp,
          ...recovery("verified_phone_number", "verified_email"),
        }),
      results: [
        {
          resource: "fail_fallback_email_is_factor",
          status: "FAIL",
          messageId: "sameAsMfa",
          messageIncludes: "verified_email, which is also its email MFA factor",
        },
      ],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const channel = new TerraformVariable(s, "channel", { type: "string" });
        userPool(s, "unknown_var", {
          accountRecoverySetting: { recoveryMechanism: [{ name: channel.stringValue, priority: 1 }] },
        });
      },
      results: [{ resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.channel" }],
    },
    {
      name: "unknown_mfa_var",
      stack: (s) => {
        const mfa = new TerraformVariable(s, "mfa", { type: "string" });
        userPool(s, "unknown_mfa_var", {
          mfaConfiguration: mfa.stringValue,
          ...sms,
          ...recovery("verified_phone_number"),
        });
      },
      results: [{ resource: "unknown_mfa_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.mfa" }],
    },
  ],
});
