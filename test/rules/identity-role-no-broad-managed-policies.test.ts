import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/identity-role-no-broad-managed-policies.js";
import { boundRole, groupWithRole } from "../harness/identity-role-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_inline_only",
      stack: (s) =>
        void boundRole(s, "pass_inline_only", {
          statements: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::catalog/*" }],
        }),
    },
    {
      name: "pass_read_only_managed",
      stack: (s) => void boundRole(s, "pass_read_only_managed", { managed: ["AmazonS3ReadOnlyAccess"] }),
    },
    {
      name: "pass_allowed_by_option",
      options: { forbiddenPolicies: ["AdministratorAccess"] },
      stack: (s) => void boundRole(s, "pass_allowed_by_option", { managed: ["AmazonS3FullAccess"] }),
    },
  ],
  invalid: [
    {
      name: "fail_s3_full_access",
      stack: (s) => void boundRole(s, "fail_s3_full_access", { managed: ["AmazonS3FullAccess"] }),
      results: [
        {
          resource: "fail_s3_full_access",
          status: "FAIL",
          messageId: "broadManagedPolicy",
          messageIncludes: "AmazonS3FullAccess",
        },
      ],
    },
    {
      name: "fail_admin",
      stack: (s) => void boundRole(s, "fail_admin", { managed: ["ReadOnlyAccess", "AdministratorAccess"] }),
      results: [
        {
          resource: "fail_admin",
          status: "FAIL",
          messageId: "broadManagedPolicy",
          messageIncludes: "AdministratorAccess",
        },
      ],
    },
    {
      name: "fail_group_power_user",
      stack: (s) => {
        const created = boundRole(s, "fail_group_power_user", { managed: ["PowerUserAccess"] });
        groupWithRole(s, "ops", created.arn);
      },
      results: [
        {
          resource: "fail_group_power_user",
          status: "FAIL",
          messageId: "broadManagedPolicy",
          messageIncludes: "user pool group ops",
        },
      ],
    },
    {
      name: "unknown_managed_arns_from_variable",
      stack: (s) => {
        const arns = new TerraformVariable(s, "managed_arns", { type: "list(string)" });
        const created = boundRole(s, "unknown_managed_arns_from_variable");
        created.managedPolicyArns = arns.listValue;
      },
      results: [
        {
          resource: "unknown_managed_arns_from_variable",
          status: "UNKNOWN",
          messageId: "unknown",
          messageIncludes: "var.managed_arns",
        },
      ],
    },
  ],
});
