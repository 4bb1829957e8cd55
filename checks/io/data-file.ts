// Reads a configuration data file (policy, waivers) written as JSON or YAML, with one-line errors
// that name the file.

import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { InputError } from "../errors.js";
import { describeFsError, readJsonFile, safeJsonParse } from "./safe-json.js";

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
  const text = buffer.toString("utf8");
  if (extension !== ".yaml" && extension !== ".yml") {
    try {
      return safeJsonParse(text);
    } catch {
      // Not JSON: read it as YAML below.
    }
  }
  try {
    return parseYaml(text, { uniqueKeys: true, maxAliasCount: 100 }) ?? {};
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = error.linePos?.[0]?.line;
      throw new InputError(file, `is not valid YAML${line ? ` (line ${line})` : ""}: ${error.message.split("\n")[0]}`);
    }
    throw error;
  }
}
