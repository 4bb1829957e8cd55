// Log delivery fixtures. aws_cognito_log_delivery_configuration exists from hashicorp/aws 6.5.0;
// @cdktf/provider-aws 20.1.0 (aws 5.100.0) has no binding for it, so it is declared with cdktf's
// TerraformResource (the reference estate's class, stacks/auth-event-logs.ts), as the 6.x binding
// (@cdktn/provider-aws) synthesizes it: log_configurations
// blocks with cloud_watch_logs_configuration / s3_configuration / firehose_configuration lists
// (test/fixtures/cdktn-log-delivery holds a synth of the 6.x binding itself). In the aws-6 test
// project the real binding is used instead, so the hand-declared shape is checked against it.
import {
  CognitoLogDeliveryConfiguration,
  type CognitoLogDeliveryConfigurationLogConfigurations as BindingLogConfiguration,
} from "@cdktn/provider-aws/lib/cognito-log-delivery-configuration/index.js";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group/index.js";
import type { CognitoUserPoolConfig } from "@cdktf/provider-aws/lib/cognito-user-pool/index.js";
import { LogDeliveryConfiguration } from "../../stacks/auth-event-logs.js";
import type { Construct } from "constructs";
import { userPool } from "./cognito-fixtures.js";
import { PROVIDER_BINDING } from "./provider-binding.js";

export type Destination =
  | { readonly cloud_watch_logs_configuration: [{ log_group_arn: string }] }
  | { readonly s3_configuration: [{ bucket_arn: string }] }
  | { readonly firehose_configuration: [{ stream_arn: string }] };

/** A Plus-tier pool whose events of `eventSource` go to `destination` (a literal log group ARN by default). */
export function loggedPool(
  scope: Construct,
  name: string,
  destination: Destination = {
    cloud_watch_logs_configuration: [{ log_group_arn: "arn:aws:logs:eu-west-1:111122223333:log-group:/cognito/auth" }],
  },
  eventSource = "userAuthEvents",
  config: Omit<CognitoUserPoolConfig, "name"> = {},
): void {
  const pool = userPool(scope, name, { userPoolTier: "PLUS", ...config });
  const logLevel = eventSource === "userAuthEvents" ? "INFO" : "ERROR";
  if (PROVIDER_BINDING === "aws-6") {
    new CognitoLogDeliveryConfiguration(scope, `${name}-logs`, {
      userPoolId: pool.id,
      logConfigurations: [{ eventSource, logLevel, ...bindingDestination(destination) }],
    });
    return;
  }
  new LogDeliveryConfiguration(scope, `${name}-logs`, {
    user_pool_id: pool.id,
    log_configurations: [{ event_source: eventSource, log_level: logLevel, ...destination }],
  });
}

/** A pool logging to a log group of this configuration with the given retention (undefined: never expires). */
export function poolLoggingTo(scope: Construct, name: string, retentionInDays?: number): CloudwatchLogGroup {
  const group = new CloudwatchLogGroup(scope, `${name}-group`, {
    name: `/cognito/${name}`,
    ...(retentionInDays === undefined ? {} : { retentionInDays }),
  });
  loggedPool(scope, name, { cloud_watch_logs_configuration: [{ log_group_arn: group.arn }] });
  return group;
}

/** A destination as the 6.x binding's configuration takes it (test/fixtures/cdktn-log-delivery/synth.ts too). */
export type BindingDestination =
  | Required<Pick<BindingLogConfiguration, "cloudWatchLogsConfiguration">>
  | Required<Pick<BindingLogConfiguration, "s3Configuration">>
  | Required<Pick<BindingLogConfiguration, "firehoseConfiguration">>;

function bindingDestination(destination: Destination): BindingDestination {
  if ("cloud_watch_logs_configuration" in destination)
    return {
      cloudWatchLogsConfiguration: [{ logGroupArn: destination.cloud_watch_logs_configuration[0].log_group_arn }],
    };
  if ("s3_configuration" in destination)
    return { s3Configuration: [{ bucketArn: destination.s3_configuration[0].bucket_arn }] };
  return { firehoseConfiguration: [{ streamArn: destination.firehose_configuration[0].stream_arn }] };
}
