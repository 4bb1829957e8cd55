import { createHash } from "node:crypto";
import { fstatSync, readFileSync, statSync } from "node:fs";
import { InputError } from "../errors.js";

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Keys that would reach Object.prototype if a consumer ever merged parsed input into an object.
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** JSON.parse that rejects prototype-polluting keys. Throws SyntaxError as JSON.parse does. */
export function safeJsonParse(text: string): JsonValue {
  return JSON.parse(text, (key, value: unknown) => {
    if (FORBIDDEN_KEYS.has(key)) return undefined;
    return value;
  }) as JsonValue;
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
  // Standard input is read to its end whatever it is (a pipe's size is 0); the limit is checked after.
  const buffer = readFileSync(file === STANDARD_INPUT ? 0 : file);
  if (buffer.length > MAX_INPUT_BYTES)
    throw new InputError(file, `is ${buffer.length} bytes, larger than the ${MAX_INPUT_BYTES}-byte limit`);
  if (buffer.includes(0)) throw new InputError(file, "is a binary file, not JSON");
  const text = buffer.toString("utf8");
  if (text.trim() === "") throw new InputError(file, "is empty, expected JSON");
  let value: JsonValue;
  try {
    value = safeJsonParse(text);
  } catch (error) {
    throw new InputError(file, `is not valid JSON (${jsonErrorDetail(error, text)})`, { cause: error });
  }
  return { value, text, sha256: sha256Of(buffer) };
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
