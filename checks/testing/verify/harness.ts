// The provider-backed harness on a user's app (`authwarden verify`): run the app as cdktf.json says,
// then per stack terraform init + plan with the real hashicorp/aws provider, audit synth and plan,
// and with the emulator apply, scan and audit live. What each source said is returned; verify.ts
// prints it and decides the exit code.

import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { findRepositoryRoot } from "../../../reports/repository-root.js";
import { InputError } from "../../errors.js";
import { evaluate } from "../../engine/evaluate.js";
import type { ResolvedPolicy } from "../../engine/policy-pack.js";
import { withResults } from "../../engine/requirements.js";
import { withGate, type Report } from "../../engine/report.js";
import type { Severity } from "../../engine/rule.js";
import type { Waiver } from "../../engine/waivers.js";
import type { Estate } from "../../model/index.js";
import { RULES_BY_ID } from "../../rules/index.js";
import { sdkClientFactory } from "../../sources/live/clients.js";
import { scanAccount } from "../../sources/live/loader.js";
import { loadPlan, originsFromSynth } from "../../sources/plan/loader.js";
import { loadSynth } from "../../sources/synth/loader.js";
import { startEmulator, type RunningEmulator } from "./emulator.js";
import { providerInstallFailure } from "./provider-install.js";
import { parityRows, type ParityRow, type ParitySource } from "./parity.js";
import { TerraformError, terraform, variableArguments, writeProviderOverride, type ProviderMode } from "./terraform.js";

export interface VerifyOptions {
  readonly appDir: string;
  readonly policy: ResolvedPolicy;
  readonly waivers: readonly Waiver[];
  readonly failOn: Severity;
  readonly vars: Readonly<Record<string, string>>;
  readonly varFiles: readonly string[];
  /** Plan with the credentials of the environment instead of dummy ones (the provider may then call AWS). */
  readonly realCredentials: boolean;
  readonly applyEmulator: boolean;
  readonly progress?: (step: string) => void;
}

export interface StackVerification {
  readonly stack: string;
  readonly reports: Partial<Record<ParitySource, Report>>;
  /** terraform's message when the provider rejected the plan (or the apply to the emulator). */
  readonly rejection?: string;
  /** Required variables given the placeholder value. */
  readonly placeholders: readonly string[];
  readonly rows: readonly ParityRow[];
}

export interface Verification {
  readonly outdir: string;
  readonly stacks: readonly StackVerification[];
}

interface Manifest {
  readonly stacks: Readonly<Record<string, { readonly synthesizedStackPath: string }>>;
}

function appCommand(appDir: string): string {
  const file = join(appDir, "cdktf.json");
  let config: { app?: unknown };
  try {
    config = JSON.parse(readFileSync(file, "utf8")) as { app?: unknown };
  } catch (error) {
    throw new InputError(file, `cannot be read as JSON (${(error as Error).message}): is ${appDir} a cdktf app?`);
  }
  if (typeof config.app !== "string" || config.app.trim() === "")
    throw new InputError(file, 'has no "app" command (e.g. "npx ts-node main.ts")');
  return config.app;
}

/** Runs the app the way `cdktf synth` does: its command in a shell, with CDKTF_OUTDIR naming where to write. */
function synthesize(appDir: string, outdir: string): Promise<void> {
  const command = appCommand(appDir);
  return new Promise((res, rej) => {
    const child = spawn(command, {
      cwd: appDir,
      shell: true,
      env: { ...process.env, CDKTF_OUTDIR: outdir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (output += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (output += d));
    child.once("error", (e) =>
      rej(new InputError(join(appDir, "cdktf.json"), `app command failed to start: ${e.message}`)),
    );
    child.once("close", (code) =>
      code === 0 ? res() : rej(new AppFailedError(`the app (${command}) exited ${code}:\n${output.trim()}`)),
    );
  });
}

/** The app itself failed: a ComplianceGate in it blocked the synth, or its code threw. */
export class AppFailedError extends Error {}

function audit(estate: Estate, options: VerifyOptions): Report {
  return withGate(evaluate(estate, options.policy, RULES_BY_ID, { waivers: options.waivers }), options.failOn);
}

function providerRegions(dir: string): string[] {
  const doc = JSON.parse(readFileSync(join(dir, "cdk.tf.json"), "utf8")) as {
    provider?: { aws?: { region?: unknown }[] };
  };
  const regions = (doc.provider?.aws ?? [])
    .map((p) => p.region)
    .filter((r): r is string => typeof r === "string" && !r.includes("${"));
  return regions.length > 0 ? [...new Set(regions)] : ["us-east-1"];
}

export async function verifyApp(options: VerifyOptions): Promise<Verification> {
  const appDir = resolve(options.appDir);
  const step = options.progress ?? (() => {});
  const outdir = mkdtempSync(join(tmpdir(), "authwarden-verify-"));
  step("synthesizing the app");
  await synthesize(appDir, outdir);
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as Manifest;
  const projectRoot = findRepositoryRoot(appDir) ?? appDir;
  const env = { ...process.env, TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" };
  const stacks: {
    stack: string;
    dir: string;
    reports: Partial<Record<ParitySource, Report>>;
    rejection?: string;
    placeholders: string[];
    vars: string[];
  }[] = [];
  for (const stack of Object.keys(manifest.stacks).sort()) {
    const dir = join(outdir, dirname(manifest.stacks[stack]!.synthesizedStackPath));
    const synthEstate = loadSynth(outdir, { stacks: [stack], projectRoot });
    const reports: Partial<Record<ParitySource, Report>> = { synth: audit(synthEstate, options) };
    const { args: vars, placeholders } = variableArguments(dir, options.vars, options.varFiles);
    const entry: (typeof stacks)[number] = { stack, dir, reports, placeholders, vars };
    stacks.push(entry);
    const mode: ProviderMode = options.realCredentials ? { kind: "real" } : { kind: "offline" };
    writeProviderOverride(dir, mode);
    step(`${stack}: terraform init`);
    try {
      await terraform(dir, ["init", "-input=false", "-no-color"], env);
    } catch (error) {
      throw (error instanceof TerraformError && providerInstallFailure(stack, dir, error.message, env)) || error;
    }
    step(`${stack}: terraform plan`);
    try {
      await terraform(
        dir,
        ["plan", "-refresh=false", "-input=false", "-no-color", "-lock=false", "-out=authwarden.tfplan", ...vars],
        env,
      );
    } catch (error) {
      if (!(error instanceof TerraformError)) throw error;
      entry.rejection = error.message;
      continue;
    }
    const planFile = join(dir, "authwarden-plan.json");
    writeFileSync(planFile, await terraform(dir, ["show", "-json", "authwarden.tfplan"], env));
    reports.plan = audit(loadPlan(planFile, { origins: originsFromSynth(synthEstate, stack) }), options);
  }
  if (options.applyEmulator && stacks.every((s) => !s.rejection)) await applyAndScan(stacks, env, options, step);
  return {
    outdir,
    stacks: stacks.map(({ stack, reports, rejection, placeholders }) => ({
      stack,
      reports,
      placeholders,
      ...(rejection ? { rejection } : {}),
      rows: parityRows(reports),
    })),
  };
}

async function applyAndScan(
  stacks: {
    stack: string;
    dir: string;
    reports: Partial<Record<ParitySource, Report>>;
    rejection?: string;
    vars: string[];
  }[],
  env: NodeJS.ProcessEnv,
  options: VerifyOptions,
  step: (text: string) => void,
): Promise<void> {
  step("starting the emulator");
  const emulator: RunningEmulator = await startEmulator();
  // The emulator takes any key; the scan's SDK chain reads these from the environment.
  const saved = {
    id: process.env.AWS_ACCESS_KEY_ID,
    secret: process.env.AWS_SECRET_ACCESS_KEY,
    imds: process.env.AWS_EC2_METADATA_DISABLED,
  };
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_EC2_METADATA_DISABLED: "true",
  });
  try {
    const regions = new Set<string>();
    for (const s of stacks) {
      writeProviderOverride(s.dir, { kind: "emulator", url: emulator.url });
      providerRegions(s.dir).forEach((r) => regions.add(r));
      step(`${s.stack}: terraform apply to the emulator`);
      try {
        await terraform(s.dir, ["apply", "-auto-approve", "-input=false", "-no-color", "-lock=false", ...s.vars], {
          ...env,
          AWS_ACCESS_KEY_ID: "test",
          AWS_SECRET_ACCESS_KEY: "test",
        });
      } catch (error) {
        if (!(error instanceof TerraformError)) throw error;
        s.rejection = error.message;
      }
    }
    step("scanning the emulator");
    const live = await scanAccount(sdkClientFactory({ endpointUrl: emulator.url }), { regions: [...regions] });
    const report = audit(live, options);
    for (const s of stacks) {
      if (s.rejection) continue;
      // The emulator holds every stack: each stack's row set is the resources its synth names.
      const names = new Set(s.reports.synth!.results.map((r) => `${r.resource.kind} ${r.resource.name}`));
      s.reports.live = withResults(
        report,
        report.results.filter((r) => names.has(`${r.resource.kind} ${r.resource.name}`)),
      );
    }
  } finally {
    restore("AWS_ACCESS_KEY_ID", saved.id);
    restore("AWS_SECRET_ACCESS_KEY", saved.secret);
    restore("AWS_EC2_METADATA_DISABLED", saved.imds);
    await emulator.stop();
  }
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
