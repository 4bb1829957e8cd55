// A module directory's declarations (variables, locals, outputs, module calls, resources and data
// sources), gathered from all its parsed files; a name declared twice is bad input.

import { isAbsolute, join, resolve } from "node:path";
import { InputError } from "../../errors.js";
import { isJsonObject, type JsonObject, type JsonValue } from "../../io/safe-json.js";

/** One parsed configuration file of a module directory. */
export interface ConfigFile {
  readonly path: string;
  readonly document: JsonObject;
  /** Line of each block header by "resource.type.name" / "data.type.name" / "module.name". */
  readonly lines: ReadonlyMap<string, number>;
}

interface Block {
  readonly body: JsonObject;
  readonly file: string;
  readonly line?: number;
}

/** A module directory's declarations, gathered from all its files. */
export interface ModuleDeclarations {
  readonly dir: string;
  readonly variables: ReadonlyMap<string, Block>;
  readonly locals: ReadonlyMap<string, JsonValue>;
  readonly outputs: ReadonlyMap<string, Block>;
  readonly calls: ReadonlyMap<string, Block>;
  readonly resources: readonly (Block & { mode: "managed" | "data"; type: string; name: string })[];
}

/** True for a module source Terraform reads from the local filesystem. */
export function isLocalSource(source: string): boolean {
  return source.startsWith("./") || source.startsWith("../");
}

export function declarationsOf(dir: string, files: readonly ConfigFile[]): ModuleDeclarations {
  const variables = new Map<string, Block>();
  const locals = new Map<string, JsonValue>();
  const outputs = new Map<string, Block>();
  const calls = new Map<string, Block>();
  const resources: (Block & { mode: "managed" | "data"; type: string; name: string })[] = [];
  const declared = new Map<string, string>();
  const declare = (file: string, what: string, count: number) => {
    const previous = declared.get(what);
    if (previous !== undefined || count > 1)
      throw new InputError(
        file,
        `declares ${what} more than once${previous && previous !== file ? ` (also in ${previous})` : ""}`,
      );
    declared.set(what, file);
  };
  for (const file of files) {
    const named = (section: string, into: Map<string, Block>, what: (name: string) => string) => {
      for (const [name, bodies] of entriesOf(file.document[section])) {
        const blocks = objects(bodies);
        if (!blocks[0]) throw new InputError(file.path, `${what(name)} is not a block`);
        declare(file.path, what(name), blocks.length);
        const line = file.lines.get(`${section}.${name}`);
        into.set(name, { body: blocks[0], file: file.path, ...(line ? { line } : {}) });
      }
    };
    named("variable", variables, (name) => `variable ${name}`);
    named("output", outputs, (name) => `output ${name}`);
    named("module", calls, (name) => `module.${name}`);
    for (const block of objects(file.document.locals))
      for (const [name, value] of Object.entries(block)) {
        declare(file.path, `local.${name}`, 1);
        locals.set(name, value);
      }
    for (const [section, mode] of [
      ["resource", "managed"],
      ["data", "data"],
    ] as const) {
      for (const [type, byName] of entriesOf(file.document[section])) {
        for (const [name, bodies] of entriesOf(byName)) {
          const address = mode === "data" ? `data.${type}.${name}` : `${type}.${name}`;
          const blocks = objects(bodies);
          if (!blocks[0]) throw new InputError(file.path, `${address} is not a block`);
          declare(file.path, address, blocks.length);
          const line = file.lines.get(`${section}.${type}.${name}`);
          resources.push({ mode, type, name, body: blocks[0], file: file.path, ...(line ? { line } : {}) });
        }
      }
    }
  }
  return { dir, variables, locals, outputs, calls, resources };
}

/** The directory a local module call reads, relative to the calling module's directory. */
export function callDirectory(callerDir: string, source: string): string {
  return isAbsolute(source) ? source : resolve(join(callerDir, source));
}

function entriesOf(value: JsonValue | undefined): [string, JsonValue][] {
  return isJsonObject(value) ? Object.entries(value) : [];
}

/** hcl2json wraps every block in an array; Terraform JSON may hold an object or an array of objects. */
export function objects(value: JsonValue | undefined): JsonObject[] {
  if (Array.isArray(value)) return value.filter(isJsonObject);
  return isJsonObject(value) ? [value] : [];
}
