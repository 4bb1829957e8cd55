import { createHash } from "node:crypto";
import { fstatSync, readFileSync, statSync } from "node:fs";
import secureJson from "secure-json-parse";
import { InputError } from "../errors.js";
import { lineColumn, MAX_NESTING_DEPTH, scanParsedJson } from "./json-scan.js";

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Parsed JSON that is still bad input: a duplicate key, nesting past the limit, a prototype
 * pollution key, invalid UTF-8. `offset` (into the text) lets the reader name the line.
 */
export class JsonInputProblem extends Error {
  constructor(
    readonly problem: string,
    readonly offset?: number,
    /** Why it matters, after the line: "Terraform rejects duplicate keys". */
    readonly note?: string,
  ) {
    super(note ? `${problem}: ${note}` : problem);
    this.name = "JsonInputProblem";
  }
}

const FORBIDDEN = "Object contains forbidden prototype property";
const KEY = /"((?:[^"\\]|\\.){1,64})"\s*:/g;

/** Offset of the first "__proto__" key, however its letters are escaped (only on the error path). */
function protoKeyOffset(text: string): number | undefined {
  for (const match of text.matchAll(KEY)) {
    if (!match[1]!.includes("proto") && !match[1]!.includes("\\")) continue;
    try {
      if (JSON.parse(`"${match[1]}"`) === "__proto__") return match.index;
    } catch {
      // not a valid string: JSON.parse would have failed first
    }
  }
  return undefined;
}

/**
 * JSON.parse for input files. Keys are data: "constructor" and "prototype" (legal Terraform names)
 * stay, and only real prototype pollution ("__proto__", constructor.prototype) is refused;
 * secure-json-parse checks that with one regular expression over the text unless such a key is
 * present. Duplicate keys and nesting past MAX_NESTING_DEPTH are refused after one linear scan.
 * Throws SyntaxError on malformed JSON, as JSON.parse does, and JsonInputProblem on the rest.
 */
export function safeJsonParse(text: string, maxDepth = MAX_NESTING_DEPTH): JsonValue {
  let value: JsonValue;
  try {
    value = secureJson.parse(text, undefined, { protoAction: "error", constructorAction: "error" }) as JsonValue;
  } catch (error) {
    if (error instanceof SyntaxError && error.message === FORBIDDEN) {
      const proto = protoKeyOffset(text);
      throw new JsonInputProblem(
        proto !== undefined
          ? 'holds a "__proto__" key, refused as prototype pollution'
          : 'holds a "constructor" object with a "prototype" key, refused as prototype pollution',
        proto,
      );
    }
    throw error;
  }
  const problem = scanParsedJson(text, value, maxDepth);
  if (problem?.kind === "duplicate-key")
    throw new JsonInputProblem(
      `has the key ${JSON.stringify(problem.key)} twice in one object`,
      problem.offset,
      "Terraform rejects duplicate keys",
    );
  if (problem?.kind === "too-deep")
    throw new JsonInputProblem(`nests objects and arrays deeper than the ${problem.limit}-level limit`, problem.offset);
  return value;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** UTF-8 text of an input file; invalid UTF-8 is bad input, never silently replaced with U+FFFD. */
export function decodeUtf8(buffer: Uint8Array): string {
  try {
    return utf8.decode(buffer);
  } catch {
    throw new JsonInputProblem(`is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(buffer)})`);
  }
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    // Overlong three- and four-byte forms, surrogates and code points past U+10FFFF.
    const second = bytes[i + 1]!;
    if (
      (b === 0xe0 && second < 0xa0) ||
      (b === 0xed && second > 0x9f) ||
      (b === 0xf0 && second < 0x90) ||
      (b === 0xf4 && second > 0x8f)
    )
      return i;
    i += length;
  }
  return bytes.length;
}

const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/** A JSON input read once: its parsed value, its text (for line numbers) and its SHA-256 (for the report). */
export interface JsonSource {
  readonly value: JsonValue;
  readonly text: string;
  readonly sha256: string;
}

export function sha256Of(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Reads and parses a JSON file; see readJsonSource. */
export function readJsonFile(file: string): JsonValue {
  return readJsonSource(file).value;
}

/** `-`: standard input (`authwarden check --plan -`). */
export const STANDARD_INPUT = "-";

/**
 * Reads and parses a JSON file, turning every failure into an InputError that names the file and
 * the problem in one line: missing, a directory, binary content, truncated or malformed JSON.
 */
export function readJsonSource(file: string): JsonSource {
  let size: number;
  try {
    const stat = file === STANDARD_INPUT ? fstatSync(0) : statSync(file);
    if (stat.isDirectory()) throw new InputError(file, "is a directory, expected a JSON file");
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(file, describeFsError(error), { cause: error });
  }
  if (size > MAX_INPUT_BYTES)
    throw new InputError(file, `is ${size} bytes, larger than the ${MAX_INPUT_BYTES}-byte limit`);
  const { text, sha256 } = readUtf8(file);
  try {
    if (!/\S/.test(text)) throw new InputError(file, "is empty, expected JSON");
    return { value: safeJsonParse(text), text, sha256 };
  } catch (error) {
    if (error instanceof JsonInputProblem) throw inputProblem(file, text, error);
    if (error instanceof SyntaxError)
      throw new InputError(file, `is not valid JSON (${jsonErrorDetail(error, text)})`, { cause: error });
    throw error;
  }
}

/** The file's text and hash; the bytes go out of scope here, so a large input is not held twice while it parses. */
function readUtf8(file: string): { text: string; sha256: string } {
  // Standard input is read to its end whatever it is (a pipe's size is 0); the limit is checked after.
  const buffer = readFileSync(file === STANDARD_INPUT ? 0 : file);
  if (buffer.length > MAX_INPUT_BYTES)
    throw new InputError(file, `is ${buffer.length} bytes, larger than the ${MAX_INPUT_BYTES}-byte limit`);
  if (buffer.includes(0)) throw new InputError(file, "is a binary file, not JSON");
  try {
    return { text: decodeUtf8(buffer), sha256: sha256Of(buffer) };
  } catch (error) {
    if (error instanceof JsonInputProblem) throw inputProblem(file, "", error);
    throw error;
  }
}

/** A JsonInputProblem as the one-line InputError of its file, with the line when it has one. */
export function inputProblem(file: string, text: string, problem: JsonInputProblem): InputError {
  const where = problem.offset !== undefined ? ` (line ${lineColumn(text, problem.offset).line})` : "";
  return new InputError(file, `${problem.problem}${where}${problem.note ? `: ${problem.note}` : ""}`, {
    cause: problem,
  });
}

function jsonErrorDetail(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  if (
    /Unexpected end of JSON input|Unterminated string|Expected .* after/.test(message) &&
    !/position \d+/.test(message)
  ) {
    return `truncated: ${message}`;
  }
  const position = /position (\d+)/.exec(message);
  if (position?.[1]) {
    const offset = Number(position[1]);
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    const column = offset - before.lastIndexOf("\n");
    const truncated = offset >= text.trimEnd().length;
    return `${truncated ? "truncated at" : "syntax error at"} line ${line}, column ${column}`;
  }
  return message.split("\n")[0] ?? message;
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "does not exist";
    case "EACCES":
    case "EPERM":
      return "cannot be read (permission denied)";
    case "ENOTDIR":
      return "is not a directory";
    case "EISDIR":
      return "is a directory";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
