// The sections of the HTML evidence report, each a pure function of the Report. Every value from
// the estate passes through the html`` template, which escapes it.

import { scanScopeTable } from "./scan-scope.js";
import type { Report, Result } from "../../checks/engine/report.js";
import { html, type SafeHtml } from "./template.js";
import {
  PRINCIPALS,
  ROC_FINDINGS,
  bestPractice,
  evidenceRef,
  type Overall,
  type RequirementAssessment,
  type RocFinding,
} from "../roc.js";
import { resourceLabel } from "../rule-info.js";
import { count, genericMessage, groupBy, NAMED_INLINE, refList, resourceList } from "./grouping.js";

const FINDING_CLASS: Readonly<Record<RocFinding, string>> = {
  "In Place": "f-in-place",
  "Not in Place": "f-not-in-place",
  "Not Applicable": "f-not-applicable",
  "Not Tested": "f-not-tested",
};

export function findingBadge(finding: RocFinding): SafeHtml {
  return html`<span class="badge ${FINDING_CLASS[finding]}">${finding}</span>`;
}

function status(result: Result): SafeHtml {
  return html`<span class="s-${result.status}">${result.status.replace("_", " ")}</span>`;
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

export function scopeSection(report: Report): SafeHtml {
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
    return html`<tr><td>${a.via === "unknown" ? "unknown" : a.audience}</td><td>${how}</td><td class="num">${items.length}</td><td>${nameList(items.map((i) => i.name ?? i.key))}</td></tr>`;
  });
  const inputs = report.inputs.map(
    (i) => html`<tr><td class="mono path">${i.path}</td><td>${i.kind}</td><td class="hash">${i.sha256}</td></tr>`,
  );
  return html`<section id="scope">
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
${inputs.length > 0 ? html`<table><thead><tr><th>File</th><th>Kind</th><th>SHA-256</th></tr></thead><tbody>${inputs}</tbody></table>` : html`<p>No input files: the configuration was read from the live AWS account (${report.scopes.join(", ")}) at the assessment time above.${report.diagnostics.length > 0 ? ` ${report.diagnostics.length} read(s) failed: section 6.1 lists them.` : ""}</p>`}
<h3>2.2 User pools and the audience of their accounts</h3>
<p>PCI DSS v4.0.1 Requirements 8.2 to 8.5 apply to user accounts, not to accounts used by consumers (cardholders); system and application accounts (identity-pool roles, machine-to-machine clients, secrets in configuration) and stored account data (Requirement 3) are in scope whatever the audience. Each user pool's audience decides which requirements apply to it.</p>
<table><thead><tr><th>Audience</th><th>How it was determined</th><th class="num">User pools</th><th>User pools</th></tr></thead><tbody>${audiences.length > 0 ? audiences : html`<tr><td colspan="4">No user pools in scope.</td></tr>`}</tbody></table>
${scanScopeTable(report)}
</section>`;
}

export function waiversSection(report: Report): SafeHtml {
  const waived = report.results.map((r, i) => ({ r, ref: evidenceRef(i) })).filter(({ r }) => r.status === "WAIVED");
  const rows = waived.map(({ r, ref }) => {
    const w = r.waiver;
    return html`<tr><td class="mono ref">${ref}</td><td class="mono">${w?.id ?? ""}</td><td class="mono rule">${r.ruleId}</td><td>${resourceCell(r)}</td><td>${w?.owner ?? ""}</td><td>${w?.expires ?? ""}</td><td>${w?.reason ?? ""}</td><td>${w?.compensatingControl ?? html`<em>none stated: the requirement stays Not in Place</em>`}</td></tr>`;
  });
  const problems = report.waivers.map(
    (s) =>
      html`<tr><td class="mono">${s.waiver.id}</td><td class="mono">${s.ruleId}</td><td class="mono">${s.selector}</td><td>${s.problem}</td><td>${s.waiver.owner}</td><td>${s.waiver.expires}</td><td class="mono">${s.waiver.file}</td></tr>`,
  );
  return html`<section id="waivers">
<h2>4. Waivers and Compensating Controls</h2>
<p>A waiver turns a failing result into WAIVED until it expires. Where it states a compensating control the requirement is reported with the Compensating Control method; the control must still be documented and validated in a Compensating Controls Worksheet (Appendix C) and re-validated at every annual assessment.</p>
${
  rows.length > 0
    ? html`<table><thead><tr><th>Ref.</th><th>Waiver</th><th>Rule</th><th>Resource</th><th>Owner</th><th>Expires</th><th>Reason</th><th>Compensating control</th></tr></thead><tbody>${rows}</tbody></table>`
    : html`<p>No result was waived.</p>`
}
${
  problems.length > 0
    ? html`<h3>4.1 Waivers needing attention</h3><table><thead><tr><th>Waiver</th><th>Rule</th><th>Selector</th><th>Problem</th><th>Owner</th><th>Expires</th><th>File</th></tr></thead><tbody>${problems}</tbody></table>`
    : ""
}
</section>`;
}

export function bestPracticeSection(report: Report): SafeHtml {
  const results = bestPractice(report);
  const open = results.filter((r) => r.status !== "PASS" && r.status !== "NOT_APPLICABLE");
  const index = new Map(report.results.map((r, i) => [r, i]));
  const rows = groupBy(open, (r) => `${r.ruleId}\u0000${r.status}\u0000${genericMessage(r)}`).map(({ items }) => {
    const r = items[0]!;
    return html`<tr><td class="nowrap">${r.severity}</td><td class="mono rule">${r.ruleId}</td><td class="nowrap">${status(r)}</td><td class="num">${items.length}</td><td>${genericMessage(r)}</td><td>${resourceList(items)}</td><td class="mono refs">${refList(items.map((i) => index.get(i)!))}</td><td>${bestPracticeBasis(r)}</td><td>${r.remediation}</td></tr>`;
  });
  return html`<section id="best-practice">
<h2>5. Best-Practice Findings</h2>
<p>These results cite no PCI DSS v4.0.1 requirement that applies to the resource: the rule is a best practice with a published source, or the requirement it cites does not apply to the pool's audience (PCI DSS Requirements 8.2 to 8.5 do not apply to consumer accounts). They do not change any assessment finding above; they are reported as security recommendations, worst first. ${results.length - open.length} of ${results.length} best-practice results meet the recommendation.</p>
${rows.length > 0 ? html`<table><thead><tr><th>Severity</th><th>Rule</th><th>Result</th><th class="num">Resources</th><th>Observation</th><th>Resources</th><th>Register</th><th>Basis</th><th>Recommendation</th></tr></thead><tbody>${rows}</tbody></table>` : html`<p>No open recommendation.</p>`}
</section>`;
}

/** Why a result is a best-practice finding: the sources the rule cites, or why its requirements do not apply. */
function bestPracticeBasis(result: Result): SafeHtml {
  const reasons = [...new Set(result.controls.map((c) => `${c.id}: ${c.reason ?? "not applicable"}`))];
  return html`${result.references.map((s, i) => html`${i > 0 ? html`<br>` : ""}${s.title}`)}${result.references.length > 0 && reasons.length > 0 ? html`<br>` : ""}${reasons.map((r, i) => html`${i > 0 ? html`<br>` : ""}<small>${r}</small>`)}`;
}

/**
 * Every result, under its rule, by status and source location: the register the findings cite by
 * range. Entries run as text ("EV-001 pool-a; EV-002 pool-b"), so thousands of results print in a
 * few pages and the browser's find searches them by reference, rule, status or name.
 */
export function evidenceSection(report: Report): SafeHtml {
  const byRule = groupBy(
    report.results.map((r, i) => ({ r, i })),
    ({ r }) => r.ruleId,
  ).map(({ key, items }) => {
    const counts = groupBy(items, ({ r }) => r.status)
      .map(({ key: s, items: of }) => `${of.length} ${s.replace("_", " ")}`)
      .join(", ");
    const kinds = [...new Set(items.map(({ r }) => r.resource.kind))].join(", ");
    const lines = groupBy(items, ({ r }) => `${r.status}\u0000${sourceLine(r) ?? ""}`).map(({ items: of }) => {
      const { r } = of[0]!;
      const where = sourceLine(r);
      const entries = of.map(
        ({ r: e, i }) =>
          html`${evidenceRef(i)} ${resourceLabel(e)}${where ? "" : html` <span class="mono">${e.resource.address ?? e.resource.arn ?? e.resource.key}</span>`}`,
      );
      return html`<p class="reg"><span class="s-${r.status}">${r.status.replace("_", " ")}</span> · ${count(of.length, "result")}${where ? html` · <span class="mono">${where}</span>` : ""}: ${entries.map((e, n) => html`${n > 0 ? "; " : ""}${e}`)}</p>`;
    });
    return html`<div class="reg-rule"><h4><span class="mono">${key}</span> (${kinds}) · ${count(items.length, "result")}: ${counts}</h4>${lines}</div>`;
  });
  const diagnostics = report.diagnostics.map(
    (d) => html`<li>${d.message}${d.file ? html` <span class="mono">(${d.file})</span>` : ""}</li>`,
  );
  return html`<section id="evidence">
<h2 class="new-page">6. Evidence Register (Other Assessment Evidence)</h2>
<p>Every automated result by reference (${count(report.results.length, "result")}), under its rule, by result and the source line that declares the resources. Use the browser's find (Ctrl+F) to search by reference, rule, status or resource name. The input files are identified by their SHA-256 in Section 2.1; the JSON report holds each result's evidence values and messages.</p>
${byRule}
${diagnostics.length > 0 ? html`<h3>6.1 Loader diagnostics</h3><ul>${diagnostics}</ul>` : ""}
</section>
`;
}

/** The source file and line (with the stack) that declares a resource, when known. */
function sourceLine(result: Result): string | undefined {
  const r = result.resource;
  if (!r.file) return undefined;
  const where = `${r.file}${r.line !== undefined ? `:${r.line}` : ""}`;
  return r.stack ? `${where} (${r.stack})` : where;
}

/** Names, the first few inline and the rest collapsed. */
function nameList(names: readonly string[]): SafeHtml {
  const inline = names.slice(0, NAMED_INLINE);
  const rest = names.slice(NAMED_INLINE);
  return html`${inline.join(", ")}${rest.length > 0 ? html` <details class="more"><summary>and ${rest.length} more</summary>${rest.join(", ")}</details>` : ""}`;
}
