// The values static evaluation of HCL yields: JSON-like data, or a residual expression where
// something is known only at plan or apply.

import type { Expr } from "../terraform/hcl-syntax.js";

/** An expression that could not be evaluated, with what was known substituted into it. */
export class Residual {
  constructor(readonly expr: Expr) {}
}

export type V = null | boolean | number | string | readonly V[] | { readonly [key: string]: V } | Residual;

export function isObject(value: V): value is { readonly [key: string]: V } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Residual);
}

export function isKnown(value: V): boolean {
  if (value instanceof Residual) return false;
  if (Array.isArray(value)) return value.every(isKnown);
  if (isObject(value)) return Object.values(value).every(isKnown);
  return true;
}

/** Sets a key as an own property, so names such as __proto__ stay data. */
export function defineKey(target: Record<string, V>, key: string, value: V): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
