// aws_cognito_log_delivery_configuration exists from hashicorp/aws 6.5.0; @cdktf/provider-aws 20.1.0
// (aws 5.100.0) has no binding for it, so on aws-5 the fixtures declare it with cdktf's
// TerraformResource, and on aws-6 with @cdktn/provider-aws's real binding, which shows that the
// hand-declared shape is the one a 6.x binding synthesizes.
import { CognitoLogDeliveryConfiguration } from "@cdktn/provider-aws/lib/cognito-log-delivery-configuration/index.js";
import { TerraformResource } from "cdktf";
import type { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import rule from "../../checks/rules/auth-event-logging.js";
import { userPool } from "../harness/cognito-fixtures.js";
import { PROVIDER_BINDING } from "../harness/provider-binding.js";
import { RuleTester } from "../harness/rule-tester.js";
import { estateOf } from "../harness/synth-fixture.js";

class LogDeliveryConfiguration extends TerraformResource {
  constructor(
    scope: Construct,
    id: string,
    private readonly config: Record<string, unknown>,
  ) {
    super(scope, id, { terraformResourceType: "aws_cognito_log_delivery_configuration" });
  }
  protected override synthesizeAttributes(): Record<string, unknown> {
    return this.config;
  }
}

const LOG_GROUP_ARN = "arn:aws:logs:eu-west-1:111122223333:log-group:/cognito/auth";

function loggedPool(scope: Construct, name: string, eventSource = "userAuthEvents"): void {
  const pool = userPool(scope, name, { userPoolTier: "PLUS" });
  const logLevel = eventSource === "userAuthEvents" ? "INFO" : "ERROR";
  if (PROVIDER_BINDING === "aws-6") {
    new CognitoLogDeliveryConfiguration(scope, `${name}-logs`, {
      userPoolId: pool.id,
      logConfigurations: [{ eventSource, logLevel, cloudWatchLogsConfiguration: [{ logGroupArn: LOG_GROUP_ARN }] }],
    });
    return;
  }
  new LogDeliveryConfiguration(scope, `${name}-logs`, {
    user_pool_id: pool.id,
    log_configurations: [
      {
        event_source: eventSource,
        log_level: logLevel,
        cloud_watch_logs_configuration: [{ log_group_arn: LOG_GROUP_ARN }],
      },
    ],
  });
}

RuleTester.run(rule, {
  valid: [{ name: "pass_auth_events", stack: (s) => loggedPool(s, "pass_auth_events") }],
  invalid: [
    {
      name: "fail_no_delivery",
      stack: (s) => {
        loggedPool(s, "logged");
        userPool(s, "fail_no_delivery");
      },
      results: [{ resource: "fail_no_delivery", status: "FAIL", messageId: "missing" }],
    },
    {
      name: "fail_notifications_only",
      stack: (s) => loggedPool(s, "fail_notifications_only", "userNotification"),
      results: [
        {
          resource: "fail_notifications_only",
          status: "FAIL",
          messageId: "missing",
          messageIncludes: "userAuthEvents",
        },
      ],
    },
    {
      name: "fail_provider_6_without_delivery",
      onlyOn: { binding: "aws-6", reason: "hashicorp/aws 6.5+ can express log delivery, so its absence is a finding" },
      stack: (s) => void userPool(s, "fail_provider_6_without_delivery"),
      results: [
        {
          resource: "fail_provider_6_without_delivery",
          status: "FAIL",
          messageId: "missing",
          messageIncludes: "userAuthEvents",
        },
      ],
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

describe("auth-event-logging loader", () => {
  it("links a log delivery configuration to its pool", () => {
    const estate = estateOf((s) => loggedPool(s, "linked"));
    expect(estate.logDeliveryExpressible.known).toBe(true);
    expect(estate.logDeliveries[0]?.userPool?.key).toBe(estate.userPools[0]?.key);
  });
});
