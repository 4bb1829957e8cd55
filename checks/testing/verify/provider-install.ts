// `terraform init` could not install the provider version the stack's bindings require: an
// environment problem (no registry access, a mirror without that version), not a verdict on the
// app. verify says so in one line naming the provider, the version, and where terraform looked, so
// the fix (add the version to the mirror, or allow the registry) is obvious; it never plans with another version.

import { readdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { AuthwardenError } from "../../errors.js";

export class ProviderUnavailableError extends AuthwardenError {
  readonly code = "AUTHWARDEN_PROVIDER_UNAVAILABLE";
}

const INSTALL_FAILURE =
  /Failed to query available provider packages|Failed to install provider|no available releases match|could not connect to registry/i;

interface RequiredProvider {
  readonly address: string;
  readonly version: string | undefined;
}

function requiredAws(stackDir: string): RequiredProvider {
  const doc = JSON.parse(readFileSync(join(stackDir, "cdk.tf.json"), "utf8")) as {
    terraform?: { required_providers?: Record<string, { source?: string; version?: string }> };
  };
  const aws = doc.terraform?.required_providers?.aws;
  const source = aws?.source ?? "hashicorp/aws";
  return { address: source.includes("/") ? source : `hashicorp/${source}`, version: aws?.version };
}

/** The filesystem mirrors of terraform's CLI configuration (TF_CLI_CONFIG_FILE, else ~/.terraformrc). */
function configuredMirrors(env: NodeJS.ProcessEnv): { config: string; mirrors: string[] } | undefined {
  const config = env.TF_CLI_CONFIG_FILE ?? join(homedir(), ".terraformrc");
  let text: string;
  try {
    text = readFileSync(config, "utf8");
  } catch {
    return undefined;
  }
  const mirrors = [...text.matchAll(/filesystem_mirror\s*\{[^}]*?path\s*=\s*"([^"]+)"/g)].map((m) => m[1]!);
  return { config, mirrors };
}

/** The versions of `address` a filesystem mirror holds (either layout: version directories or zips). */
function mirroredVersions(mirror: string, address: string): string[] {
  const dir = join(mirror, "registry.terraform.io", ...address.split("/"));
  try {
    const names = readdirSync(dir);
    const versions = names.map((n) => /^(?:terraform-provider-[^_]+_)?(\d+\.\d+\.\d+[^_]*)(?:_|$)/.exec(n)?.[1]);
    return [...new Set(versions.filter((v): v is string => !!v))].sort();
  } catch {
    return [];
  }
}

/**
 * The one-line error for a failed init that is a provider installation failure; undefined for
 * any other failure (terraform's own message is then the error).
 */
export function providerInstallFailure(
  stack: string,
  stackDir: string,
  output: string,
  env: NodeJS.ProcessEnv,
): ProviderUnavailableError | undefined {
  if (!INSTALL_FAILURE.test(output)) return undefined;
  const { address, version } = requiredAws(stackDir);
  const wanted = `${address} ${version ?? "(any version)"}`;
  const found = configuredMirrors(env);
  const where =
    found && found.mirrors.length > 0
      ? found.mirrors
          .map((m) => {
            const held = mirroredVersions(m, address);
            return `the provider mirror ${m} (holds ${held.length > 0 ? held.join(", ") : "no version"} of it; configured in ${found.config})`;
          })
          .join(" and ")
      : "the Terraform registry (no filesystem mirror is configured)";
  return new ProviderUnavailableError(
    `stack ${stack}: terraform init cannot install ${wanted}, which the stack's provider bindings require, from ${where}: ` +
      "add that version to the mirror or allow access to registry.terraform.io; nothing was planned",
  );
}
