// The Report read the way a PCI DSS v4.0.1 Report on Compliance reads it: requirement by
// requirement, each with one assessment finding from the ROC vocabulary (In Place, Not in Place,
// Not Applicable, Not Tested), the results and evidence behind it, and whether a compensating
// control was used. Shared by the Markdown and HTML writers.

import type { Report, Result } from "../checks/engine/report.js";

import {
  bestPracticeResults,
  REQUIREMENT_FINDINGS,
  requirementRollups,
  type RequirementFinding,
  type RequirementRollup,
} from "../checks/engine/requirements.js";
import type { Relation } from "../checks/engine/rule.js";

export { compareRequirementIds, PRINCIPALS } from "../checks/engine/pci-requirements.js";

export type RocFinding = RequirementFinding;
export const ROC_FINDINGS: readonly RocFinding[] = REQUIREMENT_FINDINGS;

export interface RequirementRow {
  readonly result: Result;
  /** Reference of the result in the evidence register (EV-001, ...). */
  readonly evidenceRef: string;
  readonly relation: Relation;
  /** The result's index in the report, the register's order. */
  readonly index: number;
  readonly finding: RocFinding;
  /** Why a row is Not Applicable or Not Tested. */
  readonly reason?: string;
}

export interface RequirementAssessment {
  readonly id: string;
  readonly principal: string;
  /** The requirement's statement, quoted from PCI DSS v4.0.1. */
  readonly text: string;
  readonly finding: RocFinding;
  /** A waiver with a compensating-control statement stands in for a failing meets result. */
  readonly compensatingControl: boolean;
  /** The compensating controls, as "control (waiver id)". */
  readonly compensatingControls: readonly string[];
  /** What to verify by hand when no meets result can show the requirement is met. */
  readonly verifyByHand?: string;
  /** Supports results that failed, listed as weaknesses. */
  readonly weaknesses: number;
  readonly rows: readonly RequirementRow[];
  readonly narrative: string;
}

export function evidenceRef(index: number): string {
  return `EV-${String(index + 1).padStart(3, "0")}`;
}

/** Register indexes as ranges (EV-004, EV-010–EV-015), so a requirement met by 200 pools cites one range, not 200 references. */
export function refRanges(indexes: readonly number[]): string {
  return refRangeParts(indexes).join(", ");
}

/** refRanges' ranges one by one, for a writer that shows the first few or writes a long list in parts. */
export function refRangeParts(indexes: readonly number[]): string[] {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j === i ? evidenceRef(sorted[i]!) : `${evidenceRef(sorted[i]!)}–${evidenceRef(sorted[j]!)}`);
    i = j + 1;
  }
  return parts;
}

/**
 * The engine's requirement roll-up, with the results and evidence references the writers render.
 * Computed from the results by the same function that filled report.requirements, so a report
 * whose results were filtered or merged is rendered as its results say.
 */
export function assessRequirements(report: Report): RequirementAssessment[] {
  return requirementRollups(report.results).map((rollup) => {
    const rows = rollup.rows.map((row) => ({
      result: report.results[row.result]!,
      evidenceRef: evidenceRef(row.result),
      index: row.result,
      relation: row.relation,
      finding: row.finding,
      ...(row.reason !== undefined ? { reason: row.reason } : {}),
    }));
    return {
      id: rollup.id,
      principal: rollup.id.split(".")[0]!,
      text: rollup.text,
      finding: rollup.finding,
      compensatingControl: rollup.compensatingControls.length > 0,
      compensatingControls: rollup.compensatingControls.map((c) => `${c.control} (waiver ${c.waiver})`),
      ...(rollup.verifyByHand !== undefined ? { verifyByHand: rollup.verifyByHand } : {}),
      weaknesses: rollup.weaknesses,
      rows,
      narrative: narrative(report, rollup, rows),
    };
  });
}

/** "In Place (compensating control: ...)", never plain In Place where a waiver stands in. */
export function findingLabel(assessment: Pick<RequirementAssessment, "finding" | "compensatingControls">): string {
  return assessment.compensatingControls.length > 0
    ? `${assessment.finding} with Compensating Control: ${assessment.compensatingControls.join("; ")}`
    : assessment.finding;
}

function narrative(report: Report, rollup: RequirementRollup, rows: readonly RequirementRow[]): string {
  // The first references, then how many more: the evidence table below the narrative has them all.
  const refs = (list: readonly RequirementRow[]) => {
    const parts = refRangeParts(list.map((r) => r.index));
    return parts.length <= 12 ? parts.join(", ") : `${parts.slice(0, 10).join(", ")} and ${parts.length - 10} more`;
  };
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
  if (rows.length === 0) {
    return `No automated rule of policy ${report.policy.name} ${report.policy.version} covers this requirement; it was not assessed by this tool. ${rollup.verifyByHand ?? ""}`.trim();
  }
  const meets = rows.filter((r) => r.relation === "meets" && r.finding !== "Not Applicable");
  const supports = rows.filter((r) => r.relation === "supports" && r.finding !== "Not Applicable");
  const weak = supports.filter((r) => r.finding === "Not in Place");
  const weakness =
    weak.length > 0
      ? ` ${count(weak.length, "supporting check")} failed (${refs(weak)}): weaknesses that do not by themselves decide the finding.`
      : "";
  switch (rollup.finding) {
    case "In Place": {
      const cc = rollup.compensatingControls.length;
      return `Automated examination of the system configuration of ${count(meets.length, "in-scope resource")} (${refs(meets)}) shows every element the rules test is met${cc > 0 ? `, ${cc} of them through a compensating control` : ""}.${weakness}`;
    }
    case "Not in Place": {
      const failing = meets.filter((r) => r.finding === "Not in Place");
      return `${failing.length} of ${count(meets.length, "in-scope resource")} examined ${failing.length === 1 ? "does" : "do"} not meet the requirement (${refs(failing)}); see the evidence below.${weakness}`;
    }
    case "Not Tested": {
      const untested = meets.filter((r) => r.finding === "Not Tested");
      if (untested.length > 0)
        return `The configuration of ${count(untested.length, "resource")} could not be determined from the ${report.source} input (${refs(untested)}), so the requirement could not be confirmed; examine them by other means.${weakness}`;
      return `The rules only support this requirement (${refs(supports)}): configuration cannot show it is met.${weakness} To verify by other means: ${rollup.verifyByHand ?? "examine it by hand."}`;
    }
    case "Not Applicable": {
      const reasons = [...new Set(rows.map((r) => r.reason ?? ""))].filter(Boolean);
      return `Every resource examined (${refs(rows)}) is outside the requirement: ${reasons.join("; ")}.`;
    }
  }
}

export type OverallResult = "Compliant" | "Non-Compliant" | "Not determined";

export interface Overall {
  readonly result: OverallResult;
  readonly partial: boolean;
  readonly counts: Readonly<Record<RocFinding, number>>;
}

export function overall(assessments: readonly RequirementAssessment[]): Overall {
  const counts = Object.fromEntries(
    ROC_FINDINGS.map((f) => [f, assessments.filter((a) => a.finding === f).length]),
  ) as Record<RocFinding, number>;
  const result: OverallResult =
    counts["Not in Place"] > 0
      ? "Non-Compliant"
      : counts["In Place"] + counts["Not Applicable"] > 0
        ? "Compliant"
        : "Not determined";
  return { result, partial: counts["Not Tested"] > 0, counts };
}

/** Best-practice results (no PCI DSS requirement applies to the resource), worst first. */
export function bestPractice(report: Report): Result[] {
  return bestPracticeResults(report.results);
}
