// The JSON report: the machine contract of DESIGN.md. Results are already in a stable order, so
// two runs on the same input differ only in generatedAt. The document keeps every string exactly
// (it is the machine contract), but carries no invisible character raw: JSON.stringify escapes the
// C0 controls, visibleEscapes the rest (bidi controls, C1, line separators) as JSON \uXXXX escapes,
// so a viewer shows them and JSON.parse gives back the original.

import type { Report } from "../checks/engine/report.js";
import { visibleEscapes } from "./escape.js";

export function writeJson(report: Report): string {
  return `${visibleEscapes(JSON.stringify(report, null, 2))}\n`;
}
