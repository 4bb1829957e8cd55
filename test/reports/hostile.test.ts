// Names and tag values from the estate are hostile: a pool name and a tag value carrying script and
// onerror payloads, pipes, backticks, Markdown links, mentions, newlines and control characters
// come out inert in every format.

import { beforeAll, describe, expect, it } from "vitest";
import { ruleMetadata } from "../../checks/engine/catalog.js";
import type { Report } from "../../checks/engine/report.js";
import { RULES } from "../../checks/rules/index.js";
import { htmlEscape, markdownText, stripInvalidXmlChars, xmlAttribute, xmlText } from "../../reports/escape.js";
import { fit, GITHUB_COMMENT_LIMIT, writeMarkdown } from "../../reports/markdown.js";
import { CLIENT_NAME, hostileSynth, POOL_NAME } from "../support/hostile-fixture.js";
import { runAllFormats, type AllFormatsRun } from "../support/reports.js";

let hostile: AllFormatsRun;

beforeAll(async () => {
  hostile = await runAllFormats(hostileSynth());
});

describe("hostile names in the reports", () => {
  it("the fixture really carries the payloads into the report", () => {
    const names = hostile.report.results.map((r) => r.resource.name);
    expect(names).toContain(POOL_NAME);
    expect(names).toContain(CLIENT_NAME);
    expect(hostile.report.summary.byStatus.FAIL).toBeGreaterThan(0);
  });

  it("HTML: no tag, attribute or entity from the estate survives; the text is shown escaped", () => {
    const html = hostile.files["authwarden.html"]!;
    expect(html).not.toMatch(/<script|<img|<a href="(?!#)|javascript:|onerror=alert\(1\)>/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;bell");
    expect(html).not.toContain("\u0007");
  });

  it("Markdown: no raw HTML, link, image, code span, mention or row break from the estate", () => {
    const md = hostile.files["authwarden.md"]!;
    expect(md).not.toMatch(/<script|<img/i);
    expect(md).toContain("&lt;script&gt;alert\\(1\\)&lt;/script&gt;");
    expect(md).toContain("&lt;img src=x onerror=alert\\(1\\)&gt;");
    expect(md).not.toMatch(/(?<!\\)\[link\]|(?<!\\)!\[i\]|(?<!\\)`tick|@acme/);
    const poolRows = md.split("\n").filter((line) => line.includes("staff &lt;script"));
    expect(poolRows.length).toBeGreaterThan(0);
    for (const row of poolRows) {
      expect(row).toContain("\\| pipe \\`tick\\`");
      expect(row).toContain("second line");
    }
    const failureRow = poolRows.find(
      (row) => row.startsWith("| 🟧") || row.startsWith("| 🟥") || row.startsWith("| 🟨"),
    )!;
    expect(failureRow.split(/(?<!\\)\|/).length - 2).toBe(5);
  });

  it("JUnit and SARIF carry the names as escaped data", () => {
    const xml = hostile.files["authwarden.junit.xml"]!;
    expect(xml).not.toMatch(/<script|<img/);
    expect(xml).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(xml).not.toContain("\u0007");
    const sarif = JSON.parse(hostile.files["authwarden.sarif"]!) as {
      runs: { results: { properties: { resource: string } }[] }[];
    };
    expect(sarif.runs[0]!.results.map((r) => r.properties.resource)).toContain(POOL_NAME);
  });
});

describe("escape functions", () => {
  it("xml: text, attributes and characters XML 1.0 cannot carry", () => {
    expect(xmlText(`a<b>&c"'`)).toBe(`a&lt;b&gt;&amp;c"'`);
    expect(xmlAttribute(`a<b>&c"'\n\t`)).toBe("a&lt;b&gt;&amp;c&quot;&apos;&#10;&#9;");
    expect(stripInvalidXmlChars("a\u0000b\u0008c\uFFFEd\uD800e\u{1F600}f")).toBe("abcde\u{1F600}f");
  });

  it("html escapes quotes and backticks too", () => {
    expect(htmlEscape(`<a href="x" title='y'>\``)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&#96;");
  });

  it("markdown keeps one line and neutralizes syntax", () => {
    expect(markdownText("a|b\n`c`<d>")).toBe("a\\|b \\`c\\`&lt;d&gt;");
    expect(markdownText("@team")).toBe("@\u200bteam");
  });
});

describe("the Markdown size limit", () => {
  it("a report too long for a PR comment is cut under 65,536 characters, says so, and closes its <details>", () => {
    const base = hostile.report;
    const fail = base.results.find((r) => r.status === "FAIL")!;
    const many = (status: "FAIL" | "UNKNOWN") =>
      Array.from({ length: 600 }, (_, i) => ({
        ...fail,
        status,
        message: `${fail.message} ${"x".repeat(150)}`,
        resource: { ...fail.resource, key: `${fail.resource.key}#${status}${i}` },
      }));
    const report: Report = { ...base, results: [...many("FAIL"), ...many("UNKNOWN")] };
    const md = writeMarkdown(report, ruleMetadata(RULES));
    expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(md).toMatch(/> ✂️ \*\*Truncated:\*\* [\d,]+ characters \([\d,]+ lines\) were left out/);
    expect(md.match(/^<details>$/gm)?.length ?? 0).toBe(md.match(/^<\/details>$/gm)?.length ?? 0);
  });

  it("fit closes a <details> it cut into", () => {
    const text = [
      "head",
      "<details>",
      "<summary>s</summary>",
      "",
      ...Array.from({ length: 100 }, (_, i) => `| row ${i} |`),
      "",
      "</details>",
    ].join("\n");
    const cut = fit(text, 900);
    expect(cut.length).toBeLessThanOrEqual(900);
    expect(cut).toMatch(/\n\n<\/details>\n\n> ✂️ \*\*Truncated:\*\*/);
  });
});
