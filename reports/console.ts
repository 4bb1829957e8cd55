// The console report: what a person wants to read in a terminal. Resources with problems first,
// worst first, each with its failing, erroring and unknown results and how to fix them; passing
// resources folded into one line; a summary line with the gate verdict.

import { createColors } from "picocolors";
import type { Report, Result } from "../checks/engine/report.js";
import type { RequirementFinding } from "../checks/engine/requirements.js";
import { severityRank, STATUSES, type Severity, type Status } from "../checks/engine/rule.js";
import { accountTables } from "./scan-accounts.js";
import { lineChunks } from "./line-chunks.js";
import { terminalSafe, wrapText } from "./terminal-text.js";

export interface ConsoleOptions {
  readonly color: boolean;
  /** Also list PASS, NOT_APPLICABLE and WAIVED results. */
  readonly verbose?: boolean;
  /** The terminal's width: result lines wrap under themselves to it. Default: no wrapping. */
  readonly width?: number;
}

/** Where a result's rule id starts: "    STATUS  severity " is 21 columns. */
const RESULT_INDENT = 21;
/** Where the fix and waiver lines under a result start. */
const DETAIL_INDENT = 14;
/** "✖ ": where a resource's header and its continuations start. */
const HEADER_INDENT = 2;
/** "  ✔ ": where a requirement's line and its continuations start. */
const REQUIREMENT_INDENT = 4;

const SHOWN: readonly Status[] = ["FAIL", "ERROR", "UNKNOWN", "WAIVED"];

export function writeConsole(report: Report, options: ConsoleOptions): string {
  return [...consoleChunks(report, options)].join("");
}

/** The console report in chunks of about a mebibyte, as it is rendered; their concatenation is writeConsole's text. */
export function consoleChunks(report: Report, options: ConsoleOptions): Generator<string> {
  return lineChunks(consoleLines(report, options));
}

/** A resource's results, with what orders it among the others (computed once, not per comparison). */
interface ResourceGroup {
  readonly key: string;
  readonly results: Result[];
  /** The worst FAIL or ERROR: its severity rank, ERROR above every FAIL; 0 when none. */
  worst: number;
  /** Some result is of a status the console lists. */
  problem: boolean;
}

/** The resources' results, worst first, then those with something to show, then by key. */
function orderedGroups(results: readonly Result[]): ResourceGroup[] {
  const groups = new Map<string, ResourceGroup>();
  for (const result of results) {
    const key = result.resource.key;
    let group = groups.get(key);
    if (!group) {
      group = { key, results: [], worst: 0, problem: false };
      groups.set(key, group);
    }
    group.results.push(result);
    if (result.status === "FAIL" || result.status === "ERROR")
      group.worst = Math.max(group.worst, severityRank(result.severity) + (result.status === "ERROR" ? 10 : 0));
    if (SHOWN.includes(result.status)) group.problem = true;
  }
  return [...groups.values()].sort(
    (a, b) => b.worst - a.worst || Number(b.problem) - Number(a.problem) || a.key.localeCompare(b.key),
  );
}

/** The report's lines, each of which may hold line breaks of its own (a wrapped line). */
function* consoleLines(report: Report, options: ConsoleOptions): Generator<string> {
  const c = createColors(options.color);
  const statusLabel: Record<Status, string> = {
    FAIL: c.red(c.bold("FAIL   ")),
    ERROR: c.magenta(c.bold("ERROR  ")),
    UNKNOWN: c.yellow("UNKNOWN"),
    WAIVED: c.cyan("WAIVED "),
    PASS: c.green("PASS   "),
    NOT_APPLICABLE: c.dim("N/A    "),
  };
  // The severity is what a reader triages by: shown on every listed result, and coloured by rank.
  const severityLabel: Record<Severity, (text: string) => string> = {
    critical: (t) => c.red(c.bold(t)),
    high: c.red,
    medium: c.yellow,
    low: c.blue,
    info: c.dim,
  };
  const width = options.width ?? Infinity;
  const wrapped = (indent: number, text: string) => wrapText(text, width - indent).join(`\n${" ".repeat(indent)}`);
  const scope = report.scopes.length > 0 ? ` (${report.scopes.map(terminalSafe).join(", ")})` : "";
  yield (
    c.bold(`authwarden ${report.tool.version}`) +
    c.dim(
      ` · policy ${report.policy.name} ${report.policy.version} · ${report.source}: ${terminalSafe(report.inputs[0]?.path ?? "")}${scope}`,
    )
  );
  yield "";
  yield* accountLines(report, c);

  let clean = 0;
  for (const { results } of orderedGroups(report.results)) {
    const shown = results.filter((r) => options.verbose || SHOWN.includes(r.status));
    if (shown.length === 0) {
      clean += 1;
      continue;
    }
    const resource = results[0]!.resource;
    const failing = results.some((r) => r.status === "FAIL" || r.status === "ERROR");
    const mark = failing ? c.red("✖") : results.some((r) => r.status === "UNKNOWN") ? c.yellow("?") : c.green("✔");
    const title = `${resource.kind} ${terminalSafe(resource.name ?? resource.key)}`;
    const address = resource.address ?? resource.arn;
    const where = [
      resource.stack,
      // A resource whose name is not known is titled by its key, which is its address: shown once.
      resource.name === null && address === resource.key ? undefined : address,
      location(resource.file, resource.line) ?? location(resource.inputFile, resource.inputLine),
    ]
      .filter((part): part is string => part !== undefined)
      .map(terminalSafe)
      .join(" · ");
    const audience = results[0]!.audience;
    const audienceText =
      resource.kind !== "UserPool"
        ? ""
        : audience.via === "unknown"
          ? "  audience: unknown"
          : `  audience: ${audience.audience}${audience.declared ? "" : " (not declared)"}`;
    // Wrapped as plain text, then the title is made bold and the rest dim, so widths are true widths.
    const [first = "", ...more] = wrapped(HEADER_INDENT, `${title}  ${where}${audienceText}`).split("\n");
    const head = first.startsWith(title) ? `${c.bold(title)}${c.dim(first.slice(title.length))}` : c.bold(first);
    yield [`${mark} ${head}`, ...more.map((line) => c.dim(line))].join("\n");
    shown.sort(
      (a, b) =>
        SHOWN.indexOf(a.status) - SHOWN.indexOf(b.status) ||
        severityRank(b.severity) - severityRank(a.severity) ||
        a.ruleId.localeCompare(b.ruleId),
    );
    const detail = (text: string) => `${" ".repeat(DETAIL_INDENT)}${c.dim(wrapped(DETAIL_INDENT, text))}`;
    for (const result of shown) {
      const severity = severityLabel[result.severity](result.severity.padEnd(8));
      // The rule id has no spaces: it is the first word of the wrapped text, coloured after wrapping.
      const text = wrapped(RESULT_INDENT, `${result.ruleId}  ${terminalSafe(result.message)}`);
      yield `    ${statusLabel[result.status]} ${severity} ${c.cyan(result.ruleId)}${text.slice(result.ruleId.length)}`;
      if (result.status === "FAIL") yield detail(`fix: ${terminalSafe(result.remediation)}`);
      if (result.waiver) {
        const w = result.waiver;
        yield detail(`waived until ${w.expires} by ${terminalSafe(w.owner)}: ${terminalSafe(w.reason)}`);
      }
    }
    yield "";
  }
  if (clean > 0) yield `${c.green("✔")} ${clean} resource${clean === 1 ? "" : "s"} passed every rule`;
  for (const diagnostic of report.diagnostics) yield c.yellow(`! ${terminalSafe(diagnostic.message)}`);
  for (const status of report.waivers) {
    const what =
      status.problem === "expired"
        ? `expired on ${status.waiver.expires} and no longer applies`
        : "matches no failing result";
    yield c.yellow(
      `! waiver ${terminalSafe(status.waiver.id)} (${status.ruleId} on ${terminalSafe(status.selector)}) ${what}`,
    );
  }
  if (report.notJudged?.length)
    yield c.dim(
      wrapped(
        0,
        `judged only by the live scan, not on this source: ${report.notJudged.map((n) => n.ruleId).join(", ")}`,
      ),
    );
  if (report.drift) yield* [...driftLines(report, c), ""];
  yield* requirementLines(report, c, wrapped);
  const unread = report.audiences.filter((a) => a.via === "unknown");
  if (unread.length > 0) {
    yield c.yellow(
      `! audience unknown for ${poolNames(unread)}: what declares it could not be read, so every requirement is taken to apply`,
    );
  }
  const undeclared = report.audiences.filter((a) => !a.declared && a.via !== "unknown");
  if (undeclared.length > 0) {
    yield c.yellow(
      `! audience not declared for ${poolNames(undeclared)}: treated as workforce (tag the pool pci:audience)`,
    );
  }
  yield summaryLine(report, c);
}

/** The most pools an audience line names: an estate of thousands would make it a page long. */
export const NAMED_POOLS = 10;

/** The pools an audience line is about, by name; past NAMED_POOLS, how many more (the JSON report lists all). */
function poolNames(pools: Report["audiences"]): string {
  const names = pools.slice(0, NAMED_POOLS).map((a) => terminalSafe(a.name ?? a.key));
  const more = pools.length - names.length;
  return more > 0
    ? `${names.join(", ")} and ${more} more (each listed in the JSON report's audiences)`
    : names.join(", ");
}

/** FILE:LINE of a finding: the construct's source file, else the configuration file it was read from. */
function location(file: string | undefined, line: number | undefined): string | undefined {
  return file ? `${file}${line ? `:${line}` : ""}` : undefined;
}

/** The PCI DSS requirement roll-up: one line per requirement a result cites, what to verify by hand under it. */
function requirementLines(
  report: Report,
  c: ReturnType<typeof createColors>,
  wrapped: (indent: number, text: string) => string,
): string[] {
  // The report's roll-ups are of its results (a narrowed report has its own: withResults).
  const touched = report.requirements.filter((r) => r.rows.length > 0);
  if (touched.length === 0) return [];
  const mark: Record<RequirementFinding, string> = {
    "In Place": c.green("✔"),
    "Not in Place": c.red("✖"),
    "Not Applicable": c.dim("–"),
    "Not Tested": c.yellow("?"),
  };
  const lines = [c.bold("PCI DSS v4.0.1 requirements:")];
  for (const requirement of touched) {
    const rules = [...new Set(requirement.rows.map((row) => report.results[row.result]?.ruleId ?? ""))].join(", ");
    const cc = requirement.compensatingControls.map(
      (u) => `${terminalSafe(u.control)} (waiver ${terminalSafe(u.waiver)})`,
    );
    const finding =
      cc.length > 0 ? `${requirement.finding} with Compensating Control: ${cc.join("; ")}` : requirement.finding;
    const weak =
      requirement.weaknesses > 0
        ? ` · ${requirement.weaknesses} weakness${requirement.weaknesses === 1 ? "" : "es"}`
        : "";
    // Wrapped as plain text under the requirement id; only the mark is coloured, so wrapping counts true widths.
    lines.push(
      `  ${mark[requirement.finding]} ${wrapped(REQUIREMENT_INDENT, `${requirement.id.padEnd(8)} ${finding}${weak}  ${rules}`)}`,
    );
    if (requirement.verifyByHand)
      lines.push(
        `${" ".repeat(DETAIL_INDENT)}${c.dim(wrapped(DETAIL_INDENT, `verify by hand: ${terminalSafe(requirement.verifyByHand)}`))}`,
      );
  }
  return [...lines, ""];
}

function driftLines(report: Report, c: ReturnType<typeof createColors>): string[] {
  const drift = report.drift!;
  const name = (r: { kind: string; name: string | null; key: string; parent?: string }) =>
    terminalSafe(`${r.kind} ${r.parent ? `${r.parent}/` : ""}${r.name ?? r.key}`);
  const against = `${drift.against.source}${drift.against.scopes.length > 0 ? ` (${drift.against.scopes.map(terminalSafe).join(", ")})` : ""}`;
  const lines = [c.bold(`Drift against the planned configuration, ${against}:`)];
  if (drift.changed.length + drift.onlyLive.length + drift.onlyPlanned.length === 0)
    return [...lines, `  ${c.green("✔")} none: the live account matches what was planned`];
  for (const change of drift.changed)
    lines.push(
      `  ${c.red("≠")} ${c.cyan(change.ruleId)}  ${name(change.resource)}: planned ${change.planned}, live ${change.live}`,
    );
  for (const resource of drift.onlyLive)
    lines.push(`  ${c.yellow("+")} only live (not in the plan): ${name(resource)}`);
  for (const resource of drift.onlyPlanned) lines.push(`  ${c.yellow("-")} only planned (not live): ${name(resource)}`);
  return lines;
}

function summaryLine(report: Report, c: ReturnType<typeof createColors>): string {
  const { byStatus, failuresBySeverity, failedReads } = report.summary;
  const bySeverity = Object.entries(failuresBySeverity)
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => `${n} ${severity}`)
    .join(", ");
  const parts = [
    `${byStatus.FAIL} failed${bySeverity ? ` (${bySeverity})` : ""}`,
    `${byStatus.UNKNOWN} unknown`,
    `${byStatus.PASS} passed`,
    ...(byStatus.ERROR > 0 ? [`${byStatus.ERROR} errors`] : []),
    ...(byStatus.WAIVED > 0 ? [`${byStatus.WAIVED} waived`] : []),
    ...(byStatus.NOT_APPLICABLE > 0 ? [`${byStatus.NOT_APPLICABLE} not applicable`] : []),
    ...(failedReads > 0 ? [`${failedReads} read${failedReads === 1 ? "" : "s"} failed`] : []),
  ].join(", ");
  if (!report.gate) return parts;
  const verdict = report.gate.passed ? c.green(c.bold("gate passed")) : c.red(c.bold("gate failed"));
  return `${verdict}: ${parts} · fail-on ${report.gate.failOn}`;
}

const VERDICT_HEADS: Readonly<Record<Status, string>> = {
  FAIL: "FAIL",
  ERROR: "ERROR",
  UNKNOWN: "UNKNOWN",
  WAIVED: "WAIVED",
  PASS: "PASS",
  NOT_APPLICABLE: "N/A",
};

/** A multi-account scan: one table per account, its Regions as rows, what failed last (it may be long). */
function accountLines(report: Report, c: ReturnType<typeof createColors>): string[] {
  const tables = accountTables(report);
  if (tables.length === 0) return [];
  const regionWidth = Math.max(6, ...tables.flatMap((t) => t.rows.map((r) => terminalSafe(r.region).length)));
  const head = [
    "region".padEnd(regionWidth),
    "pools",
    ...STATUSES.map((s) => VERDICT_HEADS[s].padStart(Math.max(4, VERDICT_HEADS[s].length))),
    "failed",
  ].join("  ");
  const lines = [c.bold(`Accounts scanned (${tables.length})`)];
  for (const table of tables) {
    const access = table.status === "read" ? "" : c.red("  role not assumed");
    lines.push(
      `  account ${terminalSafe(table.id)}${table.role ? c.dim(`  ${terminalSafe(table.role)}`) : ""}${access}`,
    );
    lines.push(c.dim(`    ${head}`));
    for (const row of table.rows) {
      const counts = STATUSES.map((s) => String(row.verdicts[s]).padStart(Math.max(4, VERDICT_HEADS[s].length)));
      const failed = row.failed === "none" || row.failed === "–" ? row.failed : c.yellow(terminalSafe(row.failed));
      lines.push(
        `    ${[terminalSafe(row.region).padEnd(regionWidth), (row.pools === undefined ? "–" : String(row.pools)).padStart(5), ...counts, failed].join("  ")}`,
      );
    }
  }
  return [...lines, ""];
}
