// The requirement roll-up (RULES.md): per PCI DSS v4.0.1 requirement, one finding for the estate
// from the results that cite it. In Place when every applicable `meets` result passes (a waiver
// with a compensating control counts, and is shown as such); Not in Place when any fails; Not
// Tested when a meets result could not be judged, or only `supports` results (or none) exist, with
// what to verify by hand; Not Applicable when no resource it covers is in scope. `supports`
// failures are listed as weaknesses and never decide the finding.

import { compareRequirementIds, PCI_REQUIREMENTS, requirementText } from "./pci-requirements.js";
import type {
  CompensatingControlUse,
  RequirementFinding,
  RequirementRollup,
  RequirementRow,
  Report,
  Result,
} from "./report.js";
import { severityRank } from "./rule.js";

export { REQUIREMENT_FINDINGS } from "./report.js";
export type { RequirementFinding, RequirementRollup, RequirementRow } from "./report.js";

function rowOf(result: Result, index: number, requirement: string): RequirementRow | undefined {
  const control = result.controls.find((c) => c.id === requirement);
  if (!control) return undefined;
  const row = (finding: RequirementFinding, reason?: string): RequirementRow => ({
    result: index,
    relation: control.relation,
    finding,
    ...(reason !== undefined ? { reason } : {}),
  });
  if (result.status === "ERROR") return row("Not Tested", `the rule could not run: ${result.message}`);
  if (!control.applicable) return row("Not Applicable", control.reason ?? "not applicable to this resource");
  switch (result.status) {
    case "UNKNOWN":
      return row("Not Tested", result.message);
    case "NOT_APPLICABLE":
      // Shared "notApplicable" messages read "<resource>: not applicable: <reason>"; the reason groups.
      return row("Not Applicable", /not applicable: (.+)$/.exec(result.message)?.[1] ?? result.message);
    case "FAIL":
      return row("Not in Place");
    case "WAIVED":
      return result.waiver?.compensatingControl
        ? row("In Place", `compensating control (waiver ${result.waiver.id}): ${result.waiver.compensatingControl}`)
        : row(
            "Not in Place",
            `waived without a compensating control${result.waiver ? ` (waiver ${result.waiver.id})` : ""}`,
          );
    default:
      return row("In Place");
  }
}

function verifyByHand(id: string): string {
  return (
    PCI_REQUIREMENTS[id]?.verifyByHand ??
    "No automated result shows this requirement is met: verify it by examining the application and its processes."
  );
}

function rollup(id: string, rows: readonly RequirementRow[], results: readonly Result[]): RequirementRollup {
  const meets = rows.filter((r) => r.relation === "meets");
  const inScope = meets.filter((r) => r.finding !== "Not Applicable");
  const supporting = rows.filter((r) => r.relation === "supports" && r.finding !== "Not Applicable");
  const compensatingControls = inScope.flatMap((r): CompensatingControlUse[] => {
    const waiver = results[r.result]?.waiver;
    return r.finding === "In Place" && waiver?.compensatingControl
      ? [{ result: r.result, waiver: waiver.id, control: waiver.compensatingControl }]
      : [];
  });
  let finding: RequirementFinding;
  if (inScope.some((r) => r.finding === "Not in Place")) finding = "Not in Place";
  else if (inScope.some((r) => r.finding === "Not Tested")) finding = "Not Tested";
  else if (inScope.length > 0) finding = "In Place";
  // Only supports results (or none at all): nothing proves the requirement either way.
  else if (supporting.length > 0 || rows.length === 0) finding = "Not Tested";
  else finding = "Not Applicable";
  const needsHand = finding === "Not Tested" && !inScope.some((r) => r.finding === "Not Tested");
  return {
    id,
    text: requirementText(id),
    finding,
    compensatingControls,
    ...(needsHand ? { verifyByHand: verifyByHand(id) } : {}),
    weaknesses: supporting.filter((r) => r.finding === "Not in Place").length,
    rows,
  };
}

/**
 * Every requirement of the catalogue and every other one a result cites, in PCI order. Results
 * must be in their final order: rows point into them by index.
 */
export function requirementRollups(results: readonly Result[]): RequirementRollup[] {
  const rowsById = new Map<string, RequirementRow[]>();
  results.forEach((result, index) => {
    for (const control of result.controls) {
      const row = rowOf(result, index, control.id);
      if (!row) continue;
      // Appended in place: copying the list per row made the roll-up quadratic in results.
      const rows = rowsById.get(control.id);
      if (rows) rows.push(row);
      else rowsById.set(control.id, [row]);
    }
  });
  const ids = [...new Set([...Object.keys(PCI_REQUIREMENTS), ...rowsById.keys()])].sort(compareRequirementIds);
  return ids.map((id) => rollup(id, rowsById.get(id) ?? [], results));
}

/**
 * The report narrowed to some of its results (in their order), with the roll-ups of those results, whose rows
 * point into them. The summary is kept: it still counts every result of the audit.
 */
export function withResults(report: Report, results: readonly Result[]): Report {
  return { ...report, results, requirements: requirementRollups(results) };
}

/**
 * Results that are best-practice findings: the rule cites no PCI DSS requirement, or none of the
 * ones it cites applies to the resource (its audience). Worst first, then by rule and resource.
 */
export function bestPracticeResults(results: readonly Result[]): Result[] {
  return results
    .filter((r) => r.status !== "ERROR" && r.controls.every((c) => !c.applicable))
    .sort(
      (a, b) =>
        severityRank(b.severity) - severityRank(a.severity) ||
        a.ruleId.localeCompare(b.ruleId) ||
        a.resource.key.localeCompare(b.resource.key),
    );
}
