// Module outputs and variables of a plan, followed to the resource attribute each one is. The
// plan's configuration section shows an output's expression, and a module call's arguments, by
// their references, relative to the module; each module instance the plan holds
// (module.brand["acme"]) gets its own copy, so module.brand["acme"].user_pool_arn stands for
// module.brand["acme"].aws_cognito_user_pool.this.arn, and var.client_id inside
// module.identity[0] for what the call passed. Only an expression of exactly one reference is
// followed; one computed from several, from each.key or from a local stands for nothing.

import { isJsonObject, type JsonObject, type JsonValue } from "../../io/safe-json.js";
import type { Ref } from "../../model/index.js";
import type { ModuleOutputs } from "../terraform/attributes.js";
import { parseReference } from "../terraform/expressions.js";

const INSTANCE_KEY = /\[(?:\d+|"(?:[^"\\]|\\.)*")\]/g;
const MODULE_STEP = /module\.([A-Za-z_][\w-]*)(?:\[(?:\d+|"(?:[^"\\]|\\.)*")\])?/g;
const MODULE_PREFIX = /^((?:module\.[A-Za-z_][\w-]*(?:\[(?:\d+|"(?:[^"\\]|\\.)*")\])?\.)+)/;
const NOT_FOLLOWED = /^(?:local|each|count|path|terraform|self)\./;
const MAX_DEPTH = 100;

interface ModuleConfig {
  /** Output name -> its single reference. */
  readonly outputs: Map<string, string>;
  /** Module call name -> argument name -> its single reference. */
  readonly calls: Map<string, Map<string, string>>;
}

/** The one reference of an expression, without those that only lead to it (aws_x.y of aws_x.y.id). */
function singleReference(expression: JsonValue | undefined): string | undefined {
  if (!isJsonObject(expression) || !Array.isArray(expression.references)) return undefined;
  const references = expression.references.filter((r): r is string => typeof r === "string");
  const outermost = references.filter(
    (ref) => !references.some((o) => o !== ref && (o.startsWith(`${ref}.`) || o.startsWith(`${ref}[`))),
  );
  return outermost.length === 1 ? outermost[0] : undefined;
}

function singleReferences(entries: JsonObject, pick: (value: JsonValue) => JsonValue | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(entries)) {
    const reference = singleReference(pick(value));
    if (reference !== undefined) out.set(name, reference);
  }
  return out;
}

/** Module configurations by path without instance keys ("" for the root, "module.a.module.b" below). */
function moduleConfigs(configuration: JsonValue | undefined): Map<string, ModuleConfig> {
  const byPath = new Map<string, ModuleConfig>();
  const visit = (module: JsonValue | undefined, path: string, depth: number) => {
    if (!isJsonObject(module) || depth > MAX_DEPTH) return;
    const outputs = singleReferences(isJsonObject(module.outputs) ? module.outputs : {}, (output) =>
      isJsonObject(output) ? output.expression : undefined,
    );
    const calls = new Map<string, Map<string, string>>();
    for (const [name, call] of Object.entries(isJsonObject(module.module_calls) ? module.module_calls : {})) {
      if (!isJsonObject(call)) continue;
      calls.set(
        name,
        singleReferences(isJsonObject(call.expressions) ? call.expressions : {}, (v) => v),
      );
      visit(call.module, path ? `${path}.module.${name}` : `module.${name}`, depth + 1);
    }
    byPath.set(path, { outputs, calls });
  };
  visit(isJsonObject(configuration) ? configuration.root_module : undefined, "", 0);
  return byPath;
}

/** Every module instance address (module.a["x"].module.b) the resource addresses pass through. */
function moduleInstances(addresses: Iterable<string>): Set<string> {
  const instances = new Set<string>();
  for (const address of addresses) {
    const prefix = MODULE_PREFIX.exec(address)?.[1];
    let path = "";
    for (const step of prefix?.match(MODULE_STEP) ?? []) {
      path = path ? `${path}.${step}` : step;
      instances.add(path);
    }
  }
  return instances;
}

const join = (instance: string, address: string) => (instance ? `${instance}.${address}` : address);
const pathOf = (instance: string) => instance.replace(INSTANCE_KEY, "");

/**
 * Module outputs (module.m["k"].out) and variables (module.m["k"].var.v) of every module instance,
 * each resolved to the resource attribute it stands for.
 */
export function planModuleOutputs(configuration: JsonValue | undefined, addresses: Iterable<string>): ModuleOutputs {
  const configs = moduleConfigs(configuration);
  const resolved = new Map<string, Ref | undefined>();

  /** A reference written in `instance` ("" for the root), as an absolute resource attribute. */
  const resolveIn = (instance: string, text: string, depth: number): Ref | undefined => {
    const ref = parseReference(text);
    if (!ref || depth > MAX_DEPTH || NOT_FOLLOWED.test(ref.address)) return undefined;
    if (ref.address.startsWith("module."))
      return /^[\w-]+$/.test(ref.attribute) ? output(join(instance, ref.address), ref.attribute, depth + 1) : undefined;
    if (ref.address.startsWith("var."))
      return ref.attribute === "" && instance ? variable(instance, ref.address.slice(4), depth + 1) : undefined;
    return ref.attribute === "" ? undefined : { address: join(instance, ref.address), attribute: ref.attribute };
  };
  const memo = (key: string, compute: () => Ref | undefined): Ref | undefined => {
    if (!resolved.has(key)) {
      resolved.set(key, undefined); // a cycle ends here
      resolved.set(key, compute());
    }
    return resolved.get(key);
  };
  const output = (instance: string, name: string, depth: number): Ref | undefined =>
    memo(`${instance}.${name}`, () => {
      const text = configs.get(pathOf(instance))?.outputs.get(name);
      return text === undefined ? undefined : resolveIn(instance, text, depth);
    });
  const variable = (instance: string, name: string, depth: number): Ref | undefined =>
    memo(`${instance}.var.${name}`, () => {
      const steps = instance.match(MODULE_STEP) ?? [];
      const parent = steps.slice(0, -1).join(".");
      const call = /^module\.([A-Za-z_][\w-]*)/.exec(steps[steps.length - 1] ?? "")?.[1];
      const text = call === undefined ? undefined : configs.get(pathOf(parent))?.calls.get(call)?.get(name);
      return text === undefined ? undefined : resolveIn(parent, text, depth);
    });

  for (const instance of moduleInstances(addresses)) {
    const config = configs.get(pathOf(instance));
    for (const name of config?.outputs.keys() ?? []) output(instance, name, 0);
    const steps = instance.match(MODULE_STEP) ?? [];
    const call = /^module\.([A-Za-z_][\w-]*)/.exec(steps[steps.length - 1] ?? "")?.[1];
    const parentPath = pathOf(steps.slice(0, -1).join("."));
    for (const name of (call === undefined ? undefined : configs.get(parentPath)?.calls.get(call))?.keys() ?? [])
      variable(instance, name, 0);
  }
  const out = new Map<string, Ref>();
  for (const [key, ref] of resolved) if (ref) out.set(key, ref);
  return out;
}
