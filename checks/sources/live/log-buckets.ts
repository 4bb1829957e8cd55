// How long the S3 buckets that log deliveries write to keep the events: GetBucketLifecycleConfiguration
// once per bucket, mapped to the same lifecycle verdict as the Terraform reader (../bucket-lifecycle.ts).
// A bucket without a lifecycle configuration (NoSuchLifecycleConfiguration) never expires objects; any
// other failure (AccessDenied, NoSuchBucket, a bucket of another account) is a failed read, unknown
// with the reason. The S3 client is loaded only when a scan has such a destination.

import type { GetBucketLifecycleConfigurationCommandOutput, LifecycleRule } from "@aws-sdk/client-s3";
import type { ClientFactory } from "./clients.js";
import type { LiveReads } from "./read.js";
import { bucketRetention, type ExpiryRule } from "../bucket-lifecycle.js";
import { known, unknown, type Value } from "../../model/index.js";
import { bucketOfArn } from "../../model/s3-arn.js";

/** A bucket to read: its name, the Region to ask first, and the account expected to own it. */
export interface WantedBucket {
  readonly name: string;
  readonly region: string;
  readonly account: string | undefined;
}

/** The retention of each wanted bucket, by name, each read once through its own fork (in the order given). */
export async function readBucketRetentions(
  buckets: readonly WantedBucket[],
  clients: Pick<ClientFactory, "s3">,
  reads: LiveReads,
): Promise<Map<string, Value<number | null>>> {
  const forks = buckets.map(() => reads.fork());
  return new Map(
    await Promise.all(
      buckets.map(async (bucket, i) => [bucket.name, await readBucketRetention(clients, bucket, forks[i]!)] as const),
    ),
  );
}

async function readBucketRetention(
  clients: Pick<ClientFactory, "s3">,
  bucket: WantedBucket,
  reads: LiveReads,
): Promise<Value<number | null>> {
  const { GetBucketLifecycleConfigurationCommand } = await import("@aws-sdk/client-s3");
  const client = await clients.s3(bucket.region);
  const response = await reads.read(
    `lifecycle of S3 bucket ${bucket.name}`,
    "Default",
    "s3",
    (o) =>
      client
        .send(
          new GetBucketLifecycleConfigurationCommand({
            Bucket: bucket.name,
            // A bucket of another account is refused (403), not read as if it were the pool owner's.
            ...(bucket.account ? { ExpectedBucketOwner: bucket.account } : {}),
          }),
          o,
        )
        .catch((error: unknown): GetBucketLifecycleConfigurationCommandOutput => {
          // The API's answer for a bucket with no lifecycle configuration: nothing expires.
          if ((error as { name?: string }).name === "NoSuchLifecycleConfiguration") return { Rules: [], $metadata: {} };
          throw error;
        }),
    { required: (r) => (r.Rules ? undefined : "Rules") },
  );
  if (!response.known) return response;
  return bucketRetention(`S3 bucket ${bucket.name}`, response.value.Rules!.map(expiryRule));
}

/** A rule of the API: Status, Filter (or the older top-level Prefix), Expiration { Days | Date }. */
function expiryRule(rule: LifecycleRule): ExpiryRule {
  const prefix = rule.Filter?.Prefix ?? rule.Prefix ?? "";
  const narrowed = prefix !== "" || rule.Filter?.And !== undefined || rule.Filter?.Tag !== undefined;
  const expiration = rule.Expiration;
  return {
    enabled: known(rule.Status === "Enabled"),
    filtered: narrowed ? `under ${prefix ? `prefix ${prefix}` : "its filter"}` : undefined,
    expiration: known(
      !expiration
        ? undefined
        : expiration.Date !== undefined
          ? { date: expiration.Date.toISOString().slice(0, 10) }
          : { ...(expiration.Days !== undefined ? { days: expiration.Days } : {}) },
    ),
  };
}

/** Why a bucket destination was not read: not a bucket ARN, or no pool ARN to name the Region to ask. */
export function unreadBucket(arn: string): Value<number | null> {
  const bucket = bucketOfArn(arn);
  return unknown(
    bucket
      ? `S3 bucket ${bucket} was not read: the user pool's ARN, which names the Region to ask, is not known`
      : `${arn || "the bucket ARN"} is not an S3 bucket ARN`,
  );
}
