import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/deletion-protection.js";
import { consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

RuleTester.run(rule, {
  valid: [
    { name: "pass_active", stack: (s) => userPool(s, "pass_active", { deletionProtection: "ACTIVE" }) },
    {
      name: "pass_consumer_active",
      stack: (s) => consumerPool(s, "pass_consumer_active", { deletionProtection: "ACTIVE" }),
    },
  ],
  invalid: [
    {
      name: "fail_inactive",
      stack: (s) => userPool(s, "fail_inactive", { deletionProtection: "INACTIVE" }),
      results: [
        {
          resource: "fail_inactive",
          status: "FAIL",
          messageId: "inactive",
          messageIncludes: "deletion_protection is INACTIVE",
        },
      ],
    },
    {
      name: "fail_default",
      stack: (s) => consumerPool(s, "fail_default"),
      results: [{ resource: "fail_default", status: "FAIL", messageId: "inactive", messageIncludes: "not set" }],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const mode = new TerraformVariable(s, "deletion", { type: "string" });
        userPool(s, "unknown_var", { deletionProtection: mode.stringValue });
      },
      results: [{ resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.deletion" }],
    },
  ],
});
