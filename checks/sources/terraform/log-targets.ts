// The destination of a log delivery configuration, resolved to the resource that keeps the events
// and how long it keeps them: an aws_cloudwatch_log_group (retention_in_days, 0 or unset = never
// expires), an aws_s3_bucket (the expiration of its lifecycle rules: aws_s3_bucket_lifecycle_configuration,
// or the bucket's own lifecycle_rule blocks of hashicorp/aws 5.x), or a Firehose stream, whose
// final destination's retention is not visible. Both provider shapes name these blocks alike.

import { Attributes, type TerraformResource } from "./attributes.js";
import { bucketRetention, type ExpiryRule, type RuleExpiration } from "../bucket-lifecycle.js";
import type { ResourceIndex } from "./iam.js";
import { isLiteral, known, unknown, type LogDestination, type Term, type Value } from "../../model/index.js";
import { bucketOfArn } from "../../model/s3-arn.js";
import { parseLogGroupArn } from "../../model/log-group-arn.js";

/** The destination blocks of a log configuration, with the attribute naming their target. */
const DESTINATIONS = [
  { block: "cloud_watch_logs_configuration", kind: "cloudwatch-logs", arn: "log_group_arn" },
  { block: "s3_configuration", kind: "s3", arn: "bucket_arn" },
  { block: "firehose_configuration", kind: "firehose", arn: "stream_arn" },
] as const;

/** The destination block of a log configuration ("" when it has none) and its target. */
export function readLogDestination(
  config: Attributes,
  index: ResourceIndex,
): { destination: string; target: LogDestination | null } {
  const found = DESTINATIONS.find((d) => config.block(d.block) !== undefined);
  if (!found) return { destination: "", target: null };
  const arn = config.block(found.block)!.term(found.arn);
  const target = { kind: found.kind, arn };
  if (found.kind === "firehose")
    return {
      destination: found.block,
      target: {
        ...target,
        retentionDays: unknown(
          "the events go to a Firehose stream, whose final destination and its retention are not visible here",
        ),
      },
    };
  const resource =
    found.kind === "cloudwatch-logs"
      ? targetOf(arn, index, "aws_cloudwatch_log_group", "name", logGroupOfArn)
      : targetOf(arn, index, "aws_s3_bucket", "bucket", bucketOfArn);
  if (!resource)
    return {
      destination: found.block,
      target: {
        ...target,
        retentionDays: unknown(
          `${arn?.text || "the destination ARN"} is not a ${found.kind === "s3" ? "bucket" : "log group"} defined in this configuration, so how long it keeps the events cannot be read`,
        ),
      },
    };
  return {
    destination: found.block,
    target: {
      ...target,
      retentionDays: found.kind === "s3" ? bucketRetentionOf(resource, index) : logGroupRetention(resource),
      target: resource.address,
    },
  };
}

/** The log group a literal log group ARN names (a trailing :* included). */
function logGroupOfArn(arn: string): string | undefined {
  return parseLogGroupArn(arn)?.name;
}

/** The resource an ARN names: by reference, or a literal ARN by the resource's name. */
function targetOf(
  arn: Term | null,
  index: ResourceIndex,
  type: string,
  nameAttribute: string,
  nameOfArn: (arn: string) => string | undefined,
): TerraformResource | undefined {
  if (!arn) return undefined;
  const ref = arn.exactRef ?? (arn.refs.length === 1 ? arn.refs[0] : undefined);
  if (ref) {
    const resource = index.get(ref.address);
    return resource?.type === type && resource.mode === "managed" ? resource : undefined;
  }
  if (!isLiteral(arn)) return undefined;
  const name = nameOfArn(arn.text);
  return name === undefined ? undefined : managedByName(index, type, nameAttribute).get(name);
}

/**
 * The managed resources of a type by their known name (the first declared wins), built once per
 * resource index and type: every destination naming its target by a literal ARN would otherwise
 * scan all log groups or buckets of the scope.
 */
const byNameCache = new WeakMap<ResourceIndex, Map<string, Map<string, TerraformResource>>>();

function managedByName(index: ResourceIndex, type: string, nameAttribute: string): Map<string, TerraformResource> {
  let byType = byNameCache.get(index);
  if (!byType) byNameCache.set(index, (byType = new Map()));
  let byName = byType.get(type);
  if (byName) return byName;
  byName = new Map();
  for (const resource of index.ofType(type)) {
    if (resource.mode !== "managed") continue;
    const value = Attributes.of(resource).string(nameAttribute);
    if (value.known && !byName.has(value.value)) byName.set(value.value, resource);
  }
  byType.set(type, byName);
  return byName;
}

function logGroupRetention(group: TerraformResource): Value<number | null> {
  const days = Attributes.of(group).number("retention_in_days", 0);
  if (!days.known) return days;
  // 0 is the provider's "never expire" (the API's absent retentionInDays).
  return known(days.value === 0 ? null : days.value, days.origin);
}

/** The shortest expiration of the bucket's enabled lifecycle rules; null when none expires objects. */
function bucketRetentionOf(bucket: TerraformResource, index: ResourceIndex): Value<number | null> {
  const bucketName = Attributes.of(bucket).string("bucket");
  const configurations = lifecycleConfigurations(index).of(
    bucket.address,
    bucketName.known ? bucketName.value : undefined,
  );
  return bucketRetention(bucket.address, [
    ...configurations.flatMap((c) => Attributes.of(c).blocks("rule").map(lifecycleRule)),
    // hashicorp/aws 5.x: the bucket's own (deprecated) lifecycle_rule blocks.
    ...Attributes.of(bucket).blocks("lifecycle_rule").map(legacyLifecycleRule),
  ]);
}

/**
 * The managed aws_s3_bucket_lifecycle_configuration resources by the bucket they name (a reference to
 * it, or its literal name), built once per resource index so that each bucket does not scan them all;
 * a bucket's configurations come in declaration order.
 */
interface LifecycleConfigurations {
  of(bucketAddress: string, bucketName: string | undefined): TerraformResource[];
}

const lifecycleCache = new WeakMap<ResourceIndex, LifecycleConfigurations>();

function lifecycleConfigurations(index: ResourceIndex): LifecycleConfigurations {
  const cached = lifecycleCache.get(index);
  if (cached) return cached;
  const byKey = new Map<string, { order: number; resource: TerraformResource }[]>();
  let order = 0;
  for (const resource of index.ofType("aws_s3_bucket_lifecycle_configuration")) {
    const position = order++;
    if (resource.mode !== "managed") continue;
    const term = Attributes.of(resource).term("bucket");
    const key = term?.exactRef
      ? `address:${term.exactRef.address}`
      : term && isLiteral(term)
        ? `name:${term.text}`
        : undefined;
    if (key === undefined) continue;
    const list = byKey.get(key);
    const entry = { order: position, resource };
    if (list) list.push(entry);
    else byKey.set(key, [entry]);
  }
  const configurations: LifecycleConfigurations = {
    of(bucketAddress, bucketName) {
      const found = [
        ...(byKey.get(`address:${bucketAddress}`) ?? []),
        ...(bucketName === undefined ? [] : (byKey.get(`name:${bucketName}`) ?? [])),
      ];
      return found.sort((a, b) => a.order - b.order).map((entry) => entry.resource);
    },
  };
  lifecycleCache.set(index, configurations);
  return configurations;
}

/** A rule of aws_s3_bucket_lifecycle_configuration: status, filter, expiration { days | date }. */
function lifecycleRule(rule: Attributes): ExpiryRule {
  const status = rule.string("status");
  const filter = rule.block("filter");
  const prefix = filter?.string("prefix", "") ?? rule.string("prefix", "");
  const narrowed =
    (prefix.known && prefix.value !== "") || filter?.block("and") !== undefined || filter?.block("tag") !== undefined;
  return {
    enabled: status.known ? known(status.value === "Enabled") : status,
    filtered: narrowed ? `under ${prefix.known && prefix.value ? `prefix ${prefix.value}` : "its filter"}` : undefined,
    expiration: expiration(rule),
  };
}

/** A lifecycle_rule block of aws_s3_bucket (hashicorp/aws 5.x): enabled, prefix, expiration { days | date }. */
function legacyLifecycleRule(rule: Attributes): ExpiryRule {
  const prefix = rule.string("prefix", "");
  const tags = rule.map("tags", {});
  const narrowed = (prefix.known && prefix.value !== "") || (tags.known && Object.keys(tags.value).length > 0);
  return {
    enabled: rule.bool("enabled"),
    filtered: narrowed ? `under ${prefix.known && prefix.value ? `prefix ${prefix.value}` : "its tags"}` : undefined,
    expiration: expiration(rule),
  };
}

function expiration(rule: Attributes): Value<RuleExpiration | undefined> {
  const block = rule.block("expiration");
  if (!block) return known(undefined);
  if (block.has("date") && block.raw("date")) {
    const date = block.string("date");
    return known(date.known ? { date: date.value } : { hasDate: true });
  }
  const days = block.number("days", 0);
  return days.known ? known({ days: days.value }) : days;
}
