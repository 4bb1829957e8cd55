// Run by the scale bench on the report a `check --format json` wrote: how long JSON.stringify alone
// takes to write that report again, the least any writer of the JSON contract spends on it whatever
// the engine (no file write, no escaping checks; V8's native serializer). At 100k the report is larger
// than one string can hold, so it is cut into its top-level members and their array elements
// (untimed), each parsed, and each serialized again (timed). The serialized pieces must be the
// report's own bytes, or the floor is not measuring the same output: then it fails.
//
// It also times the members DESIGN.md's JSON contract names, alone (below).
//
//   node --max-old-space-size=16384 bench/scale/report-floor.mjs report.json
//   prints {"report": {"seconds", "bytes"}, "contract": {"seconds", "characters"}}, or null for an
//   indented report

import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN = new Set([0x5b, 0x7b]);
const CLOSE = new Set([0x5d, 0x7d]);

/**
 * The report's pieces in order, each a [start, end) byte range and its kind: each top-level
 * member that is not an array is one piece (key and value), an array member is its key and bracket,
 * then its elements one by one. Expects a compact report.
 */
function pieces(bytes) {
  const out = [];
  let depth = 0;
  let memberStart = 1;
  let splitting = false;
  let elementStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === QUOTE) {
      // Jump to the closing quote: one not preceded by an odd run of backslashes.
      let end = i;
      for (;;) {
        end = bytes.indexOf(QUOTE, end + 1);
        if (end < 0) throw new Error("unterminated string");
        let slashes = 0;
        while (bytes[end - 1 - slashes] === BACKSLASH) slashes++;
        if (slashes % 2 === 0) break;
      }
      i = end;
    } else if (OPEN.has(byte)) {
      depth++;
      // A top-level array of objects or arrays is split into its elements; one of strings or numbers stays whole.
      if (
        depth === 2 &&
        byte === 0x5b &&
        bytes[i - 1] === COLON &&
        (OPEN.has(bytes[i + 1]) || CLOSE.has(bytes[i + 1]))
      ) {
        out.push({ start: memberStart, end: i + 1, kind: "head" });
        splitting = true;
      } else if (depth === 3 && splitting) elementStart = i;
    } else if (CLOSE.has(byte)) {
      depth--;
      if (depth === 2 && splitting) {
        out.push({ start: elementStart, end: i + 1, kind: "element" });
      } else if (depth === 1 && splitting) {
        out.push({ start: i, end: i + 1, kind: "raw" });
        splitting = false;
        memberStart = i + 1;
      }
    } else if (byte === COMMA && depth === 1) {
      if (memberStart < i) out.push({ start: memberStart, end: i, kind: "member" });
      out.push({ start: i, end: i + 1, kind: "raw" });
      memberStart = i + 1;
    } else if (byte === COMMA && depth === 2 && splitting) {
      out.push({ start: i, end: i + 1, kind: "raw" });
    }
  }
  if (memberStart < bytes.length - 1) out.push({ start: memberStart, end: bytes.length - 1, kind: "member" });
  return out;
}

const file = readFileSync(process.argv[2]);
// The writer ends the report with a newline.
const bytes = file[file.length - 1] === 0x0a ? file.subarray(0, file.length - 1) : file;
if (bytes[0] !== 0x7b || bytes[bytes.length - 1] !== 0x7d) throw new Error(`${process.argv[2]}: not a JSON object`);
// The writer indents reports of up to 10,000 results (COMPACT_FROM_RESULTS): one string holds those,
// and this measures only the compact layout, so it says null.
if (bytes[1] !== QUOTE) {
  process.stdout.write("null");
  process.exit(0);
}
const parts = pieces(bytes);
// What each piece holds, parsed: a member as {key: value}, an element as the value; heads and separators are text.
const values = parts.map((part) => {
  const text = bytes.toString("utf8", part.start, part.end);
  if (part.kind === "member") return JSON.parse(`{${text}}`);
  if (part.kind === "element") return JSON.parse(text);
  return text;
});

const serialize = (value, i) => {
  const kind = parts[i].kind;
  if (kind === "member") return JSON.stringify(value).slice(1, -1);
  return kind === "element" ? JSON.stringify(value) : value;
};

/**
 * Serializes each value and lets it go, as a streaming writer does (holding every piece would make the
 * collector copy them, and time that instead); the fastest of three passes, as the floor is a least.
 */
function timed(count, write) {
  let fastest = Infinity;
  let length = 0;
  for (let pass = 0; pass < 3; pass++) {
    length = 0;
    const start = performance.now();
    for (let i = 0; i < count; i++) length += write(i).length;
    fastest = Math.min(fastest, (performance.now() - start) / 1000);
  }
  return { seconds: fastest, length };
}

// What DESIGN.md's JSON contract names, and no more: results with ruleId, status, severity, message,
// resource (as this report describes it), controls and references; summary, inputs, scan, policy and
// the version. This report also carries each result's title, message id, audience, evidence and
// remediation, and the requirement roll-ups, the audiences and the gate.
const CONTRACT_MEMBERS = new Set(["summary", "inputs", "scan", "policy"]);
const contractPieces = [];
let inResults = false;
for (let i = 0; i < parts.length; i++) {
  const { kind } = parts[i];
  if (kind === "head") inResults = values[i] === '"results":[';
  if (kind === "element" && inResults) {
    const { ruleId, status, severity, message, resource, controls, references } = values[i];
    contractPieces.push({ ruleId, status, severity, message, resource, controls, references });
  }
  if (kind !== "member") continue;
  const [[name, value]] = Object.entries(values[i]);
  if (CONTRACT_MEMBERS.has(name)) contractPieces.push({ [name]: value });
  if (name === "tool") contractPieces.push({ version: value.version });
}

const report = timed(values.length, (i) => serialize(values[i], i));
const members = timed(contractPieces.length, (i) => JSON.stringify(contractPieces[i]));

// Untimed: the same bytes, or this did not measure the report the check wrote.
let offset = 0;
for (let i = 0; i < values.length; i++) {
  const piece = Buffer.from(serialize(values[i], i), "utf8");
  if (!piece.equals(bytes.subarray(1 + offset, 1 + offset + piece.length)))
    throw new Error(`${process.argv[2]}: the re-serialized report differs at byte ${1 + offset}`);
  offset += piece.length;
}
if (offset !== bytes.length - 2 || report.length > offset)
  throw new Error(`${process.argv[2]}: re-serialized ${offset + 2} of ${bytes.length} bytes`);
process.stdout.write(
  JSON.stringify({
    report: { seconds: report.seconds, bytes: file.length },
    contract: { seconds: members.seconds, characters: members.length },
  }),
);
