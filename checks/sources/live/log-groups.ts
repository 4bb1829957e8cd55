// Log delivery destinations of a live account, resolved to how long they keep the events: a CloudWatch
// Logs group through DescribeLogGroups (retentionInDays; absent = never expires), one call per distinct
// log group, under its own quota; an S3 bucket through its lifecycle (log-buckets.ts), one call per
// bucket. Each SDK client is loaded only when a scan has such a destination. A Firehose stream's final
// destination is not visible: it stays unknown with the reason.

import type { LogGroup } from "@aws-sdk/client-cloudwatch-logs";
import type { LogConfigurationType } from "@aws-sdk/client-cognito-identity-provider";
import type { ClientFactory } from "./clients.js";
import { readBucketRetentions, unreadBucket, type WantedBucket } from "./log-buckets.js";
import { bucketOfArn } from "../../model/s3-arn.js";
import { parseLogGroupArn, type LogGroupArn } from "../../model/log-group-arn.js";
import type { LiveReads } from "./read.js";
import {
  known,
  literalTerm,
  unknown,
  type LogConfiguration,
  type LogDelivery,
  type LogDestination,
  type Value,
} from "../../model/index.js";

const NOT_READ_YET = "the log destination has not been read";

/** One log configuration of GetLogDeliveryConfiguration, in the model's terms; log groups resolved later. */
export function logConfiguration(c: LogConfigurationType): LogConfiguration {
  const base = { eventSource: c.EventSource ?? "", logLevel: c.LogLevel ?? "" };
  const target = (kind: LogDestination["kind"], arn: string | undefined, retentionDays: Value<number | null>) => ({
    kind,
    arn: arn ? literalTerm(arn) : null,
    retentionDays,
    ...(arn ? { target: arn } : {}),
  });
  if (c.CloudWatchLogsConfiguration)
    return {
      ...base,
      destination: "cloud_watch_logs_configuration",
      target: target("cloudwatch-logs", c.CloudWatchLogsConfiguration.LogGroupArn, unknown(NOT_READ_YET)),
    };
  if (c.S3Configuration)
    return {
      ...base,
      destination: "s3_configuration",
      target: target("s3", c.S3Configuration.BucketArn, unknown(NOT_READ_YET)),
    };
  if (c.FirehoseConfiguration)
    return {
      ...base,
      destination: "firehose_configuration",
      target: target(
        "firehose",
        c.FirehoseConfiguration.StreamArn,
        unknown("the events go to a Firehose stream, whose final destination and its retention are not visible"),
      ),
    };
  return { ...base, destination: "", target: null };
}

/** The account a pool's ARN names, to tell a log group of another account. */
function accountOf(arn: string | undefined): string | undefined {
  return arn ? /^arn:aws[\w-]*:[^:]+:[^:]*:(\d{12}):/.exec(arn)?.[1] : undefined;
}

/** The Region a pool's ARN names: a bucket's ARN has none, so its pool's is asked first. */
function regionOf(arn: string | undefined): string | undefined {
  return arn ? /^arn:aws[\w-]*:[^:]+:([^:]+):/.exec(arn)?.[1] : undefined;
}

/**
 * Fills in the retention of every CloudWatch Logs and S3 destination, reading each distinct log group and
 * bucket once.
 */
export async function resolveLogDestinations(
  deliveries: readonly LogDelivery[],
  clients: Pick<ClientFactory, "cloudWatchLogs" | "s3">,
  reads: LiveReads,
): Promise<LogDelivery[]> {
  const wanted = new Map<string, LogGroupArn>();
  const buckets = new Map<string, WantedBucket>();
  for (const delivery of deliveries)
    for (const c of delivery.configurations.known ? delivery.configurations.value : []) {
      const poolArn = delivery.userPool?.provenance.arn;
      const bucket = c.target?.kind === "s3" && c.target.arn ? bucketOfArn(c.target.arn.text) : undefined;
      const region = regionOf(poolArn);
      if (bucket && region && !buckets.has(bucket))
        buckets.set(bucket, { name: bucket, region, account: accountOf(poolArn) });
      const arn = c.target?.kind === "cloudwatch-logs" ? c.target.arn?.text : undefined;
      const parsed = arn ? parseLogGroupArn(arn) : undefined;
      if (arn && parsed && parsed.account === accountOf(poolArn)) wanted.set(arn, parsed);
    }
  const forks = [...wanted.keys()].map(() => reads.fork());
  const [retention, bucketRetention] = await Promise.all([
    Promise.all(
      [...wanted.entries()].map(
        async ([arn, group], i) => [arn, await readRetention(clients, group, forks[i]!)] as const,
      ),
    ).then((entries) => new Map(entries)),
    readBucketRetentions([...buckets.values()], clients, reads.fork()),
  ]);
  return deliveries.map((delivery) => {
    if (!delivery.configurations.known) return delivery;
    return {
      ...delivery,
      configurations: known(
        delivery.configurations.value.map((c): LogConfiguration => {
          if (c.target?.kind === "s3") {
            const bucket = bucketOfArn(c.target.arn?.text ?? "");
            const retentionDays =
              (bucket ? bucketRetention.get(bucket) : undefined) ?? unreadBucket(c.target.arn?.text ?? "");
            return { ...c, target: { ...c.target, retentionDays } };
          }
          if (c.target?.kind !== "cloudwatch-logs") return c;
          const arn = c.target.arn?.text ?? "";
          const parsed = parseLogGroupArn(arn);
          const retentionDays =
            retention.get(arn) ??
            unknown(
              !parsed
                ? `${arn || "the log group ARN"} is not a CloudWatch Logs log group ARN`
                : `log group ${parsed.name} is in account ${parsed.account}, which this scan does not read`,
            );
          return { ...c, target: { ...c.target, retentionDays } };
        }),
        delivery.configurations.origin,
      ),
    };
  });
}

async function readRetention(
  clients: Pick<ClientFactory, "cloudWatchLogs">,
  group: LogGroupArn,
  reads: LiveReads,
): Promise<Value<number | null>> {
  const { DescribeLogGroupsCommand } = await import("@aws-sdk/client-cloudwatch-logs");
  const client = await clients.cloudWatchLogs(group.region);
  // By name prefix, which every endpoint supports; the group is the entry whose name is exactly the one named.
  // A failed page is a failed read of this value (not a listing that hides resources), so no paginate().
  let nextToken: string | undefined;
  const seen = new Set<string>();
  for (;;) {
    const page = await reads.read(
      `log group ${group.name} in ${group.region}`,
      "DescribeLogGroups",
      group.region,
      (o) => client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: group.name, limit: 50, nextToken }), o),
      { required: (p) => (p.logGroups ? undefined : "logGroups") },
    );
    if (!page.known) return page;
    const found: LogGroup | undefined = page.value.logGroups!.find((g) => g.logGroupName === group.name);
    if (found)
      return known(found.retentionInDays ?? null, found.retentionInDays === undefined ? "default" : "configured");
    nextToken = page.value.nextToken;
    if (!nextToken || seen.has(nextToken))
      return unknown(`log group ${group.name} does not exist in ${group.region}, so the events are not kept there`);
    seen.add(nextToken);
  }
}
