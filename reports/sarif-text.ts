// The SARIF log as text: JSON.stringify(log, neutralised, 2) made visible (visibleEscapes), but
// written piece by piece, the results a batch at a time as they are built, so no copy of the whole
// log (object or text) is held beside the chunks.

import type * as Sarif from "sarif";
import { visibleEscapes } from "./escape.js";
import { elements, escapedChunks, nested, omitted } from "./json.js";

const INDENT = "  ";

/** JSON.stringify replacer: every string value as it may be shown. */
function neutralised(_key: string, value: unknown): unknown {
  return typeof value === "string" ? visibleEscapes(value) : value;
}

/**
 * What JSON.stringify makes of a character neutralised would change: a C0 control's escape, or the
 * raw character (DEL, C1, bidi controls, separators). Text without one is what the replacer gives,
 * so the replacer (which slows JSON.stringify several times over) runs only where it changes something;
 * an escaped backslash before b, f, r or u00 merely takes the slow path.
 */
const MAYBE_INVISIBLE = /\\[bfr]|\\u00[01]|[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function neutralJson(value: unknown): string {
  const text = JSON.stringify(value, null, INDENT);
  return MAYBE_INVISIBLE.test(text) ? JSON.stringify(value, neutralised, INDENT) : text;
}

/** An object's members at `depth`, opening brace included, closing brace not. */
function* members(object: object, depth: number): Generator<string> {
  let first = true;
  for (const [key, value] of Object.entries(object)) {
    if (omitted(value)) continue;
    yield `${first ? "{" : ","}\n${INDENT.repeat(depth + 1)}${JSON.stringify(key)}: ${nested(value, depth + 1, neutralJson)}`;
    first = false;
  }
}

export interface SarifParts {
  /** The log's members before runs. */
  readonly head: Pick<Sarif.Log, "$schema" | "version">;
  /** The one run's members before results. */
  readonly run: Omit<Sarif.Run, "results" | "properties">;
  readonly results: Iterable<readonly Sarif.Result[]>;
  /** The run's members after results. */
  readonly properties: NonNullable<Sarif.Run["properties"]>;
}

/** The log's text in chunks of about a mebibyte. */
export function sarifChunks(parts: SarifParts): Generator<string> {
  return escapedChunks(pieces(parts));
}

function* pieces({ head, run, results, properties }: SarifParts): Generator<string> {
  yield* members(head, 0);
  yield `,\n${INDENT}"runs": [\n${INDENT.repeat(2)}`;
  yield* members(run, 2);
  yield `,\n${INDENT.repeat(3)}"results": `;
  let first = true;
  for (const batch of results) {
    if (batch.length === 0) continue;
    yield `${first ? "[\n" : ",\n"}${elements(batch, 4, neutralJson)}`;
    first = false;
  }
  yield first ? "[]" : `\n${INDENT.repeat(3)}]`;
  yield `,\n${INDENT.repeat(3)}"properties": ${nested(properties, 3, neutralJson)}`;
  yield `\n${INDENT.repeat(2)}}\n${INDENT}]\n}`;
}
