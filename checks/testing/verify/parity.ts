// The parity table of `authwarden verify`: per rule and resource, the verdict of each source (synth,
// plan, live), and whether they agree. Resources are matched by kind and name as configured (with
// their pool or API), which every source knows; a rule judges a resource once per source. A synth
// resource whose name is a Terraform variable has no name until planned: it takes the name the plan
// gives the same address, so the placeholder or --var value does not split its rows.

import type { Report, Result } from "../../engine/report.js";
import type { Status } from "../../engine/rule.js";

export const PARITY_SOURCES = ["synth", "plan", "live"] as const;
export type ParitySource = (typeof PARITY_SOURCES)[number];

export interface ParityRow {
  readonly ruleId: string;
  readonly resource: string;
  readonly verdicts: Partial<Record<ParitySource, Status>>;
  /** Two sources that could judge gave different verdicts, or a source that was read did not see the resource. */
  readonly broken: boolean;
}

function resourceKey(result: Result, namesByAddress: ReadonlyMap<string, string>): string {
  const r = result.resource;
  const name = r.name ?? (r.address ? namesByAddress.get(r.address) : undefined) ?? r.address ?? r.key;
  return `${r.kind} ${r.parent ? `${r.parent}/` : ""}${name}`;
}

/** Rows sorted by rule and resource; the reports given are the sources compared. */
export function parityRows(reports: Partial<Record<ParitySource, Report>>): ParityRow[] {
  const rows = new Map<string, { ruleId: string; resource: string; verdicts: Partial<Record<ParitySource, Status>> }>();
  const present = PARITY_SOURCES.filter((s) => reports[s]);
  const namesByAddress = new Map<string, string>();
  for (const source of present)
    for (const { resource: r } of reports[source]!.results)
      if (r.address && r.name) namesByAddress.set(r.address, r.name);
  for (const source of present) {
    for (const result of reports[source]!.results) {
      if (result.resource.kind === "Rule") continue;
      const resource = resourceKey(result, namesByAddress);
      const key = `${result.ruleId}\u0000${resource}`;
      const row = rows.get(key) ?? { ruleId: result.ruleId, resource, verdicts: {} };
      row.verdicts[source] = result.status;
      rows.set(key, row);
    }
  }
  return [...rows.values()]
    .map((row) => {
      // A source whose report lists the rule as not judged (live-only rules on synth and plan) is not missing.
      const judging = present.filter((s) => !reports[s]!.notJudged?.some((n) => n.ruleId === row.ruleId));
      const judged = judging.map((s) => row.verdicts[s]);
      // UNKNOWN is a source that cannot tell (a provider 5.x synth cannot express log delivery), not a disagreement.
      const verdicts = judged.filter((v): v is Status => v !== undefined && v !== "UNKNOWN");
      const missing = judged.some((v) => v === undefined);
      return { ...row, broken: missing || new Set(verdicts).size > 1 };
    })
    .sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.resource.localeCompare(b.resource));
}

/** The table as text: one line per row, disagreements marked; only the broken rows unless all is asked. */
export function parityTable(rows: readonly ParityRow[], sources: readonly ParitySource[]): string {
  const header = ["rule", "resource", ...sources, ""];
  const lines = rows.map((r) => [
    r.ruleId,
    r.resource,
    ...sources.map((s) => r.verdicts[s] ?? "-"),
    r.broken ? "<- differs" : "",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [format(header), ...lines.map(format)].join("\n");
}
