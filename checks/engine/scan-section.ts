// The `scan` section of a live report: which endpoint was read, which accounts and regions, what was
// read in each and what failed, and which shard of a sharded scan this report is. `merge` combines
// shard reports through it: the shards it names, and the accounts each covered.

/** One Region of one account: the objects read there by kind, and the reads that failed. */
export interface ScannedRegion {
  readonly name: string;
  /** Model objects read, by kind (UserPool: 2, UserPoolClient: 5, ...). */
  readonly read: Readonly<Record<string, number>>;
  readonly failedReads: number;
  /** A listing failed: whole resources of this Region were not audited. */
  readonly incomplete: boolean;
}

export interface ScannedAccount {
  readonly id: string;
  /** read: the account was scanned in its regions; not-assumed: its audit role could not be assumed, nothing was read. */
  readonly status: "read" | "not-assumed";
  /** Why the account was not read. */
  readonly reason?: string;
  /** The role assumed in the account; absent when the scan used its own credentials. */
  readonly role?: string;
  readonly regions: readonly ScannedRegion[];
}

export interface ShardInfo {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
  /** (account, region) units of the whole scan, across every shard. */
  readonly units: number;
  /** SHA-256 of the whole scan's unit list: shards that planned different lists cannot be merged into one audit. */
  readonly plan: string;
}

export interface ScanSection {
  readonly endpoint: { readonly url: string; readonly overridden: boolean };
  readonly accounts: readonly ScannedAccount[];
  readonly regions: readonly string[];
  readonly shard?: ShardInfo;
  /** Set on a merged report: the shards it was combined from. */
  readonly shards?: readonly ShardInfo[];
}
