// Drift of a live account against what was planned: the same rules judged on the planned
// configuration (a cdktf synth or a Terraform plan) and on the live account, joined resource by
// resource. A verdict that changed, a resource that exists only live (made by hand) or only in the
// plan (deleted, or never applied) is drift.

import type { DriftReport, Report, Result } from "./report.js";

/** Clients, identity providers and routes are named only within their pool or API. */
function resourceKey(result: Result): string {
  return `${result.resource.kind} ${result.resource.parent ? `${result.resource.parent}/` : ""}${result.resource.name ?? result.resource.key}`;
}

// Only verdicts both sides can reach are compared: a planned UNKNOWN (a value known only after
// apply, a provider that cannot express a setting) or a live NOT_APPLICABLE tied to the source
// is not a change of the estate.
const COMPARABLE = new Set(["PASS", "FAIL", "WAIVED"]);

export function compareWithPlanned(planned: Report, live: Report): DriftReport {
  const plannedByKey = new Map(planned.results.map((r) => [`${r.ruleId} ${resourceKey(r)}`, r]));
  const liveByKey = new Map(live.results.map((r) => [`${r.ruleId} ${resourceKey(r)}`, r]));
  const changed: DriftReport["changed"][number][] = [];
  for (const [key, liveResult] of liveByKey) {
    const plannedResult = plannedByKey.get(key);
    if (!plannedResult || plannedResult.status === liveResult.status) continue;
    if (!COMPARABLE.has(plannedResult.status) || !COMPARABLE.has(liveResult.status)) continue;
    changed.push({
      ruleId: liveResult.ruleId,
      resource: liveResult.resource,
      planned: plannedResult.status,
      live: liveResult.status,
      message: liveResult.message,
    });
  }
  const plannedResources = new Map(
    planned.results.filter((r) => r.resource.kind !== "Rule").map((r) => [resourceKey(r), r.resource]),
  );
  // A resource only live-only rules judge (a custom domain's TLS policy) has no planned result to meet: it is
  // judged live, never made by hand, so only results of rules the planned side ran say a resource exists.
  const notJudgedPlanned = new Set((planned.notJudged ?? []).map((n) => n.ruleId));
  const liveResources = new Map(
    live.results
      .filter((r) => r.resource.kind !== "Rule" && !notJudgedPlanned.has(r.ruleId))
      .map((r) => [resourceKey(r), r.resource]),
  );
  const byKey = (
    a: { kind: string; name: string | null; key: string },
    b: { kind: string; name: string | null; key: string },
  ) => a.kind.localeCompare(b.kind) || (a.name ?? a.key).localeCompare(b.name ?? b.key);
  return {
    against: { source: planned.source, inputs: planned.inputs, scopes: planned.scopes },
    changed: changed.sort((a, b) => a.ruleId.localeCompare(b.ruleId) || byKey(a.resource, b.resource)),
    onlyLive: [...liveResources]
      .filter(([key]) => !plannedResources.has(key))
      .map(([, r]) => r)
      .sort(byKey),
    onlyPlanned: [...plannedResources]
      .filter(([key]) => !liveResources.has(key))
      .map(([, r]) => r)
      .sort(byKey),
  };
}
