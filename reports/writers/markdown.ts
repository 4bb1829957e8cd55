// The Markdown summary (a pull-request comment) as a file writer.

import { REPORT_FILES } from "../formats.js";
import { writeMarkdown } from "../markdown.js";
import type { FileWriter } from "./file-writer.js";

export const markdownWriter: FileWriter = {
  file: REPORT_FILES.markdown,
  write: (report, rules, options = {}) =>
    writeMarkdown(report, rules, options.reportUrl ? { reportUrl: options.reportUrl } : {}),
};
