// Terraform CLI configuration for tests: point `terraform init` at a local filesystem mirror of the
// hashicorp/aws provider when the machine has one (it is located at run time, never assumed to be
// in one place), otherwise leave Terraform to install from its registry.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join, sep } from "node:path";

export const AWS_PROVIDER_ADDRESS = "registry.terraform.io/hashicorp/aws";
export const AWS_PROVIDER_VERSION = "5.100.0";

/** Directories that commonly hold a provider mirror or implied local plugin directory. */
export function candidateMirrorRoots(): string[] {
  const home = homedir();
  const roots = [
    process.env.AUTHWARDEN_TF_PLUGIN_MIRROR,
    "/opt/tf-plugins",
    "/opt/terraform/plugins",
    join(home, ".terraform.d", "plugins"),
    join(home, ".local", "share", "terraform", "plugins"),
    "/usr/local/share/terraform/plugins",
    "/usr/share/terraform/plugins",
  ];
  return [...new Set(roots.filter((r): r is string => typeof r === "string" && r.length > 0))];
}

function terraformPlatform(): string {
  const os = process.platform === "win32" ? "windows" : process.platform;
  const arch = process.arch === "x64" ? "amd64" : process.arch === "ia32" ? "386" : process.arch;
  return `${os}_${arch}`;
}

/** Whether `root` holds hashicorp/aws `version` in either mirror layout (unpacked dir or packed zip). */
export function mirrorHasProvider(root: string, version = AWS_PROVIDER_VERSION): boolean {
  const providerDir = join(root, ...AWS_PROVIDER_ADDRESS.split("/"));
  const unpacked = join(providerDir, version, terraformPlatform());
  try {
    if (statSync(unpacked).isDirectory() && readdirSync(unpacked).some((f) => f.startsWith("terraform-provider-aws"))) {
      return true;
    }
  } catch {
    // not the unpacked layout
  }
  return existsSync(join(providerDir, `terraform-provider-aws_${version}_${terraformPlatform()}.zip`));
}

/** The part of a provider binary path up to (not including) its registry.terraform.io segment. */
function rootOf(binaryPath: string): string | undefined {
  const marker = `${sep}registry.terraform.io${sep}`;
  const i = binaryPath.indexOf(marker);
  return i > 0 ? binaryPath.slice(0, i) : undefined;
}

/** Last resort: search the filesystem for terraform-provider-aws_* under a registry.terraform.io path. */
export function scanForAwsProviderMirror(version = AWS_PROVIDER_VERSION): string | undefined {
  const result = spawnSync(
    "find",
    [
      "/",
      "(",
      "-path",
      "/proc",
      "-o",
      "-path",
      "/sys",
      "-o",
      "-path",
      "/dev",
      ")",
      "-prune",
      "-o",
      "-name",
      "terraform-provider-aws_*",
      "-path",
      "*registry.terraform.io*",
      "-print",
    ],
    { encoding: "utf8", timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
  );
  const paths = (result.stdout ?? "").split("\n").filter((l) => l.length > 0);
  // Skip providers Terraform itself installed into some working directory's .terraform.
  const candidates = paths.filter((p) => !p.includes(`${sep}.terraform${sep}providers${sep}`));
  for (const p of candidates) {
    const root = rootOf(p);
    if (root && mirrorHasProvider(root, version)) return root;
  }
  return undefined;
}

/** Locates a filesystem mirror holding hashicorp/aws `version`, or undefined when there is none. */
export function findAwsProviderMirror(version = AWS_PROVIDER_VERSION): string | undefined {
  for (const root of candidateMirrorRoots()) {
    if (mirrorHasProvider(root, version)) return root;
  }
  return scanForAwsProviderMirror(version);
}

let cached: { path: string | undefined } | undefined;

/**
 * Writes a Terraform CLI config (for TF_CLI_CONFIG_FILE) that installs hashicorp/aws from the local
 * mirror and everything else directly, and returns its path; undefined when no mirror exists.
 * The result is cached per process.
 */
export function writeTerraformCliConfig(version = AWS_PROVIDER_VERSION): string | undefined {
  if (cached) return cached.path;
  const mirror = findAwsProviderMirror(version);
  if (!mirror) {
    cached = { path: undefined };
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), "authwarden-tfrc-"));
  const file = join(dir, "terraform.tfrc");
  writeFileSync(
    file,
    [
      "provider_installation {",
      "  filesystem_mirror {",
      `    path    = ${JSON.stringify(mirror)}`,
      `    include = [${JSON.stringify(AWS_PROVIDER_ADDRESS)}]`,
      "  }",
      "  direct {",
      `    exclude = [${JSON.stringify(AWS_PROVIDER_ADDRESS)}]`,
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  cached = { path: file };
  return file;
}

/** Environment for running terraform non-interactively with the mirror config. */
export function terraformEnv(cliConfigFile = writeTerraformCliConfig()): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
  if (cliConfigFile) env.TF_CLI_CONFIG_FILE = cliConfigFile;
  else delete env.TF_CLI_CONFIG_FILE; // let terraform use its defaults and the registry
  return env;
}

export interface TerraformDiagnostic {
  readonly severity: "error" | "warning";
  readonly summary: string;
  readonly detail?: string;
  readonly address?: string;
  readonly range?: { filename: string; start: { line: number; column: number }; end: { line: number; column: number } };
}

export interface TerraformValidation {
  readonly valid: boolean;
  readonly errorCount: number;
  readonly warningCount: number;
  readonly diagnostics: readonly TerraformDiagnostic[];
  /** TF_CLI_CONFIG_FILE used, or undefined when the registry was used. */
  readonly cliConfigFile: string | undefined;
}

const TERRAFORM = process.env.TERRAFORM_BINARY_NAME ?? "terraform";

/**
 * Runs `terraform init` and `terraform validate -json` in a synthesized stack directory (one that
 * holds cdk.tf.json) with the mirror config, and returns validate's parsed diagnostics.
 * Throws with terraform's output when init fails or validate prints no JSON.
 */
export function terraformValidate(stackDir: string): TerraformValidation {
  const cliConfigFile = writeTerraformCliConfig();
  const env = terraformEnv(cliConfigFile);
  const init = spawnSync(TERRAFORM, ["init", "-input=false", "-no-color", "-backend=false"], {
    cwd: stackDir,
    env,
    encoding: "utf8",
    timeout: 300_000,
  });
  if (init.error) throw init.error;
  if (init.status !== 0) {
    throw new Error(`terraform init failed in ${stackDir} (exit ${init.status}):\n${init.stdout}\n${init.stderr}`);
  }
  const validate = spawnSync(TERRAFORM, ["validate", "-json", "-no-color"], {
    cwd: stackDir,
    env,
    encoding: "utf8",
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (validate.error) throw validate.error;
  let parsed: {
    valid: boolean;
    error_count: number;
    warning_count: number;
    diagnostics?: TerraformDiagnostic[];
  };
  try {
    parsed = JSON.parse(validate.stdout);
  } catch {
    throw new Error(
      `terraform validate printed no JSON in ${stackDir} (exit ${validate.status}):\n${validate.stdout}\n${validate.stderr}`,
    );
  }
  return {
    valid: parsed.valid,
    errorCount: parsed.error_count,
    warningCount: parsed.warning_count,
    diagnostics: parsed.diagnostics ?? [],
    cliConfigFile,
  };
}
