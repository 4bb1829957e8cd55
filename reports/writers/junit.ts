// The JUnit XML report as a file writer.

import { REPORT_FILES } from "../formats.js";
import { junitChunks, writeJunit } from "../junit.js";
import type { FileWriter } from "./file-writer.js";

export const junitWriter: FileWriter = {
  file: REPORT_FILES.junit,
  write: (report, rules) => writeJunit(report, rules),
  chunks: (report, rules) => junitChunks(report, rules),
};
