// The JSON report: the machine contract of DESIGN.md. Results are already in a stable order, so
// two runs on the same input differ only in generatedAt. The document keeps every string exactly
// (it is the machine contract), but carries no invisible character raw: JSON.stringify escapes the
// C0 controls, visibleEscapes the rest (bidi controls, C1, line separators) as JSON \uXXXX escapes,
// so a viewer shows them and JSON.parse gives back the original.
//
// The report of a large estate is larger than one string can be (V8 caps a string near 512 MiB),
// so it is rendered in chunks: the top levels are written out here, each element below them by
// JSON.stringify, and the bytes are exactly those of JSON.stringify(report, null, 2). A report of
// more than COMPACT_FROM_RESULTS results is written compact, the bytes of JSON.stringify(report):
// the indentation is about a quarter of a large report and nobody reads 10,000 results by eye; the members
// and values are the same, so every consumer reads it alike (the contract names fields, not layout).

import type { Report } from "../checks/engine/report.js";
import { visibleEscapesOfJson } from "./escape.js";

const INDENT = "  ";
/** Levels written out piecewise: the report object and its members; the elements below are stringified whole. */
const STREAMED_DEPTH = 2;
const CHUNK_CHARS = 1 << 20;
/** Array elements stringified in one JSON.stringify call. */
const BATCH = 512;

/** Reports with more results than this are written compact (no indentation). */
export const COMPACT_FROM_RESULTS = 10_000;

export type JsonLayout = "pretty" | "compact";

/** The layout a report is written in: pretty unless it is large. */
export function jsonLayout(report: Report): JsonLayout {
  return report.results.length > COMPACT_FROM_RESULTS ? "compact" : "pretty";
}

export function writeJson(report: Report, layout: JsonLayout = jsonLayout(report)): string {
  return [...writeJsonChunks(report, layout)].join("");
}

/** The JSON report as consecutive chunks of about a mebibyte; their concatenation is writeJson's text. */
export function writeJsonChunks(report: Report, layout: JsonLayout = jsonLayout(report)): Generator<string> {
  return escapedChunks(layout === "compact" ? compactPieces(report, 0) : pieces(report, 0));
}

/**
 * A document's pieces gathered into chunks of about a mebibyte, made visible (visibleEscapes), with the
 * closing "\n". The pieces are JSON.stringify's text (and the brackets, commas and indentation between).
 */
export function* escapedChunks(parts: Iterable<string>): Generator<string> {
  let buffer = "";
  for (const piece of parts) {
    // The escaped characters are single UTF-16 units, so escaping piece by piece equals escaping the whole.
    if (piece.length >= CHUNK_CHARS) {
      if (buffer) yield visibleEscapesOfJson(buffer);
      buffer = "";
      yield visibleEscapesOfJson(piece);
      continue;
    }
    buffer += piece;
    if (buffer.length >= CHUNK_CHARS) {
      yield visibleEscapesOfJson(buffer);
      buffer = "";
    }
  }
  yield visibleEscapesOfJson(`${buffer}\n`);
}

/** What JSON.stringify drops from an object. */
export function omitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

/** JSON.stringify(value, null, 2) of a value `depth` levels down the report, as pieces. */
function* pieces(value: unknown, depth: number): Generator<string> {
  const plain =
    typeof value === "object" && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== "function";
  if (!plain || (depth >= STREAMED_DEPTH && !Array.isArray(value))) {
    yield nested(value, depth);
    return;
  }
  const indent = INDENT.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return yield "[]";
    yield "[\n";
    for (let start = 0; start < value.length; start += BATCH)
      yield `${start === 0 ? "" : ",\n"}${elements(value.slice(start, start + BATCH), depth + 1)}`;
    return yield `\n${indent}]`;
  }
  const inner = indent + INDENT;
  let first = true;
  for (const [key, member] of Object.entries(value)) {
    if (omitted(member)) continue;
    yield `${first ? "{" : ","}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* pieces(member, depth + 1);
  }
  yield first ? "{}" : `\n${indent}}`;
}

/** JSON.stringify(value) of a value `depth` levels down the report, as pieces. */
function* compactPieces(value: unknown, depth: number): Generator<string> {
  const plain =
    typeof value === "object" && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== "function";
  if (!plain || (depth >= STREAMED_DEPTH && !Array.isArray(value))) {
    // Wrapped in an array so that a member JSON.stringify drops alone still reads as in a list (null).
    yield JSON.stringify([value]).slice(1, -1);
    return;
  }
  if (Array.isArray(value)) {
    yield "[";
    for (let start = 0; start < value.length; start += BATCH)
      yield `${start === 0 ? "" : ","}${JSON.stringify(value.slice(start, start + BATCH)).slice(1, -1)}`;
    return yield "]";
  }
  let first = true;
  for (const [key, member] of Object.entries(value)) {
    if (omitted(member)) continue;
    yield `${first ? "{" : ","}${JSON.stringify(key)}:`;
    first = false;
    yield* compactPieces(member, depth + 1);
  }
  yield first ? "{}" : "}";
}

/** A JSON.stringify(value, ..., 2): the writer's own (SARIF's neutralises every string). */
export type PrettyStringify = (value: unknown) => string;

const pretty: PrettyStringify = (value) => JSON.stringify(value, null, INDENT);

/**
 * JSON.stringify's text of a value as it reads `depth` levels down a document: the value is put
 * that many arrays deep and stringified, and the wrapping lines are cut off again, so the layout is
 * JSON.stringify's own at that depth.
 */
export function nested(value: unknown, depth: number, stringify: PrettyStringify = pretty): string {
  let wrapped: unknown = value;
  for (let level = 0; level < depth; level++) wrapped = [wrapped];
  const text = stringify(wrapped);
  return text.slice(wrapperPrefix(depth).length, text.length - wrapperSuffix(depth).length).trimStart();
}

/** The elements of a non-empty array at `depth`, each on its own lines, separated as JSON.stringify separates them. */
export function elements(items: readonly unknown[], depth: number, stringify: PrettyStringify = pretty): string {
  let wrapped: unknown = items;
  for (let level = 1; level < depth; level++) wrapped = [wrapped];
  const text = stringify(wrapped);
  return text.slice(wrapperPrefix(depth).length, text.length - wrapperSuffix(depth).length);
}

/** "[\n  [\n" ...: the opening lines of `levels` arrays, each one level deeper. */
function wrapperPrefix(levels: number): string {
  let out = "";
  for (let level = 0; level < levels; level++) out += `${INDENT.repeat(level)}[\n`;
  return out;
}

/** "\n  ]\n]" ...: the closing lines of `levels` arrays. */
function wrapperSuffix(levels: number): string {
  let out = "";
  for (let level = levels - 1; level >= 0; level--) out += `\n${INDENT.repeat(level)}]`;
  return out;
}
