// The command line: parses arguments, loads the source, evaluates, writes reports, and maps the
// outcome to exit codes (0 gate passed, 1 gate failed, 2 bad usage or unreadable input).

import { Command, CommanderError, Option } from "commander";
import { terminalSafe } from "../reports/terminal-text.js";
import { AuthwardenError, UsageError } from "./errors.js";
import type { Estate } from "./model.js";
import { toolVersion } from "./package-info.js";
import { catalog } from "./rule-catalog.js";
import { RULES } from "./rules/index.js";
import { loadHcl } from "./hcl-loader.js";
import { loadPlan, originsFromSynth } from "./plan-loader.js";
import { loadSynth } from "./synth-loader.js";
import { addAuditOptions, auditAndEmit, loadAuditConfig, type AuditOptions } from "./cli-output.js";
import { registerScan } from "./cli-scan.js";

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdoutIsTTY: boolean;
  /** Progress goes to stderr, only on a terminal. */
  readonly stderrIsTTY?: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}


interface CheckOptions extends AuditOptions {
  synth?: string | true;
  plan?: string;
  hcl?: string;
  stack?: string[];
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name("authwarden")
    .description("Audit an Amazon Cognito auth estate against PCI DSS v4.0.1 rules.")
    .version(toolVersion())
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError(true);

  addAuditOptions(
    program
      .command("check")
      .description("audit synthesized cdktf stacks, a Terraform plan or a Terraform configuration directory")
      .option("--synth [dir]", "cdktf synth output directory (default cdktf.out); beside --plan, where findings come from in the source")
      .option("--plan <file>", "terraform show -json output of a saved plan")
      .option("--hcl <dir>", "Terraform configuration directory: its .tf and .tf.json files (root module)")
      .option("--stack <name...>", "only these stacks of the synth output"),
  ).action(async (options: CheckOptions) => {
      exitCode = await check(options, io);
    });

  registerScan(program, io, (code) => {
    exitCode = code;
  });

  program
    .command("rules")
    .description("list the rule catalog: id, title, severity, PCI DSS requirements, options")
    .addOption(new Option("--format <format>", "console or json").choices(["console", "json"]).default("console"))
    .action((options: { format: "console" | "json" }) => {
      io.stdout(options.format === "json" ? `${JSON.stringify(catalog(RULES), null, 2)}\n` : rulesTable());
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof AuthwardenError) {
      io.stderr(`authwarden: ${terminalSafe(error.message)}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`authwarden: internal error: ${terminalSafe(message)}${io.env.AUTHWARDEN_DEBUG ? `\n${(error as Error).stack ?? ""}` : " (set AUTHWARDEN_DEBUG=1 for the stack trace)"}\n`);
    return 2;
  }
}

async function check(options: CheckOptions, io: CliIo): Promise<number> {
  if (options.synth === undefined && options.plan === undefined && options.hcl === undefined) throw new UsageError("check needs a source: --synth [dir], --plan plan.json or --hcl dir");
  if (options.hcl !== undefined && (options.synth !== undefined || options.plan !== undefined)) throw new UsageError("--hcl is a source of its own: give one of --synth, --plan or --hcl");
  if (options.hcl !== undefined && options.stack) throw new UsageError("--stack selects stacks of a synth output; --hcl reads one configuration directory");
  const config = loadAuditConfig(options);
  const estate = options.hcl !== undefined ? await loadHcl(options.hcl) : loadEstate(options);
  return auditAndEmit(estate, options, io, config);
}

function loadEstate(options: CheckOptions): Estate {
  const synthDir = options.synth === true ? "cdktf.out" : options.synth;
  const stacks = options.stack ? { stacks: options.stack } : {};
  if (options.plan === undefined) return loadSynth(synthDir ?? "cdktf.out", stacks);
  if (options.stack && synthDir === undefined) throw new UsageError("--stack with --plan needs --synth: a plan holds one configuration");
  if (options.stack && options.stack.length > 1) throw new UsageError("--plan with --synth takes one --stack: the stack the plan was made from");
  // The synth output only adds where each finding came from; the plan is what is audited.
  const origins = synthDir === undefined ? undefined : originsFromSynth(loadSynth(synthDir, stacks), options.stack?.[0]);
  return loadPlan(options.plan, origins ? { origins } : {});
}

function rulesTable(): string {
  const entries = catalog(RULES);
  const width = Math.max(...entries.map((e) => e.id.length));
  const lines = entries.map((e) => `${e.id.padEnd(width)}  ${e.severity.padEnd(8)}  ${e.requirements.join(",").padEnd(18)}  ${e.title}`);
  return `${["id".padEnd(width) + "  severity  PCI DSS v4.0.1      secure state", ...lines].join("\n")}\n`;
}
