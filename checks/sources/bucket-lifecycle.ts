// How long an S3 bucket keeps log objects, from its lifecycle rules: the shortest expiration of the
// enabled rules that expire current objects, null when none does. One place for the Terraform reader
// (aws_s3_bucket_lifecycle_configuration, hashicorp/aws 5.x lifecycle_rule blocks) and the live read
// (GetBucketLifecycleConfiguration); each source maps its shape to ExpiryRule, this judges them.

import { known, unknown, type Value } from "../model/index.js";

/** One lifecycle rule, as far as the retention of the objects is concerned. */
export interface ExpiryRule {
  readonly enabled: Value<boolean>;
  /** How the rule is narrowed ("under prefix logs/", "under its filter"); undefined when it applies to every object. */
  readonly filtered: string | undefined;
  readonly expiration: Value<RuleExpiration | undefined>;
}

/** A rule's expiration of current objects: after days, or on a date. */
export interface RuleExpiration {
  readonly days?: number;
  /** The date as configured; absent when it is set but not known (a reference). */
  readonly date?: string;
  readonly hasDate?: boolean;
}

/** Days a rule's expiration keeps objects: null when it expires none, unknown for a date. */
export function expirationDays(expiration: RuleExpiration | undefined): Value<number | null> {
  if (!expiration) return known(null);
  if (expiration.hasDate || expiration.date !== undefined)
    return unknown(
      `a lifecycle rule expires objects on ${expiration.date ?? "a date"}, so their retention depends on when they were written`,
    );
  // days 0 or absent with no date: the block only removes expired delete markers, it expires no object.
  return known(expiration.days !== undefined && expiration.days > 0 ? expiration.days : null);
}

/** The shortest expiration of the bucket's enabled lifecycle rules; null when none expires objects. */
export function bucketRetention(bucket: string, rules: readonly ExpiryRule[]): Value<number | null> {
  let shortest: number | null = null;
  for (const rule of rules) {
    if (!rule.enabled.known) return unknown(`whether a lifecycle rule of ${bucket} is enabled is not known`);
    if (!rule.enabled.value) continue;
    if (!rule.expiration.known) return rule.expiration;
    const days = expirationDays(rule.expiration.value);
    if (!days.known) return days;
    if (days.value === null) continue;
    if (rule.filtered !== undefined)
      return unknown(
        `a lifecycle rule of ${bucket} expires objects ${rule.filtered} after ${days.value} days; whether the log objects fall under it cannot be told`,
      );
    shortest = shortest === null ? days.value : Math.min(shortest, days.value);
  }
  return known(shortest);
}
