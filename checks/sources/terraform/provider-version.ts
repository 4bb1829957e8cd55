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

/**
 * aws_cognito_log_delivery_configuration exists from hashicorp/aws 6.0; a 5.x configuration cannot
 * express it, so its absence there proves nothing.
 */
export function logDeliveryExpressible(versions: readonly string[], declared: boolean): Value<true> {
  if (declared) return known(true);
  const majors = versions.map((v) => Number(/(\d+)\./.exec(v)?.[1] ?? NaN));
  if (majors.length > 0 && majors.every((major) => major >= 6)) return known(true);
  if (majors.length > 0 && majors.every((major) => major < 6)) {
    return unknown(
      `hashicorp/aws ${versions.join(", ")} has no aws_cognito_log_delivery_configuration (added in 6.0), so log delivery cannot be expressed or checked in this configuration`,
    );
  }
  return unknown(
    "the hashicorp/aws provider version is not pinned, so whether log delivery can be expressed is not known",
  );
}

function objects(value: JsonValue | undefined): JsonObject[] {
  if (Array.isArray(value)) return value.filter(isJsonObject);
  return isJsonObject(value) ? [value] : [];
}
