// The evidence report written in chunks (FILE_WRITERS.html.chunks): joined, they are writeHtml's
// text whatever the chunk size, for the reference stacks under the project's policy, the hostile
// fixture and a report with drift; on a generated estate of 200 pools, with a waiver on every
// failing MFA result, no chunk outgrows its size by more than one small piece and no piece grows
// when the estate does, so no section is rendered as one string; hostile strings stay escaped.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compareWithPlanned } from "../../../checks/engine/drift.js";
import { evaluate } from "../../../checks/engine/evaluate.js";
import { loadPolicy } from "../../../checks/engine/policy-pack.js";
import type { Report } from "../../../checks/engine/report.js";
import { loadWaivers } from "../../../checks/engine/waivers.js";
import { RULES_BY_ID } from "../../../checks/rules/index.js";
import { loadSynth } from "../../../checks/sources/synth/loader.js";
import { htmlDocument, writeHtml, writeHtmlChunks } from "../../../reports/html/index.js";
import { htmlChunks } from "../../../reports/html/stream.js";
import { writerChunks } from "../../../reports/writers/file-writer.js";
import { htmlWriter } from "../../../reports/writers/html.js";
import { CHUNK_CHARS } from "../../../reports/line-chunks.js";
import { SHOP_POLICY } from "../../../stacks/compliant-variant.js";
import { hostileSynth, SCRIPT } from "../../support/hostile-fixture.js";
import { synthLargeEstate } from "../../support/large-estate.js";
import { synthReferenceApp } from "../../support/reference-synth.js";

const NOW = new Date("2026-11-22T12:00:00Z");
/** The writer's longest pieces (the stylesheet, a batch of names) are a few kilobytes, whatever the estate. */
const PIECE = 16 * 1024;

function check(dir: string, stacks?: readonly string[], waivers?: string): Report {
  const policy = loadPolicy(stacks ? SHOP_POLICY : "pci-dss-4.0.1", RULES_BY_ID);
  return evaluate(loadSynth(dir, stacks ? { stacks } : {}), policy, RULES_BY_ID, {
    now: NOW,
    ...(waivers ? { waivers: loadWaivers(waivers, RULES_BY_ID) } : {}),
  });
}

/** The chunks at several sizes each join to writeHtml's text; the text is a whole document. */
function expectSameAtEverySize(report: Report): string {
  const text = writeHtml(report);
  expect(text.startsWith("<!DOCTYPE html>\n")).toBe(true);
  expect(text.endsWith("</html>\n")).toBe(true);
  expect([...writeHtmlChunks(report)].join("")).toBe(text);
  // What the CLI writes: the html writer's own chunks, not its whole text.
  expect(htmlWriter.chunks).toBeDefined();
  expect([...writerChunks(htmlWriter, report, new Map())].join("")).toBe(text);
  for (const size of [1, 97, 4096]) expect([...htmlChunks(htmlDocument(report), size)].join("")).toBe(text);
  return text;
}

describe("the chunks of small reports", () => {
  let legacy: Report;
  let compliant: Report;
  beforeAll(() => {
    const dir = synthReferenceApp();
    legacy = check(dir, ["shop-legacy"]);
    compliant = check(dir, ["shop-compliant"]);
  });

  it("join to writeHtml's text for both reference stacks", () => {
    for (const report of [legacy, compliant]) {
      expect(report.results.length).toBeGreaterThan(50);
      expect(expectSameAtEverySize(report)).toContain('<section id="evidence">');
    }
  });

  it("join to writeHtml's text for a report with drift, the drift section included", () => {
    const drifted: Report = { ...legacy, drift: compareWithPlanned(compliant, legacy) };
    expect(drifted.drift!.onlyLive.length + drifted.drift!.changed.length).toBeGreaterThan(0);
    expect(expectSameAtEverySize(drifted)).toContain("2.3 Drift against the planned configuration");
  });

  it("join to writeHtml's text for the hostile fixture, its payloads escaped", () => {
    const text = expectSameAtEverySize(check(hostileSynth()));
    expect(text).not.toMatch(/<script|<img|onerror=alert\(1\)>/i);
    expect(text).toContain(SCRIPT.replaceAll("<", "&lt;").replaceAll(">", "&gt;"));
  });
});

describe("the chunks of a generated estate of 200 pools and 300 clients", () => {
  let report: Report;
  beforeAll(() => {
    // A waiver on every failing MFA result, its reason hostile, so the waiver table grows with the estate too.
    const file = join(mkdtempSync(join(tmpdir(), "authwarden-waivers-")), "waivers.yaml");
    writeFileSync(
      file,
      `waivers:\n  - rule: mfa-required\n    resource: "*"\n    reason: ${JSON.stringify(`Hardware MFA at the IdP proxy ${SCRIPT}`)}\n    owner: iam@shop.example\n    expires: "2099-12-31"\n`,
    );
    report = check(synthLargeEstate(200, 300), undefined, file);
  }, 120_000);

  it("are never much larger than their size: every section is written row by row", () => {
    expect(report.results.length).toBeGreaterThan(5_000);
    expect(report.results.filter((r) => r.status === "WAIVED").length).toBeGreaterThan(50);
    const size = 16 * 1024;
    const chunks = [...htmlChunks(htmlDocument(report), size)];
    expect(chunks.length).toBeGreaterThan(30);
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(size + PIECE);
    const text = chunks.join("");
    expect(text).toBe(writeHtml(report));
    expect(text).not.toMatch(/<script/i);
  });

  /** The estate's results several times over, each copy its own object, as the JSON chunk test does. */
  function timesOver(copies: number): Report {
    return { ...report, results: Array.from({ length: copies }, () => report.results.map((r) => ({ ...r }))).flat() };
  }
  /** The longest piece the writer hands the chunker (at size 1, every chunk is one piece). */
  const longestPiece = (of: Report) => Math.max(...[...htmlChunks(htmlDocument(of), 1)].map((p) => p.length));

  it("are made of pieces that do not grow with the estate", () => {
    const longest = longestPiece(report);
    expect(longest).toBeLessThan(PIECE);
    expect(longestPiece(timesOver(5))).toBeLessThanOrEqual(longest);
  });

  it("come in chunks of about CHUNK_CHARS when the report passes a few mebibytes", () => {
    const large = timesOver(Math.ceil((4 * CHUNK_CHARS) / writeHtml(report).length) + 1);
    const chunks = [...writeHtmlChunks(large)];
    expect(chunks.length).toBeGreaterThanOrEqual(4);
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(CHUNK_CHARS + PIECE);
    expect(chunks.slice(0, -1).every((c) => c.length >= CHUNK_CHARS)).toBe(true);
    expect(chunks.join("")).toBe(writeHtml(large));
  });
});
