// The first page of the evidence report, in the manner of Part I of a Report on Compliance: who
// was assessed, by whom, over which period and in what scope (from --assessed-entity, --assessor,
// --assessment-period and --scope-statement; a field not given says so rather than inventing one),
// and for a live scan which endpoint and account were read. A scan sent elsewhere with
// --endpoint-url says on this page that it is not evidence of an AWS account.

import type { Report } from "../../checks/engine/report.js";
import type { WriterOptions } from "../writer-options.js";
import { html, type SafeHtml } from "./template.js";

function field(label: string, value: string | undefined, flag: string): SafeHtml {
  return html`<dt>${label}</dt><dd>${value ?? html`<span class="missing">not stated (${flag})</span>`}</dd>`;
}

/** The accounts a live scan read: its scan section, else as the loader scoped it ("account 123456789012"). */
function account(report: Report): string {
  if (report.scan && report.scan.accounts.length > 0) return report.scan.accounts.map((a) => a.id).join(", ");
  const scope = report.scopes.find((s) => s.startsWith("account "));
  return scope ? scope.slice("account ".length) : "not determined";
}

export function partOneFields(report: Report, options: WriterOptions): SafeHtml {
  const a = options.assessment ?? {};
  const live =
    report.source === "live"
      ? html`<dt>Endpoint scanned</dt><dd class="mono">${options.endpoint?.url ?? "not recorded by the caller"}</dd><dt>Account scanned</dt><dd class="mono">${account(report)}</dd>`
      : "";
  return html`${field("Assessed entity", a.entity, "--assessed-entity")}${field("Assessor", a.assessor, "--assessor")}${field("Assessment period", a.period, "--assessment-period")}${field("Scope statement", a.scope, "--scope-statement")}${live}`;
}

/** The first-page warning for a scan whose requests went to --endpoint-url instead of AWS. */
export function endpointNotice(report: Report, options: WriterOptions): SafeHtml {
  if (report.source !== "live" || !options.endpoint?.overridden) return html``;
  return html`<p class="notice emulator"><strong>Not an AWS account:</strong> every request of this scan went to ${html`<span class="mono">${options.endpoint.url}</span>`} (set with --endpoint-url), an emulator or proxy, not the AWS endpoints. This report describes what that endpoint answered and is not evidence of the configuration of an AWS account.</p>`;
}
