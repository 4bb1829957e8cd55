// The command line: parses arguments, loads the source, evaluates, writes reports, and maps the
// outcome to exit codes (0 gate passed, 1 gate failed, 2 bad usage or unreadable input).

import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { writeConsole } from "../reports/console.js";
import { FILE_WRITERS, FORMATS, isFileFormat, type FileFormat } from "../reports/index.js";
import { terminalSafe } from "../reports/terminal-text.js";
import { evaluate } from "./engine.js";
import { AuthwardenError, InputError, UsageError } from "./errors.js";
import { toolVersion } from "./package-info.js";
import { DEFAULT_POLICY, loadPolicy } from "./policy-pack.js";
import { withGate, type Report } from "./report.js";
import { catalog } from "./rule-catalog.js";
import { SEVERITIES, type Severity } from "./rule.js";
import { RULES, RULES_BY_ID } from "./rules/index.js";
import { loadSynth } from "./synth-loader.js";
import { loadWaivers } from "./waivers.js";

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdoutIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}


interface CheckOptions {
  synth?: string | true;
  stack?: string[];
  policy: string;
  waivers?: string;
  format?: string[];
  outputDir?: string;
  failOn: Severity;
  color?: boolean;
  verbose?: boolean;
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

  program
    .command("check")
    .description("audit synthesized cdktf stacks")
    .option("--synth [dir]", "cdktf synth output directory (default cdktf.out)")
    .option("--stack <name...>", "only these stacks of the synth output")
    .option("--policy <file|name>", "policy pack name or policy file (JSON or YAML)", DEFAULT_POLICY)
    .option("--waivers <file>", "waivers (JSON or YAML): accepted exceptions with reason, owner and expiry")
    .addOption(new Option("--format <format...>", `${FORMATS.join(", ")}; repeatable`).choices([...FORMATS]))
    .option("--output-dir <dir>", "write one file per format (authwarden.json, ...)")
    .addOption(new Option("--fail-on <severity>", "exit 1 when an unwaived FAIL at or above this severity exists").choices(SEVERITIES).default("high"))
    .option("--no-color", "no colour, even on a terminal")
    .option("--verbose", "also list passing and not-applicable results")
    .action((options: CheckOptions) => {
      exitCode = check(options, io);
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

function check(options: CheckOptions, io: CliIo): number {
  if (options.synth === undefined) throw new UsageError("check needs a source: --synth [dir]");
  const formats = [...new Set(options.format ?? ["console"])];
  const fileFormats = formats.filter(isFileFormat);
  if (!options.outputDir && fileFormats.length > 1) throw new UsageError(`--format ${fileFormats.join(", ")}: several file formats need --output-dir`);

  const estate = loadSynth(options.synth === true ? "cdktf.out" : options.synth, options.stack ? { stacks: options.stack } : {});
  const policy = loadPolicy(options.policy, RULES_BY_ID);
  const waivers = options.waivers ? loadWaivers(options.waivers, RULES_BY_ID) : [];
  const report = withGate(evaluate(estate, policy, RULES_BY_ID, { waivers }), options.failOn);

  const color = options.color !== false && !io.env.NO_COLOR && (io.stdoutIsTTY || Boolean(io.env.FORCE_COLOR));
  if (options.outputDir) {
    const written = writeReports(report, fileFormats, options.outputDir);
    if (formats.includes("console") || fileFormats.length === 0 || !options.format) {
      io.stdout(writeConsole(report, { color, verbose: options.verbose ?? false }));
    }
    io.stdout(`reports written: ${written.map(terminalSafe).join(", ")}\n`);
  } else if (fileFormats.length === 1) {
    io.stdout(FILE_WRITERS[fileFormats[0]!].write(report));
  } else {
    io.stdout(writeConsole(report, { color, verbose: options.verbose ?? false }));
  }
  return report.gate?.passed === false ? 1 : 0;
}

/** Writes every file through a temporary name and renames it, so no report is ever half-written. */
function writeReports(report: Report, formats: readonly FileFormat[], dir: string): string[] {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new InputError(dir, `cannot create the output directory: ${(error as Error).message}`);
  }
  const rendered = formats.map((format) => ({ path: join(dir, FILE_WRITERS[format].file), text: FILE_WRITERS[format].write(report) }));
  const temporary: string[] = [];
  try {
    for (const { path, text } of rendered) {
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, text);
      temporary.push(tmp);
    }
    rendered.forEach(({ path }, i) => renameSync(temporary[i]!, path));
  } catch (error) {
    for (const tmp of temporary) rmSync(tmp, { force: true });
    throw new InputError(dir, `cannot write reports: ${(error as Error).message}`);
  }
  return rendered.map((r) => r.path);
}

function rulesTable(): string {
  const entries = catalog(RULES);
  const width = Math.max(...entries.map((e) => e.id.length));
  const lines = entries.map((e) => `${e.id.padEnd(width)}  ${e.severity.padEnd(8)}  ${e.requirements.join(",").padEnd(18)}  ${e.title}`);
  return `${["id".padEnd(width) + "  severity  PCI DSS v4.0.1      secure state", ...lines].join("\n")}\n`;
}
