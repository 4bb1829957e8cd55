import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/mfa-required.js";
import { consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";
import { passkeysOnly } from "../harness/sign-in-fixtures.js";

const totp = { softwareTokenMfaConfiguration: { enabled: true } };

RuleTester.run(rule, {
  valid: [
    { name: "pass_on_totp", stack: (s) => userPool(s, "pass_on_totp", { mfaConfiguration: "ON", ...totp }) },
    {
      name: "pass_consumer_optional",
      stack: (s) => consumerPool(s, "pass_consumer_optional", { mfaConfiguration: "OPTIONAL", ...totp }),
    },
    {
      // Passkeys with user verification are phishing-resistant multi-factor: 8.4.2 does not ask for more.
      name: "pass_passkeys_with_verification",
      stack: (s) => userPool(s, "pass_passkeys_with_verification", passkeysOnly("required")),
    },
    {
      name: "pass_consumer_email_code",
      stack: (s) =>
        consumerPool(s, "pass_consumer_email_code", {
          mfaConfiguration: "OPTIONAL",
          ...totp,
          signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] },
        }),
    },
  ],
  invalid: [
    {
      name: "fail_optional_workforce",
      stack: (s) => userPool(s, "fail_optional_workforce", { mfaConfiguration: "OPTIONAL", ...totp }),
      results: [
        {
          resource: "fail_optional_workforce",
          status: "FAIL",
          messageId: "notRequired",
          messageIncludes: "expected ON",
        },
      ],
    },
    {
      name: "fail_default_off",
      stack: (s) => consumerPool(s, "fail_default_off"),
      results: [
        {
          resource: "fail_default_off",
          status: "FAIL",
          messageId: "notRequired",
          messageIncludes: "not set: the default) for first factors PASSWORD (default on create)",
        },
      ],
    },
    {
      name: "fail_consumer_on_required_by_policy",
      audienceOptions: { consumer: { allowed: ["ON"] } },
      stack: (s) => consumerPool(s, "fail_consumer_on_required_by_policy", { mfaConfiguration: "OPTIONAL", ...totp }),
      results: [{ resource: "fail_consumer_on_required_by_policy", status: "FAIL", messageId: "notRequired" }],
    },
    {
      // A one-time code is one factor, whatever mfa_configuration says.
      name: "fail_email_code_first_factor",
      stack: (s) =>
        userPool(s, "fail_email_code_first_factor", {
          mfaConfiguration: "ON",
          ...totp,
          signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] },
        }),
      results: [
        {
          resource: "fail_email_code_first_factor",
          status: "FAIL",
          messageId: "oneTimeCode",
          messageIncludes: "allows EMAIL_OTP as a first factor",
        },
      ],
    },
    {
      // A passkey that need not verify the user is possession alone: MFA OFF then fails.
      name: "fail_passkeys_preferred",
      stack: (s) => userPool(s, "fail_passkeys_preferred", passkeysOnly("preferred")),
      results: [
        {
          resource: "fail_passkeys_preferred",
          status: "FAIL",
          messageId: "notRequired",
          messageIncludes: "first factors WEB_AUTHN",
        },
      ],
    },
    {
      name: "unknown_passkey_verification",
      stack: (s) => {
        const verification = new TerraformVariable(s, "verification", { type: "string" });
        userPool(s, "unknown_passkey_verification", {
          signInPolicy: { allowedFirstAuthFactors: ["WEB_AUTHN"] },
          webAuthnConfiguration: { userVerification: verification.stringValue },
        });
      },
      results: [
        {
          resource: "unknown_passkey_verification",
          status: "UNKNOWN",
          messageId: "unknown",
          messageIncludes: "var.verification",
        },
      ],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const mfa = new TerraformVariable(s, "mfa", { type: "string" });
        userPool(s, "unknown_var", { mfaConfiguration: mfa.stringValue, ...totp });
      },
      results: [{ resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.mfa" }],
    },
  ],
});
