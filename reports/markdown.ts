// Markdown for a pull-request comment (or a job summary): the verdict, counts by severity, the PCI
// requirements touched, a table of failures with how to fix them, and waived, unknown and error
// results in collapsed sections. Never longer than GitHub's 65,536-character comment limit. Every
// string from the estate goes through md: escaped by markdownText, so it cannot open tags, links,
// images or code spans, and clipped, so one huge name cannot push the findings out of the budget.

import type { RuleMetadata } from "../checks/engine/catalog.js";
import type { Report, Result } from "../checks/engine/report.js";
import { SEVERITIES, severityRank, type Severity } from "../checks/engine/rule.js";
import { markdownText } from "./escape.js";
import { assessRequirements, findingLabel, type RocFinding } from "./roc.js";
import { resourceLabel, resourceLocation } from "./rule-info.js";

/** GitHub rejects issue and pull-request comment bodies longer than this. */
export const GITHUB_COMMENT_LIMIT = 65_536;
export const MARKDOWN_MARKER = "<!-- authwarden:pr-comment -->";

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

/** The longest estate string (name, location, message, reason) shown whole, in characters. */
export const CELL_LIMIT = 500;

/**
 * An estate string, escaped, and clipped past CELL_LIMIT with a visible ellipsis and the number of
 * characters left out, so a table cell holding a 100 KB name stays a table cell.
 */
function md(text: string): string {
  if (text.length <= CELL_LIMIT) return markdownText(text);
  const high = text.charCodeAt(CELL_LIMIT - 1);
  const cut = high >= 0xd800 && high <= 0xdbff ? CELL_LIMIT - 1 : CELL_LIMIT;
  return `${markdownText(text.slice(0, cut))}…(+${(text.length - cut).toLocaleString("en-US")} characters)`;
}

export function writeMarkdown(report: Report, rules: RuleMetadata, options: { readonly limit?: number } = {}): string {
  const lines: string[] = [
    MARKDOWN_MARKER,
    ...header(report),
    "",
    ...severityTable(report),
    "",
    ...requirementsTouched(report),
    "",
    ...failures(report, rules),
  ];
  const waived = report.results.filter((r) => r.status === "WAIVED");
  if (waived.length > 0) {
    lines.push(
      "",
      ...collapsed(`Waived (${waived.length})`, [
        "| Rule | Resource | Waiver | Owner | Expires | Reason |",
        "|---|---|---|---|---|---|",
        ...waived.map(waivedRow),
      ]),
    );
  }
  const unknown = report.results.filter((r) => r.status === "UNKNOWN");
  if (unknown.length > 0) {
    lines.push(
      "",
      ...collapsed(`Unknown: not tested (${unknown.length})`, [
        "| Rule | Resource | Why it could not be determined |",
        "|---|---|---|",
        ...unknown.map((r) => `| ${md(r.ruleId)} | ${resourceCell(r)} | ${md(r.message)} |`),
      ]),
    );
  }
  const errors = report.results.filter((r) => r.status === "ERROR");
  if (errors.length > 0) {
    lines.push(
      "",
      ...collapsed(`Rule errors (${errors.length})`, [
        "| Rule | Error |",
        "|---|---|",
        ...errors.map((r) => `| ${md(r.ruleId)} | ${md(r.message)} |`),
      ]),
    );
  }
  if (report.waivers.length > 0) {
    const rows = report.waivers.map(
      (w) =>
        `| ${md(w.waiver.id)} | ${md(w.ruleId)} | ${md(w.selector)} | ${w.problem} | ${md(w.waiver.owner)} | ${md(w.waiver.expires)} |`,
    );
    lines.push(
      "",
      ...collapsed(`Waivers to clean up (${report.waivers.length})`, [
        "| Waiver | Rule | Selector | Problem | Owner | Expires |",
        "|---|---|---|---|---|---|",
        ...rows,
      ]),
    );
  }
  if (report.drift) {
    const drift = report.drift;
    const name = (r: { kind: string; name: string | null; key: string; parent?: string }) =>
      md(`${r.kind} ${r.parent ? `${r.parent}/` : ""}${r.name ?? r.key}`);
    const rows = [
      ...drift.changed.map(
        (d) => `| changed | ${md(d.ruleId)} | ${name(d.resource)} | planned ${d.planned}, live ${d.live} |`,
      ),
      ...drift.onlyLive.map((r) => `| only live | | ${name(r)} | not in the plan |`),
      ...drift.onlyPlanned.map((r) => `| only planned | | ${name(r)} | not live |`),
    ];
    lines.push("", `#### Drift against the planned configuration (${md(drift.against.source)})`, "");
    lines.push(
      ...(rows.length === 0
        ? ["None: the live account matches what was planned."]
        : ["| Drift | Rule | Resource | Detail |", "|---|---|---|---|", ...rows]),
    );
  }
  for (const diagnostic of report.diagnostics) lines.push("", `> ⚠️ ${md(diagnostic.message)}`);
  lines.push("", `<sub>authwarden ${md(report.tool.version)} · ${md(report.generatedAt)}</sub>`, "");
  return fit(lines.join("\n"), options.limit ?? GITHUB_COMMENT_LIMIT);
}

function header(report: Report): string[] {
  const { byStatus } = report.summary;
  const gate = report.gate;
  const verdict = gate
    ? gate.passed
      ? `### ✅ authwarden: gate passed (fail-on ${gate.failOn})`
      : `### ❌ authwarden: gate failed: ${gate.blocking} blocking result${gate.blocking === 1 ? "" : "s"} at fail-on ${gate.failOn}`
    : `### ${byStatus.FAIL + byStatus.ERROR > 0 ? "❌" : "✅"} authwarden: ${byStatus.FAIL} failed`;
  const scope = report.scopes.length > 0 ? ` (${report.scopes.map(md).join(", ")})` : "";
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

function requirementsTouched(report: Report): string[] {
  const touched = assessRequirements(report).filter((a) => a.rows.length > 0);
  if (touched.length === 0) return ["No PCI DSS requirement was evaluated."];
  return [
    "#### PCI DSS v4.0.1 requirements touched",
    "",
    "| Requirement | Finding | Rules | Not in place | To verify by hand, weaknesses |",
    "|---|---|---|---|---|",
    ...touched.map((a) => {
      const rules = [...new Set(a.rows.map((r) => `${r.result.ruleId} (${r.relation})`))].map(md).join(", ");
      const failing = a.rows
        .filter((r) => r.relation === "meets" && r.finding === "Not in Place")
        .map((r) => md(resourceLabel(r.result)));
      const weak = a.rows
        .filter((r) => r.relation === "supports" && r.finding === "Not in Place")
        .map((r) => md(`${r.result.ruleId} on ${resourceLabel(r.result)}`));
      const notes = [
        ...(a.verifyByHand ? [`verify: ${md(a.verifyByHand)}`] : []),
        ...(weak.length > 0 ? [`weaknesses: ${[...new Set(weak)].join(", ")}`] : []),
      ];
      return `| ${md(a.id)} | ${FINDING_ICON[a.finding]} ${md(findingLabel(a))} | ${rules} | ${failing.length > 0 ? [...new Set(failing)].join(", ") : "–"} | ${notes.length > 0 ? notes.join("<br>") : "–"} |`;
    }),
  ];
}

/** The rule id, linked to its documentation when the metadata gives a URL. */
function ruleCell(ruleId: string, rules: RuleMetadata): string {
  const url = rules.get(ruleId)?.docsUrl;
  return url ? `[${md(ruleId)}](${url})` : md(ruleId);
}

function failures(report: Report, rules: RuleMetadata): string[] {
  const failed = report.results
    .filter((r) => r.status === "FAIL")
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  if (failed.length === 0) return ["No unwaived failures."];
  return [
    `#### Failures (${failed.length})`,
    "",
    "| Severity | Rule | Resource | Why | How to fix |",
    "|---|---|---|---|---|",
    ...failed.map((r) => {
      const pci = r.controls.every((c) => !c.applicable)
        ? r.controls.length === 0
          ? `<br>_best practice: ${md(r.references.map((s) => s.title).join("; "))}_`
          : "<br>_best practice: PCI DSS does not apply to this audience_"
        : "";
      return `| ${SEVERITY_ICON[r.severity]} ${r.severity} | ${ruleCell(r.ruleId, rules)} | ${resourceCell(r)} | ${md(r.message)}${pci} | ${md(r.remediation)} |`;
    }),
  ];
}

function resourceCell(result: Result): string {
  return `${md(result.resource.kind)} **${md(resourceLabel(result))}**<br><sub>${md(resourceLocation(result))}</sub>`;
}

function waivedRow(result: Result): string {
  const w = result.waiver;
  return `| ${md(result.ruleId)} | ${resourceCell(result)} | ${md(w?.id ?? "")} | ${md(w?.owner ?? "")} | ${md(w?.expires ?? "")} | ${md(w?.reason ?? "")}${w?.compensatingControl ? `<br>compensating control: ${md(w.compensatingControl)}` : ""} |`;
}

function collapsed(summary: string, body: readonly string[]): string[] {
  return ["<details>", `<summary>${summary}</summary>`, "", ...body, "", "</details>"];
}

/** Cuts at a line boundary, closes any open <details>, and says how much was left out. */
export function fit(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const reserve = 400;
  const cut = Math.max(0, text.lastIndexOf("\n", limit - reserve));
  const head = text.slice(0, cut);
  const rest = text.slice(cut + 1);
  const open = (head.match(/^<details>$/gm)?.length ?? 0) - (head.match(/^<\/details>$/gm)?.length ?? 0);
  const note = `> ✂️ **Truncated:** ${rest.length.toLocaleString("en-US")} characters (${rest.split("\n").length} lines) were left out to stay within GitHub's ${limit.toLocaleString("en-US")}-character comment limit; the JSON, SARIF and HTML reports hold every result.`;
  return `${head}\n\n${"</details>\n\n".repeat(Math.max(0, open))}${note}\n`;
}
