// The units of a scan and their shards. The list of (account, region) units is sorted, so every shard
// process that lists the same accounts and regions computes the same list. A shard takes whole
// accounts (DESIGN.md: a slice of the account list): shard K of N scans every Nth account starting at
// the Kth, with all its regions, because an identity pool may trust a user pool in another region of
// its account and that link is resolved only when both regions are read in one process. The list's
// digest is recorded in each shard's report, so `merge` can tell shards of different plans.

import { createHash } from "node:crypto";
import { UsageError } from "../../errors.js";
import type { ShardInfo } from "../../engine/scan-section.js";

export interface ScanUnit {
  readonly account: string;
  readonly region: string;
}

export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** "K/N" with 1 <= K <= N; anything else is bad usage. */
export function parseShard(text: string): Shard {
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    throw new UsageError(`--shard ${JSON.stringify(text)} is not K/N with 1 <= K <= N (e.g. 1/4)`);
  return { index, count };
}

/** Every (account, region) pair, in a stable order: by account, then region. */
export function scanUnits(accounts: readonly string[], regions: readonly string[]): ScanUnit[] {
  const sortedRegions = [...new Set(regions)].sort();
  return [...new Set(accounts)].sort().flatMap((account) => sortedRegions.map((region) => ({ account, region })));
}

export function planDigest(units: readonly ScanUnit[]): string {
  return createHash("sha256")
    .update(units.map((u) => `${u.account} ${u.region}`).join("\n"))
    .digest("hex");
}

/** The units shard K of N scans (every region of its accounts), and how its report records the shard. */
export function shardOf(units: readonly ScanUnit[], shard: Shard): { units: ScanUnit[]; info: ShardInfo } {
  const accounts = [...new Set(units.map((unit) => unit.account))].sort();
  const mine = new Set(accounts.filter((_, i) => i % shard.count === shard.index - 1));
  return {
    units: units.filter((unit) => mine.has(unit.account)),
    info: { index: shard.index, count: shard.count, units: units.length, plan: planDigest(units) },
  };
}
