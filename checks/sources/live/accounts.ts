// The accounts of a multi-account scan: listed with --accounts or read from AWS Organizations
// (ListAccounts, every page, active accounts only), and entered by assuming the audit role in each
// with sts:AssumeRole. The scanner's own credentials (in the security account) only list accounts
// and assume roles; every read of an account goes through that account's role.

import { ListAccountsCommand, OrganizationsClient, type Account } from "@aws-sdk/client-organizations";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import { CredentialsError, UsageError } from "../../errors.js";
import {
  DEFAULT_CONNECTION_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  INSTANCE_METADATA_TIMEOUT_MS,
  type ClientHook,
} from "./clients.js";
import { describeAwsError } from "./read.js";

type AwsCredentialIdentity = Awaited<ReturnType<ReturnType<typeof fromNodeProviderChain>>>;
/** What an SDK client's `credentials` takes: resolved on each request, cached by whoever makes it. */
export type AwsCredentialIdentityProvider = () => Promise<AwsCredentialIdentity>;

/** CloudTrail shows this on every call the scan makes in an account. */
export const AUDIT_SESSION_NAME = "authwarden-audit";
/** Assumed credentials are renewed this long before they expire, so no read is sent with expiring ones. */
const RENEW_BEFORE_MS = 5 * 60_000;

export interface AccountAccess {
  readonly profile?: string;
  readonly endpointUrl?: string;
  readonly requestTimeoutMs?: number;
  readonly maxAttempts?: number;
  readonly hook?: ClientHook;
  /** The Region STS and Organizations are called in. */
  readonly region: string;
}

/** The SDK settings of the scanner's own calls (STS, Organizations, SSM): the scan's timeouts and retries. */
export function clientConfig(
  access: AccountAccess,
  credentials: AwsCredentialIdentityProvider,
  region = access.region,
) {
  const requestTimeout = access.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  return {
    region,
    requestHandler: {
      connectionTimeout: Math.min(DEFAULT_CONNECTION_TIMEOUT_MS, requestTimeout),
      requestTimeout,
      throwOnRequestTimeout: true,
    },
    retryMode: "adaptive" as const,
    maxAttempts: access.maxAttempts ?? 5,
    ...(access.endpointUrl ? { endpoint: access.endpointUrl } : {}),
    credentials,
  };
}

/** The scanner's own credentials: the SDK's default chain, or --profile. */
export function scannerCredentials(access: AccountAccess): AwsCredentialIdentityProvider {
  return fromNodeProviderChain({
    ...(access.profile ? { profile: access.profile } : {}),
    timeout: INSTANCE_METADATA_TIMEOUT_MS,
    maxRetries: 0,
  });
}

/** The 12-digit account id: anything else on --accounts or --exclude-account is bad usage. */
export function parseAccountIds(flag: string, values: readonly string[]): string[] {
  const ids = values.flatMap((v) => v.split(",")).map((v) => v.trim());
  for (const id of ids)
    if (!/^\d{12}$/.test(id)) throw new UsageError(`${flag} ${JSON.stringify(id)} is not a 12-digit AWS account id`);
  return [...new Set(ids)];
}

/** Account status, as ListAccounts reports it: the newer State member, else the deprecated Status. */
function isActive(account: Account): boolean {
  return (account.State ?? account.Status) === "ACTIVE";
}

/**
 * Every active account of the organization, following NextToken to the end. Without the list there is no scope to
 * audit, so a failure is a CredentialsError (exit 2), never an audit of fewer accounts.
 */
export async function organizationAccounts(
  access: AccountAccess,
  credentials: AwsCredentialIdentityProvider,
): Promise<string[]> {
  const client = new OrganizationsClient(clientConfig(access, credentials));
  access.hook?.(client as never);
  const ids: string[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  try {
    do {
      const page = await client.send(new ListAccountsCommand(token ? { NextToken: token } : {}));
      if (!Array.isArray(page.Accounts))
        throw new CredentialsError("--organization: ListAccounts answered without an Accounts list");
      for (const account of page.Accounts) if (account.Id && isActive(account)) ids.push(account.Id);
      token = page.NextToken;
      if (token && seen.has(token))
        throw new CredentialsError(`--organization: ListAccounts repeated pagination token ${JSON.stringify(token)}`);
      if (token) seen.add(token);
    } while (token);
  } catch (error) {
    if (error instanceof CredentialsError) throw error;
    throw new CredentialsError(`--organization: the accounts could not be listed: ${describeAwsError(error)}`);
  } finally {
    client.destroy();
  }
  return [...new Set(ids)].sort();
}

/** The account the scanner's own credentials belong to (sts:GetCallerIdentity needs no permission). */
export async function callerAccount(
  access: AccountAccess,
  credentials: AwsCredentialIdentityProvider,
): Promise<string | undefined> {
  const client = new STSClient(clientConfig(access, credentials));
  access.hook?.(client as never);
  try {
    return (await client.send(new GetCallerIdentityCommand({}))).Account;
  } catch {
    return undefined;
  } finally {
    client.destroy();
  }
}

function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

export interface AuditRole {
  readonly name: string;
  readonly externalId?: string;
}

export function auditRoleArn(account: string, role: AuditRole, region: string): string {
  return `arn:${partitionOf(region)}:iam::${account}:role/${role.name}`;
}

export type AssumedAccount =
  | { readonly account: string; readonly roleArn: string; readonly credentials: AwsCredentialIdentityProvider }
  | { readonly account: string; readonly roleArn: string; readonly failure: string };

/**
 * Assumes the audit role in `account` once (a refusal is reported as the account's failure, and the other accounts
 * are still scanned), and returns a provider that renews the credentials before they expire.
 */
export async function assumeAuditRole(
  access: AccountAccess,
  scanner: AwsCredentialIdentityProvider,
  account: string,
  role: AuditRole,
): Promise<AssumedAccount> {
  const roleArn = auditRoleArn(account, role, access.region);
  const sts = new STSClient(clientConfig(access, scanner));
  access.hook?.(sts as never);
  const assume = async (): Promise<AwsCredentialIdentity> => {
    const answer = await sts.send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: AUDIT_SESSION_NAME,
        ...(role.externalId !== undefined ? { ExternalId: role.externalId } : {}),
      }),
    );
    const c = answer.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken)
      throw new Error("AssumeRole answered without credentials");
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      ...(c.Expiration ? { expiration: c.Expiration } : {}),
    };
  };
  let current: Promise<AwsCredentialIdentity>;
  try {
    current = Promise.resolve(await assume());
  } catch (error) {
    sts.destroy();
    return { account, roleArn, failure: `the audit role ${roleArn} could not be assumed: ${describeAwsError(error)}` };
  }
  const credentials: AwsCredentialIdentityProvider = async () => {
    const held = await current;
    if (held.expiration && held.expiration.getTime() - Date.now() < RENEW_BEFORE_MS) current = assume();
    return current;
  };
  return { account, roleArn, credentials };
}
