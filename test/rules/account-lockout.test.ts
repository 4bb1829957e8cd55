import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/account-lockout.js";
import { consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";
import { lambdaFunction, passkeysOnly } from "../harness/sign-in-fixtures.js";

const STAFF_LOCKOUT = "arn:aws:lambda:eu-west-1:123456789012:function:staff-lockout";

RuleTester.run(rule, {
  valid: [
    {
      // A reference matches by the referenced function's function_name.
      name: "pass_referenced_function",
      options: { lockoutTriggers: ["shop-lockout*"] },
      stack: (s) => {
        const fn = lambdaFunction(s, "shop-lockout-v2");
        userPool(s, "pass_referenced_function", { lambdaConfig: { preAuthentication: fn.arn } });
      },
    },
    {
      name: "pass_literal_arn",
      options: { lockoutTriggers: ["arn:aws:lambda:*:function:staff-lockout"] },
      stack: (s) => userPool(s, "pass_literal_arn", { lambdaConfig: { preAuthentication: STAFF_LOCKOUT } }),
    },
  ],
  invalid: [
    {
      name: "fail_no_trigger",
      stack: (s) => userPool(s, "fail_no_trigger"),
      results: [
        {
          resource: "fail_no_trigger",
          status: "FAIL",
          messageId: "missing",
          messageIncludes: "allows PASSWORD (default on create) as first factors",
        },
      ],
    },
    {
      name: "fail_email_code",
      stack: (s) => userPool(s, "fail_email_code", { signInPolicy: { allowedFirstAuthFactors: ["EMAIL_OTP"] } }),
      results: [{ resource: "fail_email_code", status: "FAIL", messageId: "missing", messageIncludes: "EMAIL_OTP" }],
    },
    {
      // Globs are case-sensitive: Staff-Lockout is another function.
      name: "unknown_unreviewed",
      options: { lockoutTriggers: ["Staff-Lockout"] },
      stack: (s) => userPool(s, "unknown_unreviewed", { lambdaConfig: { preAuthentication: STAFF_LOCKOUT } }),
      results: [
        {
          resource: "unknown_unreviewed",
          status: "UNKNOWN",
          messageId: "unreviewed",
          messageIncludes: "verify that it locks the user ID for 30 minutes after at most 10 failures",
        },
      ],
    },
    {
      name: "unknown_trigger_var",
      options: { lockoutTriggers: ["shop-lockout"] },
      stack: (s) => {
        const arn = new TerraformVariable(s, "lockout_arn", { type: "string" });
        userPool(s, "unknown_trigger_var", { lambdaConfig: { preAuthentication: arn.stringValue } });
      },
      results: [
        {
          resource: "unknown_trigger_var",
          status: "UNKNOWN",
          messageId: "unknown",
          messageIncludes: "var.lockout_arn",
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
      name: "na_consumer",
      stack: (s) => consumerPool(s, "na_consumer"),
      results: [
        { resource: "na_consumer", status: "NOT_APPLICABLE", messageId: "notApplicable", messageIncludes: "consumer" },
      ],
    },
    {
      name: "na_passkeys_only",
      stack: (s) => userPool(s, "na_passkeys_only", passkeysOnly("required")),
      results: [
        {
          resource: "na_passkeys_only",
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          messageIncludes: "passkeys are its only first factor",
        },
      ],
    },
  ],
});
