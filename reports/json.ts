// The JSON report: the machine contract of DESIGN.md. Results are already in a stable order, so
// two runs on the same input differ only in generatedAt.

import type { Report } from "../checks/engine/report.js";

export function writeJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
