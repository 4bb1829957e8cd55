// The Report read the way a PCI DSS v4.0.1 Report on Compliance reads it: requirement by
// requirement, each with one assessment finding from the ROC vocabulary (In Place, Not in Place,
// Not Applicable, Not Tested), the results and evidence behind it, and whether a compensating
// control was used. Shared by the Markdown and HTML writers.

import type { Report, Result } from "../checks/engine/report.js";

export type RocFinding = "In Place" | "Not in Place" | "Not Applicable" | "Not Tested";
export const ROC_FINDINGS: readonly RocFinding[] = ["In Place", "Not in Place", "Not Applicable", "Not Tested"];

/** Principal requirements, with the v4.0.1 titles. */
export const PRINCIPALS: Readonly<Record<string, string>> = {
  "1": "Install and Maintain Network Security Controls",
  "2": "Apply Secure Configurations to All System Components",
  "3": "Protect Stored Account Data",
  "4": "Protect Cardholder Data with Strong Cryptography During Transmission Over Open, Public Networks",
  "5": "Protect All Systems and Networks from Malicious Software",
  "6": "Develop and Maintain Secure Systems and Software",
  "7": "Restrict Access to System Components and Cardholder Data by Business Need to Know",
  "8": "Identify Users and Authenticate Access to System Components",
  "9": "Restrict Physical Access to Cardholder Data",
  "10": "Log and Monitor All Access to System Components and Cardholder Data",
  "11": "Test Security of Systems and Networks Regularly",
  "12": "Support Information Security with Organizational Policies and Programs",
};

/** The requirements an Amazon Cognito estate bears on; statements abridged from PCI DSS v4.0.1. */
export const REQUIREMENTS: Readonly<Record<string, string>> = {
  "3.3.1": "Sensitive authentication data (SAD) is not retained after authorization, even if encrypted.",
  "3.5.1": "PAN is rendered unreadable anywhere it is stored (for example in user pool custom attributes).",
  "4.2.1":
    "Strong cryptography and security protocols are implemented to safeguard PAN during transmission over open, public networks.",
  "6.4.2":
    "For public-facing web applications, an automated technical solution is deployed that continually detects and prevents web-based attacks.",
  "7.2.1":
    "An access control model is defined and grants access by business need, job classification and function, with the least privileges required.",
  "7.2.2":
    "Access is assigned to users, including privileged users, based on job classification and function and the least privileges necessary.",
  "7.2.5":
    "All application and system accounts and related access privileges are assigned and managed based on the least privileges necessary.",
  "8.2.1": "All users are assigned a unique ID before access to system components or cardholder data is allowed.",
  "8.2.2":
    "Group, shared, or generic IDs and shared authentication credentials are only used when necessary on an exception basis.",
  "8.2.4":
    "Addition, deletion, and modification of user IDs, authentication factors, and other identifier objects are authorized and implemented with only the privileges approved.",
  "8.2.6": "Inactive user accounts are removed or disabled within 90 days of inactivity.",
  "8.2.8": "If a user session has been idle for more than 15 minutes, the user is required to re-authenticate.",
  "8.3.1": "All user access is authenticated via at least one authentication factor: something you know, have or are.",
  "8.3.2": "Strong cryptography renders all authentication factors unreadable during transmission and storage.",
  "8.3.4":
    "Invalid authentication attempts are limited: lockout after not more than 10 attempts, for at least 30 minutes or until identity is confirmed.",
  "8.3.5":
    "Passwords set or reset for a user are unique for first-time use and must be changed immediately after first use.",
  "8.3.6":
    "Passwords are at least 12 characters long (8 where the system does not support 12) and contain both numeric and alphabetic characters.",
  "8.3.7": "Individuals may not submit a new password that is the same as any of the last four used.",
  "8.3.9":
    "Where passwords are the only factor, they are changed at least every 90 days or access is determined by dynamic analysis of account posture.",
  "8.3.10.1":
    "Service providers only: customer passwords used as the only factor are changed every 90 days or dynamically analysed.",
  "8.4.1": "MFA is implemented for all non-console access into the CDE for personnel with administrative access.",
  "8.4.2": "MFA is implemented for all non-console access into the CDE.",
  "8.4.3":
    "MFA is implemented for all remote access originating from outside the entity's network that could access or impact the CDE.",
  "8.5.1":
    "MFA systems are not susceptible to replay, cannot be bypassed, use two different factor types, and require all factors to succeed.",
  "10.2.1": "Audit logs are enabled and active for all system components and cardholder data.",
  "10.2.1.4": "Audit logs capture all invalid logical access attempts.",
  "10.2.1.5": "Audit logs capture all changes to identification and authentication credentials.",
  "10.2.2":
    "Audit logs record user identification, event type, date and time, success or failure, origination, and the affected resource.",
  "10.5.1":
    "Audit log history is retained for at least 12 months, with at least the most recent three months immediately available for analysis.",
  "12.10": "Suspected and confirmed security incidents that could impact the CDE are responded to immediately.",
};

export interface RequirementRow {
  readonly result: Result;
  /** Reference of the result in the evidence register (EV-001, ...). */
  readonly evidenceRef: string;
  /** The result's index in the report, the register's order. */
  readonly index: number;
  readonly finding: RocFinding;
  /** Why a row is Not Applicable or Not Tested. */
  readonly reason?: string;
}

export interface RequirementAssessment {
  readonly id: string;
  readonly principal: string;
  readonly text: string;
  readonly finding: RocFinding;
  /** A waiver with a compensating-control statement turned a failure into In Place. */
  readonly compensatingControl: boolean;
  readonly rows: readonly RequirementRow[];
  readonly narrative: string;
}

export function evidenceRef(index: number): string {
  return `EV-${String(index + 1).padStart(3, "0")}`;
}

/** Register indexes as ranges (EV-004, EV-010–EV-015), so a requirement met by 200 pools cites one range, not 200 references. */
export function refRanges(indexes: readonly number[]): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j === i ? evidenceRef(sorted[i]!) : `${evidenceRef(sorted[i]!)}–${evidenceRef(sorted[j]!)}`);
    i = j + 1;
  }
  return parts.join(", ");
}

export function compareRequirementIds(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

function rowFinding(result: Result, requirement: string): { finding: RocFinding; reason?: string } {
  if (result.status === "ERROR") return { finding: "Not Tested", reason: `the rule could not run: ${result.message}` };
  const control = result.controls.find((c) => c.id === requirement);
  if (control && !control.applicable)
    return { finding: "Not Applicable", reason: control.reason ?? "not applicable to this resource" };
  switch (result.status) {
    case "UNKNOWN":
      return { finding: "Not Tested", reason: result.message };
    case "NOT_APPLICABLE":
      // Shared "notApplicable" messages read "<resource>: not applicable: <reason>"; the reason groups.
      return { finding: "Not Applicable", reason: /not applicable: (.+)$/.exec(result.message)?.[1] ?? result.message };
    case "FAIL":
      return { finding: "Not in Place" };
    case "WAIVED":
      return result.waiver?.compensatingControl
        ? { finding: "In Place", reason: `compensating control (waiver ${result.waiver.id})` }
        : {
            finding: "Not in Place",
            reason: `waived without a compensating control${result.waiver ? ` (waiver ${result.waiver.id})` : ""}`,
          };
    default:
      return { finding: "In Place" };
  }
}

const ROLL_UP: readonly RocFinding[] = ["Not in Place", "Not Tested", "In Place", "Not Applicable"];

/** Every requirement the Cognito estate bears on, plus any other a rule names, in PCI order. */
export function assessRequirements(report: Report): RequirementAssessment[] {
  const rowsById = new Map<string, RequirementRow[]>();
  report.results.forEach((result, index) => {
    for (const control of result.controls) {
      const rows = rowsById.get(control.id) ?? [];
      rows.push({ result, evidenceRef: evidenceRef(index), index, ...rowFinding(result, control.id) });
      rowsById.set(control.id, rows);
    }
  });
  const ids = [...new Set([...Object.keys(REQUIREMENTS), ...rowsById.keys()])].sort(compareRequirementIds);
  return ids.map((id) => {
    const rows = rowsById.get(id) ?? [];
    const finding = rows.length === 0 ? "Not Tested" : ROLL_UP.find((f) => rows.some((r) => r.finding === f))!;
    const compensatingControl = rows.some((r) => r.result.status === "WAIVED" && r.result.waiver?.compensatingControl);
    return {
      id,
      principal: id.split(".")[0]!,
      text: REQUIREMENTS[id] ?? "(statement not in this tool's requirement catalogue)",
      finding,
      compensatingControl,
      rows,
      narrative: narrative(report, finding, rows),
    };
  });
}

function narrative(report: Report, finding: RocFinding, rows: readonly RequirementRow[]): string {
  // The first references, then how many more: the evidence table below the narrative has them all.
  const refs = (list: readonly RequirementRow[]) => {
    const parts = refRanges(list.map((r) => r.index)).split(", ");
    return parts.length <= 12 ? parts.join(", ") : `${parts.slice(0, 10).join(", ")} and ${parts.length - 10} more`;
  };
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
  if (rows.length === 0) {
    return `No automated rule of policy ${report.policy.name} ${report.policy.version} covers this requirement; it was not assessed by this tool and must be assessed by other means.`;
  }
  const applicable = rows.filter((r) => r.finding !== "Not Applicable");
  switch (finding) {
    case "In Place":
      return `Automated examination of the system configuration of ${count(applicable.length, "in-scope resource")} (${refs(applicable)}) shows every element the rules test is met.`;
    case "Not in Place": {
      const failing = rows.filter((r) => r.finding === "Not in Place");
      return `${failing.length} of ${count(applicable.length, "in-scope resource")} examined ${failing.length === 1 ? "does" : "do"} not meet the requirement (${refs(failing)}); see the evidence below.`;
    }
    case "Not Tested": {
      const untested = rows.filter((r) => r.finding === "Not Tested");
      return `The configuration of ${count(untested.length, "resource")} could not be determined from the ${report.source} input (${refs(untested)}), so the requirement could not be confirmed; examine them by other means.`;
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

/** Results on consumer pools whose requirements all exempt consumer accounts: best practice, not PCI findings. */
export function consumerBestPractice(report: Report): Result[] {
  return report.results.filter(
    (r) => r.audience.audience === "consumer" && r.controls.length > 0 && r.controls.every((c) => !c.applicable),
  );
}
