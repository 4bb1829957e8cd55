// The summary chart: inline SVG built from counts only, with presentation attributes (no style
// attributes, no external assets), so it renders offline and under the report's CSP.

import type { Summary } from "../../checks/engine/report.js";
import { STATUSES, type Status } from "../../checks/engine/rule.js";
import { html, type SafeHtml } from "./template.js";
import { ROC_FINDINGS, type RocFinding } from "../roc.js";

const FINDING_COLOR: Readonly<Record<RocFinding, string>> = {
  "In Place": "#1a7f37",
  "Not in Place": "#b42318",
  "Not Applicable": "#8c959f",
  "Not Tested": "#bf8700",
};
const STATUS_COLOR: Readonly<Record<Status, string>> = {
  FAIL: "#b42318",
  ERROR: "#8250df",
  UNKNOWN: "#bf8700",
  WAIVED: "#0969da",
  PASS: "#1a7f37",
  NOT_APPLICABLE: "#8c959f",
};
const STATUS_LABEL: Readonly<Record<Status, string>> = {
  FAIL: "Fail",
  ERROR: "Error",
  UNKNOWN: "Unknown",
  WAIVED: "Waived",
  PASS: "Pass",
  NOT_APPLICABLE: "Not applicable",
};

interface Bar {
  readonly label: string;
  readonly value: number;
  readonly color: string;
}

const WIDTH = 460;
const LABEL = 120;
const BAR_MAX = 280;
const ROW = 24;

function panel(title: string, bars: readonly Bar[], x: number): SafeHtml {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rows = bars.map((bar, i) => {
    const y = 30 + i * ROW;
    const w = bar.value === 0 ? 0 : Math.max(2, Math.round((bar.value / max) * BAR_MAX));
    return html`<text x="${x + LABEL - 8}" y="${y + 13}" text-anchor="end" font-size="12" fill="#1b1f24">${bar.label}</text><rect x="${x + LABEL}" y="${y}" width="${w}" height="17" fill="${bar.color}"/><text x="${x + LABEL + w + 6}" y="${y + 13}" font-size="12" fill="#1b1f24">${bar.value}</text>`;
  });
  return html`<text x="${x}" y="16" font-size="13" font-weight="bold" fill="#1f3a5f">${title}</text>${rows}`;
}

export function summaryChart(findings: Readonly<Record<RocFinding, number>>, summary: Summary): SafeHtml {
  const left = panel(
    "Requirements by assessment finding",
    ROC_FINDINGS.map((f) => ({ label: f, value: findings[f], color: FINDING_COLOR[f] })),
    0,
  );
  const right = panel(
    "Automated results by status",
    STATUSES.map((s) => ({ label: STATUS_LABEL[s], value: summary.byStatus[s], color: STATUS_COLOR[s] })),
    WIDTH + 20,
  );
  const height = 30 + Math.max(ROC_FINDINGS.length, STATUSES.length) * ROW + 6;
  const description = `${ROC_FINDINGS.map((f) => `${f}: ${findings[f]}`).join(", ")}. ${STATUSES.map((s) => `${STATUS_LABEL[s]}: ${summary.byStatus[s]}`).join(", ")}.`;
  return html`<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 ${WIDTH * 2 + 20} ${height}" width="100%" font-family="Arial, Helvetica, sans-serif"><title id="chart-title">Summary of assessment</title><desc id="chart-desc">${description}</desc>${left}${right}</svg>`;
}
