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

/** The first hashicorp/aws release with aws_cognito_log_delivery_configuration (6.0 to 6.4 lack it). */
const LOG_DELIVERY_SINCE: Version = [6, 5, 0];

type Version = readonly [number, number, number];

function parseVersion(text: string): Version | undefined {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+].*)?$/.exec(text.trim());
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * The versions a constraint admits, as bounds: "5.100.0" and "= 5.100.0" admit one version, ">= 6.5" a
 * lower bound, "< 6.0" an upper one, "~> 6.66" 6.66 up to (not including) 7.0, "~> 6.66.1" up to 6.67.
 * undefined when a part cannot be read.
 */
function bounds(constraint: string): { lowest?: Version; below?: Version; atMost?: Version } | undefined {
  let lowest: Version | undefined;
  let below: Version | undefined;
  let atMost: Version | undefined;
  const raise = (v: Version) => (lowest = lowest && compare(lowest, v) >= 0 ? lowest : v);
  const cap = (v: Version, inclusive: boolean) => {
    if (inclusive) atMost = atMost && compare(atMost, v) <= 0 ? atMost : v;
    else below = below && compare(below, v) <= 0 ? below : v;
  };
  for (const part of constraint.split(",")) {
    const match = /^\s*(>=|<=|~>|!=|=|>|<)?\s*(\S+)\s*$/.exec(part);
    const version = match ? parseVersion(match[2]!) : undefined;
    if (!match || !version) return undefined;
    const operator = match[1] ?? "=";
    const digits = match[2]!.replace(/^v/, "").split(/[-+]/)[0]!.split(".").length;
    if (operator === "=") {
      raise(version);
      cap(version, true);
    } else if (operator === ">=" || operator === ">") raise(version);
    else if (operator === "<") cap(version, false);
    else if (operator === "<=") cap(version, true);
    else if (operator === "~>") {
      raise(version);
      // The rightmost given component may grow: ~> 6.66 admits 6.x from 6.66, ~> 6.66.1 admits 6.66.x from 6.66.1.
      cap(digits >= 3 ? [version[0], version[1] + 1, 0] : [version[0] + 1, 0, 0], false);
    }
  }
  return { ...(lowest ? { lowest } : {}), ...(below ? { below } : {}), ...(atMost ? { atMost } : {}) };
}

/**
 * aws_cognito_log_delivery_configuration exists from hashicorp/aws 6.5.0: a configuration whose provider
 * version may be older cannot express it, so its absence there proves nothing. Known when every pinned
 * version or constraint admits only 6.5.0 or later; unknown (with the reason) when they admit only older
 * versions, or both.
 */
export function logDeliveryExpressible(versions: readonly string[], declared: boolean): Value<true> {
  if (declared) return known(true);
  const since = LOG_DELIVERY_SINCE.join(".");
  const read = versions.map(bounds);
  if (read.length > 0 && read.every((b) => b?.lowest && compare(b.lowest, LOG_DELIVERY_SINCE) >= 0)) return known(true);
  if (
    read.length > 0 &&
    read.every(
      (b) =>
        (b?.below && compare(b.below, LOG_DELIVERY_SINCE) <= 0) ||
        (b?.atMost && compare(b.atMost, LOG_DELIVERY_SINCE) < 0),
    )
  ) {
    return unknown(
      `hashicorp/aws ${versions.join(", ")} has no aws_cognito_log_delivery_configuration (added in ${since}), so log delivery cannot be expressed or checked in this configuration`,
    );
  }
  return unknown(
    versions.length === 0
      ? "the hashicorp/aws provider version is not pinned, so whether log delivery can be expressed is not known"
      : `hashicorp/aws ${versions.join(", ")} admits versions before ${since}, which have no aws_cognito_log_delivery_configuration, so whether log delivery can be expressed is not known`,
  );
}

function objects(value: JsonValue | undefined): JsonObject[] {
  if (Array.isArray(value)) return value.filter(isJsonObject);
  return isJsonObject(value) ? [value] : [];
}
