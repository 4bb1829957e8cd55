// Names and tag values from the estate are hostile: a pool name and a tag value carrying script and
// onerror payloads, pipes, backticks, Markdown links, mentions, newlines and control characters
// come out inert in every format; bidirectional controls, NUL and ESC are shown as visible escapes.

import { beforeAll, describe, expect, it } from "vitest";
import { ruleMetadata } from "../../checks/engine/catalog.js";
import type { Report } from "../../checks/engine/report.js";
import { RULES } from "../../checks/rules/index.js";
import {
  htmlEscape,
  markdownText,
  stripInvalidXmlChars,
  visibleEscapes,
  xmlAttribute,
  xmlText,
} from "../../reports/escape.js";
import { fit, GITHUB_COMMENT_LIMIT, NAME_LIMIT, writeMarkdown } from "../../reports/markdown.js";
import { terminalSafe } from "../../reports/terminal-text.js";
import { BIDI, BIDI_CODES, BIDI_NAME, CLIENT_NAME, hostileSynth, POOL_NAME } from "../support/hostile-fixture.js";
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
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;\\u0007bell");
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
      // Names are clipped in table cells (NAME_LIMIT): whole, the second line is on the same row.
      expect(row).toMatch(/second line|…/);
    }
    const failureRow = poolRows.find(
      (row) => row.startsWith("| 🟧") || row.startsWith("| 🟥") || row.startsWith("| 🟨"),
    )!;
    expect(failureRow.split(/(?<!\\)\|/).length - 2).toBe(4);
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

const RAW_INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const RAW_INVISIBLE_G = new RegExp(RAW_INVISIBLE.source, "g");
const FILES = ["authwarden.json", "authwarden.sarif", "authwarden.junit.xml", "authwarden.md", "authwarden.html"];

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

describe("bidirectional controls, NUL and ESC in the reports", () => {
  it("the fixture carries every bidi control, NUL and ESC into the report", () => {
    expect(hostile.report.results.map((r) => r.resource.name)).toContain(BIDI_NAME);
    expect(hostile.report.results.some((r) => r.status === "FAIL" && r.resource.name === BIDI_NAME)).toBe(true);
  });

  it.each(FILES)("%s carries none of them raw", (file) => {
    const text = hostile.files[file]!;
    expect(text).toContain("invoice");
    expect(text).not.toMatch(RAW_INVISIBLE);
  });

  it.each([
    ["authwarden.html", "\\u"],
    ["authwarden.junit.xml", "\\u"],
    ["authwarden.md", "\\\\u"],
    ["authwarden.json", "\\u"],
  ])("%s shows each one as an escape", (file, prefix) => {
    const text = hostile.files[file]!;
    for (const code of [...BIDI_CODES, "0000", "001b"]) expect(text).toContain(`${prefix}${code}`);
    expect(text).toContain(`invoice${prefix}202efdp.exe${prefix}202c`);
  });

  it("SARIF: message.text and every other string decode to visible escapes, never to the raw characters", () => {
    const sarif = JSON.parse(hostile.files["authwarden.sarif"]!) as {
      runs: { results: { message: { text: string }; properties: { resource: string } }[] }[];
    };
    for (const s of strings(sarif)) expect(s).not.toMatch(RAW_INVISIBLE);
    const results = sarif.runs[0]!.results.filter((r) => r.message.text.startsWith("invoice"));
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.message.text).toContain(visibleEscapes(BIDI_NAME));
      expect(r.message.text).toContain("nul\\u0000 esc\\u001b[31mred");
      expect(r.properties.resource).toBe(visibleEscapes(BIDI_NAME));
    }
  });

  it("JSON: the machine contract keeps the exact string; only the document's bytes are escaped", () => {
    const text = hostile.files["authwarden.json"]!;
    const report = JSON.parse(text) as Report;
    expect(report.results.map((r) => r.resource.name)).toContain(BIDI_NAME);
    expect(text).toContain(JSON.stringify(BIDI_NAME).replace(RAW_INVISIBLE_G, (ch) => visibleEscapes(ch)));
  });

  it("the terminal shows them as escapes too", () => {
    expect(terminalSafe(BIDI_NAME)).not.toMatch(RAW_INVISIBLE);
    expect(terminalSafe(`a\u202eb\n\u0000`)).toBe("a\\u202eb\\n\\u0000");
  });
});

describe("escape functions", () => {
  it("visibleEscapes: every bidi control, C0 (but tab and line feed), C1 and separator as \\uXXXX", () => {
    expect(visibleEscapes(BIDI)).toBe(BIDI_CODES.map((c) => `\\u${c}`).join(""));
    expect(visibleEscapes("a\u0000b\u001bc\rd\u007fe\u0085f\u2028g\th\ni")).toBe(
      "a\\u0000b\\u001bc\\u000dd\\u007fe\\u0085f\\u2028g\th\ni",
    );
    expect(visibleEscapes("plain ünïcode 日本 \u{1F600}")).toBe("plain ünïcode 日本 \u{1F600}");
  });

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
  it("a report too long for a PR comment stays under 65,536 characters, every section present and pointing to the full report", () => {
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
    const md = writeMarkdown(report, ruleMetadata(RULES), { reportUrl: "https://ci.example/run/1#artifacts" });
    expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    // Each section stops at its share of the budget and says how much the full report holds beyond it.
    expect(md).not.toContain("Truncated");
    expect(md).toMatch(
      /<summary>All other failures \(575\)<\/summary>[\s\S]*?…and [\d,]+ more in \[the full report\]\(https:\/\/ci\.example\/run\/1#artifacts\)\./,
    );
    expect(md).toMatch(
      /<summary>Unknown: not tested \(600\)<\/summary>[\s\S]*?…and [\d,]+ more in \[the full report\]/,
    );
    expect(md.match(/^<details>$/gm)?.length ?? 0).toBe(md.match(/^<\/details>$/gm)?.length ?? 0);
  });

  it("a 100 KB resource name is clipped in every cell, and every failure keeps its row", () => {
    const base = hostile.report;
    const long = `huge-${"n".repeat(100_000 - 10)}-tail`;
    const rename = (r: Report["results"][number]) =>
      r.resource.name === POOL_NAME
        ? { ...r, message: r.message.split(POOL_NAME).join(long), resource: { ...r.resource, name: long } }
        : r;
    const results = base.results.map(rename);
    const waived = {
      ...results.find((r) => r.status === "FAIL" && r.resource.name === long)!,
      status: "WAIVED" as const,
    };
    const unknown = { ...waived, status: "UNKNOWN" as const };
    const report: Report = {
      ...base,
      results: [
        ...results,
        {
          ...waived,
          waiver: { id: "w-1", reason: long, owner: "sec", expires: "2099-01-01", file: "waivers.yaml" },
        } as Report["results"][number],
        unknown,
      ],
      scopes: [long],
    };
    const md = writeMarkdown(report, ruleMetadata(RULES));
    expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(md).not.toContain("Truncated");
    expect(md).not.toContain("nnnn-tail");
    const failures = report.results.filter((r) => r.status === "FAIL").length;
    const rows = md.split("\n").filter((line) => /^\| (🟥|🟧|🟨|🟦|⬜) /u.test(line));
    expect(rows.length).toBe(failures);
    const clipped = `huge-${"n".repeat(NAME_LIMIT - 5)}…`;
    for (const row of rows.filter((line) => line.includes("huge-"))) expect(row).toContain(clipped);
    expect(rows.filter((line) => line.includes("huge-")).length).toBeGreaterThan(0);
    // The waived, unknown and requirement tables and the header clip it too.
    expect(md.split(clipped).length - 1).toBeGreaterThan(rows.filter((line) => line.includes("huge-")).length * 2);
    for (const line of md.split("\n")) expect(line.length).toBeLessThan(20_000);
  });

  it("clipping never splits a surrogate pair", () => {
    const fail = hostile.report.results.find((r) => r.status === "FAIL")!;
    const name = `${"a".repeat(NAME_LIMIT - 1)}${"😀".repeat(10)}`;
    const report: Report = { ...hostile.report, results: [{ ...fail, resource: { ...fail.resource, name } }] };
    const md = writeMarkdown(report, ruleMetadata(RULES));
    expect(md).toContain(`${"a".repeat(NAME_LIMIT - 1)}…`);
    expect(md).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
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
