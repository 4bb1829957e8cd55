// How a test failure shows the findings behind it: one line per result, rule and resource first,
// then the message and the TypeScript line that made the resource.

import type { Report, Result } from "../engine/report.js";
import { severityRank } from "../engine/rule.js";
import { terminalSafe } from "../../reports/terminal-text.js";

const SHOWN = 20;

export function resourceLabel(result: Result): string {
  const r = result.resource;
  return r.constructPath ?? r.address ?? r.arn ?? r.name ?? r.key;
}

function findingLine(result: Result): string {
  const r = result.resource;
  const where = r.file ? ` (${r.file}${r.line !== undefined ? `:${r.line}` : ""})` : "";
  return terminalSafe(
    `  ${result.status} ${result.ruleId} [${result.severity}] ${resourceLabel(result)}: ${result.message}${where}`,
  );
}

/** The results as indented lines, at most SHOWN of them and a count of the rest. */
export function findingLines(results: readonly Result[]): string {
  if (results.length === 0) return "  (none)";
  const lines = results.slice(0, SHOWN).map(findingLine);
  if (results.length > SHOWN) lines.push(`  ... and ${results.length - SHOWN} more`);
  return lines.join("\n");
}

/** What fails the report's gate, as withGate counts it: ERROR, and FAIL (UNKNOWN after a failed read) at or above failOn. */
export function blockingResults(report: Report): Result[] {
  const threshold = severityRank(report.gate?.failOn ?? "high");
  const failedReads = report.diagnostics.some((d) => d.failedRead);
  return report.results.filter(
    (r) =>
      r.status === "ERROR" ||
      ((r.status === "FAIL" || (failedReads && r.status === "UNKNOWN")) && severityRank(r.severity) >= threshold),
  );
}
