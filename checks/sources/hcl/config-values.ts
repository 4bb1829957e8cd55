// Configuration JSON (hcl2json's shape: strings are templates) to evaluated values and back.

import type { JsonValue } from "../../io/safe-json.js";
import { isJsonObject } from "../../io/safe-json.js";
import { HclSyntaxError, parseTemplateContent, type Expr } from "../terraform/hcl-syntax.js";
import { escapeTemplateText, renderExpr, renderParts } from "../terraform/hcl-render.js";
import { Evaluator, traversalExpr, type Scope } from "./evaluate.js";
import { defineKey, isObject, Residual, type V } from "./values.js";

/** Parsed template strings, shared by every instance that evaluates the same text. */
export class TemplateCache {
  private readonly parsed = new Map<string, Expr | null>();

  get(raw: string): Expr | null {
    let expr = this.parsed.get(raw);
    if (expr === undefined) {
      try {
        expr = parseTemplateContent(raw);
      } catch (error) {
        if (!(error instanceof HclSyntaxError)) throw error;
        expr = null;
      }
      this.parsed.set(raw, expr);
    }
    return expr;
  }
}

/** A string that could not be parsed again is kept exactly as written: it reads as opaque. */
export class RawText extends Residual {
  constructor(readonly raw: string) {
    super({ t: "name", name: raw });
  }
}

/** A variable default or tfvars value: a constant, read with no names in scope. */
export function constantValue(value: JsonValue, templates = new TemplateCache()): V {
  const empty: Scope = { resolve: (name, steps) => new Residual(traversalExpr(name, steps)) };
  const evaluate = (item: JsonValue): V => {
    if (typeof item === "string") {
      if (!item.includes("${") && !item.includes("%{")) return item;
      const expr = templates.get(item);
      return expr ? new Evaluator(empty).eval(expr) : new RawText(item);
    }
    if (Array.isArray(item)) return item.map(evaluate);
    if (isJsonObject(item)) {
      const out: Record<string, V> = {};
      for (const [key, entry] of Object.entries(item)) defineKey(out, key, evaluate(entry));
      return out;
    }
    return item;
  };
  return evaluate(value);
}

/** A value back in the configuration JSON shape the attribute readers take: strings are templates. */
export function emitValue(value: V): unknown {
  if (value instanceof RawText) return value.raw;
  if (value instanceof Residual)
    return value.expr.t === "tpl" ? renderParts(value.expr.parts, false) : `\${${renderExpr(value.expr)}}`;
  if (typeof value === "string") return escapeTemplateText(value);
  if (Array.isArray(value)) return value.map(emitValue);
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) defineOwn(out, key, emitValue(item));
    return out;
  }
  return value;
}

export function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
