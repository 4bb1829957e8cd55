// The JSON report: the machine contract of DESIGN.md. Results are already in a stable order, so
// two runs on the same input differ only in generatedAt. The document keeps every string exactly
// (it is the machine contract), but carries no invisible character raw: JSON.stringify escapes the
// C0 controls, visibleEscapes the rest (bidi controls, C1, line separators) as JSON \uXXXX escapes,
// so a viewer shows them and JSON.parse gives back the original.
//
// The report of a large estate is larger than one string can be (V8 caps a string near 512 MiB),
// so it is rendered in chunks: the top levels are written out here, each element below them by
// JSON.stringify, and the bytes are exactly those of JSON.stringify(report, null, 2).

import type { Report } from "../checks/engine/report.js";
import { visibleEscapes } from "./escape.js";

const INDENT = "  ";
/** Levels written out piecewise: the report object and its members; results[] elements are stringified whole. */
const STREAMED_DEPTH = 2;
const CHUNK_CHARS = 1 << 20;

export function writeJson(report: Report): string {
  return [...writeJsonChunks(report)].join("");
}

/** The JSON report as consecutive chunks of about a mebibyte; their concatenation is writeJson's text. */
export function* writeJsonChunks(report: Report): Generator<string> {
  let buffer = "";
  for (const piece of pieces(report, "", 0)) {
    buffer += piece;
    if (buffer.length >= CHUNK_CHARS) {
      // The escaped characters are single UTF-16 units, so escaping chunk by chunk equals escaping the whole.
      yield visibleEscapes(buffer);
      buffer = "";
    }
  }
  yield visibleEscapes(`${buffer}\n`);
}

/** What JSON.stringify drops from an object and writes as null in an array. */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

/** JSON.stringify(value, null, 2) at `indent`, as pieces. */
function* pieces(value: unknown, indent: string, depth: number): Generator<string> {
  const plain =
    typeof value === "object" && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== "function";
  if (!plain || depth >= STREAMED_DEPTH) {
    const text = JSON.stringify(value, null, INDENT);
    // JSON text holds no raw line feed inside strings, so every one is layout.
    yield indent ? text.replaceAll("\n", `\n${indent}`) : text;
    return;
  }
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    if (value.length === 0) return yield "[]";
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? "[" : ","}\n${inner}`;
      const item: unknown = value[i];
      if (omitted(item)) yield "null";
      else yield* pieces(item, inner, depth + 1);
    }
    return yield `\n${indent}]`;
  }
  let first = true;
  for (const [key, member] of Object.entries(value)) {
    if (omitted(member)) continue;
    yield `${first ? "{" : ","}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* pieces(member, inner, depth + 1);
  }
  yield first ? "{}" : `\n${indent}}`;
}
