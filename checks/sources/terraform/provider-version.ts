// Which hashicorp/aws version a configuration pins, wherever it says so: required_providers in
// Terraform JSON (cdktf synth) or HCL (hcl2json wraps blocks in arrays; a legacy aws = "x" string), or
// the provider_config of a plan. What the version allows the configuration to express is decided here too.

import { isJsonObject, type JsonObject, type JsonValue } from "../../io/safe-json.js";
import { known, unknown, type Value } from "../../model/index.js";

const AWS_PROVIDER = "registry.terraform.io/hashicorp/aws";

/** terraform { required_providers { aws = { version = "..." } } } of a configuration document. */
export function requiredAwsProviderVersion(document: JsonObject): string | undefined {
  for (const terraform of objects(document.terraform)) {
    for (const providers of objects(terraform.required_providers)) {
      const aws = providers.aws;
      if (typeof aws === "string") return aws;
      for (const entry of objects(aws)) if (typeof entry.version === "string") return entry.version;
    }
  }
  return undefined;
}

/** The version constraint of hashicorp/aws in a plan's configuration.provider_config. */
export function plannedAwsProviderVersion(configuration: JsonValue | undefined): string | undefined {
  const providers =
    isJsonObject(configuration) && isJsonObject(configuration.provider_config) ? configuration.provider_config : {};
  for (const provider of Object.values(providers)) {
    if (
      isJsonObject(provider) &&
      provider.full_name === AWS_PROVIDER &&
      typeof provider.version_constraint === "string"
    )
      return provider.version_constraint;
  }
  return undefined;
}

/** The first hashicorp/aws release with aws_cognito_log_delivery_configuration (not 6.0: 6.5.0). */
export const LOG_DELIVERY_SINCE = "6.5.0";

type Version = readonly [number, number, number];

/**
 * The lowest and highest releases a constraint admits, as far as it says: "6.66.0" and "= 6.66.0"
 * pin one; "~> 6.0" admits 6.0.0 up to before 7.0.0, "~> 6.4.1" 6.4.1 up to before 6.5.0; ">= 5.0"
 * has no upper bound. Anything else (several clauses, "<", "!=") admits an unknown range.
 */
export function admittedRange(constraint: string): { low: Version; high: Version | null } | undefined {
  const match = /^\s*(=|~>|>=)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(constraint);
  if (!match) return undefined;
  const [, op, major, minor, patch] = match;
  const low: Version = [Number(major), Number(minor ?? 0), Number(patch ?? 0)];
  if (op === undefined || op === "=") return { low, high: low };
  if (op === ">=") return { low, high: null };
  // ~> allows the rightmost given component to grow: ~> 6.0 is < 7.0.0, ~> 6.4.1 is < 6.5.0.
  if (patch !== undefined) return { low, high: [low[0], low[1], Number.MAX_SAFE_INTEGER] };
  return { low, high: [low[0], Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER] };
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * aws_cognito_log_delivery_configuration exists from hashicorp/aws 6.5.0; a configuration pinned
 * below that cannot express it, so its absence there proves nothing.
 */
export function logDeliveryExpressible(versions: readonly string[], declared: boolean): Value<true> {
  if (declared) return known(true);
  if (versions.length === 0)
    return unknown(
      "the hashicorp/aws provider version is not pinned, so whether log delivery can be expressed is not known",
    );
  const since = admittedRange(LOG_DELIVERY_SINCE)!.low;
  const ranges = versions.map(admittedRange);
  if (ranges.every((range) => range !== undefined && compare(range.low, since) >= 0)) return known(true);
  if (ranges.every((range) => range?.high !== null && range?.high !== undefined && compare(range.high, since) < 0)) {
    return unknown(
      `hashicorp/aws ${versions.join(", ")} has no aws_cognito_log_delivery_configuration (added in ${LOG_DELIVERY_SINCE}), so log delivery cannot be expressed or checked in this configuration`,
    );
  }
  return unknown(
    `hashicorp/aws ${versions.join(", ")} admits releases before ${LOG_DELIVERY_SINCE}, which have no aws_cognito_log_delivery_configuration, so whether log delivery can be expressed is not known`,
  );
}

function objects(value: JsonValue | undefined): JsonObject[] {
  if (Array.isArray(value)) return value.filter(isJsonObject);
  return isJsonObject(value) ? [value] : [];
}
