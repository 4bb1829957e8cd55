// Markdown for a pull-request comment (or a job summary), within GitHub's 65,536-character comment
// limit however large the estate: the verdict and counts, failures counted per rule with the fix,
// the PCI requirements touched, then the failures a reviewer acts on first (applicable to PCI DSS,
// highest severity, resources in natural order) in the open, and everything else in collapsed
// sections that stop at their share of the budget and say how many rows the full report holds
// beyond them (linked with --report-url). Every string from the estate goes through md
// (markdown-text.ts): escaped, clipped, and without raw ${...} interpolations.

import type { RuleMetadata } from "../checks/engine/catalog.js";
import type { Report, Result } from "../checks/engine/report.js";
import { SEVERITIES, severityRank, STATUSES, type Severity, type Status } from "../checks/engine/rule.js";
import { md, mdFix, naturalCompare } from "./markdown-text.js";
import { assessRequirements, findingLabel, type RocFinding } from "./roc.js";
import { resourceLabel } from "./rule-info.js";
import { accountTables } from "./scan-accounts.js";

export { CELL_LIMIT } from "./markdown-text.js";

/** GitHub rejects issue and pull-request comment bodies longer than this. */
export const GITHUB_COMMENT_LIMIT = 65_536;
export const MARKDOWN_MARKER = "<!-- authwarden:pr-comment -->";
/** Failures shown in the open before the rest are collapsed. */
export const OPEN_FAILURES = 25;
/** What a table keeps back for each section after it: its heading and its "more in the full report" line. */
const SECTION_RESERVE = 1_200;
/** Resource, waiver and owner names in a table cell, in characters. */
export const NAME_LIMIT = 60;
const WHY_LIMIT = 220;
const FIX_LIMIT = 200;

const SEVERITY_ICON: Readonly<Record<Severity, string>> = {
  critical: "🟥",
  high: "🟧",
  medium: "🟨",
  low: "🟦",
  info: "⬜",
};
const FINDING_ICON: Readonly<Record<RocFinding, string>> = {
  "In Place": "✅",
  "Not in Place": "❌",
  "Not Applicable": "➖",
  "Not Tested": "❔",
};

export interface MarkdownOptions {
  readonly limit?: number;
  /** The full report artifact, linked wherever rows are left out. */
  readonly reportUrl?: string;
}

/** A table that takes rows while its share of the budget lasts. */
interface Table {
  readonly title: string;
  readonly collapsed: boolean;
  readonly head: readonly string[];
  readonly rows: Rows;
  readonly empty?: string;
}

/**
 * A table's rows, each rendered only when the budget reaches it: a large estate has hundreds of
 * thousands of rows of which a comment shows a few dozen.
 */
interface Rows {
  readonly length: number;
  readonly at: (index: number) => string;
}

function rowsOf<T>(items: readonly T[], row: (item: T) => string): Rows {
  return { length: items.length, at: (index) => row(items[index]!) };
}

export function writeMarkdown(report: Report, rules: RuleMetadata, options: MarkdownOptions = {}): string {
  const limit = options.limit ?? GITHUB_COMMENT_LIMIT;
  const more = fullReport(options.reportUrl);
  const fixed = [
    MARKDOWN_MARKER,
    ...header(report),
    "",
    ...severityTable(report),
    "",
    ...ruleCounts(report, rules),
    "",
    ...requirementsTouched(report),
  ];
  const footer = [
    ...diagnostics(report),
    "",
    `<sub>authwarden ${md(report.tool.version)} · ${md(report.generatedAt)}</sub>`,
    "",
  ];
  const tables = sectionTables(report, rules);
  let budget = limit - length(fixed) - length(footer) - 2;
  const body: string[] = [];
  tables.forEach((table, i) => {
    const later = tables.length - i - 1;
    const lines = render(table, budget - later * SECTION_RESERVE, more);
    budget -= length(lines) + 2;
    body.push("", ...lines);
  });
  return fit([...fixed, ...body, ...footer].join("\n"), limit);
}

function length(lines: readonly string[]): number {
  return lines.reduce((n, line) => n + line.length + 1, 0);
}

function fullReport(url: string | undefined): string {
  return url
    ? `[the full report](${encodeURI(url).replace(/[()]/g, encodeURIComponent)})`
    : "the full report (the JSON, SARIF and HTML files of this run)";
}

function render(table: Table, budget: number, more: string): string[] {
  if (table.rows.length === 0) return table.empty ? [table.title, "", table.empty] : [];
  const open = table.collapsed ? ["<details>", `<summary>${table.title}</summary>`, ""] : [table.title, ""];
  const close = table.collapsed ? ["", "</details>"] : [];
  const lines = [...open, ...table.head];
  let used = length(lines) + length(close) + 200;
  let shown = 0;
  for (let index = 0; index < table.rows.length; index++) {
    const row = table.rows.at(index);
    if (used + row.length + 1 > budget) break;
    lines.push(row);
    used += row.length + 1;
    shown++;
  }
  if (shown === 0) lines.splice(open.length);
  const left = table.rows.length - shown;
  if (left > 0) lines.push("", `…and ${left.toLocaleString("en-US")} more in ${more}.`);
  return [...lines, ...close];
}

function header(report: Report): string[] {
  const { byStatus } = report.summary;
  const gate = report.gate;
  const verdict = gate
    ? gate.passed
      ? `### ✅ authwarden: gate passed (fail-on ${gate.failOn})`
      : `### ❌ authwarden: gate failed: ${gate.blocking} blocking result${gate.blocking === 1 ? "" : "s"} at fail-on ${gate.failOn}`
    : `### ${byStatus.FAIL + byStatus.ERROR > 0 ? "❌" : "✅"} authwarden: ${byStatus.FAIL} failed`;
  const scopes =
    report.scopes.length > 6 ? [...report.scopes.slice(0, 6), `${report.scopes.length - 6} more`] : report.scopes;
  const scope = scopes.length > 0 ? ` (${scopes.map((s) => md(s, 80)).join(", ")})` : "";
  return [
    verdict,
    "",
    `PCI DSS v4.0.1 · policy ${md(report.policy.name)} ${md(report.policy.version)} · source ${md(report.source)}${scope}`,
    "",
    `**${byStatus.FAIL}** failed · ${byStatus.PASS} passed · ${byStatus.UNKNOWN} unknown · ${byStatus.WAIVED} waived · ${byStatus.NOT_APPLICABLE} not applicable · ${byStatus.ERROR} errors`,
  ];
}

function severityTable(report: Report): string[] {
  const counts = report.summary.failuresBySeverity;
  return [
    `| Failures by severity | ${SEVERITIES.map((s) => `${SEVERITY_ICON[s]} ${s}`).join(" | ")} |`,
    `|---|${SEVERITIES.map(() => "---:").join("|")}|`,
    `| unwaived | ${SEVERITIES.map((s) => String(counts[s])).join(" | ")} |`,
  ];
}

/** The rule id, linked to its documentation when the metadata gives a URL. */
function ruleCell(ruleId: string, rules: RuleMetadata): string {
  const url = rules.get(ruleId)?.docsUrl;
  return url ? `[${md(ruleId)}](${url})` : md(ruleId);
}

const bySeverity = (a: Result, b: Result) => severityRank(b.severity) - severityRank(a.severity);
const applicable = (r: Result) => r.controls.some((c) => c.applicable);

/** One row per failing rule: how many resources fail it and how to fix it, highest severity first. */
function ruleCounts(report: Report, rules: RuleMetadata): string[] {
  const byRule = new Map<string, Result[]>();
  for (const r of report.results) {
    if (r.status !== "FAIL") continue;
    const list = byRule.get(r.ruleId);
    if (list) list.push(r);
    else byRule.set(r.ruleId, [r]);
  }
  if (byRule.size === 0) return ["No unwaived failures."];
  const rows = [...byRule.values()]
    .sort((a, b) => bySeverity(a[0]!, b[0]!) || b.length - a.length || a[0]!.ruleId.localeCompare(b[0]!.ruleId))
    .map((failed) => {
      const first = failed[0]!;
      const pci = failed.filter(applicable).length;
      const scope = pci === failed.length ? "" : pci === 0 ? " (best practice)" : ` (${pci} under PCI DSS)`;
      return `| ${ruleCell(first.ruleId, rules)} | ${SEVERITY_ICON[first.severity]} ${first.severity} | ${failed.length}${scope} | ${mdFix(first.remediation, FIX_LIMIT)} |`;
    });
  return [
    `#### Failures by rule (${byRule.size} rules)`,
    "",
    "| Rule | Severity | Failed | How to fix |",
    "|---|---|---:|---|",
    ...rows,
  ];
}

function requirementsTouched(report: Report): string[] {
  const touched = assessRequirements(report).filter((a) => a.rows.length > 0);
  if (touched.length === 0) return ["No PCI DSS requirement was evaluated."];
  return [
    "#### PCI DSS v4.0.1 requirements touched",
    "",
    "| Requirement | Finding | Rules | Not in place | To verify by hand, weaknesses |",
    "|---|---|---|---|---|",
    ...touched.map((a) => {
      const rules = [...new Set(a.rows.map((r) => `${r.result.ruleId} (${r.relation})`))].map((id) => md(id));
      const failing = [
        ...new Set(
          a.rows
            .filter((r) => r.relation === "meets" && r.finding === "Not in Place")
            .map((r) => resourceLabel(r.result)),
        ),
      ];
      // Supporting checks that failed, per rule: a count and the first names, as for the failing column.
      const weakByRule = new Map<string, Set<string>>();
      for (const r of a.rows)
        if (r.relation === "supports" && r.finding === "Not in Place")
          weakByRule.set(r.result.ruleId, (weakByRule.get(r.result.ruleId) ?? new Set()).add(resourceLabel(r.result)));
      const weak = [...weakByRule].map(([id, names]) => `${md(id)} on ${failingCell([...names])}`);
      const notes = [
        ...(a.verifyByHand ? [`verify: ${md(a.verifyByHand)}`] : []),
        ...(weak.length > 0 ? [`weaknesses: ${weak.join("; ")}`] : []),
      ];
      return `| ${md(a.id)} | ${FINDING_ICON[a.finding]} ${md(findingLabel(a))} | ${rules.join(", ")} | ${failingCell(failing)} | ${notes.length > 0 ? notes.join("<br>") : "–"} |`;
    }),
  ];
}

/** A count and the first few names, never the whole estate in one cell. */
function failingCell(names: readonly string[]): string {
  if (names.length === 0) return "–";
  const sorted = [...names].sort(naturalCompare);
  const shown = sorted.slice(0, 3).map((n) => md(n, NAME_LIMIT));
  const rest = sorted.length - shown.length;
  return `${names.length}: ${shown.join(", ")}${rest > 0 ? ` and ${rest} more` : ""}`;
}

/** Failures a reviewer acts on first: applicable to PCI DSS, highest severity, then by rule and resource in natural order. */
function failureOrder(a: Result, b: Result): number {
  return (
    Number(applicable(b)) - Number(applicable(a)) ||
    bySeverity(a, b) ||
    a.ruleId.localeCompare(b.ruleId) ||
    naturalCompare(resourceLabel(a), resourceLabel(b))
  );
}

function sectionTables(report: Report, rules: RuleMetadata): Table[] {
  const failed = report.results.filter((r) => r.status === "FAIL").sort(failureOrder);
  const failureHead = ["| Severity | Rule | Resource | Why |", "|---|---|---|---|"];
  const failureRow = (r: Result) =>
    `| ${SEVERITY_ICON[r.severity]} ${r.severity} | ${ruleCell(r.ruleId, rules)} | ${resourceCell(r)} | ${why(r)} |`;
  const of = (status: Result["status"]) => report.results.filter((r) => r.status === status);
  const tables: Table[] = [
    {
      title: `#### Failures to fix first (${Math.min(OPEN_FAILURES, failed.length)} of ${failed.length})`,
      collapsed: false,
      head: failureHead,
      rows: rowsOf(failed.slice(0, OPEN_FAILURES), failureRow),
    },
    accountsTable(report),
    {
      title: `All other failures (${Math.max(0, failed.length - OPEN_FAILURES)})`,
      collapsed: true,
      head: failureHead,
      rows: rowsOf(failed.slice(OPEN_FAILURES), failureRow),
    },
    {
      title: `Unknown: not tested (${of("UNKNOWN").length})`,
      collapsed: true,
      head: ["| Rule | Resource | Why it could not be determined |", "|---|---|---|"],
      rows: rowsOf(of("UNKNOWN"), (r) => `| ${md(r.ruleId)} | ${resourceCell(r)} | ${why(r)} |`),
    },
    {
      title: `Rule errors (${of("ERROR").length})`,
      collapsed: true,
      head: ["| Rule | Error |", "|---|---|"],
      rows: rowsOf(of("ERROR"), (r) => `| ${md(r.ruleId)} | ${md(r.message, WHY_LIMIT)} |`),
    },
    {
      title: `Waived (${of("WAIVED").length})`,
      collapsed: true,
      head: ["| Rule | Resource | Waiver | Expires | Reason |", "|---|---|---|---|---|"],
      rows: rowsOf(of("WAIVED"), waivedRow),
    },
    {
      title: `Judged only by the live scan (${report.notJudged?.length ?? 0})`,
      collapsed: true,
      head: ["| Rule | Why not here |", "|---|---|"],
      rows: rowsOf(report.notJudged ?? [], (n) => `| ${md(n.ruleId)} | ${md(n.reason, WHY_LIMIT)} |`),
    },
    {
      title: `Waivers to clean up (${report.waivers.length})`,
      collapsed: true,
      head: ["| Waiver | Rule | Selector | Problem | Owner | Expires |", "|---|---|---|---|---|---|"],
      rows: rowsOf(
        report.waivers,
        (w) =>
          `| ${md(w.waiver.id, NAME_LIMIT)} | ${md(w.ruleId)} | ${md(w.selector, NAME_LIMIT)} | ${w.problem} | ${md(w.waiver.owner, NAME_LIMIT)} | ${md(w.waiver.expires, 20)} |`,
      ),
    },
  ];
  if (report.drift) tables.push(driftTable(report.drift));
  return tables;
}

const VERDICT_HEADS: Readonly<Record<Status, string>> = {
  FAIL: "❌ FAIL",
  ERROR: "💥 ERROR",
  UNKNOWN: "❔ UNKNOWN",
  WAIVED: "WAIVED",
  PASS: "✅ PASS",
  NOT_APPLICABLE: "N/A",
};

/** A multi-account scan: each account's table is one row of the section, so the budget cuts between accounts. */
function accountsTable(report: Report): Table {
  const tables = accountTables(report);
  const head = `| Region | Pools read | ${STATUSES.map((s) => VERDICT_HEADS[s]).join(" | ")} | Failed |`;
  const rule = `|---|---:|${STATUSES.map(() => "---:").join("|")}|---|`;
  return {
    title: `#### Accounts scanned (${tables.length})`,
    collapsed: false,
    head: [],
    rows: rowsOf(tables, (table) =>
      [
        `**Account ${md(table.id)}**${table.status === "read" ? "" : " · role not assumed"}${table.role ? ` · <sub>${md(table.role, NAME_LIMIT * 2)}</sub>` : ""}`,
        "",
        head,
        rule,
        ...table.rows.map(
          (row) =>
            `| ${md(row.region)} | ${row.pools ?? "–"} | ${STATUSES.map((s) => row.verdicts[s]).join(" | ")} | ${md(row.failed, WHY_LIMIT)} |`,
        ),
        "",
      ].join("\n"),
    ),
  };
}

function driftTable(drift: NonNullable<Report["drift"]>): Table {
  const name = (r: { kind: string; name: string | null; key: string; parent?: string }) =>
    md(`${r.kind} ${r.parent ? `${r.parent}/` : ""}${r.name ?? r.key}`, NAME_LIMIT * 2);
  return {
    title: `#### Drift against the planned configuration (${md(drift.against.source)})`,
    collapsed: false,
    head: ["| Drift | Rule | Resource | Detail |", "|---|---|---|---|"],
    rows: rowsOf(
      [
        ...drift.changed.map(
          (d) => `| changed | ${md(d.ruleId)} | ${name(d.resource)} | planned ${d.planned}, live ${d.live} |`,
        ),
        ...drift.onlyLive.map((r) => `| only live | | ${name(r)} | not in the plan |`),
        ...drift.onlyPlanned.map((r) => `| only planned | | ${name(r)} | not live |`),
      ],
      (row) => row,
    ),
    empty: "None: the live account matches what was planned.",
  };
}

function diagnostics(report: Report): string[] {
  const shown = report.diagnostics.slice(0, 20).flatMap((d) => ["", `> ⚠️ ${md(d.message, WHY_LIMIT * 2)}`]);
  const left = report.diagnostics.length - 20;
  return left > 0 ? [...shown, "", `> ⚠️ …and ${left} more loader diagnostics in the full report.`] : shown;
}

/** The message without the resource name it starts with (the Resource column has it), clipped. */
function why(result: Result): string {
  const label = resourceLabel(result);
  const message = result.message.startsWith(`${label}: `) ? result.message.slice(label.length + 2) : result.message;
  const pci = applicable(result)
    ? ""
    : result.controls.length === 0
      ? `<br>_best practice: ${md(result.references.map((s) => s.title).join("; "))}_`
      : "<br>_best practice: PCI DSS does not apply to this audience_";
  return `${md(message, WHY_LIMIT)}${pci}`;
}

/** The kind and clipped name, and where it is declared when a source file is known. */
function resourceCell(result: Result): string {
  const r = result.resource;
  const where = r.file ? `${r.file}${r.line !== undefined ? `:${r.line}` : ""}` : r.stack;
  return `${md(r.kind)} **${md(resourceLabel(result), NAME_LIMIT)}**${where ? `<br><sub>${md(where, NAME_LIMIT)}</sub>` : ""}`;
}

function waivedRow(result: Result): string {
  const w = result.waiver;
  return `| ${md(result.ruleId)} | ${resourceCell(result)} | ${md(w?.id ?? "", NAME_LIMIT)} (${md(w?.owner ?? "", NAME_LIMIT)}) | ${md(w?.expires ?? "", 20)} | ${md(w?.reason ?? "", WHY_LIMIT)}${w?.compensatingControl ? `<br>compensating control: ${md(w.compensatingControl, WHY_LIMIT)}` : ""} |`;
}

/** The last resort if the fixed parts alone overrun: cut at a line and close what is open. */
export function fit(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const note = `> ✂️ **Truncated:** cut to stay within GitHub's ${limit.toLocaleString("en-US")}-character comment limit; the JSON, SARIF and HTML reports hold every result.`;
  const cut = Math.max(0, text.lastIndexOf("\n", limit - note.length - 200));
  const head = text.slice(0, cut);
  const open = (head.match(/^<details>$/gm)?.length ?? 0) - (head.match(/^<\/details>$/gm)?.length ?? 0);
  return `${head}\n\n${"</details>\n\n".repeat(Math.max(0, open))}${note}\n`;
}
