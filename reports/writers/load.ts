// Each file format's writer, imported when that format is rendered: a run loads only the writers
// of the formats it asks for (the evidence report's alone is a dozen modules), the console none.

import type { RuleMetadata } from "../../checks/engine/catalog.js";
import type { Report } from "../../checks/engine/report.js";
import type { FileFormat } from "../formats.js";
import type { WriterOptions } from "../writer-options.js";
import { writerChunks, type FileWriter } from "./file-writer.js";

const LOADERS: Readonly<Record<FileFormat, () => Promise<FileWriter>>> = {
  json: async () => (await import("./json.js")).jsonWriter,
  sarif: async () => (await import("./sarif.js")).sarifWriter,
  junit: async () => (await import("./junit.js")).junitWriter,
  markdown: async () => (await import("./markdown.js")).markdownWriter,
  html: async () => (await import("./html.js")).htmlWriter,
};

/** A format's text as chunks to write one after another, its writer imported first. */
export async function renderFormat(
  format: FileFormat,
  report: Report,
  rules: RuleMetadata,
  options: WriterOptions = {},
): Promise<Iterable<string>> {
  return writerChunks(await LOADERS[format](), report, rules, options);
}
