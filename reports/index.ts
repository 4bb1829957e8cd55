// The report writers: pure functions from the Report and the rule metadata (handed in by the
// caller, never imported from the registry) to text, one per format, and the file each format is
// written to with --output-dir.

import type { RuleMetadata } from "../checks/engine/catalog.js";
import type { Report } from "../checks/engine/report.js";
import { REPORT_FILES, type FileFormat } from "./formats.js";
import { writeHtml } from "./html/index.js";
import { writeJson, writeJsonChunks } from "./json.js";
import { junitChunks, writeJunit } from "./junit.js";
import { writeMarkdown } from "./markdown.js";
import { repositoryRootFor } from "./repository-root.js";
import { writeSarif, writeSarifChunks, type SarifOptions } from "./sarif.js";
import type { WriterOptions } from "./writer-options.js";

export type { AssessmentDetails, ScanEndpoint, WriterOptions } from "./writer-options.js";
export { FORMATS, isFileFormat, REPORT_FILES, type FileFormat } from "./formats.js";

export interface FileWriter {
  readonly file: string;
  readonly write: (report: Report, rules: RuleMetadata, options?: WriterOptions) => string;
  /** The same text in chunks, for a format whose report of a large estate outgrows one string. */
  readonly chunks?: (report: Report, rules: RuleMetadata, options?: WriterOptions) => Iterable<string>;
}

export const FILE_WRITERS = {
  json: {
    file: REPORT_FILES.json,
    write: (report) => writeJson(report),
    chunks: (report) => writeJsonChunks(report),
  },
  sarif: {
    file: REPORT_FILES.sarif,
    write: (report, rules, options = {}) => writeSarif(report, rules, sarifOptions(report, options)),
    chunks: (report, rules, options = {}) => writeSarifChunks(report, rules, sarifOptions(report, options)),
  },
  junit: {
    file: REPORT_FILES.junit,
    write: (report, rules) => writeJunit(report, rules),
    chunks: (report, rules) => junitChunks(report, rules),
  },
  markdown: {
    file: REPORT_FILES.markdown,
    write: (report, rules, options = {}) =>
      writeMarkdown(report, rules, options.reportUrl ? { reportUrl: options.reportUrl } : {}),
  },
  // The evidence report is self-contained by design (no outbound links), so it takes no rule metadata.
  html: { file: REPORT_FILES.html, write: (report, _rules, options = {}) => writeHtml(report, options) },
} as const satisfies Record<FileFormat, FileWriter>;

/** SARIF's locations: relative to the audit's directory, under the repository found from the inputs. */
function sarifOptions(report: Report, options: WriterOptions): SarifOptions {
  const cwd = options.cwd ?? process.cwd();
  const repositoryRoot = repositoryRootFor(report.inputs, cwd, options.repositoryRoot);
  return { cwd, ...(repositoryRoot ? { repositoryRoot } : {}) };
}

/** A format's text as chunks to write one after another: the writer's own chunks, or its whole text. */
export function renderChunks(
  format: FileFormat,
  report: Report,
  rules: RuleMetadata,
  options: WriterOptions = {},
): Iterable<string> {
  const writer: FileWriter = FILE_WRITERS[format];
  return writer.chunks ? writer.chunks(report, rules, options) : [writer.write(report, rules, options)];
}
