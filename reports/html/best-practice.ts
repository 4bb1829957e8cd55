// Section 5 of the evidence report: the results that cite no PCI DSS requirement applying to the
// resource, grouped by rule, status and what was found. A group's resource list names each of its
// resources, so the rows are written one by one (stream.ts).

import type { Report, Result } from "../../checks/engine/report.js";
import { bestPractice } from "../roc.js";
import { genericMessage, groupBy, refList, resourceList } from "./grouping.js";
import { each, htmlStream, type HtmlStream } from "./stream.js";
import { html, type SafeHtml } from "./template.js";

/** A result's index in the report: its register reference. */
export type IndexOf = (result: Result) => number;

function status(result: Result): SafeHtml {
  return html`<span class="s-${result.status}">${result.status.replace("_", " ")}</span>`;
}

export function bestPracticeSection(report: Report, indexOf: IndexOf): HtmlStream {
  const results = bestPractice(report);
  const open = results.filter((r) => r.status !== "PASS" && r.status !== "NOT_APPLICABLE");
  const groups = groupBy(open, (r) => `${r.ruleId}\u0000${r.status}\u0000${genericMessage(r)}`);
  const rows = each(groups, ({ items }) => {
    const r = items[0]!;
    return htmlStream`<tr><td class="nowrap">${r.severity}</td><td class="mono rule">${r.ruleId}</td><td class="nowrap">${status(r)}</td><td class="num">${items.length}</td><td>${genericMessage(r)}</td><td>${resourceList(items)}</td><td class="mono refs">${refList(items.map(indexOf))}</td><td>${bestPracticeBasis(r)}</td><td>${r.remediation}</td></tr>`;
  });
  return htmlStream`<section id="best-practice">
<h2>5. Best-Practice Findings</h2>
<p>These results cite no PCI DSS v4.0.1 requirement that applies to the resource: the rule is a best practice with a published source, or the requirement it cites does not apply to the pool's audience (PCI DSS Requirements 8.2 to 8.5 do not apply to consumer accounts). They do not change any assessment finding above; they are reported as security recommendations, worst first. ${results.length - open.length} of ${results.length} best-practice results meet the recommendation.</p>
${groups.length > 0 ? htmlStream`<table><thead><tr><th>Severity</th><th>Rule</th><th>Result</th><th class="num">Resources</th><th>Observation</th><th>Resources</th><th>Register</th><th>Basis</th><th>Recommendation</th></tr></thead><tbody>${rows}</tbody></table>` : html`<p>No open recommendation.</p>`}
</section>`;
}

/** Why a result is a best-practice finding: the sources the rule cites, or why its requirements do not apply. */
function bestPracticeBasis(result: Result): SafeHtml {
  const reasons = [...new Set(result.controls.map((c) => `${c.id}: ${c.reason ?? "not applicable"}`))];
  return html`${result.references.map((s, i) => html`${i > 0 ? html`<br>` : ""}${s.title}`)}${result.references.length > 0 && reasons.length > 0 ? html`<br>` : ""}${reasons.map((r, i) => html`${i > 0 ? html`<br>` : ""}<small>${r}</small>`)}`;
}
