// The root module's variable values, as Terraform assigns them: declared defaults, then
// terraform.tfvars, terraform.tfvars.json and *.auto.tfvars(.json) of the configuration directory
// (lexical order), then the --var-file files and --var NAME=VALUE options given to check --hcl.
// A value given is a value, not an unknown; a variable left without one stays var.NAME.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError, UsageError } from "../../errors.js";
import type { InputFile } from "../../model/index.js";
import { describeFsError, isJsonObject, readJsonSource, sha256Of, type JsonObject } from "../../io/safe-json.js";
import { HclSyntaxError, parseExpression } from "../terraform/hcl-syntax.js";
import { Evaluator, traversalExpr } from "./evaluate.js";
import { constantValue } from "./config-values.js";
import type { ModuleDeclarations } from "./declarations.js";
import { isKnown, Residual, type V } from "./values.js";

export interface HclVariables {
  /** --var-file FILE, in the order given. */
  readonly files?: readonly string[];
  /** --var NAME=VALUE, in the order given. */
  readonly assignments?: readonly string[];
}

type ParseHcl = (path: string, text: string) => Promise<JsonObject>;

export async function rootVariableValues(
  rootDir: string,
  shownDir: string,
  root: ModuleDeclarations,
  given: HclVariables,
  parseHcl: ParseHcl,
): Promise<{ values: Map<string, V>; inputs: InputFile[] }> {
  const values = new Map<string, V>();
  const inputs: InputFile[] = [];
  for (const [name, variable] of root.variables)
    if (variable.body.default !== undefined) values.set(name, constantValue(variable.body.default));
  const automatic = automaticFiles(rootDir).map((name) => join(shownDir, name));
  for (const path of [...automatic, ...(given.files ?? [])]) {
    const { document, input } = await readVariableFile(path, parseHcl);
    inputs.push(input);
    for (const [name, value] of Object.entries(document))
      if (root.variables.has(name)) values.set(name, constantValue(value));
  }
  for (const assignment of given.assignments ?? []) {
    const at = assignment.indexOf("=");
    const name = assignment.slice(0, at).trim();
    if (at <= 0 || !/^[A-Za-z_][\w-]*$/.test(name))
      throw new UsageError(`--var expects NAME=VALUE, got ${JSON.stringify(assignment.slice(0, 80))}`);
    const variable = root.variables.get(name);
    if (!variable) throw new UsageError(`--var ${name}: the configuration declares no variable "${name}"`);
    values.set(name, assignedValue(name, assignment.slice(at + 1), variable.body.type));
  }
  return { values, inputs };
}

/** terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars(.json) in lexical order, as Terraform loads them. */
function automaticFiles(dir: string): string[] {
  const names = readdirSync(dir).filter((name) => {
    try {
      return statSync(join(dir, name)).isFile();
    } catch {
      return false;
    }
  });
  const fixed = ["terraform.tfvars", "terraform.tfvars.json"].filter((name) => names.includes(name));
  const auto = names.filter((name) => /\.auto\.tfvars(\.json)?$/.test(name)).sort();
  return [...fixed, ...auto];
}

async function readVariableFile(path: string, parseHcl: ParseHcl): Promise<{ document: JsonObject; input: InputFile }> {
  if (path.endsWith(".json")) {
    const { value, sha256 } = readJsonSource(path);
    if (!isJsonObject(value)) throw new InputError(path, "is not a variable definitions object (NAME: value)");
    return { document: value, input: { path, sha256, kind: "terraform-vars" } };
  }
  let buffer: Buffer;
  try {
    if (!statSync(path).isFile())
      throw new InputError(path, "is not a file: expected a .tfvars variable definitions file");
    buffer = readFileSync(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(path, `${describeFsError(error)}: expected a .tfvars variable definitions file`, {
      cause: error,
    });
  }
  if (buffer.includes(0)) throw new InputError(path, "is a binary file, not a .tfvars file");
  const document = await parseHcl(path, buffer.toString("utf8"));
  return { document, input: { path, sha256: sha256Of(buffer), kind: "terraform-vars" } };
}

/**
 * A --var value: text for a string variable (or one without a type), as Terraform takes it;
 * otherwise an HCL expression that must be a constant.
 */
function assignedValue(name: string, text: string, type: unknown): V {
  const declared = typeof type === "string" ? type.replace(/^\$\{|\}$/g, "").trim() : undefined;
  if (declared === undefined || declared === "string") return text;
  let value: V;
  try {
    const empty = {
      resolve: (root: string, steps: Parameters<typeof traversalExpr>[1]) => new Residual(traversalExpr(root, steps)),
    };
    value = new Evaluator(empty).eval(parseExpression(text));
  } catch (error) {
    if (error instanceof HclSyntaxError) throw new UsageError(`--var ${name}: ${error.message}`);
    throw error;
  }
  if (!isKnown(value)) throw new UsageError(`--var ${name}: the value must be a constant, not an expression`);
  return value;
}
