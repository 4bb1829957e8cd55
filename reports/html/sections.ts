// The smaller sections of the HTML evidence report (summary, scope, waivers), each a pure function
// of the Report; the findings, best-practice findings and register have their own modules. Every
// value from the estate passes through the html`` (or htmlStream``) template, which escapes it.

import { scanScopeTable } from "./scan-scope.js";
import type { Report, Result } from "../../checks/engine/report.js";
import { html, type SafeHtml } from "./template.js";
import {
  PRINCIPALS,
  ROC_FINDINGS,
  evidenceRef,
  type Overall,
  type RequirementAssessment,
  type RocFinding,
} from "../roc.js";
import { resourceLabel } from "../rule-info.js";
import { groupBy, NAMED_INLINE } from "./grouping.js";
import { each, htmlStream, joined, type HtmlStream } from "./stream.js";

const FINDING_CLASS: Readonly<Record<RocFinding, string>> = {
  "In Place": "f-in-place",
  "Not in Place": "f-not-in-place",
  "Not Applicable": "f-not-applicable",
  "Not Tested": "f-not-tested",
};

export function findingBadge(finding: RocFinding): SafeHtml {
  return html`<span class="badge ${FINDING_CLASS[finding]}">${finding}</span>`;
}

function resourceCell(result: Result): SafeHtml {
  const r = result.resource;
  const where = r.stack ? `${r.stack} · ${r.address ?? r.arn ?? r.key}` : (r.address ?? r.arn ?? r.key);
  return html`${r.kind} <strong>${resourceLabel(result)}</strong><br><span class="mono">${where}</span>`;
}

export function summarySection(
  report: Report,
  assessments: readonly RequirementAssessment[],
  totals: Overall,
  chart: SafeHtml,
): SafeHtml {
  const resultClass =
    totals.result === "Non-Compliant" ? "noncompliant" : totals.result === "Compliant" ? "compliant" : "undetermined";
  const principals = [...new Set(assessments.map((a) => a.principal))];
  const rows = principals.map((p) => {
    const own = assessments.filter((a) => a.principal === p);
    const mark = (finding: RocFinding) => (own.some((a) => a.finding === finding) ? "✔" : "");
    return html`<tr><td>Requirement ${p}: ${PRINCIPALS[p] ?? ""}</td>${ROC_FINDINGS.map((f) => html`<td class="mark ${FINDING_CLASS[f]}">${mark(f)}</td>`)}<td class="mark">${own.some((a) => a.compensatingControl) ? "✔" : ""}</td></tr>`;
  });
  const failing = assessments.filter((a) => a.finding === "Not in Place").map((a) => a.id);
  const uncovered = assessments.filter((a) => a.rows.length === 0).length;
  const untested = assessments.filter((a) => a.finding === "Not Tested").map((a) => a.id);
  return html`<section id="summary">
<h2>1. Summary of Assessment</h2>
<div class="verdict"><div><div class="label-sm">Overall automated result</div><div class="result ${resultClass}">${totals.result}</div></div>
<div><div class="label-sm">Assessment</div><div>${totals.partial ? "Partial: one or more requirements Not Tested" : "Full: every listed requirement assessed"}</div></div>
<div><div class="label-sm">Deployment gate</div><div>${report.gate ? `${report.gate.passed ? "passed" : "failed"} (fail-on ${report.gate.failOn}, ${report.gate.blocking} blocking)` : "not evaluated"}</div></div></div>
<p>Requirements: ${totals.counts["In Place"]} In Place, ${totals.counts["Not in Place"]} Not in Place, ${totals.counts["Not Applicable"]} Not Applicable and ${totals.counts["Not Tested"]} Not Tested${uncovered > 0 ? ` (${uncovered} of them not covered by any automated rule of the policy pack)` : ""}, from ${report.summary.total} automated results.</p>
${chart}
<h3>1.1 Summary of assessment findings (at least one sub-requirement marked)</h3>
<table><thead><tr><th>PCI DSS v4.0.1 principal requirement</th>${ROC_FINDINGS.map((f) => html`<th class="num">${f}</th>`)}<th class="num">Compensating Control</th></tr></thead><tbody>${rows}</tbody></table>
<table><tbody>
<tr><th>Not in Place</th><td>${failing.length > 0 ? failing.join(", ") : "none"}</td></tr>
<tr><th>Not Tested</th><td>${untested.length > 0 ? untested.join(", ") : "none"}</td></tr>
</tbody></table>
</section>`;
}

export function scopeSection(report: Report): HtmlStream {
  // Pools grouped by audience and how it was determined: 200 pools are a few rows, each with its count.
  const audiences = groupBy(
    report.audiences,
    (a) => `${a.audience}\u0000${a.declared ? `declared (${a.via})` : a.via}`,
  ).map(({ items }) => {
    const a = items[0]!;
    const how = a.declared
      ? `declared (${a.via})`
      : a.via === "unknown"
        ? "unknown: what declares it could not be read, so every requirement is taken to apply"
        : "not declared: treated as workforce, the strictest";
    return htmlStream`<tr><td>${a.via === "unknown" ? "unknown" : a.audience}</td><td>${how}</td><td class="num">${items.length}</td><td>${nameList(items.map((i) => i.name ?? i.key))}</td></tr>`;
  });
  const inputs = each(
    report.inputs,
    (i) => html`<tr><td class="mono path">${i.path}</td><td>${i.kind}</td><td class="hash">${i.sha256}</td></tr>`,
  );
  return htmlStream`<section id="scope">
<h2 class="new-page">2. Scope of Work and Evidence Sources</h2>
<table><tbody>
<tr><th>Standard</th><td>PCI DSS v4.0.1 (June 2024), defined approach</td></tr>
<tr><th>Assessment date and time</th><td>${report.generatedAt}</td></tr>
<tr><th>Testing method</th><td>${report.source === "live" ? "Examine: automated examination of the live system configuration, read through read-only AWS APIs (Describe, Get and List calls), no interviews or observation" : "Examine: automated examination of system configuration settings (infrastructure as code), no interviews or observation"}</td></tr>
<tr><th>Source kind</th><td>${report.source}</td></tr>
<tr><th>${report.source === "live" ? "Account and regions" : "Stacks"}</th><td>${report.scopes.length > 0 ? report.scopes.join(", ") : "(none)"}</td></tr>
<tr><th>Policy pack</th><td>${report.policy.name} version ${report.policy.version}${report.policy.file ? html` (<span class="mono">${report.policy.file}</span>)` : ""}</td></tr>
<tr><th>Tool</th><td>${report.tool.name} ${report.tool.version}</td></tr>
</tbody></table>
<h3>2.1 Inputs examined</h3>
${report.inputs.length > 0 ? htmlStream`<table><thead><tr><th>File</th><th>Kind</th><th>SHA-256</th></tr></thead><tbody>${inputs}</tbody></table>` : html`<p>No input files: the configuration was read from the live AWS account (${report.scopes.join(", ")}) at the assessment time above.${report.diagnostics.length > 0 ? ` ${report.diagnostics.length} read(s) failed: section 6.1 lists them.` : ""}</p>`}
<h3>2.2 User pools and the audience of their accounts</h3>
<p>PCI DSS v4.0.1 Requirements 8.2 to 8.5 apply to user accounts, not to accounts used by consumers (cardholders); system and application accounts (identity-pool roles, machine-to-machine clients, secrets in configuration) and stored account data (Requirement 3) are in scope whatever the audience. Each user pool's audience decides which requirements apply to it.</p>
<table><thead><tr><th>Audience</th><th>How it was determined</th><th class="num">User pools</th><th>User pools</th></tr></thead><tbody>${audiences.length > 0 ? audiences : html`<tr><td colspan="4">No user pools in scope.</td></tr>`}</tbody></table>
${scanScopeTable(report)}
</section>`;
}

export function waiversSection(report: Report): HtmlStream {
  const waived = report.results.flatMap((r, i) => (r.status === "WAIVED" ? [{ r, i }] : []));
  // Row by row: an estate can waive a finding on every resource.
  const rows = each(waived, ({ r, i }) => {
    const w = r.waiver;
    return html`<tr><td class="mono ref">${evidenceRef(i)}</td><td class="mono">${w?.id ?? ""}</td><td class="mono rule">${r.ruleId}</td><td>${resourceCell(r)}</td><td>${w?.owner ?? ""}</td><td>${w?.expires ?? ""}</td><td>${w?.reason ?? ""}</td><td>${w?.compensatingControl ?? html`<em>none stated: the requirement stays Not in Place</em>`}</td></tr>`;
  });
  const problems = report.waivers.map(
    (s) =>
      html`<tr><td class="mono">${s.waiver.id}</td><td class="mono">${s.ruleId}</td><td class="mono">${s.selector}</td><td>${s.problem}</td><td>${s.waiver.owner}</td><td>${s.waiver.expires}</td><td class="mono">${s.waiver.file}</td></tr>`,
  );
  return htmlStream`<section id="waivers">
<h2>4. Waivers and Compensating Controls</h2>
<p>A waiver turns a failing result into WAIVED until it expires. Where it states a compensating control the requirement is reported with the Compensating Control method; the control must still be documented and validated in a Compensating Controls Worksheet (Appendix C) and re-validated at every annual assessment.</p>
${
  waived.length > 0
    ? htmlStream`<table><thead><tr><th>Ref.</th><th>Waiver</th><th>Rule</th><th>Resource</th><th>Owner</th><th>Expires</th><th>Reason</th><th>Compensating control</th></tr></thead><tbody>${rows}</tbody></table>`
    : html`<p>No result was waived.</p>`
}
${
  problems.length > 0
    ? html`<h3>4.1 Waivers needing attention</h3><table><thead><tr><th>Waiver</th><th>Rule</th><th>Selector</th><th>Problem</th><th>Owner</th><th>Expires</th><th>File</th></tr></thead><tbody>${problems}</tbody></table>`
    : ""
}
</section>`;
}

/** Names, the first few inline and the rest collapsed. */
function nameList(names: readonly string[]): HtmlStream {
  const inline = names.slice(0, NAMED_INLINE);
  const rest = names.slice(NAMED_INLINE);
  // The rest names every other pool of an audience: written in batches, never one string.
  return htmlStream`${inline.join(", ")}${rest.length > 0 ? htmlStream` <details class="more"><summary>and ${rest.length} more</summary>${joined(rest, ", ")}</details>` : ""}`;
}
