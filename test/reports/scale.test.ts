// The reports on a generated estate of 200 user pools and 300 app clients (test/support/large-estate.ts,
// synthesized here from the reference constructs): the PR comment stays within GitHub's limit and
// spends it on what a reviewer acts on, and the evidence report stays small enough to open and
// print (its page count is measured in the browser test).

import { beforeAll, describe, expect, it } from "vitest";
import { severityRank } from "../../checks/engine/rule.js";
import type { Report } from "../../checks/engine/report.js";
import { GITHUB_COMMENT_LIMIT, OPEN_FAILURES } from "../../reports/markdown.js";
import { synthLargeEstate } from "../support/large-estate.js";
import { runAllFormats, type AllFormatsRun } from "../support/reports.js";

const REPORT_URL = "https://github.com/acme/shop/actions/runs/42#artifacts";
let run: AllFormatsRun;
let md: string;
let report: Report;

beforeAll(async () => {
  run = await runAllFormats(synthLargeEstate(200, 300), ["--report-url", REPORT_URL]);
  md = run.files["authwarden.md"]!;
  report = run.report;
});

/** The rows of the Markdown table under `heading`, as cells. */
function tableRows(text: string, heading: RegExp): string[][] {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => heading.test(l));
  expect(start, String(heading)).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith("|"))
      rows.push(
        line
          .split(/(?<!\\)\|/)
          .slice(1, -1)
          .map((c) => c.trim()),
      );
    else if (rows.length > 0) break;
  }
  return rows.slice(2);
}

describe("the estate", () => {
  it("has 200 pools, 300 clients and thousands of results, many of them high or critical failures", () => {
    expect(new Set(report.results.filter((r) => r.resource.kind === "UserPool").map((r) => r.resource.key)).size).toBe(
      200,
    );
    expect(
      new Set(report.results.filter((r) => r.resource.kind === "UserPoolClient").map((r) => r.resource.key)).size,
    ).toBe(300);
    expect(report.summary.byStatus.FAIL).toBeGreaterThan(2_000);
    expect(report.summary.failuresBySeverity.high + report.summary.failuresBySeverity.critical).toBeGreaterThan(1_000);
  });
});

describe("the Markdown comment at scale", () => {
  it("fits GitHub's comment limit without being cut", () => {
    expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(md).not.toContain("Truncated");
    expect(md.match(/^<details>$/gm)?.length ?? 0).toBe(md.match(/^<\/details>$/gm)?.length ?? 0);
  });

  it("counts failures per rule, highest severity first, and the counts add up", () => {
    const rows = tableRows(md, /^#### Failures by rule/);
    const failing = new Set(report.results.filter((r) => r.status === "FAIL").map((r) => r.ruleId));
    expect(rows).toHaveLength(failing.size);
    const ranks = rows.map((cells) => severityRank(cells[1]!.split(" ")[1] as never));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    const total = rows.reduce((n, cells) => n + Number(/^\d+/.exec(cells[2]!)![0]), 0);
    expect(total).toBe(report.summary.byStatus.FAIL);
  });

  it("lists the applicable failures of the highest severity first, in the open", () => {
    const rows = tableRows(md, /^#### Failures to fix first/);
    expect(rows).toHaveLength(OPEN_FAILURES);
    const top = Math.max(
      ...report.results
        .filter((r) => r.status === "FAIL" && r.controls.some((c) => c.applicable))
        .map((r) => severityRank(r.severity)),
    );
    for (const cells of rows) {
      expect(severityRank(cells[0]!.split(" ")[1] as never)).toBe(top);
      expect(cells[3]).not.toContain("best practice");
    }
  });

  it("puts the rest behind <details> with a link to the full report", () => {
    expect(md).toMatch(/<details>\n<summary>All other failures \([\d,]+\)<\/summary>/);
    expect(md).toContain(`more in [the full report](${REPORT_URL})`);
    // The unknown results keep their section too.
    const unknowns = /<summary>Unknown: not tested \(([\d,]+)\)<\/summary>/.exec(md)?.[1];
    expect(Number(unknowns?.replace(/,/g, ""))).toBe(report.summary.byStatus.UNKNOWN);
  });

  it("does not spend the budget on one cell listing every pool", () => {
    const longest = Math.max(...md.split("\n").map((l) => l.length));
    expect(longest).toBeLessThan(1_500);
    for (const cells of tableRows(md, /^#### PCI DSS v4\.0\.1 requirements touched/))
      expect(cells[3]!.length).toBeLessThan(400);
  });

  it("fits GitHub's content width: four columns, names clipped, long tokens breakable", () => {
    for (const heading of [/^#### Failures to fix first/, /^<summary>All other failures/]) {
      for (const cells of tableRows(md, heading)) {
        expect(cells).toHaveLength(4);
        // <br> is a line break (a word break); the other markup is invisible.
        const visible = cells.map((c) =>
          c.replace(/<br>/g, " ").replace(/<wbr>|<\/?sub>|\*\*|\[([^\]]*)\]\([^)]*\)/g, "$1"),
        );
        for (const cell of visible) {
          expect(cell.length).toBeLessThanOrEqual(320);
          for (const word of cell.split(/\s+/)) expect(word.length, word).toBeLessThanOrEqual(60);
        }
      }
    }
  });

  it("never shows a raw ${...} interpolation", () => {
    expect(md).not.toMatch(/\$\{|\\\$\\\{/);
  });
});

describe("the HTML evidence report at scale", () => {
  it("is under 2 MB", () => {
    expect(Buffer.byteLength(run.files["authwarden.html"]!)).toBeLessThan(2 * 1024 * 1024);
  });

  it("groups evidence per rule with counts and collapses long resource lists", () => {
    const html = run.files["authwarden.html"]!;
    const start = html.indexOf('id="req-8.3.6"');
    const block = html.slice(start, html.indexOf('<div class="req"', start + 1));
    expect(block).toMatch(
      /<td class="mono rule">password-min-length<\/td><td>meets<\/td><td><span class="badge f-not-in-place">Not in Place<\/span><\/td><td class="num">\d+<\/td>/,
    );
    expect(block).toMatch(/<details class="more"><summary>and \d+ more<\/summary>/);
    expect(block).toMatch(/EV-\d+–EV-\d+|EV-\d+/);
  });

  it("keeps a register of every result", () => {
    const html = run.files["authwarden.html"]!;
    const register = html.slice(html.indexOf('<section id="evidence">'));
    expect(register.match(/\bEV-\d+ /g)).toHaveLength(report.results.length);
  });
});
