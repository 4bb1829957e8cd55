// `authwarden scan`: the nightly audit of a live account, read-only, with the standard AWS
// settings (default credential chain or --profile, --region, --endpoint-url).

import type { Command } from "commander";
import { terminalSafe } from "../../reports/terminal-text.js";
import { UsageError } from "../errors.js";
import { COMMAND_DESCRIPTIONS, REGION_VARIABLES } from "./commands.js";
import type { Estate } from "../model/index.js";
import { detectSource, loadSource } from "../sources/index.js";
import { DEFAULT_REQUEST_TIMEOUT_MS, sdkClientFactory } from "../sources/live/clients.js";
import { scanAccount } from "../sources/live/loader.js";
import type { ReadProgress } from "../sources/live/read.js";
import {
  addAuditOptions,
  auditAndEmit,
  loadAuditConfig,
  type AuditOptions,
  type CliIo,
  type SetExitCode,
} from "./audit.js";

interface ScanCliOptions extends AuditOptions {
  planned?: string;
  plannedStack?: string[];
  region?: string[];
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
      .option("--planned-stack <name...>", "with a synth output for --planned: only these stacks"),
  ).action(async (options: ScanCliOptions) => {
    setExitCode(await scan(options, io));
  });
}

async function scan(options: ScanCliOptions, io: CliIo): Promise<number> {
  const fromEnv = REGION_VARIABLES.map((name) => io.env[name]).find(Boolean);
  const regions = options.region ?? (fromEnv ? [fromEnv] : []);
  if (regions.length === 0)
    throw new UsageError(`scan needs a region: pass --region or set ${REGION_VARIABLES.join(" or ")}`);
  for (const region of regions)
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
  const config = loadAuditConfig(options);
  // Read the planned side first: a bad path exits 2 before the account is scanned.
  const planned = options.planned === undefined ? undefined : await loadPlanned(options.planned, options.plannedStack);
  const clients = sdkClientFactory({
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
    ...(requestTimeoutMs !== undefined ? { requestTimeoutMs } : {}),
  });
  // Before the deadline starts: no credentials exits 2 with nothing written.
  await clients.checkCredentials();
  const progress = options.quiet || !io.stderrIsTTY ? undefined : terminalProgress(io);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  let estate: Estate;
  try {
    estate = await scanAccount(clients, {
      regions,
      ...(progress ? { progress: progress.update } : {}),
      deadline: { signal: deadline.signal, reason: `the scan timed out (--timeout ${options.timeout})` },
    });
  } finally {
    clearTimeout(timer);
    progress?.done();
  }
  const endpoint = options.endpointUrl
    ? { url: options.endpointUrl, overridden: true }
    : { url: `the AWS SDK's default endpoints in ${regions.join(", ")}`, overridden: false };
  return auditAndEmit(estate, options, io, config, planned, { endpoint });
}

async function loadPlanned(path: string, stacks: string[] | undefined): Promise<Estate> {
  const kind = detectSource(path, "--planned expects a cdktf synth output, a .tf directory or a plan JSON");
  if (stacks && kind !== "synth")
    throw new UsageError(
      `--planned-stack applies to a cdktf synth output, not to ${kind === "plan" ? "a plan" : "a .tf directory"}`,
    );
  return loadSource({ kind, path, ...(stacks ? { stacks } : {}) });
}

/** One status line on stderr, rewritten in place: region, then pools, identity pools, roles, APIs. */
function terminalProgress(io: CliIo): { update: ReadProgress; done: () => void } {
  let region = "";
  let count = 0;
  const write = (text: string) => io.stderr(`\r\u001b[2K${terminalSafe(text).slice(0, 100)}`);
  return {
    update: (event) => {
      if (event.kind === "region") region = event.name;
      count += 1;
      write(`scanning ${region} · ${event.kind} ${event.name} · ${count} read`);
    },
    done: () => io.stderr("\r\u001b[2K"),
  };
}
