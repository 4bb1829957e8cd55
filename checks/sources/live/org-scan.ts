// A scan of many accounts: each (account, region) unit is read by the one-account scanner on its
// own, and every object and diagnostic it yields is stamped with its account and Region, so every
// result names both. Accounts are scanned concurrently, a few at a time, and share nothing but the
// CPU: each has its own clients (credentials, sockets) and its own rate-limit buckets, since AWS
// quotas are per account. An account whose audit role cannot be assumed is reported and the audit
// marked incomplete; the others are scanned all the same.

import { setMaxListeners } from "node:events";
import { allObjects, COLLECTIONS, type Estate, type LoadDiagnostic, type Provenance } from "../../model/index.js";
import type { ScannedAccount, ScannedRegion } from "../../engine/scan-section.js";
import type { ClientFactory } from "./clients.js";
import { linkAcrossRegions } from "./cross-region.js";
import { scanAccount } from "./loader.js";
import { RateLimiter } from "./rate-limit.js";
import type { ReadProgress, ScanDeadline } from "./read.js";
import type { ScanUnit } from "./shards.js";

/** How many accounts one process reads at once: each brings its own quota, the CPU is what they share. */
export const DEFAULT_ACCOUNT_CONCURRENCY = 4;

/** An account, entered: its clients, or why it could not be entered. */
export type EnteredAccount =
  { readonly clients: ClientFactory; readonly role?: string } | { readonly failure: string; readonly role?: string };

export interface UnitEstate extends ScanUnit {
  readonly estate: Estate;
}

export interface AccountsScan {
  readonly units: readonly UnitEstate[];
  readonly accounts: readonly ScannedAccount[];
  /** The accounts that could not be entered, as incomplete-audit diagnostics. */
  readonly diagnostics: readonly LoadDiagnostic[];
}

export interface AccountsProgress {
  /** An account was entered (or failed to be) and its regions start. */
  account(account: string, regions: number): void;
  /** A unit's reads, with the account they belong to. */
  read(account: string): ReadProgress;
  /** A unit finished. */
  unitDone(account: string, region: string): void;
}

export interface AccountsScanOptions {
  readonly enter: (account: string) => Promise<EnteredAccount>;
  readonly concurrency?: number;
  readonly progress?: AccountsProgress;
  readonly deadline?: ScanDeadline;
}

/**
 * The account of a scan with the scanner's own credentials (no role assumed): not known before the scan, it is the
 * account the ARNs read name (scanAccount's scope "account 123456789012").
 */
export const OWN_ACCOUNT = "";

function accountNamed(estate: Estate): string | undefined {
  return estate.scopes.map((s) => /^account (\d{12})$/.exec(s)?.[1]).find((id) => id !== undefined);
}

/** IAM has no Region: its roles carry "global". */
export const GLOBAL_REGION = "global";

/** Stamps the objects of a one-unit estate in place: they are the scan's own, and links between them stay intact. */
function stamped(estate: Estate, unitAccount: string, region: string): Estate {
  const account = unitAccount === OWN_ACCOUNT ? accountNamed(estate) : unitAccount;
  const named = account !== undefined ? { account } : {};
  for (const object of allObjects(estate)) {
    const where = { ...named, region: object.kind === "IamRole" ? GLOBAL_REGION : region };
    (object as { provenance: Provenance }).provenance = { ...object.provenance, ...where };
  }
  return { ...estate, diagnostics: estate.diagnostics.map((d) => ({ ...d, ...named, region })) };
}

function regionSummary(region: string, estate: Estate): ScannedRegion {
  const read: Record<string, number> = {};
  for (const [collection, kind] of Object.entries(COLLECTIONS)) {
    const count = (estate[collection as keyof typeof COLLECTIONS] as readonly unknown[]).length;
    if (count > 0) read[kind] = count;
  }
  return {
    name: region,
    read,
    failedReads: estate.diagnostics.filter((d) => d.failedRead).length,
    incomplete: estate.diagnostics.some((d) => d.incomplete),
  };
}

/** Runs `work` over `items`, at most `limit` at a time, results in the order of `items`. */
async function bounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  });
  await Promise.all(lanes);
  return results;
}

export async function scanAccounts(units: readonly ScanUnit[], options: AccountsScanOptions): Promise<AccountsScan> {
  if (options.deadline) setMaxListeners(0, options.deadline.signal);
  const byAccount = new Map<string, string[]>();
  for (const unit of units) byAccount.set(unit.account, [...(byAccount.get(unit.account) ?? []), unit.region]);
  const outcomes = await bounded(
    [...byAccount],
    options.concurrency ?? DEFAULT_ACCOUNT_CONCURRENCY,
    async ([account, regions]) => {
      const entered = await options.enter(account);
      options.progress?.account(account, regions.length);
      const role = entered.role !== undefined ? { role: entered.role } : {};
      if ("failure" in entered) {
        // One per unit, so the shards an account's regions fall into report it as the one-process scan does.
        const diagnostics: LoadDiagnostic[] = regions.map((region) => ({
          message: `account ${account}: ${entered.failure}; region ${region} was not audited`,
          incomplete: true,
          failedRead: true,
          account,
          region,
        }));
        const scanned: ScannedAccount = {
          id: account,
          status: "not-assumed",
          reason: entered.failure,
          ...role,
          regions: regions.map((name) => ({ name, read: {}, failedReads: 0, incomplete: true })),
        };
        return { units: [] as UnitEstate[], scanned, diagnostics };
      }
      // One limiter for the account: its quotas are its own, whatever else this process reads.
      const limiter = new RateLimiter();
      const reads = await Promise.all(
        regions.map(async (region) => {
          const estate = await scanAccount(entered.clients, {
            regions: [region],
            limiter,
            ...(options.progress ? { progress: options.progress.read(account) } : {}),
            ...(options.deadline ? { deadline: options.deadline } : {}),
          });
          options.progress?.unitDone(account, region);
          return { account, region, estate: stamped(estate, account, region) };
        }),
      );
      const read = linkAcrossRegions(reads);
      const named = read.map((u) => accountNamed(u.estate)).find((id) => id !== undefined);
      const scanned: ScannedAccount = {
        id: account === OWN_ACCOUNT ? (named ?? "not determined") : account,
        status: "read",
        ...role,
        regions: read.map((u) => regionSummary(u.region, u.estate)),
      };
      return { units: read.map((u) => ({ ...u, account: scanned.id })), scanned, diagnostics: [] };
    },
  );
  return {
    units: outcomes.flatMap((o) => o.units),
    accounts: outcomes.map((o) => o.scanned),
    diagnostics: outcomes.flatMap((o) => o.diagnostics),
  };
}
