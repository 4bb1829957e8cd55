import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/password-min-length.js";
import { consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

RuleTester.run(rule, {
  valid: [
    { name: "pass_min_14", stack: (s) => userPool(s, "pass_min_14", { passwordPolicy: { minimumLength: 14 } }) },
    {
      name: "pass_consumer_min_8",
      stack: (s) => consumerPool(s, "pass_consumer_min_8", { passwordPolicy: { minimumLength: 8 } }),
    },
    {
      name: "pass_raised_threshold",
      options: { minimumLength: 16 },
      stack: (s) => userPool(s, "pass_raised_threshold", { passwordPolicy: { minimumLength: 16 } }),
    },
  ],
  invalid: [
    {
      name: "fail_min_8",
      stack: (s) => userPool(s, "fail_min_8", { passwordPolicy: { minimumLength: 8 } }),
      results: [{ resource: "fail_min_8", status: "FAIL", messageId: "tooShort", messageIncludes: "at least 12" }],
    },
    {
      name: "fail_default_policy",
      stack: (s) => userPool(s, "fail_default_policy"),
      results: [
        {
          resource: "fail_default_policy",
          status: "FAIL",
          messageId: "tooShort",
          messageIncludes: "Cognito's default",
        },
      ],
    },
    {
      name: "fail_consumer_min_6",
      stack: (s) => consumerPool(s, "fail_consumer_min_6", { passwordPolicy: { minimumLength: 6 } }),
      results: [
        { resource: "fail_consumer_min_6", status: "FAIL", messageId: "tooShort", messageIncludes: "at least 8" },
      ],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const min = new TerraformVariable(s, "min_length", { type: "number" });
        userPool(s, "unknown_var", { passwordPolicy: { minimumLength: min.numberValue } });
      },
      results: [
        { resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.min_length" },
      ],
    },
  ],
});
