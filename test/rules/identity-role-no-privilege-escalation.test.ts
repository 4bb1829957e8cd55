import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy/index.js";
import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/identity-role-no-privilege-escalation.js";
import { boundRole, groupWithRole } from "../harness/identity-role-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

const TABLE = "arn:aws:dynamodb:eu-west-1:111122223333:table/wishlists";

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_data_only",
      stack: (s) =>
        void boundRole(s, "pass_data_only", {
          statements: [{ Effect: "Allow", Action: ["dynamodb:*", "s3:PutObject"], Resource: TABLE }],
        }),
    },
    {
      name: "pass_cognito_reads",
      stack: (s) =>
        void boundRole(s, "pass_cognito_reads", {
          statements: [
            {
              Effect: "Allow",
              Action: ["cognito-idp:AdminGetUser", "cognito-idp:ListUsers", "iam:GetRole"],
              Resource: "*",
            },
          ],
        }),
    },
    {
      name: "pass_iam_denied",
      stack: (s) =>
        void boundRole(s, "pass_iam_denied", {
          statements: [
            { Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::111122223333:role/app" },
            { Effect: "Deny", Action: "iam:*", Resource: "*" },
          ],
        }),
    },
    {
      name: "pass_s3_full_access",
      stack: (s) => void boundRole(s, "pass_s3_full_access", { managed: ["AmazonS3FullAccess"] }),
    },
  ],
  invalid: [
    {
      name: "fail_pass_role",
      stack: (s) =>
        void boundRole(s, "fail_pass_role", {
          statements: [{ Effect: "Allow", Action: "IAM:passrole", Resource: "*" }],
        }),
      results: [
        { resource: "fail_pass_role", status: "FAIL", messageId: "escalation", messageIncludes: "iam:PassRole" },
      ],
    },
    {
      name: "fail_iam_star",
      stack: (s) =>
        void boundRole(s, "fail_iam_star", {
          statements: [{ Effect: "Allow", Action: ["s3:GetObject", "iam:*"], Resource: "*" }],
        }),
      results: [
        { resource: "fail_iam_star", status: "FAIL", messageId: "escalation", messageIncludes: "through iam:*" },
      ],
    },
    {
      name: "fail_admin_wildcard",
      stack: (s) =>
        void boundRole(s, "fail_admin_wildcard", {
          statements: [{ Effect: "Allow", Action: "cognito-idp:Admin*", Resource: "*" }],
        }),
      results: [
        {
          resource: "fail_admin_wildcard",
          status: "FAIL",
          messageId: "escalation",
          messageIncludes: "cognito-idp:Admin",
        },
      ],
    },
    {
      name: "fail_set_identity_pool_roles",
      stack: (s) =>
        void boundRole(s, "fail_set_identity_pool_roles", {
          statements: [{ Effect: "Allow", Action: "cognito-identity:SetIdentityPoolRoles", Resource: "*" }],
        }),
      results: [
        {
          resource: "fail_set_identity_pool_roles",
          status: "FAIL",
          messageId: "escalation",
          messageIncludes: "cognito-identity:SetIdentityPoolRoles",
        },
      ],
    },
    {
      name: "fail_lambda_code",
      stack: (s) =>
        void boundRole(s, "fail_lambda_code", {
          statements: [
            {
              Effect: "Allow",
              Action: "lambda:Update*",
              Resource: "arn:aws:lambda:eu-west-1:111122223333:function:pre-token",
            },
          ],
        }),
      results: [
        {
          resource: "fail_lambda_code",
          status: "FAIL",
          messageId: "escalation",
          messageIncludes: "lambda:UpdateFunctionCode",
        },
      ],
    },
    {
      name: "fail_assume_role",
      stack: (s) =>
        void boundRole(s, "fail_assume_role", {
          statements: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: "arn:aws:iam::111122223333:role/ops" }],
        }),
      results: [
        { resource: "fail_assume_role", status: "FAIL", messageId: "escalation", messageIncludes: "sts:AssumeRole" },
      ],
    },
    {
      name: "fail_not_action",
      stack: (s) =>
        void boundRole(s, "fail_not_action", { statements: [{ Effect: "Allow", NotAction: "s3:*", Resource: "*" }] }),
      results: [
        { resource: "fail_not_action", status: "FAIL", messageId: "escalation", messageIncludes: "NotAction s3:*" },
      ],
    },
    {
      name: "fail_pass_role_partially_denied",
      stack: (s) =>
        void boundRole(s, "fail_pass_role_partially_denied", {
          statements: [
            { Effect: "Allow", Action: "iam:PassRole", Resource: "*" },
            { Effect: "Deny", Action: "iam:PassRole", Resource: "arn:aws:iam::111122223333:role/admin" },
          ],
        }),
      results: [{ resource: "fail_pass_role_partially_denied", status: "FAIL", messageId: "escalation" }],
    },
    {
      name: "fail_admin_managed",
      stack: (s) => void boundRole(s, "fail_admin_managed", { managed: ["AdministratorAccess"] }),
      results: [
        {
          resource: "fail_admin_managed",
          status: "FAIL",
          messageId: "escalation",
          messageIncludes: "AdministratorAccess",
        },
      ],
    },
    {
      name: "fail_cognito_power_user",
      stack: (s) => {
        const created = boundRole(s, "fail_cognito_power_user", { managed: ["AmazonCognitoPowerUser"] });
        groupWithRole(s, "staff", created.arn);
      },
      results: [{ resource: "fail_cognito_power_user", status: "FAIL", messageId: "escalatingManagedPolicy" }],
    },
    {
      name: "unknown_managed",
      stack: (s) => void boundRole(s, "unknown_managed", { managed: ["AmazonRekognitionReadOnlyAccess"] }),
      results: [{ resource: "unknown_managed", status: "UNKNOWN", messageId: "managedUnknown" }],
    },
    {
      name: "unknown_policy_from_variable",
      stack: (s) => {
        const policy = new TerraformVariable(s, "role_policy", { type: "string" });
        const created = boundRole(s, "unknown_policy_from_variable");
        new IamRolePolicy(s, "from-var", { role: created.name, policy: policy.stringValue });
      },
      results: [
        {
          resource: "unknown_policy_from_variable",
          status: "UNKNOWN",
          messageId: "unknown",
          messageIncludes: "var.role_policy",
        },
      ],
    },
  ],
});
