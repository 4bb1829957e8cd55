// The evidence report's table of what a live scan covered: every account and region, what was read
// there and what failed (an account whose audit role could not be assumed, reads that failed), and
// which shards a merged report was combined from. An assessor reads the scope of the evidence here.

import type { Report } from "../../checks/engine/report.js";
import type { ScannedAccount, ScannedRegion } from "../../checks/engine/scan-section.js";
import { each, htmlStream, type HtmlStream } from "./stream.js";
import { html, type SafeHtml } from "./template.js";

/** Failures listed per region before the rest are counted. */
const FAILURES_SHOWN = 3;

function readCell(region: ScannedRegion): string {
  const kinds = Object.entries(region.read);
  return kinds.length > 0 ? kinds.map(([kind, n]) => `${n} ${kind}`).join(", ") : "nothing";
}

function failures(report: Report, account: ScannedAccount, region: ScannedRegion): SafeHtml {
  if (account.status === "not-assumed")
    return html`not audited: ${account.reason ?? "the account could not be entered"}`;
  const failed = report.diagnostics.filter((d) => d.account === account.id && d.region === region.name);
  if (failed.length === 0) return html`none`;
  const shown = failed.slice(0, FAILURES_SHOWN).map((d) => html`<li>${d.message}</li>`);
  const more = failed.length - shown.length;
  return html`${region.incomplete ? html`<strong>incomplete</strong>: ` : ""}${failed.length} failed<ul>${shown}${more > 0 ? html`<li>${more} more in section 6.1</li>` : ""}</ul>`;
}

export function scanScopeTable(report: Report): HtmlStream {
  const scan = report.scan;
  if (!scan) return htmlStream``;
  // Row by row: an organization's scan covers every region of every account.
  const pairs = scan.accounts.flatMap((account) => account.regions.map((region) => ({ account, region })));
  const rows = each(
    pairs,
    ({ account, region }) =>
      html`<tr><td class="mono">${account.id}</td><td class="mono">${region.name}</td><td>${account.status === "read" ? "read" : "role not assumed"}${account.role ? html`<br><span class="mono">${account.role}</span>` : ""}</td><td>${readCell(region)}</td><td>${failures(report, account, region)}</td></tr>`,
  );
  const shards = scan.shards ?? (scan.shard ? [scan.shard] : []);
  const shardNote =
    shards.length > 0
      ? html`<p>${scan.shards ? "Combined from shards" : "This report is shard"} ${shards.map((s) => `${s.index}`).join(", ")} of ${shards[0]!.count} of a scan of ${shards[0]!.units} account and region pairs (plan <span class="hash">${shards[0]!.plan}</span>).</p>`
      : "";
  return htmlStream`<h3>2.3 Accounts and regions scanned</h3>
${shardNote}<table><thead><tr><th>Account</th><th>Region</th><th>Access</th><th>Read</th><th>Failed</th></tr></thead><tbody>${pairs.length > 0 ? rows : html`<tr><td colspan="5">No account was scanned.</td></tr>`}</tbody></table>`;
}
