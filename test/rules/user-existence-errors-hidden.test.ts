import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/user-existence-errors-hidden.js";
import { client, consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_enabled",
      stack: (s) => client(s, "pass_enabled", userPool(s, "staff"), { preventUserExistenceErrors: "ENABLED" }),
    },
    {
      name: "pass_consumer_enabled",
      stack: (s) =>
        client(s, "pass_consumer_enabled", consumerPool(s, "shoppers"), { preventUserExistenceErrors: "ENABLED" }),
    },
  ],
  invalid: [
    {
      name: "fail_legacy",
      stack: (s) => client(s, "fail_legacy", userPool(s, "staff"), { preventUserExistenceErrors: "LEGACY" }),
      results: [
        {
          resource: "fail_legacy",
          status: "FAIL",
          messageId: "legacy",
          messageIncludes: "prevent_user_existence_errors is LEGACY",
        },
      ],
    },
    {
      name: "fail_unset",
      stack: (s) => client(s, "fail_unset", consumerPool(s, "shoppers")),
      results: [
        {
          resource: "fail_unset",
          status: "FAIL",
          messageId: "legacy",
          messageIncludes: "LEGACY (not set: the default)",
        },
      ],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const mode = new TerraformVariable(s, "existence", { type: "string" });
        client(s, "unknown_var", userPool(s, "staff"), { preventUserExistenceErrors: mode.stringValue });
      },
      results: [{ resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.existence" }],
    },
  ],
});
