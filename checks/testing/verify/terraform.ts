// terraform for `authwarden verify`: an override file beside the synthesized stack that gives the
// aws provider dummy credentials and skip flags (or points it at the emulator), then init, plan,
// show -json and apply. A failing command is a TerraformError carrying terraform's own message.

import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { AuthwardenError } from "../../errors.js";

const run = promisify(execFile);

/** terraform refused the configuration (a provider validation error) or could not run. */
export class TerraformError extends AuthwardenError {
  readonly code = "AUTHWARDEN_TERRAFORM";
}

export const OVERRIDE_FILE = "authwarden_verify_override.tf.json";
export const PLACEHOLDER = "authwarden-placeholder";

/** AWS services a Cognito estate's resources live in: the provider's endpoint keys sent to the emulator. */
const EMULATED_SERVICES = [
  "apigateway",
  "cognitoidentity",
  "cognitoidp",
  "dynamodb",
  "iam",
  "s3",
  "ses",
  "sts",
  "wafv2",
];

interface StackDocument {
  readonly provider?: { readonly aws?: readonly { readonly alias?: string }[] };
  readonly variable?: Readonly<Record<string, { readonly default?: unknown }>>;
}

function stackDocument(dir: string): StackDocument {
  return JSON.parse(readFileSync(join(dir, "cdk.tf.json"), "utf8")) as StackDocument;
}

/** Variables the stack declares without a default. */
export function requiredVariables(dir: string): string[] {
  return Object.entries(stackDocument(dir).variable ?? {})
    .filter(([, v]) => v.default === undefined)
    .map(([name]) => name);
}

export type ProviderMode =
  { readonly kind: "offline" } | { readonly kind: "real" } | { readonly kind: "emulator"; readonly url: string };

/**
 * Writes (or removes the need for) the override: every aws provider block of the stack, aliases
 * included, gets the settings of the mode. Real credentials mean no override at all.
 */
export function writeProviderOverride(dir: string, mode: ProviderMode): void {
  const blocks = stackDocument(dir).provider?.aws ?? [{}];
  const settings =
    mode.kind === "real"
      ? {}
      : {
          access_key: "test",
          secret_key: "test",
          skip_credentials_validation: true,
          skip_metadata_api_check: "true",
          // Offline nothing answers for the account id; the emulator's STS does, and ARNs the provider builds need it.
          skip_requesting_account_id: mode.kind === "offline",
          ...(mode.kind === "emulator"
            ? {
                skip_region_validation: true,
                s3_use_path_style: true,
                max_retries: 2,
                endpoints: [Object.fromEntries(EMULATED_SERVICES.map((s) => [s, mode.url]))],
              }
            : {}),
        };
  const aws = blocks.map((b) => ({ ...(b.alias ? { alias: b.alias } : {}), ...settings }));
  writeFileSync(join(dir, OVERRIDE_FILE), `${JSON.stringify({ provider: { aws } }, null, 2)}\n`);
}

export async function terraform(
  dir: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  binary = env.TERRAFORM_BINARY_NAME ?? "terraform",
): Promise<string> {
  try {
    const { stdout } = await run(binary, [...args], { cwd: dir, env, maxBuffer: 512 * 1024 * 1024, timeout: 900_000 });
    return stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; code?: number | string };
    if (e.code === "ENOENT") throw new TerraformError(`${binary} is not on PATH: install Terraform 1.5 or later`);
    const output = `${e.stderr ?? ""}${e.stdout ?? ""}`.trim();
    throw new TerraformError(`terraform ${args[0]} failed in ${dir}:\n${output}`, { cause: error });
  }
}

/** -var arguments: the given values, and the placeholder for every required variable not given. */
export function variableArguments(
  dir: string,
  vars: Readonly<Record<string, string>>,
  varFiles: readonly string[],
): {
  args: string[];
  placeholders: string[];
} {
  const placeholders = varFiles.length > 0 ? [] : requiredVariables(dir).filter((name) => !(name in vars));
  return {
    args: [
      ...varFiles.map((f) => `-var-file=${f}`),
      ...Object.entries(vars).map(([k, v]) => `-var=${k}=${v}`),
      ...placeholders.map((name) => `-var=${name}=${PLACEHOLDER}`),
    ],
    placeholders,
  };
}
