// `authwarden scan`: the nightly audit of a live account, read-only, with the standard AWS
// settings (default credential chain or --profile, --region, --endpoint-url).

import type { Command } from "commander";
import { UsageError } from "../errors.js";
import { COMMAND_DESCRIPTIONS, REGION_VARIABLES } from "./commands.js";
import type { Estate } from "../model/index.js";
import { detectSource, loadSource } from "../sources/index.js";
import { DEFAULT_REQUEST_TIMEOUT_MS } from "../sources/live/clients.js";
import { scanAccounts, type AccountsScan } from "../sources/live/org-scan.js";
import { parseShard, scanUnits, shardOf } from "../sources/live/shards.js";
import {
  addAuditOptions,
  emitReport,
  gated,
  loadAuditConfig,
  type AuditOptions,
  type CliIo,
  type SetExitCode,
} from "./audit.js";
import { enterAccounts, type AccountFlags } from "./scan-accounts.js";
import { terminalProgress } from "./scan-progress.js";
import { scanReport } from "./scan-report.js";

/**
 * Where `--all-regions` reads the Region list (and STS, Organizations are called) when no AWS_REGION is set: the
 * public parameters are published in every Region, us-east-1 is the commercial partition's first.
 */
const ALL_REGIONS_HOME = "us-east-1";

/** The role each scanned account holds for the audit; named here so --help needs no SDK. */
const DEFAULT_AUDIT_ROLE = "AuthwardenAudit";

interface ScanCliOptions extends AuditOptions {
  planned?: string;
  plannedFor?: string[];
  accounts?: string[];
  organization?: boolean;
  excludeAccount?: string[];
  roleName: string;
  externalId?: string;
  shard?: string;
  plannedStack?: string[];
  region?: string[];
  allRegions?: boolean;
  profile?: string;
  endpointUrl?: string;
  requestTimeout?: string;
  timeout: string;
}

/** How long a whole scan may take before the reads not done count as failed and the report is written. */
export const DEFAULT_SCAN_TIMEOUT = "15m";
const DURATION_UNITS_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;

/** "90s", "15m", "1h", "500ms" in milliseconds; undefined when the text is not such a duration. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+)(ms|s|m|h)$/.exec(text.trim());
  if (!match) return undefined;
  const ms = Number(match[1]) * DURATION_UNITS_MS[match[2] as keyof typeof DURATION_UNITS_MS];
  // setTimeout holds at most 2^31-1 ms (about 24.8 days); past that it fires at once.
  return ms > 0 && ms <= 2_147_483_647 ? ms : undefined;
}

export function registerScan(program: Command, io: CliIo, setExitCode: SetExitCode): void {
  addAuditOptions(
    program
      .command("scan")
      .description(COMMAND_DESCRIPTIONS.scan)
      .option("--region <region...>", `regions to scan (default: ${REGION_VARIABLES.join(" or ")})`)
      .option(
        "--all-regions",
        "scan every Region where Amazon Cognito user pools are offered, as AWS lists them (SSM public parameters)",
      )
      .option("--profile <name>", "a profile of the shared AWS config and credentials files")
      .option("--endpoint-url <url>", "send every request to this endpoint (e.g. a local emulator)")
      .option(
        "--request-timeout <ms>",
        `milliseconds each request may wait for an answer before it counts as a failed read (default ${DEFAULT_REQUEST_TIMEOUT_MS})`,
      )
      .option(
        "--timeout <duration>",
        "bound on the whole scan (e.g. 90s, 15m, 1h): past it, in-flight reads are cancelled and the reads not done count as failed",
        DEFAULT_SCAN_TIMEOUT,
      )
      .option(
        "--planned <synth dir|tf dir|plan.json>",
        "report drift against what was planned: a cdktf synth output, a .tf directory or terraform show -json output",
      )
      .option("--planned-stack <name...>", "with a synth output for --planned: only these stacks")
      .option(
        "--planned-for <account=path...>",
        "drift of one account against its own planned configuration (repeatable; --planned covers the others)",
      )
      .option("--accounts <id...>", "scan these accounts (comma-separated or repeated), assuming --role-name in each")
      .option("--organization", "scan every active account of the AWS Organization, assuming --role-name in each")
      .option("--exclude-account <id...>", "with --accounts or --organization: leave these accounts out")
      .option("--role-name <name>", "the audit role assumed in each account", DEFAULT_AUDIT_ROLE)
      .option("--external-id <id>", "the sts:ExternalId the audit roles' trust policies require")
      .option(
        "--shard <K/N>",
        "scan only shard K of N of the account list (each with all its regions); merge the shard reports",
      ),
  ).action(async (options: ScanCliOptions) => {
    setExitCode(await scan(options, io));
  });
}

async function scan(options: ScanCliOptions, io: CliIo): Promise<number> {
  const fromEnv = REGION_VARIABLES.map((name) => io.env[name]).find(Boolean);
  if (options.allRegions && options.region) throw new UsageError("--all-regions and --region: give one of them");
  const named = options.region ?? (fromEnv && !options.allRegions ? [fromEnv] : []);
  if (named.length === 0 && !options.allRegions)
    throw new UsageError(
      `scan needs a region: pass --region or --all-regions, or set ${REGION_VARIABLES.join(" or ")}`,
    );
  // With --all-regions, the Region the scanner's own calls (STS, Organizations, the Region list) go to.
  const home = named[0] ?? fromEnv ?? ALL_REGIONS_HOME;
  for (const region of [...named, home])
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))
      throw new UsageError(`--region ${JSON.stringify(region)} is not an AWS region name`);
  if (options.endpointUrl && !/^https?:\/\/[^\s]+$/.test(options.endpointUrl))
    throw new UsageError(`--endpoint-url ${JSON.stringify(options.endpointUrl)} is not an http(s) URL`);
  const requestTimeoutMs = options.requestTimeout === undefined ? undefined : Number(options.requestTimeout);
  if (requestTimeoutMs !== undefined && !(/^\d+$/.test(options.requestTimeout!) && requestTimeoutMs > 0))
    throw new UsageError(
      `--request-timeout ${JSON.stringify(options.requestTimeout)} is not a whole number of milliseconds greater than 0`,
    );
  const timeoutMs = parseDuration(options.timeout);
  if (timeoutMs === undefined)
    throw new UsageError(
      `--timeout ${JSON.stringify(options.timeout)} is not a duration such as 90s, 15m or 1h (units ms, s, m, h; at most 24 days)`,
    );
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  const accountFlags = accountOptions(options);
  const config = loadAuditConfig(options);
  // Read the planned side first: a bad path exits 2 before the account is scanned.
  const planned = await plannedEstates(options);
  const sdk = {
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
    ...(requestTimeoutMs !== undefined ? { requestTimeoutMs } : {}),
  };
  // Before the deadline starts: no credentials, or no account list, exits 2 with nothing written.
  const { accounts, enter } = await enterAccounts(accountFlags, { ...sdk, region: home });
  // Read once, with the scanner's credentials: the list is AWS's, the same whatever account is scanned.
  const regions = options.allRegions
    ? await (await import("../sources/live/cognito-regions.js")).cognitoRegions({ ...sdk, region: home })
    : named;
  const all = scanUnits(accounts, regions);
  const { units, info } = shard ? shardOf(all, shard) : { units: all, info: undefined };
  const progress =
    options.quiet || !io.stderrIsTTY
      ? undefined
      : terminalProgress(io, { accounts: new Set(units.map((u) => u.account)).size, units: units.length });
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  let scanned: AccountsScan;
  try {
    scanned = await scanAccounts(units, {
      enter,
      ...(progress ? { progress } : {}),
      deadline: { signal: deadline.signal, reason: `the scan timed out (--timeout ${options.timeout})` },
    });
  } finally {
    clearTimeout(timer);
    progress?.done();
  }
  const endpoint = options.endpointUrl
    ? { url: options.endpointUrl, overridden: true }
    : { url: `the AWS SDK's default endpoints in ${regions.join(", ")}`, overridden: false };
  const report = scanReport({
    scan: scanned,
    config,
    endpoint,
    regions,
    ...(info ? { shard: info } : {}),
    ...(planned ? { plannedFor: planned } : {}),
  });
  return emitReport(gated(report, options.failOn), options, io, config, { endpoint });
}

function accountOptions(options: ScanCliOptions): AccountFlags {
  return {
    ...(options.accounts ? { accounts: options.accounts } : {}),
    ...(options.organization ? { organization: true } : {}),
    ...(options.excludeAccount ? { excludeAccount: options.excludeAccount } : {}),
    roleName: options.roleName,
    ...(options.externalId !== undefined ? { externalId: options.externalId } : {}),
  };
}

/** The planned configuration of each account: its own (--planned-for), else the common one (--planned). */
async function plannedEstates(options: ScanCliOptions): Promise<((account: string) => Estate | undefined) | undefined> {
  const common = options.planned === undefined ? undefined : await loadPlanned(options.planned, options.plannedStack);
  const own = new Map<string, Estate>();
  for (const entry of options.plannedFor ?? []) {
    const match = /^(\d{12})=(.+)$/.exec(entry);
    if (!match)
      throw new UsageError(`--planned-for ${JSON.stringify(entry)} is not ACCOUNT=PATH with a 12-digit account id`);
    if (own.has(match[1]!)) throw new UsageError(`--planned-for names account ${match[1]} twice`);
    own.set(match[1]!, await loadPlanned(match[2]!, options.plannedStack));
  }
  if (!common && own.size === 0) return undefined;
  return (account) => own.get(account) ?? common;
}

async function loadPlanned(path: string, stacks: string[] | undefined): Promise<Estate> {
  const kind = detectSource(path, "--planned expects a cdktf synth output, a .tf directory or a plan JSON");
  if (stacks && kind !== "synth")
    throw new UsageError(
      `--planned-stack applies to a cdktf synth output, not to ${kind === "plan" ? "a plan" : "a .tf directory"}`,
    );
  return loadSource({ kind, path, ...(stacks ? { stacks } : {}) });
}
