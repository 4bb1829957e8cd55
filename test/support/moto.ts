// The moto emulator (test/moto/authwarden_moto.py) for tests: start it on a free loopback port,
// synthesize the reference stacks with every AWS endpoint pointed at it, run terraform against it,
// and talk to it over the AWS wire protocols without an SDK.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { App } from "cdktf";
import type { AwsProviderConfig } from "@cdktf/provider-aws/lib/provider/index.js";
import { buildApp } from "../../stacks/main.js";
import { terraformEnv, writeTerraformCliConfig } from "./terraform-cli-config.js";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const EMULATOR_SCRIPT = join(REPO_ROOT, "test", "moto", "authwarden_moto.py");
const PYTHON = process.env.AUTHWARDEN_PYTHON ?? "python3";
const TERRAFORM = process.env.TERRAFORM_BINARY_NAME ?? "terraform";
export const EMULATOR_REGION = "eu-west-1";
/** What the SDK's default chain reads for a scan of the emulator: dummy keys, and no instance metadata lookup. */
export const EMULATOR_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: "test",
  AWS_SECRET_ACCESS_KEY: "test",
  AWS_EC2_METADATA_DISABLED: "true",
} as const;

export interface Emulator {
  readonly url: string;
  readonly port: number;
  /** Everything the server wrote to stderr so far (werkzeug's request log, tracebacks). */
  log(): string;
  /** SIGTERM, then the exit code (0 on a clean stop). */
  stop(): Promise<number | null>;
  readonly process: ChildProcess;
}

/** Starts the emulator (port 0: the OS picks a free one) and resolves once it prints its ready line. */
export function startEmulator(port = 0, timeoutMs = 60_000): Promise<Emulator> {
  const child = spawn(PYTHON, [EMULATOR_SCRIPT, String(port)], {
    cwd: REPO_ROOT,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1", PYTHONUNBUFFERED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const exited = new Promise<number | null>((res) => child.once("close", (code) => res(code)));
  child.stderr.setEncoding("utf8").on("data", (d: string) => {
    stderr = (stderr + d).slice(-2_000_000);
  });
  return new Promise<Emulator>((res, rej) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      rej(new Error(`moto emulator not ready after ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.once("error", (e) => {
      clearTimeout(timer);
      rej(new Error(`cannot start ${PYTHON} ${EMULATOR_SCRIPT}: ${e.message}`));
    });
    const exitedEarly = (code: number | null) => {
      clearTimeout(timer);
      rej(new Error(`moto emulator exited (${code}) before it was ready\n${stdout}\n${stderr}`));
    };
    child.once("exit", exitedEarly);
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
      const m = /^moto ready on (http:\/\/127\.0\.0\.1:(\d+))$/m.exec(stdout);
      if (!m) return;
      clearTimeout(timer);
      child.removeListener("exit", exitedEarly);
      res({
        url: m[1]!,
        port: Number(m[2]),
        process: child,
        log: () => stderr,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
          return exited;
        },
      });
    });
  });
}

/** AWS services the reference stacks create resources in (provider endpoint keys). */
export const EMULATED_SERVICES = [
  "apigateway",
  "apigatewayv2",
  "cognitoidentity",
  "cognitoidp",
  "dynamodb",
  "iam",
  "logs",
  "s3",
  "ses",
  "sts",
  "wafv2",
] as const;

/**
 * AwsProvider config that sends every call of the reference stacks to the emulator with dummy
 * credentials. skip_requesting_account_id stays off on purpose: the provider then asks the
 * emulator's STS for the account id, and ARNs it builds itself (aws_ses_email_identity.arn) carry
 * one; with it on they read "arn:aws:ses:eu-west-1::identity/...", which SetRiskConfiguration
 * rejects (NotifyConfiguration.SourceArn pattern), as AWS would.
 */
export function emulatorProviderConfig(url: string): Partial<AwsProviderConfig> {
  return {
    region: EMULATOR_REGION,
    accessKey: "test",
    secretKey: "test",
    skipCredentialsValidation: true,
    skipMetadataApiCheck: "true",
    skipRegionValidation: true,
    s3UsePathStyle: true,
    maxRetries: 2,
    endpoints: [Object.fromEntries(EMULATED_SERVICES.map((s) => [s, url]))],
  };
}

/** Synthesizes shop-compliant and shop-legacy aimed at the emulator; returns the outdir. */
export function synthForEmulator(url: string): string {
  const outdir = mkdtempSync(join(tmpdir(), "authwarden-moto-"));
  const app = new App({ outdir });
  buildApp(app, { provider: emulatorProviderConfig(url) });
  app.synth();
  return outdir;
}

export interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runAsync(
  cmd: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<CommandResult> {
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", (e) => {
      clearTimeout(timer);
      rej(e);
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      res({ code, stdout, stderr });
    });
  });
}

/** A synthesized stack directory under terraform, with its state in a temporary file. */
export class TerraformStackRun {
  readonly dir: string;
  readonly statePath: string;
  readonly env: NodeJS.ProcessEnv;
  readonly varArgs: string[];

  constructor(
    synthOutdir: string,
    readonly stackId: string,
  ) {
    this.dir = join(synthOutdir, "stacks", stackId);
    this.statePath = join(mkdtempSync(join(tmpdir(), `authwarden-state-${stackId}-`)), "terraform.tfstate");
    this.env = terraformEnv(writeTerraformCliConfig());
    // Every variable the stack declares (the OAuth client secrets) gets a dummy value.
    const json = JSON.parse(readFileSync(join(this.dir, "cdk.tf.json"), "utf8")) as {
      variable?: Record<string, unknown>;
    };
    this.varArgs = Object.keys(json.variable ?? {}).flatMap((name) => ["-var", `${name}=emulator-dummy-${name}`]);
  }

  private tf(args: readonly string[], timeoutMs = 600_000): Promise<CommandResult> {
    return runAsync(TERRAFORM, args, this.dir, this.env, timeoutMs);
  }

  /** init (state redirected to a temp file: the synthesized local backend points into the repo). */
  init(): Promise<CommandResult> {
    return this.tf(["init", "-input=false", "-no-color", "-reconfigure", `-backend-config=path=${this.statePath}`]);
  }

  apply(): Promise<CommandResult> {
    return this.tf(["apply", "-auto-approve", "-input=false", "-no-color", ...this.varArgs]);
  }

  /** plan -detailed-exitcode: 0 no changes, 2 changes, 1 error. */
  plan(): Promise<CommandResult> {
    return this.tf(["plan", "-detailed-exitcode", "-input=false", "-no-color", ...this.varArgs]);
  }

  async state(): Promise<TerraformState> {
    const r = await this.tf(["show", "-json", "-no-color"]);
    if (r.code !== 0) throw new Error(`terraform show failed in ${this.dir}:\n${r.stdout}\n${r.stderr}`);
    return JSON.parse(r.stdout) as TerraformState;
  }
}

export interface TerraformStateResource {
  readonly address: string;
  readonly type: string;
  readonly values: Record<string, unknown>;
}

export interface TerraformState {
  readonly values?: {
    readonly outputs?: Record<string, { value: unknown }>;
    readonly root_module?: { resources?: TerraformStateResource[] };
  };
}

export function stateResources(state: TerraformState, type: string): TerraformStateResource[] {
  return (state.values?.root_module?.resources ?? []).filter((r) => r.type === type);
}

export function stateOutput(state: TerraformState, name: string): string {
  const v = state.values?.outputs?.[name]?.value;
  if (typeof v !== "string") throw new Error(`no string output ${name} in the state`);
  return v;
}

// --- the AWS wire protocols, without an SDK ------------------------------------------------------

/** Moto reads the region (and the service) from the SigV4 credential scope; it checks no signature. */
function authorization(signingName: string): string {
  return `AWS4-HMAC-SHA256 Credential=test/20260101/${EMULATOR_REGION}/${signingName}/aws4_request, SignedHeaders=host;x-amz-date, Signature=0`;
}

export interface AwsJsonResponse {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly contentType: string | null;
}

/** One JSON 1.1 call: POST / with X-Amz-Target `${targetPrefix}.${operation}`. */
export async function awsJson(
  url: string,
  signingName: "cognito-identity" | "cognito-idp",
  operation: string,
  input: unknown,
): Promise<AwsJsonResponse> {
  const targetPrefix =
    signingName === "cognito-identity" ? "AWSCognitoIdentityService" : "AWSCognitoIdentityProviderService";
  const res = await fetch(`${url}/`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-amz-json-1.1",
      "X-Amz-Target": `${targetPrefix}.${operation}`,
      "X-Amz-Date": "20260101T000000Z",
      Authorization: authorization(signingName),
    },
    body: typeof input === "string" ? input : JSON.stringify(input),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text.length > 0 ? (JSON.parse(text) as Record<string, unknown>) : {},
    contentType: res.headers.get("content-type"),
  };
}

/** One IAM (query protocol) call; returns the XML body. */
export async function iamQuery(
  url: string,
  action: string,
  params: Record<string, string>,
): Promise<{ status: number; xml: string }> {
  const body = new URLSearchParams({ Action: action, Version: "2010-05-08", ...params });
  const res = await fetch(`${url}/`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
      "X-Amz-Date": "20260101T000000Z",
      Authorization: authorization("iam"),
    },
    body: body.toString(),
  });
  return { status: res.status, xml: await res.text() };
}
