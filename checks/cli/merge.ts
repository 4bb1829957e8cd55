// `authwarden merge REPORT.json...`: the shard reports of one sharded scan (`scan --shard K/N`)
// combined into the report of the whole, in every format. Each file is read with the hardened JSON
// reader and validated against the report schema; reports of another tool version or policy cannot
// be one audit (exit 2). A shard that is missing, given twice, or planned over another account list
// makes the merged audit incomplete, named in the report, and the gate fails closed.

import type { Command } from "commander";
import { combineReports } from "../engine/combine.js";
import type { Report } from "../engine/report.js";
import type { ScanSection, ScannedAccount, ShardInfo } from "../engine/scan-section.js";
import { UsageError } from "../errors.js";
import { assertValid } from "../io/json-schema.js";
import { reportSchema } from "../io/report-schema.js";
import { readJsonFile } from "../io/safe-json.js";
import type { LoadDiagnostic } from "../model/index.js";
import { COMMAND_DESCRIPTIONS } from "./commands.js";
import {
  addOutputOptions,
  emitReport,
  gated,
  planOutput,
  type AuditOptions,
  type CliIo,
  type SetExitCode,
} from "./audit.js";

function readReport(file: string): Report {
  const value = readJsonFile(file);
  assertValid(reportSchema(), value, file);
  const report = value as unknown as Report;
  if (!report.scan) throw new UsageError(`${file}: not a scan report (it has no scan section); merge combines scans`);
  return report;
}

export function registerMerge(program: Command, io: CliIo, setExitCode: SetExitCode): void {
  addOutputOptions(
    program
      .command("merge")
      .description(COMMAND_DESCRIPTIONS.merge)
      .argument("<report.json...>", "the JSON reports of the shards (scan --shard K/N --format json)"),
  ).action(async (files: string[], options: AuditOptions) => {
    setExitCode(await merge(files, options, io));
  });
}

/** Refuses reports that cannot be parts of one audit: another tool version, another policy. */
function checkSameAudit(files: readonly string[], reports: readonly Report[]): void {
  const first = reports[0]!;
  const tool = (r: Report) => `${r.tool.name} ${r.tool.version}`;
  const policy = (r: Report) => `policy ${r.policy.name} ${r.policy.version}`;
  for (const [i, report] of reports.entries()) {
    if (tool(report) !== tool(first))
      throw new UsageError(
        `${files[i]}: written by ${tool(report)}, ${files[0]} by ${tool(first)}: shards of one audit share the tool version`,
      );
    if (policy(report) !== policy(first))
      throw new UsageError(
        `${files[i]}: judged under ${policy(report)}, ${files[0]} under ${policy(first)}: shards of one audit share the policy`,
      );
  }
}

/** What the shard headers say is missing, doubled or inconsistent, as incomplete-audit diagnostics. */
function shardProblems(files: readonly string[], reports: readonly Report[]): LoadDiagnostic[] {
  const problems: LoadDiagnostic[] = [];
  const shards = reports.map((r, i) => ({ file: files[i]!, shard: r.scan?.shard }));
  const sharded = shards.filter((s): s is { file: string; shard: ShardInfo } => s.shard !== undefined);
  if (sharded.length === 0) return problems;
  for (const s of shards.filter((s) => s.shard === undefined))
    problems.push({ message: `${s.file} is not a shard report, merged with shards`, incomplete: true });
  const counts = [...new Set(sharded.map((s) => s.shard.count))];
  const plans = [...new Set(sharded.map((s) => s.shard.plan))];
  if (counts.length > 1 || plans.length > 1)
    problems.push({
      message: `the shards come from different scans (${counts.length > 1 ? `shard counts ${counts.join(", ")}` : "different (account, region) lists"}): which accounts and regions were audited cannot be told`,
      incomplete: true,
    });
  const count = Math.max(...counts);
  for (let index = 1; index <= count; index++) {
    const given = sharded.filter((s) => s.shard.index === index);
    if (given.length === 0)
      problems.push({
        message: `shard ${index} of ${count} is missing: the accounts and regions it holds were not audited`,
        incomplete: true,
      });
    if (given.length > 1)
      problems.push({
        message: `shard ${index} of ${count} was given ${given.length} times (${given.map((g) => g.file).join(", ")}): which run is the evidence cannot be told`,
        incomplete: true,
      });
  }
  return problems;
}

/** One entry per account: its regions from every shard; not assumed in any shard is not assumed. */
function mergedAccounts(reports: readonly Report[]): ScannedAccount[] {
  const byId = new Map<string, ScannedAccount>();
  for (const account of reports.flatMap((r) => r.scan?.accounts ?? [])) {
    const held = byId.get(account.id);
    if (!held) {
      byId.set(account.id, account);
      continue;
    }
    const failed = held.status === "not-assumed" ? held : account.status === "not-assumed" ? account : undefined;
    const regions = [...held.regions, ...account.regions.filter((r) => !held.regions.some((h) => h.name === r.name))];
    byId.set(account.id, { ...(failed ?? held), regions });
  }
  return [...byId.values()]
    .map((a) => ({ ...a, regions: [...a.regions].sort((x, y) => x.name.localeCompare(y.name)) }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export async function merge(files: readonly string[], options: AuditOptions, io: CliIo): Promise<number> {
  const output = planOutput(options);
  const reports = files.map(readReport);
  checkSameAudit(files, reports);
  const shards = reports
    .map((r) => r.scan?.shard)
    .filter((s): s is ShardInfo => s !== undefined)
    .sort((a, b) => a.index - b.index);
  const scan: ScanSection = {
    endpoint: reports[0]!.scan!.endpoint,
    accounts: mergedAccounts(reports),
    regions: [...new Set(reports.flatMap((r) => r.scan?.regions ?? []))],
    ...(shards.length > 0 ? { shards } : {}),
  };
  const combined = combineReports(reports, {
    diagnostics: shardProblems(files, reports),
    scan,
    generatedAt: new Date().toISOString(),
  });
  const report: Report = {
    ...combined,
    scopes: [...scan.accounts.map((a) => `account ${a.id}`), ...[...scan.regions].sort()],
  };
  return emitReport(gated(report, options.failOn), options, io, { output }, { endpoint: scan.endpoint });
}
