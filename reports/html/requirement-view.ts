// Section 3 of the evidence report, requirement by requirement: the assessment finding, why it
// was selected, and the evidence behind it grouped per rule and by what was found, with counts,
// the resources (long lists collapsed) and the register references as ranges, so 200 pools read
// as a few rows per rule rather than a row per pool.

import {
  PRINCIPALS,
  ROC_FINDINGS,
  findingLabel,
  refRangeParts,
  type RequirementAssessment,
  type RequirementRow,
} from "../roc.js";
import { count, examined, groupBy, refList, resourceList } from "./grouping.js";
import { findingBadge } from "./sections.js";
import { each, htmlStream, joined, type HtmlPart, type HtmlStream } from "./stream.js";
import { html, type SafeHtml } from "./template.js";
import { resourceLabel } from "../rule-info.js";

function checkboxes(assessment: RequirementAssessment): SafeHtml {
  const box = (on: boolean, label: string) =>
    html`<span class="box${on ? " on" : ""}">${on ? "☒" : "☐"} ${label}</span>`;
  return html`<div class="boxes"><span class="label">Assessment finding:</span>${ROC_FINDINGS.map((f) => box(assessment.finding === f, f))}<span class="label">Method:</span>${box(assessment.compensatingControl, "Compensating Control")}${box(false, "Customized Approach")}</div>`;
}

function multiline(text: string): SafeHtml {
  return html`${text.split("\n").map((line, i) => html`${i > 0 ? html`<br>` : ""}${line}`)}`;
}

/** Why a row is Not Applicable or Not Tested, with the resource's name as [resource] so the same reason groups. */
function reasonOf(row: RequirementRow): string {
  const label = resourceLabel(row.result);
  return label.length < 3 ? (row.reason ?? "") : (row.reason ?? "").split(label).join("[resource]");
}

/** A supports row never decides the finding: its failure is a weakness, its pass only contributes. */
function rowBadge(row: RequirementRow): SafeHtml {
  if (row.relation === "meets" || row.finding === "Not Applicable" || row.finding === "Not Tested")
    return findingBadge(row.finding);
  return row.finding === "Not in Place"
    ? html`<span class="badge f-not-in-place">Weakness</span>`
    : html`<span class="badge f-not-tested">Contributes</span>`;
}

/** One row per rule and finding and configuration: how many resources, which, and where in the register. */
function evidenceRows(rows: readonly RequirementRow[]): HtmlStream {
  const groups = groupBy(rows, (r) => r.result.ruleId).flatMap(({ items: ofRule }) =>
    groupBy(ofRule, (r) => `${r.relation}\u0000${r.finding}\u0000${examined(r.result)}\u0000${reasonOf(r)}`),
  );
  // Row by row: a group's resource list names every resource it holds.
  return each(groups, ({ items }) => {
    const first = items[0]!;
    const results = items.map((r) => r.result);
    const reason =
      first.reason && (first.result.evidence.length > 0 || first.reason !== first.result.message)
        ? html`<br><small>${reasonOf(first)}</small>`
        : "";
    return htmlStream`<tr><td class="mono rule">${first.result.ruleId}</td><td>${first.relation}</td><td>${rowBadge(first)}${reason}</td><td class="num">${items.length}</td><td class="cfg">${multiline(examined(first.result))}</td><td>${resourceList(results)}</td><td class="mono refs">${refList(items.map((r) => r.index))}</td></tr>`;
  });
}

function requirementBlock(assessment: RequirementAssessment): HtmlStream {
  const inScope = assessment.rows.filter((r) => r.finding !== "Not Applicable");
  const exempt = assessment.rows.filter((r) => r.finding === "Not Applicable");
  const table =
    inScope.length > 0
      ? htmlStream`<div class="label-sm">Testing procedure: examine system configuration settings (${count(inScope.length, "result")})</div>
<table class="evidence"><thead><tr><th>Rule</th><th>Relation</th><th>Finding</th><th class="num">Resources</th><th>Configuration examined</th><th>Resources examined</th><th>Register</th></tr></thead><tbody>${evidenceRows(inScope)}</tbody></table>`
      : "";
  const exemptNote =
    exempt.length > 0 && inScope.length > 0
      ? htmlStream`<div class="label-sm">Not applicable</div><ul class="exempt">${groupBy(exempt, reasonOf).map(({ key, items }) => htmlStream`<li>${key || "not applicable"}: ${count(items.length, "result")} (${joined(refRangeParts(items.map((r) => r.index)), ", ")})</li>`)}</ul>`
      : "";
  return htmlStream`<div class="req" id="req-${assessment.id}">
<div class="req-head"><h4>${assessment.id} <q class="text">${assessment.text}</q></h4><div>${findingBadge(assessment.finding)}${assessment.compensatingControl ? html` <span class="badge f-not-tested">Compensating Control</span>` : ""}</div></div>
<div class="req-body">${checkboxes(assessment)}
<div class="label-sm">Why the assessment finding was selected</div><p>${assessment.narrative}</p>
${assessment.compensatingControl ? html`<div class="label-sm">Compensating control</div><p>${findingLabel(assessment)}</p>` : ""}
${assessment.verifyByHand ? html`<div class="label-sm">To verify by other means</div><p>${assessment.verifyByHand}</p>` : ""}
${table}${exemptNote}</div></div>`;
}

export function findingsSection(assessments: readonly RequirementAssessment[]): HtmlStream {
  const principals = [...new Set(assessments.map((a) => a.principal))];
  return htmlStream`<section id="findings">
<h2 class="new-page">3. Findings and Observations</h2>
<p>One block per requirement: the assessment finding, why it was selected, and the configuration evidence behind it, one row per rule and configuration found with the number of resources; long resource lists are collapsed. Evidence references (EV-nnn) point to the evidence register in Section 6, which lists every result.</p>
${each(principals, (p): HtmlPart => {
  const own = assessments.filter((a) => a.principal === p);
  const covered = own.filter((a) => a.rows.length > 0);
  const uncovered = own.filter((a) => a.rows.length === 0);
  const notCovered = html`<p><small>${uncovered[0]?.narrative ?? ""}</small></p><table><thead><tr><th>Requirement</th><th class="num">Finding</th></tr></thead><tbody>${uncovered.map((a) => html`<tr><td><strong>${a.id}</strong> <q>${a.text}</q>${a.verifyByHand ? html`<br><small>To verify by other means: ${a.verifyByHand}</small>` : ""}</td><td>${findingBadge(a.finding)}</td></tr>`)}</tbody></table>`;
  // Block by block, each made as it is written: a block's evidence rows are grouped only then.
  return htmlStream`<h3>Requirement ${p}: ${PRINCIPALS[p] ?? ""}</h3>${each(covered, (a) => requirementBlock(a))}${uncovered.length > 0 ? html`<div class="label-sm">Not covered by an automated rule</div>${notCovered}` : ""}`;
})}
</section>`;
}
