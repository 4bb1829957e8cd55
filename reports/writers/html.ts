// The HTML evidence report as a file writer. It is self-contained by design (no outbound links),
// so it takes no rule metadata.

import { REPORT_FILES } from "../formats.js";
import { writeHtml, writeHtmlChunks } from "../html/index.js";
import type { FileWriter } from "./file-writer.js";

export const htmlWriter: FileWriter = {
  file: REPORT_FILES.html,
  write: (report, _rules, options = {}) => writeHtml(report, options),
  chunks: (report, _rules, options = {}) => writeHtmlChunks(report, options),
};
