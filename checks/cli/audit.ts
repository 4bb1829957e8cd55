// What every auditing command does once it has an Estate: evaluate it under the policy and
// waivers, render the requested formats, write files all or none, and map the gate to an exit code.

import { dirname, extname, join } from "node:path";
import { Option, type Command } from "commander";
import { consoleChunks } from "../../reports/console.js";
import { FORMATS, isFileFormat, REPORT_FILES, type FileFormat } from "../../reports/formats.js";
import type { WriterOptions } from "../../reports/index.js";
import { renderFormat } from "../../reports/writers/load.js";
import { terminalSafe } from "../../reports/terminal-text.js";
import { ruleMetadata } from "../engine/catalog.js";
import { compareWithPlanned } from "../engine/drift.js";
import { evaluate } from "../engine/evaluate.js";
import { withResults } from "../engine/requirements.js";
import { UsageError } from "../errors.js";
import type { Estate } from "../model/index.js";
import { DEFAULT_POLICY, loadPolicy } from "../engine/policy-pack.js";
import { withGate, type Report } from "../engine/report.js";
import { SEVERITIES, type Severity } from "../engine/rule.js";
import { RULES, RULES_BY_ID } from "../rules/index.js";
import { loadWaivers } from "../engine/waivers.js";
import { addReportFlags, writerOptions, type ReportFlags } from "./report-flags.js";
import { checkOutputDir, writeReportFiles, type ReportFile } from "./report-files.js";
import { selectRules } from "./rule-selection.js";

/** The process as the commands see it: injected, so tests run the CLI in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdoutIsTTY: boolean;
  /** Progress goes to stderr, only on a terminal. */
  readonly stderrIsTTY?: boolean;
  /** The terminal's width, when stdout is one: the console report wraps to it. */
  readonly columns?: number;
  /** Where .authwarden.yaml is looked for (default: the process's working directory). */
  readonly cwd?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export type OutputIo = Pick<CliIo, "stdout" | "stdoutIsTTY" | "env" | "columns">;

/** How a command hands its exit code back to run(). */
export type SetExitCode = (code: number) => void;

export type FailOn = Severity | "none";

export interface AuditOptions extends ReportFlags {
  policy: string;
  waivers?: string;
  format?: string[];
  outputDir?: string;
  output?: string;
  failOn: FailOn;
  rule?: string[];
  skipRule?: string[];
  quiet?: boolean;
  color?: boolean;
  verbose?: boolean;
}

/** The options every auditing command (check, scan) shares: policy, rules, waivers, output and gate. */
export function addAuditOptions(command: Command): Command {
  return addOutputOptions(
    command
      .option("--policy <file|name>", "policy pack name or policy file (JSON or YAML)", DEFAULT_POLICY)
      .option("--rule <id...>", "run only the rules whose id matches (globs, e.g. password-*); repeatable")
      .option("--skip-rule <id...>", "do not run the rules whose id matches (globs); repeatable")
      .option("--waivers <file>", "waivers (JSON or YAML): accepted exceptions with reason, owner and expiry"),
  );
}

/** The options of every command that writes a report (check, scan, merge): formats, files, gate, console. */
export function addOutputOptions(command: Command): Command {
  return addReportFlags(command)
    .addOption(new Option("--format <format...>", `${FORMATS.join(", ")}; repeatable`).choices([...FORMATS]))
    .option("--output-dir <dir>", "write one file per format (authwarden.json, ...); json when no --format")
    .option("-o, --output <file>", "write the one file format to FILE (from --format, or the file's extension)")
    .addOption(
      new Option(
        "--fail-on <severity>",
        "exit 1 when an unwaived FAIL at or above this severity exists; none: report, never fail",
      )
        .choices([...SEVERITIES, "none"])
        .default("high"),
    )
    .option(
      "--quiet",
      "list only failing results and the summary line: no progress, no passing resources, no files-written line",
    )
    .option("--no-color", "no colour, even on a terminal")
    .option("--verbose", "also list passing and not-applicable results");
}

/** Where the report goes: the file formats, whether the console report is shown, and into which file or directory. */
export interface OutputPlan {
  readonly formats: readonly FileFormat[];
  readonly console: boolean;
  readonly dir?: string;
  readonly file?: string;
}

const FORMAT_BY_EXTENSION = new Map(
  Object.entries(REPORT_FILES).map(([format, file]) => [extname(file), format as FileFormat]),
);

/** Fails fast on a bad output combination or an unusable output path, before any input is read. */
export function planOutput(options: AuditOptions): OutputPlan {
  const requested = options.format ? [...new Set(options.format)] : undefined;
  const fileFormats = (requested ?? []).filter(isFileFormat);
  const console = !requested || requested.includes("console");
  if (options.output !== undefined) {
    if (options.outputDir !== undefined) throw new UsageError("-o and --output-dir: give one of them");
    const inferred = FORMAT_BY_EXTENSION.get(extname(options.output).toLowerCase());
    const formats = fileFormats.length > 0 ? fileFormats : inferred ? [inferred] : [];
    if (formats.length !== 1)
      throw new UsageError(
        formats.length === 0
          ? `-o ${options.output}: cannot tell the format from the name; add --format`
          : `-o writes one format, not ${formats.join(", ")}; several formats need --output-dir`,
      );
    checkOutputDir(dirname(options.output));
    return { formats, console: Boolean(requested?.includes("console")), file: options.output };
  }
  if (options.outputDir !== undefined) {
    checkOutputDir(options.outputDir);
    return { formats: requested ? fileFormats : ["json"], console, dir: options.outputDir };
  }
  if (fileFormats.length > 1)
    throw new UsageError(`--format ${fileFormats.join(", ")}: several file formats need --output-dir`);
  return { formats: fileFormats, console: fileFormats.length === 0 };
}

/** Loads policy and waivers first, so bad configuration exits 2 before a slow source is read. */
export function loadAuditConfig(options: AuditOptions) {
  const output = planOutput(options);
  const policy = loadPolicy(options.policy, RULES_BY_ID);
  return {
    output,
    policy: selectRules(policy, [...RULES_BY_ID.keys()], options),
    waivers: options.waivers ? loadWaivers(options.waivers, RULES_BY_ID) : [],
  };
}

export async function auditAndEmit(
  estate: Estate,
  options: AuditOptions,
  io: OutputIo,
  config = loadAuditConfig(options),
  planned?: Estate,
  known: WriterOptions = {},
): Promise<number> {
  const judged = gated(evaluateEstate(estate, config), options.failOn);
  // The planned configuration is judged under the same policy and waivers, so only the estate can differ.
  const report = planned ? { ...judged, drift: compareWithPlanned(evaluateEstate(planned, config), judged) } : judged;
  return emitReport(report, options, io, config, known);
}

type AuditConfig = ReturnType<typeof loadAuditConfig>;

/** The estate judged under the configured policy and waivers, before any gate. */
export function evaluateEstate(estate: Estate, config: AuditConfig): Report {
  return evaluate(estate, config.policy, RULES_BY_ID, { waivers: config.waivers });
}

/** --fail-on none is a soft fail: the report has no gate, and the exit code is 0. */
export function gated(report: Report, failOn: FailOn): Report {
  return failOn === "none" ? report : withGate(report, failOn);
}

/** Renders a judged report in the requested formats, writes the files all or none, and returns the exit code. */
export async function emitReport(
  report: Report,
  options: AuditOptions,
  io: OutputIo,
  config: Pick<AuditConfig, "output">,
  known: WriterOptions = {},
): Promise<number> {
  const { output } = config;
  const rules = ruleMetadata(RULES);
  const writing = writerOptions(options, known);
  const color = options.color !== false && !io.env.NO_COLOR && (io.stdoutIsTTY || Boolean(io.env.FORCE_COLOR));
  // --quiet: the console keeps what fails (and UNKNOWN after a failed read, which fails too); the
  // summary line still counts every result.
  const consoleView = options.quiet
    ? withResults(
        report,
        report.results.filter(
          (r) =>
            r.status === "FAIL" || r.status === "ERROR" || (r.status === "UNKNOWN" && report.summary.failedReads > 0),
        ),
      )
    : report;
  // Written chunk by chunk as it is rendered: the console report of a large estate is never one string.
  const writeConsoleReport = () => {
    for (const chunk of consoleChunks(consoleView, {
      color,
      verbose: options.verbose ?? false,
      ...(io.stdoutIsTTY && io.columns ? { width: io.columns } : {}),
    }))
      io.stdout(chunk);
  };
  // Each format's writer is imported when it is rendered: the console report alone needs none.
  const render = (format: FileFormat) => renderFormat(format, report, rules, writing);
  const target = output.file ?? output.dir;
  if (target !== undefined) {
    const files: ReportFile[] = [];
    for (const format of output.formats)
      files.push({ path: output.file ?? join(output.dir!, REPORT_FILES[format]), text: await render(format) });
    await writeReportFiles(files);
    if (output.console) writeConsoleReport();
    if (!options.quiet && files.length > 0)
      io.stdout(`reports written: ${files.map((f) => terminalSafe(f.path)).join(", ")}\n`);
  } else if (output.formats.length === 1) {
    // The one format asked for on stdout is the command's output, --quiet or not.
    for (const chunk of await render(output.formats[0]!)) io.stdout(chunk);
  } else {
    writeConsoleReport();
  }
  return report.gate?.passed === false ? 1 : 0;
}
