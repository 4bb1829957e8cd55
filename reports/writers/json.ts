// The JSON report as a file writer.

import { REPORT_FILES } from "../formats.js";
import { writeJson, writeJsonChunks } from "../json.js";
import type { FileWriter } from "./file-writer.js";

export const jsonWriter: FileWriter = {
  file: REPORT_FILES.json,
  write: (report) => writeJson(report),
  chunks: (report) => writeJsonChunks(report),
};
