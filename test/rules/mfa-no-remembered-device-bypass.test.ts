import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/mfa-no-remembered-device-bypass.js";
import { consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";
import { TOTP } from "../harness/sign-in-fixtures.js";

const rememberAll = { deviceConfiguration: { challengeRequiredOnNewDevice: true } };

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_no_device_tracking",
      stack: (s) => userPool(s, "pass_no_device_tracking", { mfaConfiguration: "ON", ...TOTP }),
    },
    {
      name: "pass_challenge_false",
      stack: (s) =>
        userPool(s, "pass_challenge_false", {
          mfaConfiguration: "OPTIONAL",
          ...TOTP,
          deviceConfiguration: { challengeRequiredOnNewDevice: false, deviceOnlyRememberedOnUserPrompt: true },
        }),
    },
  ],
  invalid: [
    {
      name: "fail_remembered_device",
      stack: (s) => userPool(s, "fail_remembered_device", { mfaConfiguration: "ON", ...TOTP, ...rememberAll }),
      results: [
        {
          resource: "fail_remembered_device",
          status: "FAIL",
          messageId: "bypass",
          messageIncludes: "a remembered device signs in without the second factor",
        },
      ],
    },
    {
      name: "na_mfa_off",
      stack: (s) => userPool(s, "na_mfa_off", rememberAll),
      results: [
        { resource: "na_mfa_off", status: "NOT_APPLICABLE", messageId: "notApplicable", messageIncludes: "MFA is OFF" },
      ],
    },
    {
      name: "na_consumer",
      stack: (s) => consumerPool(s, "na_consumer", { mfaConfiguration: "OPTIONAL", ...TOTP, ...rememberAll }),
      results: [
        { resource: "na_consumer", status: "NOT_APPLICABLE", messageId: "notApplicable", messageIncludes: "consumer" },
      ],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const challenge = new TerraformVariable(s, "challenge", { type: "bool" });
        userPool(s, "unknown_var", {
          mfaConfiguration: "ON",
          ...TOTP,
          deviceConfiguration: { challengeRequiredOnNewDevice: challenge.booleanValue },
        });
      },
      results: [{ resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.challenge" }],
    },
  ],
});
