// What each file format's writer is: its file in an --output-dir, its whole text and, for a format
// whose report of a large estate outgrows one string, the same text in chunks.

import type { RuleMetadata } from "../../checks/engine/catalog.js";
import type { Report } from "../../checks/engine/report.js";
import type { WriterOptions } from "../writer-options.js";

export interface FileWriter {
  readonly file: string;
  readonly write: (report: Report, rules: RuleMetadata, options?: WriterOptions) => string;
  /** The same text in chunks, for a format whose report of a large estate outgrows one string. */
  readonly chunks?: (report: Report, rules: RuleMetadata, options?: WriterOptions) => Iterable<string>;
}

/** A writer's text as chunks to write one after another: its own chunks, or its whole text. */
export function writerChunks(
  writer: FileWriter,
  report: Report,
  rules: RuleMetadata,
  options: WriterOptions = {},
): Iterable<string> {
  return writer.chunks ? writer.chunks(report, rules, options) : [writer.write(report, rules, options)];
}
