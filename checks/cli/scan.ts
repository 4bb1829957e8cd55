// `authwarden scan`: the nightly audit of a live account, read-only, with the standard AWS
// settings (default credential chain or --profile, --region, --endpoint-url).

import type { Command } from "commander";
import { terminalSafe } from "../../reports/terminal-text.js";
import { UsageError } from "../errors.js";
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
  quiet?: boolean;
  requestTimeout?: string;
}

export function registerScan(program: Command, io: CliIo, setExitCode: SetExitCode): void {
  addAuditOptions(
    program
      .command("scan")
      .description("audit a live AWS account, read-only (Describe, Get and List calls only)")
      .option("--region <region...>", "regions to scan (default: AWS_REGION / AWS_DEFAULT_REGION)")
      .option("--profile <name>", "a profile of the shared AWS config and credentials files")
      .option("--endpoint-url <url>", "send every request to this endpoint (e.g. a local emulator)")
      .option("--quiet", "no progress display")
      .option(
        "--request-timeout <ms>",
        `milliseconds each request may wait for an answer before it counts as a failed read (default ${DEFAULT_REQUEST_TIMEOUT_MS})`,
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
  const regions =
    options.region ?? [io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION].filter((r): r is string => Boolean(r));
  if (regions.length === 0) throw new UsageError("scan needs a region: pass --region or set AWS_REGION");
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
  const config = loadAuditConfig(options);
  // Read the planned side first: a bad path exits 2 before the account is scanned.
  const planned = options.planned === undefined ? undefined : await loadPlanned(options.planned, options.plannedStack);
  const progress = options.quiet || !io.stderrIsTTY ? undefined : terminalProgress(io);
  const estate = await scanAccount(
    sdkClientFactory({
      ...(options.profile ? { profile: options.profile } : {}),
      ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
      ...(requestTimeoutMs !== undefined ? { requestTimeoutMs } : {}),
    }),
    { regions, ...(progress ? { progress: progress.update } : {}) },
  );
  progress?.done();
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
