// Combines reports of disjoint parts of one audit into the report of the whole: the (account, region)
// units of one scan, or the shard reports `merge` is given. Each part was judged on its own, so the
// combination is the same whichever way the parts were grouped into processes: results are the
// union (a result two parts both reached, an IAM role bound from two regions, is one result), the
// roll-up and summary are recomputed from it, and a waiver is unused only if no part used it.

import type { LoadDiagnostic } from "../model/index.js";
import { compareResults } from "./evaluate.js";
import { requirementRollups } from "./requirements.js";
import { summarize, type DriftReport, type Report, type ResultResource, type WaiverStatus } from "./report.js";
import type { ScanSection } from "./scan-section.js";

export interface CombineExtras {
  /** Diagnostics of no part: an account whose role could not be assumed, a missing shard. */
  readonly diagnostics?: readonly LoadDiagnostic[];
  readonly scan?: ScanSection;
  readonly generatedAt?: string;
}

/** Keeps the first of equal items, in order. */
function unique<T>(items: readonly T[], key: (item: T) => string = (item) => JSON.stringify(item)): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Expired waivers are expired in every part; a waiver is unused only where every part left it unused. */
function combineWaivers(reports: readonly Report[]): WaiverStatus[] {
  const key = (w: WaiverStatus) => JSON.stringify([w.waiver.file, w.waiver.id, w.ruleId, w.selector, w.problem]);
  const all = unique(
    reports.flatMap((r) => r.waivers),
    key,
  );
  return all.filter(
    (w) => w.problem === "expired" || reports.every((r) => r.waivers.some((other) => key(other) === key(w))),
  );
}

/** The accounts a report read; a report without a scan section covers every account. */
function covers(report: Report, account: string | undefined): boolean {
  if (!report.scan || account === undefined) return true;
  return report.scan.accounts.some((a) => a.id === account && a.status === "read");
}

/**
 * Drift of the whole: changes and live-only resources are the union; a planned resource is missing live only if every
 * part that read its account found it missing (each part saw only some regions of the account).
 */
function combineDrift(reports: readonly Report[]): DriftReport | undefined {
  const drifts = reports.filter((r) => r.drift !== undefined);
  if (drifts.length === 0) return undefined;
  const resourceKey = (r: ResultResource) => JSON.stringify(r);
  const onlyPlanned = unique(
    drifts.flatMap((r) => r.drift!.onlyPlanned),
    resourceKey,
  ).filter((resource) =>
    drifts
      .filter((r) => covers(r, resource.account))
      .every((r) => r.drift!.onlyPlanned.some((other) => resourceKey(other) === resourceKey(resource))),
  );
  const first = drifts[0]!.drift!;
  return {
    against: {
      source: first.against.source,
      inputs: unique(drifts.flatMap((r) => r.drift!.against.inputs)),
      scopes: unique(drifts.flatMap((r) => r.drift!.against.scopes)),
    },
    changed: unique(drifts.flatMap((r) => r.drift!.changed)),
    onlyLive: unique(drifts.flatMap((r) => r.drift!.onlyLive)),
    onlyPlanned,
  };
}

/** The report of the whole audit, without a gate (the caller applies --fail-on). `reports` must not be empty. */
export function combineReports(reports: readonly Report[], extras: CombineExtras = {}): Report {
  const first = reports[0];
  if (!first) throw new Error("combineReports needs at least one report");
  const results = unique(reports.flatMap((r) => r.results)).sort(compareResults);
  // By account and region, each unit's own in the order it made them (the sort is stable): the same however the
  // units were grouped into shards.
  const diagnostics = unique([...reports.flatMap((r) => r.diagnostics), ...(extras.diagnostics ?? [])]).sort(
    (a, b) => (a.account ?? "").localeCompare(b.account ?? "") || (a.region ?? "").localeCompare(b.region ?? ""),
  );
  const drift = combineDrift(reports);
  const { gate: _gate, drift: _drift, scan: _scan, ...header } = first;
  return {
    ...header,
    generatedAt: extras.generatedAt ?? first.generatedAt,
    inputs: unique(reports.flatMap((r) => r.inputs)),
    scopes: unique(reports.flatMap((r) => r.scopes)),
    audiences: unique(
      reports.flatMap((r) => r.audiences),
      (a) => a.key,
    ).sort((a, b) => a.key.localeCompare(b.key)),
    summary: summarize(results, diagnostics),
    results,
    requirements: requirementRollups(results),
    waivers: combineWaivers(reports),
    ...(drift ? { drift } : {}),
    ...(extras.scan ? { scan: extras.scan } : {}),
    diagnostics,
  };
}
