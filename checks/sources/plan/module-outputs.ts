// Module outputs of a plan, followed to the resource attribute each one is. The plan's configuration
// section shows an output's expression by its references (aws_cognito_user_pool.this.arn), relative
// to the module; each module instance the plan holds (module.brand["acme"]) gets its own copy, so
// module.brand["acme"].user_pool_arn stands for module.brand["acme"].aws_cognito_user_pool.this.arn.
// An output that refers to another module's output is followed through it; one computed from a
// variable, a local or several references stands for nothing and stays a reference.

import { isJsonObject, type JsonValue } from "../../io/safe-json.js";
import type { Ref } from "../../model/index.js";
import type { ModuleOutputs } from "../terraform/attributes.js";
import { parseReference } from "../terraform/expressions.js";

const INSTANCE_KEY = /\[(?:\d+|"(?:[^"\\]|\\.)*")\]/g;
const MODULE_PREFIX = /^((?:module\.[A-Za-z_][\w-]*(?:\[(?:\d+|"(?:[^"\\]|\\.)*")\])?\.)+)/;
const MODULE_STEP = /module\.[A-Za-z_][\w-]*(?:\[(?:\d+|"(?:[^"\\]|\\.)*")\])?/g;
const MAX_DEPTH = 100;

/** The output expressions' single references, by module path without instance keys ("" for the root) and output name. */
function outputReferences(configuration: JsonValue | undefined): Map<string, Map<string, string>> {
  const byPath = new Map<string, Map<string, string>>();
  const visit = (module: JsonValue | undefined, path: string, depth: number) => {
    if (!isJsonObject(module) || depth > MAX_DEPTH) return;
    const outputs = new Map<string, string>();
    for (const [name, output] of Object.entries(isJsonObject(module.outputs) ? module.outputs : {})) {
      const expression = isJsonObject(output) && isJsonObject(output.expression) ? output.expression : undefined;
      const references = Array.isArray(expression?.references)
        ? expression.references.filter((r): r is string => typeof r === "string")
        : [];
      const outermost = references.filter(
        (ref) => !references.some((o) => o !== ref && (o.startsWith(`${ref}.`) || o.startsWith(`${ref}[`))),
      );
      if (outermost.length === 1) outputs.set(name, outermost[0]!);
    }
    byPath.set(path, outputs);
    const calls = isJsonObject(module.module_calls) ? module.module_calls : {};
    for (const [name, call] of Object.entries(calls))
      if (isJsonObject(call)) visit(call.module, `${path}module.${name}.`, depth + 1);
  };
  visit(isJsonObject(configuration) ? configuration.root_module : undefined, "", 0);
  return byPath;
}

/** Every module instance address (module.a["x"].module.b) the resource addresses pass through. */
function moduleInstances(addresses: Iterable<string>): Set<string> {
  const instances = new Set<string>();
  for (const address of addresses) {
    const prefix = MODULE_PREFIX.exec(address)?.[1];
    if (!prefix) continue;
    let path = "";
    for (const step of prefix.match(MODULE_STEP) ?? []) {
      path = path ? `${path}.${step}` : step;
      instances.add(path);
    }
  }
  return instances;
}

/**
 * Module outputs by their rendered reference (module.m["k"].out), each resolved to a resource
 * attribute of the module instance.
 */
export function planModuleOutputs(configuration: JsonValue | undefined, addresses: Iterable<string>): ModuleOutputs {
  const outputs = outputReferences(configuration);
  const instances = moduleInstances(addresses);
  const resolved = new Map<string, Ref>();
  const resolve = (instance: string, name: string, depth: number): Ref | undefined => {
    const key = `${instance}.${name}`;
    if (resolved.has(key) || depth > MAX_DEPTH) return resolved.get(key);
    const reference = outputs.get(`${instance.replace(INSTANCE_KEY, "")}.`)?.get(name);
    const ref = reference === undefined ? undefined : parseReference(reference);
    if (!ref || ref.attribute === "" || /^(?:var|local|each|count|path|terraform|self)\./.test(ref.address))
      return undefined;
    const target = ref.address.startsWith("module.")
      ? resolve(`${instance}.${ref.address}`, ref.attribute, depth + 1)
      : { address: `${instance}.${ref.address}`, attribute: ref.attribute };
    if (target) resolved.set(key, target);
    return target;
  };
  for (const instance of instances)
    for (const name of outputs.get(`${instance.replace(INSTANCE_KEY, "")}.`)?.keys() ?? []) resolve(instance, name, 0);
  // Keyed as renderRef renders a reference to the output: module.m["k"].out.
  return resolved;
}
