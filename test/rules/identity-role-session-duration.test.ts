import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/identity-role-session-duration.js";
import { boundRole, groupWithRole } from "../harness/identity-role-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

RuleTester.run(rule, {
  valid: [
    { name: "pass_default", stack: (s) => void boundRole(s, "pass_default") },
    { name: "pass_one_hour", stack: (s) => void boundRole(s, "pass_one_hour", { maxSessionDuration: 3600 }) },
    {
      name: "pass_option",
      options: { maxSessionDurationSeconds: 7200 },
      stack: (s) => void boundRole(s, "pass_option", { maxSessionDuration: 7200 }),
    },
  ],
  invalid: [
    {
      name: "fail_twelve_hours",
      stack: (s) => void boundRole(s, "fail_twelve_hours", { maxSessionDuration: 43200 }),
      results: [{ resource: "fail_twelve_hours", status: "FAIL", messageId: "tooLong", messageIncludes: "43200 s" }],
    },
    {
      name: "fail_group_role",
      stack: (s) => {
        const created = boundRole(s, "fail_group_role", { maxSessionDuration: 7200 });
        groupWithRole(s, "support", created.arn);
      },
      results: [
        {
          resource: "fail_group_role",
          status: "FAIL",
          messageId: "tooLong",
          messageIncludes: "user pool group support",
        },
      ],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const duration = new TerraformVariable(s, "session_seconds", { type: "number" });
        boundRole(s, "unknown_var", { maxSessionDuration: duration.numberValue });
      },
      results: [
        { resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.session_seconds" },
      ],
    },
    {
      name: "unknown_unresolved",
      stack: (s) => void groupWithRole(s, "unknown_unresolved", "arn:aws:iam::111122223333:role/outside"),
      results: [{ resource: "unknown_unresolved", status: "UNKNOWN", messageId: "unresolvedRole" }],
    },
  ],
});
