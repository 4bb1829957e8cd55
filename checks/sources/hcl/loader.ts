// Reads a plain Terraform configuration directory into the Estate: the root module's *.tf and
// *.tf.json files (not recursive, as Terraform reads them) and the local child modules it calls,
// expanded per instance (modules.ts). HCL goes through @cdktf/hcl2json, which keeps every
// expression as a "${...}" template holding its source text, the shape cdktf's JSON has, so the
// same attribute readers apply. hcl2json gives no source positions: each block's file and line
// come from a scan of the source text for its header.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { InputError } from "../../errors.js";
import type { Estate, InputFile, LoadDiagnostic } from "../../model/index.js";
import {
  decodeUtf8,
  describeFsError,
  isJsonObject,
  JsonInputProblem,
  readJsonSource,
  safeJsonParse,
  sha256Of,
  type JsonObject,
  type JsonValue,
} from "../../io/safe-json.js";
import { MAX_NESTING_DEPTH } from "../../io/json-scan.js";
import { assertInputShape } from "../../io/schemas/index.js";
import { blockLines } from "../terraform/json-lines.js";
import { requiredAwsProviderVersion } from "../terraform/provider-version.js";
import { buildEstateFromTerraform } from "../terraform/estate.js";
import {
  callDirectory,
  declarationsOf,
  isLocalSource,
  type ConfigFile,
  type ModuleDeclarations,
} from "./declarations.js";
import { expandModuleTree } from "./modules.js";
import { rootVariableValues, type HclVariables } from "./variables.js";

const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export type { HclVariables } from "./variables.js";

export async function loadHcl(dir: string, variables: HclVariables = {}): Promise<Estate> {
  const rootDir = resolve(dir);
  const inputs: InputFile[] = [];
  const diagnostics: LoadDiagnostic[] = [];
  const modules = new Map<string, ModuleDeclarations>();
  let awsProviderVersion: string | undefined;
  // Breadth first over local module sources; each directory is read once however often it is called.
  const queue: { dir: string; shown: string }[] = [{ dir: rootDir, shown: dir }];
  while (queue.length > 0) {
    const { dir: moduleDir, shown } = queue.shift()!;
    if (modules.has(moduleDir)) continue;
    const files = await readModuleDirectory(shown, inputs, diagnostics);
    const decl = declarationsOf(moduleDir, files);
    modules.set(moduleDir, decl);
    for (const file of files) awsProviderVersion ??= requiredAwsProviderVersion(file.document);
    for (const [name, call] of decl.calls) {
      const source = call.body.source;
      if (typeof source !== "string" || !isLocalSource(source)) continue;
      const child = callDirectory(moduleDir, source);
      if (!isDirectory(child))
        throw new InputError(
          call.file,
          `module.${name} has source ${JSON.stringify(source)}, which is not a directory`,
        );
      queue.push({ dir: child, shown: join(shown, source) });
    }
  }
  const root = modules.get(rootDir)!;
  const values = await rootVariableValues(rootDir, dir, root, variables, (path, text) => parseHcl(path, text, false));
  inputs.push(...values.inputs);
  const expanded = expandModuleTree({ modules }, rootDir, values.values);
  diagnostics.push(...expanded.diagnostics);
  const resources = expanded.resources.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  return buildEstateFromTerraform({
    source: "hcl",
    inputs,
    scopes: [{ resources, ...(awsProviderVersion ? { awsProviderVersion } : {}) }],
    diagnostics,
  });
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The parsed configuration files of one module directory (`shown` is the path as the user gave it). */
async function readModuleDirectory(
  shown: string,
  inputs: InputFile[],
  diagnostics: LoadDiagnostic[],
): Promise<ConfigFile[]> {
  const files: ConfigFile[] = [];
  for (const name of configurationFiles(shown)) {
    const path = join(shown, name);
    if (/(^|_)override\.tf(\.json)?$/.test(name)) {
      diagnostics.push({
        message: `${path} is an override file; authwarden does not merge override files, so it was not read`,
        file: path,
      });
      continue;
    }
    if (name.endsWith(".tf.json")) {
      const { value: document, text, sha256 } = readJsonSource(path);
      if (!isJsonObject(document)) throw new InputError(path, "is not a Terraform JSON configuration object");
      assertInputShape("terraform-json", document, path);
      files.push({ path, document, lines: blockLines(text) });
      inputs.push({ path, sha256, kind: "terraform-json" });
    } else {
      const { text, sha256 } = readText(path);
      files.push({ path, document: await parseHcl(path, text), lines: headerLines(text) });
      inputs.push({ path, sha256, kind: "terraform-hcl" });
    }
  }
  return files;
}

/** The .tf and .tf.json files of the directory, sorted; an InputError when there are none. */
function configurationFiles(dir: string): string[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory())
      throw new InputError(dir, "is not a directory: expected a Terraform configuration directory (.tf files)");
    names = readdirSync(dir);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(dir, `${describeFsError(error)}: expected a Terraform configuration directory (.tf files)`);
  }
  const files = names
    .filter((name) => (name.endsWith(".tf") || name.endsWith(".tf.json")) && !name.startsWith("."))
    .filter((name) => {
      try {
        return statSync(join(dir, name)).isFile();
      } catch {
        return false;
      }
    })
    .sort();
  if (files.length === 0)
    throw new InputError(dir, "has no .tf or .tf.json files: expected a Terraform configuration directory");
  return files;
}

function readText(path: string): { text: string; sha256: string } {
  let buffer: Buffer;
  try {
    if (statSync(path).size > MAX_INPUT_BYTES)
      throw new InputError(path, `is larger than the ${MAX_INPUT_BYTES}-byte limit`);
    buffer = readFileSync(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(path, describeFsError(error), { cause: error });
  }
  if (buffer.includes(0)) throw new InputError(path, "is a binary file, not HCL");
  try {
    return { text: decodeUtf8(buffer), sha256: sha256Of(buffer) };
  } catch (error) {
    if (error instanceof JsonInputProblem) throw new InputError(path, error.message, { cause: error });
    throw error;
  }
}

type Hcl2Json = { parse: (filename: string, contents: string) => Promise<Record<string, unknown>> };
let hcl2json: Promise<Hcl2Json> | undefined;

/** hcl2json starts its WebAssembly module when imported, so it is imported only when HCL is read. */
function parser(): Promise<Hcl2Json> {
  hcl2json ??= import("@cdktf/hcl2json").then((module) => {
    const api = module as Partial<Hcl2Json> & { default?: Partial<Hcl2Json> };
    const parse = api.parse ?? api.default?.parse;
    if (!parse) throw new Error("@cdktf/hcl2json has no parse function");
    return { parse };
  });
  return hcl2json;
}

/**
 * hcl2json's Go runtime writes through Node's fs on the process's own descriptors; on a
 * non-blocking pipe such a write can fail with EAGAIN, which is the pipe's state, not the file's.
 * The parse is pure, so it is tried again; a system error that persists is not called bad HCL.
 */
const TRANSIENT_CODES = new Set(["EAGAIN", "EWOULDBLOCK", "EINTR"]);
const PARSE_ATTEMPTS = 3;

export async function parseWithRetry(parse: Hcl2Json["parse"], path: string, text: string): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await parse(path, text);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? /\b(EAGAIN|EWOULDBLOCK|EINTR)\b/.exec(String(error))?.[1];
      if (code === undefined || !TRANSIENT_CODES.has(code)) throw error;
      if (attempt >= PARSE_ATTEMPTS)
        throw new Error(`hcl2json failed to write (${code}) while parsing ${path}`, { cause: error });
    }
  }
}

export async function parseHcl(path: string, text: string, configuration = true): Promise<JsonObject> {
  const { parse } = await parser();
  let result: unknown;
  try {
    result = await parseWithRetry(parse, path, text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A write failure of the runtime says nothing about the file: it stays an internal error.
    if (message.startsWith("hcl2json failed to write")) throw error;
    // hcl2json runs out of stack on expressions nested a few thousand levels deep.
    if (error instanceof RangeError || /Maximum call stack size exceeded/.test(message))
      throw new InputError(path, `nests expressions deeper than the ${MAX_NESTING_DEPTH}-level limit`, {
        cause: error,
      });
    throw new InputError(path, syntaxProblem(path, message), { cause: error });
  }
  // Round trip through JSON: plain data only, through the one parser that keeps names such as
  // "constructor" and refuses only prototype pollution.
  let document: JsonValue;
  try {
    document = safeJsonParse(JSON.stringify(result ?? {}));
  } catch (error) {
    if (error instanceof JsonInputProblem) throw new InputError(path, error.message, { cause: error });
    throw error;
  }
  if (!isJsonObject(document)) throw new InputError(path, "did not parse to a Terraform configuration object");
  // A .tfvars file is HCL too, but holds NAME = value assignments, not configuration blocks.
  if (configuration) assertInputShape("terraform-json", document, path);
  return document;
}

/**
 * hcl2json's error ("parse config: [FILE:496,165-166: Summary; Detail. FILE:...]") as one line: the
 * first diagnostic's line, column and text, and how many more there are.
 */
export function syntaxProblem(path: string, message: string): string {
  const flat = message.replace(/\s+/g, " ").trim();
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const diagnostics = [
    ...flat.matchAll(
      new RegExp(`${escaped}:(\\d+),(\\d+)(?:-\\d+(?:,\\d+)?)?: (.*?)(?= ${escaped}:\\d+,\\d+|\\]$|$)`, "g"),
    ),
  ];
  const first = diagnostics[0];
  if (!first) return `is not valid HCL: ${flat.replace(/^parse config: /, "").slice(0, 300)}`;
  const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : "";
  return `syntax error at line ${first[1]}, column ${first[2]}: ${first[3]!.slice(0, 300)}${more}`;
}

/**
 * The line of each top-level resource and data block header, by "resource.type.name": a scan of
 * the HCL text that skips comments, quoted strings (with their interpolations) and heredocs, so
 * only real headers count, whatever spacing and comments they hold.
 */
export function headerLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let line = 1;
  let depth = 0;
  let header: { tokens: string[]; line: number } | undefined;
  const token = (value: string, at: number) => {
    if (depth !== 0) return;
    if (!header) header = { tokens: [], line: at };
    header.tokens.push(value);
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (ch === "\n") {
      line++;
      i++;
    } else if (ch === "#" || (ch === "/" && text[i + 1] === "/")) {
      while (i < n && text[i] !== "\n") i++;
    } else if (ch === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end < 0 ? n : end + 2;
      line += countNewlines(text, i, stop);
      i = stop;
    } else if (ch === '"') {
      const start = line;
      const stop = skipString(text, i);
      line += countNewlines(text, i, stop);
      token(unquote(text.slice(i + 1, stop - 1)), start);
      i = stop;
    } else if (ch === "<" && text[i + 1] === "<" && depth > 0) {
      const match = /^<<-?([A-Za-z_][\w-]*)[ \t]*\r?\n/.exec(text.slice(i, i + 200));
      if (!match) {
        i += 2;
        continue;
      }
      // The heredoc runs to the first line that holds only its delimiter.
      const terminator = new RegExp(`^[ \\t]*${match[1]}[ \\t]*\\r?$`);
      let cursor = i + match[0].length;
      line++;
      for (;;) {
        const next = text.indexOf("\n", cursor);
        const body = text.slice(cursor, next < 0 ? n : next);
        if (next < 0) {
          cursor = n;
          break;
        }
        cursor = next + 1;
        line++;
        if (terminator.test(body)) break;
      }
      i = cursor;
    } else if (ch === "{") {
      if (depth === 0 && header) {
        const [kind, type, name] = header.tokens;
        if ((kind === "resource" || kind === "data") && type && name && header.tokens.length === 3)
          lines.set(`${kind}.${type}.${name}`, header.line);
        else if ((kind === "module" || kind === "variable" || kind === "output") && type && header.tokens.length === 2)
          lines.set(`${kind}.${type}`, header.line);
      }
      header = undefined;
      depth++;
      i++;
    } else if (ch === "}") {
      depth = Math.max(0, depth - 1);
      i++;
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][\w-]*/.exec(text.slice(i, i + 256))!;
      token(match[0], line);
      i += match[0].length;
    } else {
      if (depth === 0 && !/\s/.test(ch)) header = undefined;
      i++;
    }
  }
  return lines;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (text[i] === "\n") count++;
  return count;
}

/** Index just past the closing quote of the string opening at `open`, across interpolations. */
function skipString(text: string, open: number): number {
  let i = open + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "\\") i += 2;
    else if (ch === '"') return i + 1;
    else if (ch === "\n")
      return i; // an unterminated string ends at the line (hcl2json has reported it)
    else if ((ch === "$" || ch === "%") && text[i + 1] === "{") {
      if (text[i - 1] === ch) {
        i += 2;
        continue;
      }
      i = skipInterpolation(text, i + 2);
    } else i++;
  }
  return text.length;
}

function skipInterpolation(text: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') i = skipString(text, i);
    else if (ch === "{") {
      depth++;
      i++;
    } else if (ch === "}") {
      if (depth === 0) return i + 1;
      depth--;
      i++;
    } else i++;
  }
  return text.length;
}

function unquote(body: string): string {
  return body.replace(/\\(.)/g, "$1");
}
