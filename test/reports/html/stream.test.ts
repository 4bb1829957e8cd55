// The streaming template of the evidence report: htmlStream`` gives html``'s markup for the same
// values (hostile ones escaped alike), joined() escapes to the markup of the whole join, each()
// renders an item only when the chunk holding it is pulled, and htmlChunks' chunks join to the
// document whatever their size.

import { describe, expect, it } from "vitest";
import { htmlEscape } from "../../../reports/escape.js";
import { CHUNK_CHARS } from "../../../reports/line-chunks.js";
import { each, htmlChunks, htmlStream, htmlText, joined } from "../../../reports/html/stream.js";
import { html, trusted } from "../../../reports/html/template.js";
import { BIDI_NAME, CLIENT_NAME, IMG, POOL_NAME } from "../../support/hostile-fixture.js";

const HOSTILE = [
  POOL_NAME,
  CLIENT_NAME,
  BIDI_NAME,
  `"quoted" 'single' \`tick\` & amp`,
  "lone \ud800 surrogate",
  "pair 😀",
];

describe("htmlStream", () => {
  it("renders html``'s markup for the same values: strings escaped, SafeHtml kept, lists flattened, nothing for null", () => {
    const values = [
      ...HOSTILE,
      42,
      0,
      true,
      false,
      null,
      undefined,
      trusted("<b>kept</b>"),
      [POOL_NAME, html`<i>${IMG}</i>`],
    ];
    for (const value of values) {
      const expected = html`<td title="${value}">${value}</td>`.value;
      expect(htmlText(htmlStream`<td title="${value}">${value}</td>`)).toBe(expected);
    }
    expect(htmlText(htmlStream`<p>${POOL_NAME}</p>`)).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(htmlText(htmlStream`<p>${BIDI_NAME}</p>`)).not.toMatch(/[\u202a-\u202e]/);
    expect(htmlText(htmlStream`<p>${BIDI_NAME}</p>`)).not.toContain("\u0000");
  });

  it("nests streams and lists in order, and renders an empty template as nothing", () => {
    const inner = htmlStream`<li>${"a<"}</li>${[htmlStream`<li>${"b"}</li>`, "c&"]}`;
    expect(htmlText(htmlStream`<ul>${inner}${htmlStream``}</ul>`)).toBe("<ul><li>a&lt;</li><li>b</li>c&amp;</ul>");
    expect([...htmlChunks(htmlStream``)]).toEqual([]);
  });
});

describe("joined", () => {
  it("escapes to the markup of the whole join, across its batches", () => {
    const texts = Array.from({ length: 1000 }, (_, i) => `${HOSTILE[i % HOSTILE.length]!} ${i}`);
    const markup = htmlText(joined(texts, ", "));
    expect(markup).toBe(htmlEscape(texts.join(", ")));
    expect(markup).not.toContain("<script");
    expect(htmlText(joined([], ", "))).toBe("");
    expect(htmlText(joined(["one"], "; "))).toBe("one");
  });

  it("is written in parts far smaller than the whole list", () => {
    const texts = Array.from({ length: 10_000 }, (_, i) => `pool-${i}`);
    const pieces = [...htmlChunks(joined(texts, ", "), 1)];
    expect(pieces.length).toBeGreaterThan(10);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(texts.join(", ").length / 10);
  });
});

describe("each and htmlChunks", () => {
  it("renders an item only when the chunk that holds it is pulled", () => {
    let rendered = 0;
    const rows = each(
      Array.from({ length: 100 }, (_, i) => i),
      (i) => {
        rendered++;
        return html`<tr><td>${"x".repeat(90)}${i}</td></tr>`;
      },
    );
    const chunks = htmlChunks(htmlStream`<table>${rows}</table>`, 1000);
    expect(rendered).toBe(0);
    const first = chunks.next();
    expect(first.done).toBe(false);
    expect(rendered).toBeLessThan(15);
    expect([...chunks].length).toBeGreaterThan(5);
    expect(rendered).toBe(100);
  });

  it("gives chunks that join to the document whatever their size, each at least the size but the last", () => {
    const document = htmlStream`<main>${each(HOSTILE, (name, i) => htmlStream`<p id="p${i}">${name}: ${joined(HOSTILE, "; ")}</p>`)}</main>`;
    const whole = htmlText(document);
    expect(whole).toBe(
      `<main>${HOSTILE.map((name, i) => html`<p id="p${i}">${name}: ${HOSTILE.join("; ")}</p>`.value).join("")}</main>`,
    );
    for (const size of [1, 7, 100, 1000, CHUNK_CHARS]) {
      const chunks = [...htmlChunks(document, size)];
      expect(chunks.join("")).toBe(whole);
      expect(chunks.slice(0, -1).every((c) => c.length >= size)).toBe(true);
    }
  });
});
