// Plans a Terraform working directory for real: terraform init (hashicorp/aws 5.100.0 from the
// machine's filesystem mirror, located at run time; a shared plugin cache for anything installed
// from a registry), terraform plan -refresh=false, and terraform show -json. The provider is given
// dummy credentials and skip_* flags, so nothing reaches AWS: planning a create is offline.
// A provider validation error fails with terraform's own message.

import { execFile } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { App } from "cdktf";
import type { AwsProviderConfig } from "@cdktf/provider-aws/lib/provider/index.js";
import { terraformEnv, writeTerraformCliConfig } from "./terraform-cli-config.js";

const run = promisify(execFile);
const TERRAFORM = process.env.TERRAFORM_BINARY_NAME ?? "terraform";

/** Provider settings under which hashicorp/aws plans without credentials or network. */
export const OFFLINE_PROVIDER: Partial<AwsProviderConfig> = {
  accessKey: "test",
  secretKey: "test",
  skipCredentialsValidation: true,
  skipRequestingAccountId: true,
  skipMetadataApiCheck: "true",
};

/** A git-ignored scratch directory under test/.work. */
export function workDir(...parts: string[]): string {
  const dir = resolve(import.meta.dirname, "..", ".work", ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface PlanOptions {
  /** -var values; for a cdktf stack, variables without a default get "placeholder" unless given here. */
  readonly vars?: Readonly<Record<string, string>>;
  /** Extra environment, e.g. a state backend override. */
  readonly env?: Readonly<Record<string, string>>;
}

async function terraform(dir: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  try {
    const { stdout } = await run(TERRAFORM, [...args], {
      cwd: dir,
      env,
      maxBuffer: 256 * 1024 * 1024,
      timeout: 300_000,
    });
    return stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; code?: number };
    throw new Error(
      `terraform ${args[0]} failed in ${dir} (exit ${e.code ?? "?"}):\n${e.stderr ?? ""}${e.stdout ?? ""}`,
      { cause: error },
    );
  }
}

// No TF_PLUGIN_CACHE_DIR: with the filesystem mirror init only links the provider (under a second),
// and parallel inits sharing one cache race on creating its directories ("file exists").
export function planEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  return { ...terraformEnv(writeTerraformCliConfig()), ...extra };
}

/** Variables a cdktf stack (cdk.tf.json) declares without a default. */
function requiredVariables(dir: string): string[] {
  try {
    const document = JSON.parse(readFileSync(join(dir, "cdk.tf.json"), "utf8")) as {
      variable?: Record<string, { default?: unknown }>;
    };
    return Object.entries(document.variable ?? {})
      .filter(([, v]) => v.default === undefined)
      .map(([name]) => name);
  } catch {
    return [];
  }
}

export async function terraformInit(dir: string, options: PlanOptions = {}): Promise<void> {
  await terraform(dir, ["init", "-input=false", "-no-color"], planEnv(options.env));
}

/** init, plan -refresh=false, show -json; returns the plan JSON text as terraform printed it. */
export async function planJson(dir: string, options: PlanOptions = {}): Promise<string> {
  const env = planEnv(options.env);
  await terraform(dir, ["init", "-input=false", "-no-color"], env);
  const vars = { ...Object.fromEntries(requiredVariables(dir).map((name) => [name, "placeholder"])), ...options.vars };
  const varArgs = Object.entries(vars).flatMap(([name, value]) => ["-var", `${name}=${value}`]);
  await terraform(
    dir,
    ["plan", "-input=false", "-refresh=false", "-lock=false", "-no-color", "-out", "plan.bin", ...varArgs],
    env,
  );
  return terraform(dir, ["show", "-json", "-no-color", "plan.bin"], env);
}

/**
 * Plan JSON made stable for committing: no timestamp, relevant_attributes (which terraform lists in
 * map order) sorted, keys as terraform wrote them, two-space indent.
 */
export function normalizePlan(text: string): string {
  const plan = JSON.parse(text) as Record<string, unknown>;
  delete plan.timestamp;
  if (Array.isArray(plan.relevant_attributes)) {
    plan.relevant_attributes = plan.relevant_attributes
      .map((entry) => ({ entry, key: JSON.stringify(entry) }))
      .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
      .map(({ entry }) => entry as unknown);
  }
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/** Synthesizes a cdktf app into outdir; returns the directory of each stack by name. */
export function synthApp(outdir: string, build: (app: App) => void): (stack: string) => string {
  const app = new App({ outdir });
  build(app);
  app.synth();
  return (stack) => join(outdir, "stacks", stack);
}
