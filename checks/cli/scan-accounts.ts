// Which accounts a scan reads and how it enters each: the scanner's own credentials (no account
// flag), or the audit role assumed in each account of --accounts or of the organization
// (--organization), less --exclude-account. The Organizations and STS clients load only then.

import { CredentialsError, UsageError } from "../errors.js";
import { sdkClientFactory, type SdkClientOptions } from "../sources/live/clients.js";
import { OWN_ACCOUNT, type EnteredAccount } from "../sources/live/org-scan.js";

export interface AccountFlags {
  readonly accounts?: readonly string[];
  readonly organization?: boolean;
  readonly excludeAccount?: readonly string[];
  readonly roleName: string;
  readonly externalId?: string;
}

export interface EnteredScope {
  /** Account ids, or OWN_ACCOUNT alone for a scan with the scanner's own credentials. */
  readonly accounts: readonly string[];
  readonly enter: (account: string) => Promise<EnteredAccount>;
}

export async function enterAccounts(
  flags: AccountFlags,
  sdk: SdkClientOptions & { readonly region: string },
): Promise<EnteredScope> {
  const multi = flags.accounts !== undefined || flags.organization === true;
  if (!multi) {
    if (flags.excludeAccount) throw new UsageError("--exclude-account applies to --accounts or --organization");
    const clients = sdkClientFactory(sdk);
    await clients.checkCredentials();
    return { accounts: [OWN_ACCOUNT], enter: () => Promise.resolve({ clients }) };
  }
  if (flags.accounts !== undefined && flags.organization)
    throw new UsageError("--accounts and --organization: give one of them");
  if (!/^[\w+=,.@-]{1,64}$/.test(flags.roleName))
    throw new UsageError(`--role-name ${JSON.stringify(flags.roleName)} is not an IAM role name`);
  if (flags.externalId !== undefined && !/^[\w+=,.@:/-]{2,1224}$/.test(flags.externalId))
    throw new UsageError("--external-id must be 2 to 1224 characters of letters, digits and +=,.@:/-");
  const live = await import("../sources/live/accounts.js");
  const access = { ...sdk };
  const excluded = new Set(live.parseAccountIds("--exclude-account", flags.excludeAccount ?? []));
  const listed = flags.accounts ? live.parseAccountIds("--accounts", flags.accounts) : undefined;
  const scanner = live.scannerCredentials(access);
  try {
    await scanner();
  } catch (error) {
    throw new CredentialsError(
      `no AWS credentials for the scanner: ${((error as Error).message ?? "").split("\n")[0] ?? ""}`,
    );
  }
  const accounts = (listed ?? (await live.organizationAccounts(access, scanner))).filter((id) => !excluded.has(id));
  if (accounts.length === 0)
    throw new UsageError(
      `no account to scan: ${listed ? "--accounts" : "the organization's active accounts"} less --exclude-account is empty`,
    );
  const role = { name: flags.roleName, ...(flags.externalId !== undefined ? { externalId: flags.externalId } : {}) };
  return {
    accounts,
    enter: async (account) => {
      const assumed = await live.assumeAuditRole(access, scanner, account, role);
      if ("failure" in assumed) return { failure: assumed.failure, role: assumed.roleArn };
      return { clients: sdkClientFactory({ ...sdk, credentials: assumed.credentials }), role: assumed.roleArn };
    },
  };
}
