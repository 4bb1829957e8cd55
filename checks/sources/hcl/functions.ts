// The pure Terraform functions the HCL source evaluates when every argument is known: the ones
// for_each keys, names and policies of hand-written configurations are commonly built with. Any
// other function, or a call these cannot answer exactly, stays a residual expression.

import { defineKey, isKnown, isObject, Residual, type V } from "./values.js";

type Fn = (args: readonly V[]) => V | undefined;

const str = (value: V): string | undefined =>
  typeof value === "string"
    ? value
    : typeof value === "number" || typeof value === "boolean"
      ? String(value)
      : undefined;

const list = (value: V): readonly V[] | undefined => (Array.isArray(value) ? value : undefined);

function set(values: readonly V[]): V[] {
  const seen = new Map<string, V>();
  for (const value of values) seen.set(JSON.stringify(value), value);
  return [...seen.values()].sort((a, b) => {
    const x = JSON.stringify(a);
    const y = JSON.stringify(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

const FUNCTIONS: Readonly<Record<string, Fn>> = {
  toset: ([value]) => (value !== undefined && list(value) ? set(list(value)!) : undefined),
  tolist: ([value]) => (value !== undefined && list(value) ? value : undefined),
  tomap: ([value]) => (value !== undefined && isObject(value) ? value : undefined),
  tostring: ([value]) => (value === undefined ? undefined : str(value)),
  tonumber: ([value]) => {
    if (typeof value === "number") return value;
    return typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : undefined;
  },
  tobool: ([value]) =>
    typeof value === "boolean" ? value : value === "true" ? true : value === "false" ? false : undefined,
  lower: ([value]) => (typeof value === "string" ? value.toLowerCase() : undefined),
  upper: ([value]) => (typeof value === "string" ? value.toUpperCase() : undefined),
  length: ([value]) => {
    if (typeof value === "string") return [...value].length;
    if (Array.isArray(value)) return value.length;
    return value !== undefined && isObject(value) ? Object.keys(value).length : undefined;
  },
  keys: ([value]) => (value !== undefined && isObject(value) ? Object.keys(value).sort() : undefined),
  values: ([value]) =>
    value !== undefined && isObject(value)
      ? Object.keys(value)
          .sort()
          .map((key) => value[key]!)
      : undefined,
  concat: (args) => (args.every((arg) => Array.isArray(arg)) ? args.flatMap((arg) => arg as V[]) : undefined),
  merge: (args) => {
    if (!args.every((arg) => arg === null || isObject(arg))) return undefined;
    const out: Record<string, V> = {};
    for (const arg of args)
      if (arg !== null) for (const [key, value] of Object.entries(arg)) defineKey(out, key, value);
    return out;
  },
  lookup: ([map, key, fallback]) => {
    if (map === undefined || !isObject(map) || typeof key !== "string") return undefined;
    if (Object.hasOwn(map, key)) return map[key]!;
    return fallback;
  },
  join: ([separator, values]) => {
    if (typeof separator !== "string" || values === undefined || !Array.isArray(values)) return undefined;
    const parts = (values as V[]).map(str);
    return parts.every((part) => part !== undefined) ? parts.join(separator) : undefined;
  },
  format: ([spec, ...args]) => {
    if (typeof spec !== "string") return undefined;
    let next = 0;
    let exact = true;
    const out = spec.replace(/%(%|s|d|v)/g, (_, verb: string) => {
      if (verb === "%") return "%";
      const arg = args[next++];
      const text = arg === undefined ? undefined : str(arg);
      if (text === undefined || (verb === "d" && typeof arg !== "number")) exact = false;
      return text ?? "";
    });
    // Any other verb (%q, %05d, ...) is not reproduced: the call stays residual.
    return exact && !/%[^%sdv]/.test(spec.replace(/%%/g, "")) ? out : undefined;
  },
  coalesce: (args) => args.find((arg) => arg !== null && arg !== "") ?? undefined,
  contains: ([values, value]) =>
    values !== undefined && Array.isArray(values) && value !== undefined
      ? (values as V[]).some((item) => JSON.stringify(item) === JSON.stringify(value))
      : undefined,
  flatten: ([value]) => {
    if (value === undefined || !Array.isArray(value)) return undefined;
    const flat = (items: readonly V[]): V[] => items.flatMap((item) => (Array.isArray(item) ? flat(item) : [item]));
    return flat(value);
  },
  distinct: ([value]) => {
    if (value === undefined || !Array.isArray(value)) return undefined;
    const seen = new Set<string>();
    return (value as V[]).filter((item) => !seen.has(JSON.stringify(item)) && !!seen.add(JSON.stringify(item)));
  },
};

/** The value of a call, or undefined when it is not evaluated (unknown function or argument). */
export function callFunction(name: string, args: readonly V[]): V | undefined {
  const fn = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (!fn || !args.every(isKnown)) return undefined;
  const result = fn(args);
  return result instanceof Residual ? undefined : result;
}
