import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/passkey-user-verification-required.js";
import { consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";
import { passkeysOnly } from "../harness/sign-in-fixtures.js";

RuleTester.run(rule, {
  valid: [
    { name: "pass_required", stack: (s) => userPool(s, "pass_required", passkeysOnly("required")) },
    {
      name: "pass_password_and_passkeys",
      stack: (s) =>
        consumerPool(s, "pass_password_and_passkeys", {
          signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "WEB_AUTHN"] },
          webAuthnConfiguration: { userVerification: "required" },
        }),
    },
  ],
  invalid: [
    {
      name: "fail_preferred",
      stack: (s) => userPool(s, "fail_preferred", passkeysOnly("preferred")),
      results: [
        {
          resource: "fail_preferred",
          status: "FAIL",
          messageId: "preferred",
          messageIncludes: "user verification is preferred",
        },
      ],
    },
    {
      // Without web_authn_configuration, Cognito's default is preferred.
      name: "fail_default",
      stack: (s) =>
        userPool(s, "fail_default", { signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "WEB_AUTHN"] } }),
      results: [
        { resource: "fail_default", status: "FAIL", messageId: "preferred", messageIncludes: "not set: the default" },
      ],
    },
    {
      name: "na_password_only",
      stack: (s) => userPool(s, "na_password_only"),
      results: [
        {
          resource: "na_password_only",
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          messageIncludes: "WEB_AUTHN",
        },
      ],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const verification = new TerraformVariable(s, "verification", { type: "string" });
        userPool(s, "unknown_var", {
          signInPolicy: { allowedFirstAuthFactors: ["WEB_AUTHN"] },
          webAuthnConfiguration: { userVerification: verification.stringValue },
        });
      },
      results: [
        { resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.verification" },
      ],
    },
  ],
});
