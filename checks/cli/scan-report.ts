// The report of a scan of (account, region) units: each unit judged on its own (so a shard's report,
// and the merge of shards, equal the one-process scan), drift of each unit against its account's
// planned configuration, and the `scan` section naming every account and region with what was read
// and what failed.

import { combineReports } from "../engine/combine.js";
import { compareWithPlanned } from "../engine/drift.js";
import type { Report } from "../engine/report.js";
import type { ScanSection, ShardInfo } from "../engine/scan-section.js";
import { emptyEstate, known, type Estate } from "../model/index.js";
import type { AccountsScan } from "../sources/live/org-scan.js";
import { evaluateEstate, type loadAuditConfig } from "./audit.js";

type AuditConfig = ReturnType<typeof loadAuditConfig>;

export interface ScanReportInput {
  readonly scan: AccountsScan;
  readonly config: AuditConfig;
  readonly endpoint: ScanSection["endpoint"];
  readonly regions: readonly string[];
  readonly shard?: ShardInfo;
  /** The planned configuration an account is compared with, if any. */
  readonly plannedFor?: (account: string) => Estate | undefined;
  readonly now?: Date;
}

export function scanReport(input: ScanReportInput): Report {
  const { scan, config } = input;
  const plannedReports = new Map<Estate, Report>();
  const plannedReport = (estate: Estate) => {
    let report = plannedReports.get(estate);
    if (!report) plannedReports.set(estate, (report = evaluateEstate(estate, config)));
    return report;
  };
  const units = scan.units.map(({ account, region, estate }) => {
    const judged = evaluateEstate(estate, config);
    const scanned = scan.accounts.find((a) => a.id === account);
    const unitScan: ScanSection = {
      endpoint: input.endpoint,
      accounts: scanned ? [{ ...scanned, regions: scanned.regions.filter((r) => r.name === region) }] : [],
      regions: [region],
    };
    const planned = input.plannedFor?.(account);
    if (!planned) return { ...judged, scan: unitScan };
    const drift = compareWithPlanned(plannedReport(planned), judged);
    // What is planned for the account and missing here may be live in its other regions: combineReports keeps it
    // only if every unit of the account misses it, which it can tell by the account.
    return {
      ...judged,
      scan: unitScan,
      drift: { ...drift, onlyPlanned: drift.onlyPlanned.map((r) => ({ ...r, account })) },
    };
  });
  // No unit read (every role refused, or a shard with nothing to do): an empty estate keeps the report's shape, and
  // lists every waiver as unused, which a merge with shards that used them leaves out.
  const parts =
    units.length > 0
      ? units
      : [evaluateEstate(emptyEstate({ source: "live", logDeliveryExpressible: known(true) }), config)];
  const section: ScanSection = {
    endpoint: input.endpoint,
    accounts: scan.accounts,
    regions: [...input.regions],
    ...(input.shard ? { shard: input.shard } : {}),
  };
  const scopes = [...scan.accounts.map((a) => `account ${a.id}`), ...[...input.regions].sort()];
  return {
    ...combineReports(parts, {
      diagnostics: scan.diagnostics,
      scan: section,
      generatedAt: (input.now ?? new Date()).toISOString(),
    }),
    scopes,
  };
}
