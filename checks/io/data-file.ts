// Reads a configuration data file (policy, waivers) written as JSON or YAML, with one-line errors
// that name the file: malformed text, duplicate keys, invalid UTF-8, an alias bomb, deep nesting.

import { readFileSync } from "node:fs";
import { extname } from "node:path";
import type * as Yaml from "yaml";
import { InputError } from "../errors.js";
import { requireDependency } from "./commonjs.cjs";
import { MAX_NESTING_DEPTH, nestingDepth } from "./json-scan.js";
import {
  decodeUtf8,
  describeFsError,
  inputProblem,
  JsonInputProblem,
  readJsonFile,
  safeJsonParse,
} from "./safe-json.js";

/** Aliases a policy or waiver file may use; a few anchors are plenty, an alias bomb needs thousands. */
export const MAX_YAML_ALIASES = 100;

export function readDataFile(file: string): unknown {
  const extension = extname(file).toLowerCase();
  if (extension === ".json") return readJsonFile(file);
  let buffer: Buffer;
  try {
    buffer = readFileSync(file);
  } catch (error) {
    throw new InputError(file, describeFsError(error));
  }
  if (buffer.includes(0)) throw new InputError(file, "is a binary file, not JSON or YAML");
  let text = "";
  try {
    text = decodeUtf8(buffer);
    if (extension !== ".yaml" && extension !== ".yml") {
      try {
        return safeJsonParse(text);
      } catch (error) {
        if (!(error instanceof SyntaxError)) throw error;
        // Not JSON: read it as YAML below.
      }
    }
    return readYaml(file, text);
  } catch (error) {
    if (error instanceof JsonInputProblem) throw inputProblem(file, text, error);
    throw error;
  }
}

function readYaml(file: string, text: string): unknown {
  // Required here, not imported: most runs read no YAML (the built-in packs are JSON), and loading
  // the parser was about a fifteenth of a small check's time.
  const { parse: parseYaml, YAMLParseError } = requireDependency("yaml") as typeof Yaml;
  let value: unknown;
  try {
    value = parseYaml(text, { uniqueKeys: true, maxAliasCount: MAX_YAML_ALIASES }) ?? {};
  } catch (error) {
    // yaml reports an alias bomb as a ReferenceError and a stack overflow inside its composer as a
    // YAMLParseError; both are limits of the input, not internal errors.
    const message = error instanceof Error ? error.message : String(error);
    if (/alias count/i.test(message))
      throw new InputError(file, `expands more than the limit of ${MAX_YAML_ALIASES} YAML aliases (an alias bomb?)`);
    if (error instanceof RangeError || /Maximum call stack/.test(message))
      throw new InputError(file, `nests YAML collections deeper than the ${MAX_NESTING_DEPTH}-level limit`);
    if (error instanceof YAMLParseError) {
      const line = error.linePos?.[0]?.line;
      throw new InputError(file, `is not valid YAML${line ? ` (line ${line})` : ""}: ${message.split("\n")[0]}`);
    }
    throw error;
  }
  if (nestingDepth(value, MAX_NESTING_DEPTH) > MAX_NESTING_DEPTH)
    throw new InputError(file, `nests YAML collections deeper than the ${MAX_NESTING_DEPTH}-level limit`);
  return value;
}
