import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy/index.js";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket/index.js";
import rule from "../../checks/rules/identity-role-per-identity-scoping.js";
import { boundRole, SUB } from "../harness/identity-role-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

const TABLE = "arn:aws:dynamodb:eu-west-1:111122223333:table/wishlists";
const LEADING_KEYS = { "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": [SUB] } };

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_own_prefix_and_items",
      stack: (s) =>
        void boundRole(s, "pass_own_prefix_and_items", {
          statements: [
            {
              Effect: "Allow",
              Action: ["s3:GetObject", "s3:PutObject"],
              Resource: `arn:aws:s3:::pictures/private/${SUB}/*`,
            },
            {
              Effect: "Allow",
              Action: "s3:ListBucket",
              Resource: "arn:aws:s3:::pictures",
              Condition: { StringLike: { "s3:prefix": [`private/${SUB}/*`] } },
            },
            {
              Effect: "Allow",
              Action: ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"],
              Resource: TABLE,
              Condition: LEADING_KEYS,
            },
          ],
        }),
    },
    {
      name: "pass_bucket_reference_and_data_source",
      stack: (s) => {
        const bucket = new S3Bucket(s, "pictures", { bucket: "pictures" });
        const created = boundRole(s, "pass_bucket_reference_and_data_source", {
          statements: [{ Effect: "Allow", Action: "s3:*Object", Resource: `${bucket.arn}/private/${SUB}/*` }],
        });
        const doc = new DataAwsIamPolicyDocument(s, "items", {
          statement: [
            {
              actions: ["dynamodb:GetItem", "dynamodb:UpdateItem"],
              resources: [TABLE],
              condition: [{ test: "ForAllValues:StringEquals", variable: "dynamodb:LeadingKeys", values: [SUB] }],
            },
          ],
        });
        new IamRolePolicy(s, "items-policy", { role: created.name, policy: doc.json });
      },
    },
    {
      name: "pass_shared_catalog_read",
      options: { sharedResources: ["arn:aws:s3:::shop-assets/public/*"] },
      stack: (s) =>
        void boundRole(s, "pass_shared_catalog_read", {
          as: "unauthenticated",
          statements: [
            { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::shop-assets/public/catalog/*" },
          ],
        }),
    },
    {
      name: "pass_no_data_access",
      stack: (s) =>
        void boundRole(s, "pass_no_data_access", {
          statements: [{ Effect: "Allow", Action: "mobileanalytics:PutEvents", Resource: "*" }],
        }),
    },
  ],
  invalid: [
    {
      name: "fail_whole_bucket",
      stack: (s) =>
        void boundRole(s, "fail_whole_bucket", {
          statements: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::pictures/*" }],
        }),
      results: [
        {
          resource: "fail_whole_bucket",
          status: "FAIL",
          messageId: "s3Unscoped",
          messageIncludes: "arn:aws:s3:::pictures/*",
        },
      ],
    },
    {
      name: "fail_sub_after_wildcard",
      stack: (s) =>
        void boundRole(s, "fail_sub_after_wildcard", {
          statements: [{ Effect: "Allow", Action: "s3:PutObject", Resource: `arn:aws:s3:::pictures/*/${SUB}/*` }],
        }),
      results: [{ resource: "fail_sub_after_wildcard", status: "FAIL", messageId: "s3Unscoped" }],
    },
    {
      name: "fail_shared_but_written",
      options: { sharedResources: ["arn:aws:s3:::shop-assets/public/*"] },
      stack: (s) =>
        void boundRole(s, "fail_shared_but_written", {
          statements: [
            { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::shop-assets/public/catalog/*" },
            { Effect: "Allow", Action: "s3:PutObject", Resource: "arn:aws:s3:::shop-assets/public/uploads/*" },
          ],
        }),
      results: [
        {
          resource: "fail_shared_but_written",
          status: "FAIL",
          messageId: "s3Unscoped",
          messageIncludes: "s3:PutObject",
        },
      ],
    },
    {
      name: "fail_write_reported_first",
      stack: (s) =>
        void boundRole(s, "fail_write_reported_first", {
          statements: [
            { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::shop-assets/public/*" },
            { Effect: "Allow", Action: ["dynamodb:PutItem"], Resource: TABLE },
          ],
        }),
      results: [
        {
          resource: "fail_write_reported_first",
          status: "FAIL",
          messageId: "dynamoDbUnscoped",
          messageIncludes: "dynamodb:PutItem",
        },
      ],
    },
    {
      name: "fail_dynamodb_no_leading_keys",
      stack: (s) =>
        void boundRole(s, "fail_dynamodb_no_leading_keys", {
          statements: [{ Effect: "Allow", Action: ["dynamodb:GetItem", "dynamodb:PutItem"], Resource: TABLE }],
        }),
      results: [
        {
          resource: "fail_dynamodb_no_leading_keys",
          status: "FAIL",
          messageId: "dynamoDbUnscoped",
          messageIncludes: "dynamodb:GetItem",
        },
      ],
    },
    {
      name: "fail_dynamodb_for_any_value",
      stack: (s) =>
        void boundRole(s, "fail_dynamodb_for_any_value", {
          statements: [
            {
              Effect: "Allow",
              Action: "dynamodb:BatchGetItem",
              Resource: TABLE,
              Condition: { "ForAnyValue:StringEquals": { "dynamodb:LeadingKeys": [SUB] } },
            },
          ],
        }),
      results: [{ resource: "fail_dynamodb_for_any_value", status: "FAIL", messageId: "dynamoDbUnscoped" }],
    },
    {
      name: "fail_dynamodb_star_with_leading_keys",
      stack: (s) =>
        void boundRole(s, "fail_dynamodb_star_with_leading_keys", {
          statements: [{ Effect: "Allow", Action: "dynamodb:*", Resource: TABLE, Condition: LEADING_KEYS }],
        }),
      results: [{ resource: "fail_dynamodb_star_with_leading_keys", status: "FAIL", messageId: "dynamoDbScan" }],
    },
    {
      name: "fail_s3_full_access",
      stack: (s) => void boundRole(s, "fail_s3_full_access", { managed: ["AmazonS3FullAccess"] }),
      results: [
        {
          resource: "fail_s3_full_access",
          status: "FAIL",
          messageId: "s3Unscoped",
          messageIncludes: "AmazonS3FullAccess",
        },
      ],
    },
    {
      name: "fail_dynamodb_managed",
      stack: (s) => void boundRole(s, "fail_dynamodb_managed", { managed: ["AmazonDynamoDBReadOnlyAccess"] }),
      results: [{ resource: "fail_dynamodb_managed", status: "FAIL", messageId: "unscopedManagedPolicy" }],
    },
    {
      name: "unknown_managed",
      stack: (s) => void boundRole(s, "unknown_managed", { managed: ["AmazonTranslateReadOnly"] }),
      results: [{ resource: "unknown_managed", status: "UNKNOWN", messageId: "managedUnknown" }],
    },
  ],
});
