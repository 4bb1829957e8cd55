import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/temporary-password-validity.js";
import { userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

const days = (temporaryPasswordValidityDays: number) => ({
  passwordPolicy: { minimumLength: 14, temporaryPasswordValidityDays },
});

RuleTester.run(rule, {
  valid: [
    { name: "pass_1_day", stack: (s) => userPool(s, "pass_1_day", days(1)) },
    { name: "pass_7_days", stack: (s) => userPool(s, "pass_7_days", days(7)) },
    { name: "pass_default_7", stack: (s) => userPool(s, "pass_default_7") },
    {
      name: "pass_policy_without_field",
      stack: (s) => userPool(s, "pass_policy_without_field", { passwordPolicy: { minimumLength: 14 } }),
    },
  ],
  invalid: [
    {
      name: "fail_30_days",
      stack: (s) => userPool(s, "fail_30_days", days(30)),
      results: [
        {
          resource: "fail_30_days",
          status: "FAIL",
          messageId: "tooLong",
          messageIncludes: "valid for 30 days; at most 7",
        },
      ],
    },
    {
      name: "fail_3_days_by_option",
      options: { maxDays: 2 },
      stack: (s) => userPool(s, "fail_3_days_by_option", days(3)),
      results: [
        { resource: "fail_3_days_by_option", status: "FAIL", messageId: "tooLong", messageIncludes: "at most 2" },
      ],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const validity = new TerraformVariable(s, "temp_days", { type: "number" });
        userPool(s, "unknown_var", {
          passwordPolicy: { minimumLength: 14, temporaryPasswordValidityDays: validity.numberValue },
        });
      },
      results: [{ resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.temp_days" }],
    },
  ],
});
