// `authwarden verify [APP_DIR]`: the provider-backed harness on the user's cdktf app. Prints, per
// stack, the gate of each source and the parity table; exit 1 on a provider rejection (terraform's
// message shown), a parity break or a failed gate, 2 on bad usage or an app that cannot be run.

import { Option, type Command } from "commander";
import { terminalSafe } from "../../reports/terminal-text.js";
import { DEFAULT_POLICY, loadPolicy } from "../engine/policy-pack.js";
import { SEVERITIES, type Severity } from "../engine/rule.js";
import { loadWaivers } from "../engine/waivers.js";
import { UsageError } from "../errors.js";
import { RULES_BY_ID } from "../rules/index.js";
import { AppFailedError, verifyApp, type Verification } from "../testing/verify/harness.js";
import { PARITY_SOURCES, parityTable } from "../testing/verify/parity.js";
import { PLACEHOLDER } from "../testing/verify/terraform.js";
import type { CliIo, SetExitCode } from "./audit.js";

interface VerifyCliOptions {
  policy: string;
  waivers?: string;
  failOn: Severity;
  var?: string[];
  varFile?: string[];
  realCredentials?: boolean;
  applyEmulator?: boolean;
  quiet?: boolean;
}

export function registerVerify(program: Command, io: CliIo, setExitCode: SetExitCode): void {
  program
    .command("verify")
    .description(
      "the provider-backed harness on a cdktf app: synth, terraform plan, optionally apply to the emulator and scan",
    )
    .argument("[APP_DIR]", "the directory holding cdktf.json", ".")
    .option("--var <name=value...>", "a value for a Terraform variable of the stacks; repeatable")
    .option("--var-file <file...>", "a Terraform variables file; repeatable")
    .option("--real-credentials", "plan with the AWS credentials of the environment instead of dummy ones")
    .option("--apply-emulator", "also apply to the local emulator (moto), scan it and compare the live verdicts")
    .option("--policy <file|name>", "policy pack name or policy file (JSON or YAML)", DEFAULT_POLICY)
    .option("--waivers <file>", "waivers (JSON or YAML)")
    .addOption(
      new Option("--fail-on <severity>", "a FAIL at or above this severity fails the gate")
        .choices([...SEVERITIES])
        .default("high"),
    )
    .option("--quiet", "no progress line")
    .action(async (appDir: string, options: VerifyCliOptions) => {
      setExitCode(await verify(appDir, options, io));
    });
}

function parseVars(pairs: readonly string[]): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at <= 0) throw new UsageError(`--var ${JSON.stringify(pair)} is not NAME=VALUE`);
    vars[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return vars;
}

async function verify(appDir: string, options: VerifyCliOptions, io: CliIo): Promise<number> {
  const vars = parseVars(options.var ?? []);
  const policy = loadPolicy(options.policy, RULES_BY_ID);
  const waivers = options.waivers ? loadWaivers(options.waivers, RULES_BY_ID) : [];
  const tty = io.stderrIsTTY && !options.quiet;
  const progress = tty
    ? (text: string) => io.stderr(`\r\u001b[2Kverify: ${terminalSafe(text).slice(0, 100)}`)
    : undefined;
  let verification: Verification;
  try {
    verification = await verifyApp({
      appDir,
      policy,
      waivers,
      failOn: options.failOn,
      vars,
      varFiles: options.varFile ?? [],
      realCredentials: Boolean(options.realCredentials),
      applyEmulator: Boolean(options.applyEmulator),
      ...(progress ? { progress } : {}),
    });
  } catch (error) {
    if (!(error instanceof AppFailedError)) throw error;
    if (tty) io.stderr("\r\u001b[2K");
    io.stdout(`${terminalSafe(error.message)}\n`);
    return 1;
  } finally {
    if (tty) io.stderr("\r\u001b[2K");
  }
  return printVerification(verification, io);
}

function printVerification(verification: Verification, io: CliIo): number {
  let failed = false;
  for (const s of verification.stacks) {
    const sources = PARITY_SOURCES.filter((source) => s.reports[source]);
    io.stdout(`stack ${terminalSafe(s.stack)}\n`);
    if (s.placeholders.length > 0)
      io.stdout(
        `  variables without a value were planned as "${PLACEHOLDER}": ${s.placeholders.join(", ")} (give them with --var)\n`,
      );
    for (const source of sources) {
      const gate = s.reports[source]!.gate!;
      io.stdout(
        `  ${source}: gate ${gate.passed ? "passed" : `FAILED (${gate.blocking} blocking at ${gate.failOn} or above)`}\n`,
      );
      if (!gate.passed) failed = true;
    }
    if (s.rejection) {
      failed = true;
      io.stdout(`  the provider rejected the configuration:\n${indent(s.rejection, "    ")}\n`);
    }
    const breaks = s.rows.filter((r) => r.broken).length;
    if (sources.length > 1) {
      io.stdout(`${indent(parityTable(s.rows, sources), "  ")}\n`);
      io.stdout(
        `  parity: ${breaks === 0 ? `${sources.join(", ")} agree on ${s.rows.length} results` : `${breaks} results differ`}\n`,
      );
    }
    if (breaks > 0) failed = true;
  }
  io.stdout(`verify: ${failed ? "FAILED" : "passed"}\n`);
  return failed ? 1 : 0;
}

/** Each line made terminal-safe on its own (terminalSafe escapes newlines), then indented. */
function indent(text: string, by: string): string {
  return text
    .split("\n")
    .map((line) => `${by}${terminalSafe(line)}`)
    .join("\n");
}
