// Where a pool's user activity logs (userAuthEvents) go: a CloudWatch log group kept as the profile
// says, and the log delivery configuration that sends the events there. hashicorp/aws has
// aws_cognito_log_delivery_configuration from 6.5.0 only: under cdktn (@cdktn/provider-aws, 6.x) the
// stack declares it; under cdktf's 5.100 binding it cannot, so the deploy step sets the delivery with
// the SDK after apply (SetLogDeliveryConfiguration, see authEventLogTargets) and only the log group is
// Terraform's.
import { Construct } from "constructs";
import { TerraformResource, type TerraformProvider } from "cdktf";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group/index.js";
import type { AuthEventLogProfile } from "./shop-variant.js";

/** The first hashicorp/aws version with aws_cognito_log_delivery_configuration. */
const LOG_DELIVERY_SINCE: readonly [number, number] = [6, 5];

/** Whether the provider binding in use can declare log delivery (its generated provider version, >= 6.5.0). */
export function canDeclareLogDelivery(provider: TerraformProvider): boolean {
  const version = provider.terraformGeneratorMetadata?.providerVersion;
  const match = version ? /^(\d+)\.(\d+)\./.exec(version) : null;
  if (!match) return false;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > LOG_DELIVERY_SINCE[0] || (major === LOG_DELIVERY_SINCE[0] && minor >= LOG_DELIVERY_SINCE[1]);
}

/** The log group a pool's user activity logs go to, named after the pool: the deploy step finds it by this name. */
export function authEventLogGroupName(poolName: string): string {
  return `/aws/cognito/${poolName}/user-activity`;
}

/**
 * aws_cognito_log_delivery_configuration as the 6.x binding synthesizes it (log_configurations with a
 * cloud_watch_logs_configuration list). Declared through TerraformResource because the stacks are
 * written against the 5.100 binding, which has no class for it; only created when canDeclareLogDelivery.
 */
export class LogDeliveryConfiguration extends TerraformResource {
  constructor(
    scope: Construct,
    id: string,
    private readonly attributes: Readonly<Record<string, unknown>>,
  ) {
    super(scope, id, { terraformResourceType: "aws_cognito_log_delivery_configuration" });
  }
  protected override synthesizeAttributes(): Record<string, unknown> {
    return this.attributes;
  }
}

export interface AuthEventLogsProps {
  readonly profile: AuthEventLogProfile;
  readonly poolName: string;
  readonly userPoolId: string;
  readonly provider: TerraformProvider;
  readonly tags: Readonly<Record<string, string>>;
}

export class AuthEventLogs extends Construct {
  readonly logGroup: CloudwatchLogGroup;
  /** Undefined where the provider cannot express it (the deploy step sets it). */
  readonly delivery?: TerraformResource;

  constructor(scope: Construct, id: string, props: AuthEventLogsProps) {
    super(scope, id);
    this.logGroup = new CloudwatchLogGroup(this, "LogGroup", {
      name: authEventLogGroupName(props.poolName),
      retentionInDays: props.profile.retentionInDays,
      tags: props.tags,
    });
    if (!canDeclareLogDelivery(props.provider)) return;
    this.delivery = new LogDeliveryConfiguration(this, "Delivery", {
      user_pool_id: props.userPoolId,
      log_configurations: [
        {
          event_source: "userAuthEvents",
          log_level: "INFO",
          cloud_watch_logs_configuration: [{ log_group_arn: this.logGroup.arn }],
        },
      ],
    });
  }
}
