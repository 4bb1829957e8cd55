// The parts of a CloudWatch Logs log group ARN: arn:PARTITION:logs:REGION:ACCOUNT:log-group:NAME, with the
// ":*" that DescribeLogGroups and IAM policies append (log group names hold no ":"). Shared by the
// Terraform log-target reader (a literal ARN) and the live log-group reads (the API returns ARNs).

const LOG_GROUP_ARN = /^arn:(aws[\w-]*):logs:([a-z0-9-]+):(\d{12}):log-group:([^:]+)(?::\*)?$/;

export interface LogGroupArn {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  readonly name: string;
}

/** The log group an ARN names; undefined for anything else (a log stream ARN included). */
export function parseLogGroupArn(arn: string): LogGroupArn | undefined {
  const match = LOG_GROUP_ARN.exec(arn);
  return match ? { partition: match[1]!, region: match[2]!, account: match[3]!, name: match[4]! } : undefined;
}
