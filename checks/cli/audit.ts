// What every auditing command does once it has an Estate: evaluate it under the policy and
// waivers, render the requested formats, write files atomically, and map the gate to an exit code.

import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { Option, type Command } from "commander";
import { writeConsole } from "../../reports/console.js";
import { FILE_WRITERS, FORMATS, isFileFormat, renderChunks, type FileFormat } from "../../reports/index.js";
import { terminalSafe } from "../../reports/terminal-text.js";
import { ruleMetadata, type RuleMetadata } from "../engine/catalog.js";
import { compareWithPlanned } from "../engine/drift.js";
import { evaluate } from "../engine/evaluate.js";
import { InputError, UsageError } from "../errors.js";
import type { Estate } from "../model/index.js";
import { DEFAULT_POLICY, loadPolicy } from "../engine/policy-pack.js";
import { withGate, type Report } from "../engine/report.js";
import { SEVERITIES, type Severity } from "../engine/rule.js";
import { RULES, RULES_BY_ID } from "../rules/index.js";
import { loadWaivers } from "../engine/waivers.js";

/** The process as the commands see it: injected, so tests run the CLI in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdoutIsTTY: boolean;
  /** Progress goes to stderr, only on a terminal. */
  readonly stderrIsTTY?: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export type OutputIo = Pick<CliIo, "stdout" | "stdoutIsTTY" | "env">;

/** How a command hands its exit code back to run(). */
export type SetExitCode = (code: number) => void;

export interface AuditOptions {
  policy: string;
  waivers?: string;
  format?: string[];
  outputDir?: string;
  failOn: Severity;
  color?: boolean;
  verbose?: boolean;
}

/** The options every auditing command (check, scan) shares: policy, waivers, output and gate. */
export function addAuditOptions(command: Command): Command {
  return command
    .option("--policy <file|name>", "policy pack name or policy file (JSON or YAML)", DEFAULT_POLICY)
    .option("--waivers <file>", "waivers (JSON or YAML): accepted exceptions with reason, owner and expiry")
    .addOption(new Option("--format <format...>", `${FORMATS.join(", ")}; repeatable`).choices([...FORMATS]))
    .option("--output-dir <dir>", "write one file per format (authwarden.json, ...)")
    .addOption(
      new Option("--fail-on <severity>", "exit 1 when an unwaived FAIL at or above this severity exists")
        .choices(SEVERITIES)
        .default("high"),
    )
    .option("--no-color", "no colour, even on a terminal")
    .option("--verbose", "also list passing and not-applicable results");
}

/** Fails fast on a bad --format/--output-dir combination, before any input is read. */
export function checkOutputOptions(options: AuditOptions): void {
  const fileFormats = (options.format ?? []).filter(isFileFormat);
  if (!options.outputDir && new Set(fileFormats).size > 1)
    throw new UsageError(`--format ${fileFormats.join(", ")}: several file formats need --output-dir`);
}

/** Loads policy and waivers first, so bad configuration exits 2 before a slow source is read. */
export function loadAuditConfig(options: AuditOptions) {
  checkOutputOptions(options);
  return {
    policy: loadPolicy(options.policy, RULES_BY_ID),
    waivers: options.waivers ? loadWaivers(options.waivers, RULES_BY_ID) : [],
  };
}

export function auditAndEmit(
  estate: Estate,
  options: AuditOptions,
  io: OutputIo,
  config = loadAuditConfig(options),
  planned?: Estate,
): number {
  const formats = [...new Set(options.format ?? ["console"])];
  const fileFormats = formats.filter(isFileFormat);
  const judged = withGate(evaluate(estate, config.policy, RULES_BY_ID, { waivers: config.waivers }), options.failOn);
  // The planned configuration is judged under the same policy and waivers, so only the estate can differ.
  const report = planned
    ? {
        ...judged,
        drift: compareWithPlanned(evaluate(planned, config.policy, RULES_BY_ID, { waivers: config.waivers }), judged),
      }
    : judged;
  const rules = ruleMetadata(RULES);
  const color = options.color !== false && !io.env.NO_COLOR && (io.stdoutIsTTY || Boolean(io.env.FORCE_COLOR));
  if (options.outputDir) {
    const written = writeReports(report, rules, fileFormats, options.outputDir);
    if (formats.includes("console") || fileFormats.length === 0 || !options.format) {
      io.stdout(writeConsole(report, { color, verbose: options.verbose ?? false }));
    }
    io.stdout(`reports written: ${written.map(terminalSafe).join(", ")}\n`);
  } else if (fileFormats.length === 1) {
    for (const chunk of renderChunks(fileFormats[0]!, report, rules)) io.stdout(chunk);
  } else {
    io.stdout(writeConsole(report, { color, verbose: options.verbose ?? false }));
  }
  return report.gate?.passed === false ? 1 : 0;
}

/**
 * Writes every file through a temporary name and renames it, so no report is ever half-written.
 * Each is rendered in chunks as it is written, so a report larger than one string can hold is written too.
 */
function writeReports(report: Report, rules: RuleMetadata, formats: readonly FileFormat[], dir: string): string[] {
  const paths = formats.map((format) => join(dir, FILE_WRITERS[format].file));
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new InputError(dir, `cannot create the output directory: ${(error as Error).message}`);
  }
  const temporary: string[] = [];
  try {
    formats.forEach((format, i) => {
      const tmp = `${paths[i]!}.${process.pid}.tmp`;
      temporary.push(tmp);
      writeChunks(tmp, renderChunks(format, report, rules));
    });
    paths.forEach((path, i) => renameSync(temporary[i]!, path));
  } catch (error) {
    for (const tmp of temporary) rmSync(tmp, { force: true });
    if ((error as NodeJS.ErrnoException).code === undefined) throw error;
    throw new InputError(dir, `cannot write reports: ${(error as Error).message}`);
  }
  return paths;
}

function writeChunks(path: string, chunks: Iterable<string>): void {
  const fd = openSync(path, "w");
  try {
    for (const chunk of chunks) {
      const bytes = Buffer.from(chunk);
      for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written);
    }
  } finally {
    closeSync(fd);
  }
}
