// The chunked JSON report is the same bytes as the whole-string one: JSON.stringify(report, null, 2)
// with invisible characters escaped, for a report of hostile names and for one past a chunk's size;
// a report past COMPACT_FROM_RESULTS results is JSON.stringify(report)'s document, no indentation.

import { describe, expect, it } from "vitest";
import { evaluate } from "../../checks/engine/evaluate.js";
import { loadPolicy } from "../../checks/engine/policy-pack.js";
import type { Report } from "../../checks/engine/report.js";
import { RULES_BY_ID } from "../../checks/rules/index.js";
import { loadSynth } from "../../checks/sources/synth/loader.js";
import { visibleEscapes, visibleEscapesOfJson } from "../../reports/escape.js";
import { COMPACT_FROM_RESULTS, jsonLayout, writeJson, writeJsonChunks } from "../../reports/json.js";
import { hostileSynth } from "../support/hostile-fixture.js";

function hostileReport(): Report {
  const policy = loadPolicy("pci-dss-4.0.1", RULES_BY_ID);
  return evaluate(loadSynth(hostileSynth()), policy, RULES_BY_ID, { now: new Date(0) });
}

const whole = (report: Report) => `${visibleEscapes(JSON.stringify(report, null, 2))}\n`;
const compact = (report: Report) => `${visibleEscapes(JSON.stringify(report))}\n`;

describe("the chunked JSON report", () => {
  const report = hostileReport();

  it("is byte for byte JSON.stringify's document, invisible characters escaped", () => {
    expect(report.results.length).toBeGreaterThan(5);
    const text = writeJson(report);
    expect(text).toBe(whole(report));
    expect(text).toContain("\\u202e");
    expect(text).not.toMatch(/[\u202a-\u202e]/);
  });

  it("splits a report past a mebibyte into several chunks that join to the same text", () => {
    const copies = Math.ceil((2 * 1024 * 1024) / JSON.stringify(report.results).length) + 1;
    const large: Report = { ...report, results: Array.from({ length: copies }, () => report.results).flat() };
    const chunks = [...writeJsonChunks(large)];
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join("")).toBe(whole(large));
  });

  it("writes an empty results list and absent members as JSON.stringify does", () => {
    const sparse = { ...report, results: [], scan: undefined } as unknown as Report;
    expect(writeJson(sparse)).toBe(whole(sparse));
  });

  it("writes a report past COMPACT_FROM_RESULTS results compact: JSON.stringify's document, same members", () => {
    const copies = Math.ceil((COMPACT_FROM_RESULTS + 1) / report.results.length);
    const large: Report = { ...report, results: Array.from({ length: copies }, () => report.results).flat() };
    expect(jsonLayout(report)).toBe("pretty");
    expect(jsonLayout(large)).toBe("compact");
    const chunks = [...writeJsonChunks(large)];
    expect(chunks.length).toBeGreaterThan(1);
    const text = chunks.join("");
    expect(text).toBe(compact(large));
    expect(text).not.toMatch(/[\u202a-\u202e]/);
    expect(JSON.parse(text)).toEqual(JSON.parse(whole(large)));
  });

  it("writes sparse members and an empty list compact as JSON.stringify does", () => {
    const sparse = { ...report, results: [], scan: undefined, requirements: [undefined] } as unknown as Report;
    expect(writeJson(sparse, "compact")).toBe(compact(sparse));
  });
});

describe("visibleEscapesOfJson", () => {
  // Every kind of character visibleEscapes escapes, beside ASCII and non-ASCII text it leaves alone.
  const samples = [
    "plain ascii",
    "del \u007f in ascii",
    "tab \t line feed \n carriage return \r",
    "c0 \u0001 \u001f",
    "c1 \u0085",
    "bidi \u202e \u2066 \u061c \u200f",
    "separator \u2028",
    "latin-1 é",
    "lone surrogate \ud800",
    "emoji 😀",
  ];

  it.each(samples)("gives visibleEscapes' text for JSON.stringify(%j)", (sample) => {
    const json = JSON.stringify({ name: sample });
    const escaped = visibleEscapesOfJson(json);
    expect(escaped).toBe(visibleEscapes(json));
    expect((JSON.parse(escaped) as { name: string }).name).toBe(sample);
  });

  it("escapes DEL in otherwise ASCII JSON and returns clean ASCII JSON as it is", () => {
    expect(visibleEscapesOfJson(JSON.stringify("a\u007fb"))).toBe('"a\\u007fb"');
    const clean = JSON.stringify({ a: "b" });
    expect(visibleEscapesOfJson(clean)).toBe(clean);
  });
});
