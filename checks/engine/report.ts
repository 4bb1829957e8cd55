// The in-memory Report: what the engine returns and every writer renders. Its JSON form is the
// machine contract of DESIGN.md.

import type { AudienceInfo } from "./audience.js";
import type { Audience, InputFile, LoadDiagnostic, ModelKind, SourceKind, SourcePosition } from "../model/index.js";
import type { ControlApplicability } from "./pci-applicability.js";
import type { ScanSection } from "./scan-section.js";
import {
  SEVERITIES,
  severityRank,
  STATUSES,
  type Evidence,
  type Relation,
  type Severity,
  type SourceReference,
  type Status,
} from "./rule.js";

export interface ResultResource {
  readonly kind: ModelKind | "Rule";
  /** The name as configured, or null when it is not known. */
  readonly name: string | null;
  readonly key: string;
  /** The user pool or REST API the resource belongs to, by name: client, provider and route names are unique only there. */
  readonly parent?: string;
  readonly source: SourceKind;
  readonly address?: string;
  readonly arn?: string;
  readonly stack?: string;
  readonly constructPath?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** The app's other frames around file:line (synth with source locations): wrapper lines, then callers. */
  readonly callSites?: readonly SourcePosition[];
  readonly inputFile?: string;
  readonly inputLine?: number;
  readonly account?: string;
  readonly region?: string;
}

export interface Result {
  readonly ruleId: string;
  readonly title: string;
  readonly status: Status;
  readonly severity: Severity;
  /** The rule's message template id the message was rendered from. */
  readonly messageId: string;
  readonly message: string;
  readonly resource: ResultResource;
  readonly audience: { readonly audience: Audience; readonly declared: boolean; readonly via: AudienceInfo["via"] };
  /** The PCI DSS requirements the rule cites, each with its relation and whether it applies to the resource. */
  readonly controls: readonly ControlApplicability[];
  /** The sources the rule cites (a best-practice rule's instead of a requirement). */
  readonly references: readonly SourceReference[];
  readonly evidence: readonly Evidence[];
  readonly remediation: string;
  /** Set on WAIVED results: the waiver that turned a FAIL into WAIVED. */
  readonly waiver?: AppliedWaiver;
}

export interface AppliedWaiver {
  readonly id: string;
  readonly reason: string;
  readonly owner: string;
  /** ISO date (YYYY-MM-DD) after which the waiver no longer applies. */
  readonly expires: string;
  readonly compensatingControl?: string;
  readonly file: string;
}

export interface WaiverStatus {
  readonly waiver: AppliedWaiver;
  readonly ruleId: string;
  readonly selector: string;
  /** expired: past its date, no longer applied; unused: matched no failing result. */
  readonly problem: "expired" | "unused";
}

export interface PoolAudience {
  readonly key: string;
  readonly name: string | null;
  readonly audience: Audience;
  readonly declared: boolean;
  readonly via: AudienceInfo["via"];
}

export interface NotJudged {
  readonly ruleId: string;
  /** "judged only by the live scan: ..." */
  readonly reason: string;
}

export interface Summary {
  readonly total: number;
  readonly byStatus: Readonly<Record<Status, number>>;
  /** Unwaived failures by severity. */
  readonly failuresBySeverity: Readonly<Record<Severity, number>>;
  /** Reads of the live account that failed (denied, throttled, timed out, malformed); 0 for configuration sources. */
  readonly failedReads: number;
}

export interface Gate {
  readonly failOn: Severity;
  readonly passed: boolean;
  /**
   * Unwaived FAIL results at or above failOn, ERROR results, incomplete reads and, when any read failed, UNKNOWN
   * results at or above failOn (what could not run or be read fails closed).
   */
  readonly blocking: number;
}

/** What differs between the live account and the planned configuration it was checked against. */
export interface DriftReport {
  readonly against: {
    readonly source: SourceKind;
    readonly inputs: readonly InputFile[];
    readonly scopes: readonly string[];
  };
  /** Verdicts both sides reached that differ: the live estate has changed since it was planned. */
  readonly changed: readonly {
    readonly ruleId: string;
    readonly resource: ResultResource;
    readonly planned: Status;
    readonly live: Status;
    readonly message: string;
  }[];
  /** Resources that exist live but not in the plan: made outside the infrastructure code. */
  readonly onlyLive: readonly ResultResource[];
  /** Resources that are planned but not live: deleted, or never applied. */
  readonly onlyPlanned: readonly ResultResource[];
}

// The requirement roll-up's shape (requirements.ts computes it): part of the Report and its JSON.

export const REQUIREMENT_FINDINGS = ["In Place", "Not in Place", "Not Applicable", "Not Tested"] as const;
export type RequirementFinding = (typeof REQUIREMENT_FINDINGS)[number];

export interface RequirementRow {
  /** Index of the result in the report's results. */
  readonly result: number;
  readonly relation: Relation;
  /** What this result alone says about the requirement; for a supports row, Not in Place is a weakness. */
  readonly finding: RequirementFinding;
  /** Why a row is Not Applicable or Not Tested, or the waiver behind a compensating control. */
  readonly reason?: string;
}

export interface CompensatingControlUse {
  readonly result: number;
  readonly waiver: string;
  readonly control: string;
}

export interface RequirementRollup {
  readonly id: string;
  /** The requirement's statement, quoted from PCI DSS v4.0.1. */
  readonly text: string;
  readonly finding: RequirementFinding;
  /** Waivers with a compensating control that stand in for a failing meets result. */
  readonly compensatingControls: readonly CompensatingControlUse[];
  /** Set when the finding is Not Tested for want of a meets result: what the assessor must verify by other means. */
  readonly verifyByHand?: string;
  /** Supports results that failed: weaknesses listed under the requirement. */
  readonly weaknesses: number;
  readonly rows: readonly RequirementRow[];
}

export interface Report {
  readonly tool: { readonly name: string; readonly version: string };
  readonly generatedAt: string;
  readonly source: SourceKind;
  readonly inputs: readonly InputFile[];
  readonly scopes: readonly string[];
  readonly policy: { readonly name: string; readonly version: string; readonly file?: string };
  readonly audiences: readonly PoolAudience[];
  readonly summary: Summary;
  readonly gate?: Gate;
  readonly results: readonly Result[];
  /** The PCI DSS requirement roll-up of the results (RULES.md), in requirement order. */
  readonly requirements: readonly RequirementRollup[];
  /** Expired and unused waivers, reported so they get cleaned up. */
  readonly waivers: readonly WaiverStatus[];
  /** Rules of the policy the source cannot judge (live-only rules on a configuration source), once each. */
  readonly notJudged?: readonly NotJudged[];
  /** Set on a live scan run with --planned: drift against the planned configuration. */
  readonly drift?: DriftReport;
  /** Set on a live scan: the endpoint, the accounts and regions read (and what failed), the shard. */
  readonly scan?: ScanSection;
  readonly diagnostics: readonly LoadDiagnostic[];
}

export function summarize(results: readonly Result[], diagnostics: readonly LoadDiagnostic[] = []): Summary {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const failuresBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const result of results) {
    byStatus[result.status] += 1;
    if (result.status === "FAIL") failuresBySeverity[result.severity] += 1;
  }
  const failedReads = diagnostics.filter((d) => d.failedRead).length;
  return { total: results.length, byStatus, failuresBySeverity, failedReads };
}

export function withGate(report: Report, failOn: Severity): Report {
  const threshold = severityRank(failOn);
  // A source that could not be read in full fails closed: what was not read cannot have passed.
  const incomplete = report.diagnostics.filter((d) => d.incomplete).length;
  // A read that failed leaves UNKNOWN results behind: at or above failOn they are a failure of the audit, not a pass.
  const failedReads = report.diagnostics.some((d) => d.failedRead);
  const blocks = (r: Result): boolean =>
    r.status === "ERROR" ||
    ((r.status === "FAIL" || (failedReads && r.status === "UNKNOWN")) && severityRank(r.severity) >= threshold);
  const blocking = incomplete + report.results.filter(blocks).length;
  return { ...report, gate: { failOn, passed: blocking === 0, blocking } };
}
