// The SARIF log as a file writer: its locations relative to the audit's directory, under the
// repository found from the inputs.

import type { Report } from "../../checks/engine/report.js";
import { REPORT_FILES } from "../formats.js";
import { repositoryRootFor } from "../repository-root.js";
import { writeSarif, writeSarifChunks, type SarifOptions } from "../sarif.js";
import type { WriterOptions } from "../writer-options.js";
import type { FileWriter } from "./file-writer.js";

export const sarifWriter: FileWriter = {
  file: REPORT_FILES.sarif,
  write: (report, rules, options = {}) => writeSarif(report, rules, sarifOptions(report, options)),
  chunks: (report, rules, options = {}) => writeSarifChunks(report, rules, sarifOptions(report, options)),
};

function sarifOptions(report: Report, options: WriterOptions): SarifOptions {
  const cwd = options.cwd ?? process.cwd();
  const repositoryRoot = repositoryRootFor(report.inputs, cwd, options.repositoryRoot);
  return { cwd, ...(repositoryRoot ? { repositoryRoot } : {}) };
}
