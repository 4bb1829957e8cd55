// Section 6 of the evidence report, the evidence register: every result, under its rule, by status
// and source location, the register the findings cite by range. Entries run as text ("EV-001
// pool-a; EV-002 pool-b"), so thousands of results print in a few pages and the browser's find
// searches them by reference, rule, status or name. It grows with every result, so it is written
// entry by entry (stream.ts), never as one string.

import type { Report, Result } from "../../checks/engine/report.js";
import { evidenceRef } from "../roc.js";
import { resourceLabel } from "../rule-info.js";
import { count, groupBy } from "./grouping.js";
import { each, htmlStream, type HtmlStream } from "./stream.js";
import { html } from "./template.js";

interface Entry {
  readonly r: Result;
  /** The result's index in the report: its register reference. */
  readonly i: number;
}

/** One paragraph per status and source line of a rule's results, entry by entry. */
function registerLine(of: readonly Entry[]): HtmlStream {
  const { r } = of[0]!;
  const where = sourceLine(r);
  const entries = each(
    of,
    ({ r: e, i }, n) =>
      html`${n > 0 ? "; " : ""}${evidenceRef(i)} ${resourceLabel(e)}${where ? "" : html` <span class="mono">${e.resource.address ?? e.resource.arn ?? e.resource.key}</span>`}`,
  );
  return htmlStream`<p class="reg"><span class="s-${r.status}">${r.status.replace("_", " ")}</span> · ${count(of.length, "result")}${where ? html` · <span class="mono">${where}</span>` : ""}: ${entries}</p>`;
}

/** A rule's heading and its lines, grouped only when the rule is written. */
function registerRule(key: string, items: readonly Entry[]): HtmlStream {
  const counts = groupBy(items, ({ r }) => r.status)
    .map(({ key: s, items: of }) => `${of.length} ${s.replace("_", " ")}`)
    .join(", ");
  const kinds = [...new Set(items.map(({ r }) => r.resource.kind))].join(", ");
  const lines = groupBy(items, ({ r }) => `${r.status}\u0000${sourceLine(r) ?? ""}`);
  return htmlStream`<div class="reg-rule"><h4><span class="mono">${key}</span> (${kinds}) · ${count(items.length, "result")}: ${counts}</h4>${each(lines, ({ items: of }) => registerLine(of))}</div>`;
}

export function evidenceSection(report: Report): HtmlStream {
  const byRule = groupBy(
    report.results.map((r, i) => ({ r, i })),
    ({ r }) => r.ruleId,
  );
  const diagnostics = each(
    report.diagnostics,
    (d) => html`<li>${d.message}${d.file ? html` <span class="mono">(${d.file})</span>` : ""}</li>`,
  );
  return htmlStream`<section id="evidence">
<h2 class="new-page">6. Evidence Register (Other Assessment Evidence)</h2>
<p>Every automated result by reference (${count(report.results.length, "result")}), under its rule, by result and the source line that declares the resources. Use the browser's find (Ctrl+F) to search by reference, rule, status or resource name. The input files are identified by their SHA-256 in Section 2.1; the JSON report holds each result's evidence values and messages.</p>
${each(byRule, ({ key, items }) => registerRule(key, items))}
${report.diagnostics.length > 0 ? htmlStream`<h3>6.1 Loader diagnostics</h3><ul>${diagnostics}</ul>` : ""}
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
