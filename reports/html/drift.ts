// The drift section of the HTML evidence report: what differs between the live account and the
// planned configuration it was checked against. Every value is escaped by the html template.

import type { Report, ResultResource } from "../../checks/engine/report.js";
import { each, htmlStream, type HtmlStream } from "./stream.js";
import { html } from "./template.js";

function resourceName(r: ResultResource): string {
  return `${r.kind} ${r.parent ? `${r.parent}/` : ""}${r.name ?? r.key}`;
}

export function driftSection(report: Report): HtmlStream {
  const drift = report.drift;
  if (!drift) return htmlStream``;
  // Row by row: a live account can differ from its plan on every resource.
  const rows = [
    each(
      drift.changed,
      (d) =>
        html`<tr><td>verdict changed</td><td class="mono rule">${d.ruleId}</td><td>${resourceName(d.resource)}</td><td>planned ${d.planned}, live ${d.live}: ${d.message}</td></tr>`,
    ),
    each(
      drift.onlyLive,
      (r) =>
        html`<tr><td>only live</td><td></td><td>${resourceName(r)}</td><td>exists in the account but not in the planned configuration (made outside the infrastructure code)</td></tr>`,
    ),
    each(
      drift.onlyPlanned,
      (r) =>
        html`<tr><td>only planned</td><td></td><td>${resourceName(r)}</td><td>planned but not found in the account (deleted, or never applied)</td></tr>`,
    ),
  ];
  const against = `${drift.against.source}${drift.against.scopes.length > 0 ? ` (${drift.against.scopes.join(", ")})` : ""}`;
  const inputs = drift.against.inputs.map(
    (i) => html`<tr><td class="mono path">${i.path}</td><td>${i.kind}</td><td class="hash">${i.sha256}</td></tr>`,
  );
  const drifted = drift.changed.length + drift.onlyLive.length + drift.onlyPlanned.length;
  return htmlStream`<section id="drift">
<h3>2.3 Drift against the planned configuration</h3>
<p>The rules were also judged on the planned configuration, ${against}, under the same policy and waivers. Only verdicts both sides can reach are compared; a value the plan could not know is not drift.</p>
${inputs.length > 0 ? html`<table><thead><tr><th>Planned input</th><th>Kind</th><th>SHA-256</th></tr></thead><tbody>${inputs}</tbody></table>` : ""}
${
  drifted > 0
    ? htmlStream`<table><thead><tr><th>Drift</th><th>Rule</th><th>Resource</th><th>Detail</th></tr></thead><tbody>${rows}</tbody></table>`
    : html`<p><strong>No drift:</strong> the live account matches what was planned, resource by resource and verdict by verdict.</p>`
}
</section>`;
}
