import rule from "../../checks/rules/identity-role-no-wildcards.js";
import { boundRole, groupWithRole, SUB } from "../harness/identity-role-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

const TABLE = "arn:aws:dynamodb:eu-west-1:111122223333:table/wishlists";

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_scoped",
      stack: (s) =>
        void boundRole(s, "pass_scoped", {
          statements: [
            { Effect: "Allow", Action: ["dynamodb:GetItem", "dynamodb:PutItem"], Resource: TABLE },
            { Effect: "Allow", Action: "s3:GetObject", Resource: "*" },
          ],
        }),
    },
    {
      name: "pass_wildcard_denied",
      stack: (s) =>
        void boundRole(s, "pass_wildcard_denied", {
          statements: [
            { Effect: "Allow", Action: "dynamodb:*", Resource: "*" },
            { Effect: "Deny", Action: "dynamodb:*", Resource: "*" },
          ],
        }),
    },
    {
      name: "pass_read_only_managed",
      stack: (s) => void boundRole(s, "pass_read_only_managed", { managed: ["AmazonS3ReadOnlyAccess"] }),
    },
  ],
  invalid: [
    {
      name: "fail_service_wildcard",
      stack: (s) =>
        void boundRole(s, "fail_service_wildcard", {
          statements: [{ Effect: "Allow", Action: "DynamoDB:*", Resource: TABLE }],
        }),
      results: [
        {
          resource: "fail_service_wildcard",
          status: "FAIL",
          messageId: "wildcardAction",
          messageIncludes: 'Action "DynamoDB:*"',
        },
      ],
    },
    {
      name: "fail_star",
      stack: (s) =>
        void boundRole(s, "fail_star", {
          statements: [
            { Effect: "Allow", Action: ["s3:GetObject", "*"], Resource: `arn:aws:s3:::bucket/private/${SUB}/*` },
          ],
        }),
      results: [{ resource: "fail_star", status: "FAIL", messageId: "wildcardAction", messageIncludes: 'Action "*"' }],
    },
    {
      name: "fail_not_action",
      stack: (s) =>
        void boundRole(s, "fail_not_action", {
          statements: [{ Effect: "Allow", NotAction: "iam:*", Resource: TABLE }],
        }),
      results: [
        { resource: "fail_not_action", status: "FAIL", messageId: "wildcardAction", messageIncludes: "NotAction" },
      ],
    },
    {
      name: "fail_write_on_star",
      stack: (s) =>
        void boundRole(s, "fail_write_on_star", {
          statements: [{ Effect: "Allow", Action: ["dynamodb:GetItem", "dynamodb:PutItem"], Resource: "*" }],
        }),
      results: [
        {
          resource: "fail_write_on_star",
          status: "FAIL",
          messageId: "writeOnAnyResource",
          messageIncludes: "dynamodb:PutItem",
        },
      ],
    },
    {
      name: "fail_partial_deny",
      stack: (s) =>
        void boundRole(s, "fail_partial_deny", {
          statements: [
            { Effect: "Allow", Action: "s3:*", Resource: "*" },
            { Effect: "Deny", Action: "s3:DeleteObject", Resource: "*" },
          ],
        }),
      results: [{ resource: "fail_partial_deny", status: "FAIL", messageId: "wildcardAction" }],
    },
    {
      name: "fail_conditional_deny",
      stack: (s) =>
        void boundRole(s, "fail_conditional_deny", {
          statements: [
            { Effect: "Allow", Action: "s3:PutObject", Resource: "*" },
            { Effect: "Deny", Action: "s3:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
          ],
        }),
      results: [{ resource: "fail_conditional_deny", status: "FAIL", messageId: "writeOnAnyResource" }],
    },
    {
      name: "fail_s3_full_access",
      stack: (s) => void boundRole(s, "fail_s3_full_access", { managed: ["AmazonS3FullAccess"] }),
      results: [
        {
          resource: "fail_s3_full_access",
          status: "FAIL",
          messageId: "wildcardAction",
          messageIncludes: "AmazonS3FullAccess",
        },
      ],
    },
    {
      name: "fail_dynamodb_full_access",
      stack: (s) => void boundRole(s, "fail_dynamodb_full_access", { managed: ["AmazonDynamoDBFullAccess"] }),
      results: [{ resource: "fail_dynamodb_full_access", status: "FAIL", messageId: "broadManagedPolicy" }],
    },
    {
      name: "unknown_managed",
      stack: (s) => void boundRole(s, "unknown_managed", { managed: ["AmazonPollyReadOnlyAccess"] }),
      results: [
        {
          resource: "unknown_managed",
          status: "UNKNOWN",
          messageId: "managedUnknown",
          messageIncludes: "AmazonPollyReadOnlyAccess",
        },
      ],
    },
    {
      name: "fail_group_role",
      stack: (s) => {
        const created = boundRole(s, "fail_group_role", {
          statements: [{ Effect: "Allow", Action: "cognito-idp:*", Resource: "*" }],
        });
        groupWithRole(s, "admin", created.arn);
      },
      results: [
        {
          resource: "fail_group_role",
          status: "FAIL",
          messageId: "wildcardAction",
          messageIncludes: "user pool group admin",
        },
      ],
    },
    {
      name: "unknown_unresolved_role",
      stack: (s) => void groupWithRole(s, "unknown_unresolved_role", "arn:aws:iam::111122223333:role/outside"),
      results: [{ resource: "unknown_unresolved_role", status: "UNKNOWN", messageId: "unresolvedRole" }],
    },
  ],
});
