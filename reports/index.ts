// The report writers: pure functions from the Report and the rule metadata (handed in by the
// caller, never imported from the registry) to text, one per format, and the file each format is
// written to with --output-dir. This table loads every writer; the CLI imports only the ones it
// renders (writers/load.ts).

import type { FileFormat } from "./formats.js";
import type { FileWriter } from "./writers/file-writer.js";
import { htmlWriter } from "./writers/html.js";
import { jsonWriter } from "./writers/json.js";
import { junitWriter } from "./writers/junit.js";
import { markdownWriter } from "./writers/markdown.js";
import { sarifWriter } from "./writers/sarif.js";

export type { AssessmentDetails, ScanEndpoint, WriterOptions } from "./writer-options.js";
export { FORMATS, isFileFormat, REPORT_FILES, type FileFormat } from "./formats.js";
export type { FileWriter } from "./writers/file-writer.js";

export const FILE_WRITERS = {
  json: jsonWriter,
  sarif: sarifWriter,
  junit: junitWriter,
  markdown: markdownWriter,
  html: htmlWriter,
} as const satisfies Record<FileFormat, FileWriter>;
