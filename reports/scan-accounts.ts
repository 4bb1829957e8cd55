// The accounts of a multi-account scan as the console and Markdown reports show them, one table per
// account: each Region scanned, the user pools read there, what failed, and the results by verdict
// (IAM roles, which have no Region, on a row of their own). The HTML report's scope section
// (html/scan-scope.ts) lists the same accounts and Regions for the evidence.

import type { Report } from "../checks/engine/report.js";
import { STATUSES, type Status } from "../checks/engine/rule.js";
import type { ScannedAccount } from "../checks/engine/scan-section.js";

export interface AccountRegionRow {
  readonly region: string;
  /** User pools read; undefined on the row of global (IAM) results. */
  readonly pools?: number;
  /** What failed: "none", the failed reads (and whether the audit is incomplete), or why the account was not audited. */
  readonly failed: string;
  readonly verdicts: Readonly<Record<Status, number>>;
}

export interface AccountTable {
  readonly id: string;
  readonly status: ScannedAccount["status"];
  readonly role?: string;
  readonly rows: readonly AccountRegionRow[];
}

/** The Region IAM results carry (org-scan's GLOBAL_REGION: a report does not import the scanner). */
const GLOBAL = "global";

/** One table per account, when the report is of a scan of more than one account; otherwise none. */
export function accountTables(report: Report): AccountTable[] {
  const accounts = report.scan?.accounts ?? [];
  if (accounts.length < 2) return [];
  const verdicts = (account: string, region: string) => {
    const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
    for (const r of report.results)
      if (r.resource.account === account && r.resource.region === region) counts[r.status] += 1;
    return counts;
  };
  return accounts.map((account) => {
    const rows: AccountRegionRow[] = account.regions.map((region) => {
      const reads = `${region.failedReads} failed read${region.failedReads === 1 ? "" : "s"}`;
      const failed =
        account.status === "not-assumed"
          ? `not audited: ${account.reason ?? "the account could not be entered"}`
          : region.incomplete
            ? `incomplete: ${reads}`
            : region.failedReads > 0
              ? reads
              : "none";
      return {
        region: region.name,
        pools: region.read.UserPool ?? 0,
        failed,
        verdicts: verdicts(account.id, region.name),
      };
    });
    const global = verdicts(account.id, GLOBAL);
    // Failed IAM reads are counted in the Region whose scan made them.
    if (STATUSES.some((s) => global[s] > 0)) rows.push({ region: GLOBAL, failed: "–", verdicts: global });
    return { id: account.id, status: account.status, ...(account.role ? { role: account.role } : {}), rows };
  });
}
