import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group/index.js";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket/index.js";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration/index.js";
import type { Construct } from "constructs";
import rule from "../../checks/rules/auth-log-retention.js";
import { userPool } from "../harness/cognito-fixtures.js";
import { loggedPool, poolLoggingTo } from "../harness/log-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

/** A pool logging to a bucket of this configuration; `expireDays` adds a lifecycle rule (with `prefix`, a filtered one). */
function poolLoggingToBucket(scope: Construct, name: string, expireDays?: number, prefix?: string): void {
  const bucket = new S3Bucket(scope, `${name}-bucket`, { bucket: `${name.replace(/_/g, "-")}-auth-logs` });
  if (expireDays !== undefined)
    new S3BucketLifecycleConfiguration(scope, `${name}-lifecycle`, {
      bucket: bucket.id,
      rule: [
        {
          id: "expire",
          status: "Enabled",
          filter: [{ prefix: prefix ?? "" }],
          expiration: [{ days: expireDays }],
        },
      ],
    });
  loggedPool(scope, name, { s3_configuration: [{ bucket_arn: bucket.arn }] });
}

RuleTester.run(rule, {
  valid: [
    { name: "pass_retention_400", stack: (s) => void poolLoggingTo(s, "pass_retention_400", 400) },
    { name: "pass_retention_365", stack: (s) => void poolLoggingTo(s, "pass_retention_365", 365) },
    { name: "pass_never_expires", stack: (s) => void poolLoggingTo(s, "pass_never_expires") },
    { name: "pass_bucket_no_lifecycle", stack: (s) => poolLoggingToBucket(s, "pass_bucket_no_lifecycle") },
    { name: "pass_bucket_expires_400", stack: (s) => poolLoggingToBucket(s, "pass_bucket_expires_400", 400) },
    {
      name: "pass_option_30_days",
      stack: (s) => void poolLoggingTo(s, "pass_option_30_days", 30),
      options: { minRetentionDays: 30 },
    },
    {
      name: "pass_literal_arn_of_configured_group",
      stack: (s) => {
        new CloudwatchLogGroup(s, "named-group", { name: "/cognito/auth", retentionInDays: 731 });
        loggedPool(s, "pass_literal_arn_of_configured_group");
      },
    },
  ],
  invalid: [
    {
      name: "fail_retention_90",
      stack: (s) => void poolLoggingTo(s, "fail_retention_90", 90),
      results: [
        { resource: "fail_retention_90", status: "FAIL", messageId: "tooShort", messageIncludes: "only 90 days" },
      ],
    },
    {
      name: "fail_bucket_expires_30",
      stack: (s) => poolLoggingToBucket(s, "fail_bucket_expires_30", 30),
      results: [
        { resource: "fail_bucket_expires_30", status: "FAIL", messageId: "tooShort", messageIncludes: "S3 bucket" },
      ],
    },
    {
      name: "unknown_bucket_filtered",
      stack: (s) => poolLoggingToBucket(s, "unknown_bucket_filtered", 30, "archive/"),
      results: [
        {
          resource: "unknown_bucket_filtered",
          status: "UNKNOWN",
          messageId: "unknown",
          messageIncludes: "prefix archive/",
        },
      ],
    },
    {
      name: "unknown_firehose",
      stack: (s) =>
        loggedPool(s, "unknown_firehose", {
          firehose_configuration: [{ stream_arn: "arn:aws:firehose:eu-west-1:111122223333:deliverystream/auth" }],
        }),
      results: [{ resource: "unknown_firehose", status: "UNKNOWN", messageId: "unknown", messageIncludes: "Firehose" }],
    },
    {
      name: "unknown_group_elsewhere",
      stack: (s) => loggedPool(s, "unknown_group_elsewhere"),
      results: [
        {
          resource: "unknown_group_elsewhere",
          status: "UNKNOWN",
          messageId: "unknown",
          messageIncludes: "not a log group defined in this configuration",
        },
      ],
    },
    {
      name: "na_no_delivery",
      stack: (s) => {
        poolLoggingTo(s, "logged", 400);
        userPool(s, "na_no_delivery");
      },
      results: [
        {
          resource: "na_no_delivery",
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          messageIncludes: "auth-event-logging",
        },
      ],
    },
    {
      name: "na_provider_6_without_delivery",
      onlyOn: {
        binding: "aws-6",
        reason: "hashicorp/aws 6.5+ can express log delivery: none means nothing is kept to judge",
      },
      stack: (s) => void userPool(s, "na_provider_6_without_delivery"),
      results: [{ resource: "na_provider_6_without_delivery", status: "NOT_APPLICABLE", messageId: "notApplicable" }],
    },
    {
      name: "unknown_provider_5",
      onlyOn: { binding: "aws-5", reason: "hashicorp/aws 5.100 has no log delivery resource to configure" },
      stack: (s) => void userPool(s, "unknown_provider_5"),
      results: [
        { resource: "unknown_provider_5", status: "UNKNOWN", messageId: "unknown", messageIncludes: "added in 6.5.0" },
      ],
    },
  ],
});
