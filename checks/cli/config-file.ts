// Settings from outside the command line: `.authwarden.yaml`, found from the working directory
// upward (or named by AUTHWARDEN_CONFIG), and AUTHWARDEN_* environment variables. Precedence:
// a flag, then its variable (AUTHWARDEN_FAIL_ON for --fail-on), then the file's section for the
// command (`check:`, `scan:`), then the file's top level, then the built-in default. Keys are the
// long flag names; paths in the file are relative to the file.

import { existsSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import type { Command, Option } from "commander";
import { ConfigValidationError, UsageError } from "../errors.js";
import { readDataFile } from "../io/data-file.js";
import { isJsonObject } from "../io/safe-json.js";
import type { CliIo } from "./audit.js";
import { isCommandName } from "./commands.js";

export const CONFIG_FILE = ".authwarden.yaml";

/**
 * The auditing commands share the file's top level and the AUTHWARDEN_* variables; any other
 * command (rules, whose --format means something else) reads only its own section.
 */
const SHARED_SETTINGS: ReadonlySet<string> = new Set(["check", "scan"]);

/** Options whose values are paths: from the file, they are relative to the file's directory. */
const PATH_OPTIONS: ReadonlySet<string> = new Set([
  "waivers",
  "outputDir",
  "output",
  "synth",
  "plan",
  "hcl",
  "planned",
]);

/** The configuration file that applies in `cwd`, if any. */
export function findConfigFile(cwd: string, env: CliIo["env"]): string | undefined {
  const named = env.AUTHWARDEN_CONFIG;
  if (named) return resolve(cwd, named);
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

export function environmentVariable(option: Option): string {
  return `AUTHWARDEN_${option
    .attributeName()
    .replace(/[A-Z]/g, (c) => `_${c}`)
    .toUpperCase()}`;
}

const kebab = (attribute: string) => attribute.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Fills every option of `command` that the command line left unset from the environment, then the file. */
export function applyConfiguration(command: Command, io: Pick<CliIo, "env" | "cwd">): void {
  const file = findConfigFile(io.cwd ?? process.cwd(), io.env);
  const settings = file ? fileSettings(file, command) : new Map<string, unknown>();
  const shared = SHARED_SETTINGS.has(command.name());
  for (const option of command.options) {
    const key = option.attributeName();
    const source = command.getOptionValueSource(key);
    if (source !== undefined && source !== "default") continue;
    const variable = environmentVariable(option);
    const fromEnv = shared ? io.env[variable] : undefined;
    if (fromEnv !== undefined && fromEnv !== "") {
      command.setOptionValueWithSource(key, fromEnvironment(option, fromEnv, variable), "env");
    } else if (settings.has(key)) {
      const where = `/${kebab(key)}`;
      let value = fromFile(option, settings.get(key), (problem) => new ConfigValidationError(file!, where, problem));
      if (PATH_OPTIONS.has(key) || (key === "policy" && looksLikePath(value)))
        value = relativeTo(dirname(file!), value);
      command.setOptionValueWithSource(key, value, "config");
    }
  }
}

/** The file's top level and its section for this command, as option attribute names. */
function fileSettings(file: string, command: Command): Map<string, unknown> {
  const content = readDataFile(file);
  if (!isJsonObject(content)) throw new ConfigValidationError(file, "", "must be a mapping of option names to values");
  const settings = new Map<string, unknown>();
  const byName = new Map(command.options.map((o) => [kebab(o.attributeName()), o.attributeName()]));
  // Top-level keys are shared by the commands: the ones this command does not take are left to the others.
  if (SHARED_SETTINGS.has(command.name()))
    for (const [name, value] of Object.entries(content))
      if (!isCommandName(name) && byName.has(name)) settings.set(byName.get(name)!, value);
  const section = content[command.name()];
  if (section !== undefined) {
    if (!isJsonObject(section))
      throw new ConfigValidationError(file, `/${command.name()}`, "must be a mapping of option names to values");
    for (const [name, value] of Object.entries(section)) {
      const attribute = byName.get(name);
      if (!attribute)
        throw new ConfigValidationError(
          file,
          `/${command.name()}/${name}`,
          `is not an option of authwarden ${command.name()}`,
        );
      settings.set(attribute, value);
    }
  }
  return settings;
}

function fromEnvironment(option: Option, text: string, variable: string): unknown {
  const problem = (what: string) => new UsageError(`${variable}=${JSON.stringify(text)}: ${what}`);
  if (option.isBoolean()) {
    if (/^(1|true|yes)$/i.test(text)) return !option.negate;
    if (/^(0|false|no)$/i.test(text)) return option.negate;
    throw problem("expected true or false");
  }
  const values = option.variadic ? text.split(/[\s,]+/).filter(Boolean) : [text];
  checkChoices(option, values, problem);
  return option.variadic ? values : text;
}

function fromFile(option: Option, value: unknown, problem: (what: string) => Error): unknown {
  if (option.isBoolean()) {
    if (typeof value !== "boolean") throw problem("must be true or false");
    // A --no-x option's attribute is x: `color: false` is --no-color.
    return value;
  }
  if (option.optional && value === true) return true;
  const scalar = (v: unknown) => {
    if (typeof v === "string" && v !== "") return v;
    if (typeof v === "number") return String(v);
    throw problem(option.variadic ? "must be a string or a list of strings" : "must be a string");
  };
  const values = option.variadic && Array.isArray(value) ? value.map(scalar) : [scalar(value)];
  checkChoices(option, values, problem);
  return option.variadic ? values : values[0];
}

function checkChoices(option: Option, values: readonly string[], problem: (what: string) => Error): void {
  const choices = option.argChoices;
  if (!choices) return;
  for (const value of values)
    if (!choices.includes(value)) throw problem(`${JSON.stringify(value)} is not one of ${choices.join(", ")}`);
}

function looksLikePath(value: unknown): boolean {
  return typeof value === "string" && (/[/\\]/.test(value) || /\.(json|ya?ml)$/i.test(value));
}

function relativeTo(dir: string, value: unknown): unknown {
  if (typeof value === "string") return value === "-" || isAbsolute(value) ? value : resolve(dir, value);
  if (Array.isArray(value)) return value.map((v) => relativeTo(dir, v));
  return value;
}
