// Static evaluation of HCL expressions for the HCL source: what is known without a plan (literals,
// variables with a value, locals, each/count of a static expansion, module outputs, a few pure
// functions) is computed; everything else stays a residual expression, rendered back as source
// text with references made absolute, so the attribute readers see "${var.env}" or
// "${module.brand["acme"].aws_iam_role.r.arn}" and say what the value depends on. Nothing is guessed.

import type { Expr, TemplatePart } from "../terraform/hcl-syntax.js";
import { callFunction } from "./functions.js";
import { defineKey, isKnown, isObject, Residual, type V } from "./values.js";

export { Residual, type V } from "./values.js";

export type Step = { readonly attr: string } | { readonly index: V };

/** What names mean where an expression is evaluated. */
export interface Scope {
  /** The value of a root name (var, local, each, count, module, data, a resource type, path...) followed by `steps`. */
  resolve(name: string, steps: readonly Step[]): V;
  /** Terraform's file(path): the file's text, or undefined when it cannot be read (the call stays residual). */
  readFile?(path: string): string | undefined;
}

/** A value as an expression, for embedding what is known into a residual. */
export function toExpr(value: V): Expr {
  if (value instanceof Residual) {
    const e = value.expr;
    return e.t === "bin" || e.t === "cond" ? { t: "paren", e } : e;
  }
  if (Array.isArray(value)) return { t: "tuple", items: value.map(toExpr) };
  if (isObject(value))
    return {
      t: "object",
      items: Object.entries(value).map(([key, item]) => ({ key: { t: "lit", v: key }, value: toExpr(item) })),
    };
  return { t: "lit", v: value as null | boolean | number | string };
}

/** The expression a traversal renders as: a root name and its steps. */
export function traversalExpr(root: string, steps: readonly Step[]): Expr {
  let expr: Expr = { t: "name", name: root };
  for (const step of steps)
    expr =
      "attr" in step ? { t: "attr", obj: expr, name: step.attr } : { t: "index", obj: expr, key: toExpr(step.index) };
  return expr;
}

/** Applies traversal steps to a value; a step into something unknown leaves a residual. */
export function applySteps(value: V, steps: readonly Step[]): V {
  let current = value;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const key = "attr" in step ? step.attr : step.index;
    if (current instanceof Residual || key instanceof Residual) {
      let expr: Expr = current instanceof Residual ? current.expr : toExpr(current);
      for (const rest of steps.slice(i))
        expr =
          "attr" in rest
            ? { t: "attr", obj: expr, name: rest.attr }
            : { t: "index", obj: expr, key: toExpr(rest.index) };
      return new Residual(expr);
    }
    if (Array.isArray(current) && typeof key === "number" && Number.isInteger(key) && key >= 0 && key < current.length)
      current = current[key]!;
    else if (isObject(current) && typeof key === "string" && Object.hasOwn(current, key)) current = current[key]!;
    else return new Residual(traversalExpr("(invalid traversal)", steps.slice(i)));
  }
  return current;
}

export class Evaluator {
  private readonly bindings: Map<string, V>[] = [];

  constructor(private readonly scope: Scope) {}

  eval(expr: Expr): V {
    switch (expr.t) {
      case "lit":
        return expr.v;
      case "tpl":
        return this.template(expr.parts);
      case "paren": {
        const inner = this.eval(expr.e);
        return inner instanceof Residual ? new Residual({ t: "paren", e: inner.expr }) : inner;
      }
      case "name":
      case "attr":
      case "index":
        return this.traversal(expr);
      case "splat":
        return new Residual({ ...expr, obj: toExpr(this.eval(expr.obj)) });
      case "call": {
        const args = expr.args.map((arg) => this.eval(arg));
        const result = expr.expand ? undefined : expr.name === "file" ? this.file(args) : callFunction(expr.name, args);
        return result !== undefined ? result : new Residual({ ...expr, args: args.map(toExpr) });
      }
      case "un": {
        const e = this.eval(expr.e);
        if (expr.op === "!" && typeof e === "boolean") return !e;
        if (expr.op === "-" && typeof e === "number") return -e;
        return new Residual({ ...expr, e: toExpr(e) });
      }
      case "bin":
        return this.binary(expr.op, expr.l, expr.r);
      case "cond": {
        const c = this.eval(expr.c);
        if (typeof c === "boolean") return this.eval(c ? expr.a : expr.b);
        return new Residual({ t: "cond", c: toExpr(c), a: toExpr(this.eval(expr.a)), b: toExpr(this.eval(expr.b)) });
      }
      case "tuple":
        return expr.items.map((item) => this.eval(item));
      case "object": {
        const out: Record<string, V> = {};
        const pairs = expr.items.map((item) => ({ key: this.eval(item.key), value: this.eval(item.value) }));
        if (pairs.some((pair) => typeof pair.key !== "string"))
          return new Residual({
            t: "object",
            items: pairs.map((pair) => ({ key: toExpr(pair.key), value: toExpr(pair.value) })),
          });
        for (const pair of pairs) defineKey(out, pair.key as string, pair.value);
        return out;
      }
      case "for":
        return this.forExpression(expr);
    }
  }

  /** file(path) with a known path, read through the scope (which knows the directory Terraform runs in). */
  private file(args: readonly V[]): V | undefined {
    const [path] = args;
    return args.length === 1 && typeof path === "string" ? this.scope.readFile?.(path) : undefined;
  }

  private traversal(expr: Expr): V {
    const steps: Step[] = [];
    let node = expr;
    for (;;) {
      if (node.t === "attr") {
        steps.unshift({ attr: node.name });
        node = node.obj;
      } else if (node.t === "index") {
        steps.unshift({ index: this.eval(node.key) });
        node = node.obj;
      } else break;
    }
    if (node.t !== "name") return applySteps(this.eval(node), steps);
    for (let i = this.bindings.length - 1; i >= 0; i--) {
      const bound = this.bindings[i]!;
      if (bound.has(node.name)) return applySteps(bound.get(node.name)!, steps);
    }
    return this.scope.resolve(node.name, steps);
  }

  private binary(op: string, left: Expr, right: Expr): V {
    const l = this.eval(left);
    if (op === "&&" && l === false) return false;
    if (op === "||" && l === true) return true;
    const r = this.eval(right);
    const residual = () => new Residual({ t: "bin", op, l: toExpr(l), r: toExpr(r) });
    if (op === "==" || op === "!=") {
      if (!isKnown(l) || !isKnown(r)) return residual();
      const same = JSON.stringify(l) === JSON.stringify(r);
      return op === "==" ? same : !same;
    }
    if (op === "&&" || op === "||")
      return typeof l === "boolean" && typeof r === "boolean" ? (op === "&&" ? l && r : l || r) : residual();
    if (typeof l !== "number" || typeof r !== "number") return residual();
    switch (op) {
      case "+":
        return l + r;
      case "-":
        return l - r;
      case "*":
        return l * r;
      case "/":
        return r === 0 ? residual() : l / r;
      case "%":
        return r === 0 ? residual() : l % r;
      case "<":
        return l < r;
      case ">":
        return l > r;
      case "<=":
        return l <= r;
      case ">=":
        return l >= r;
      default:
        return residual();
    }
  }

  private template(parts: readonly TemplatePart[]): V {
    const only = parts.length === 1 ? parts[0] : undefined;
    // "${x}" alone is x itself, whatever its type.
    if (only?.kind === "interp") return this.eval(only.expr);
    const out: TemplatePart[] = [];
    let text = "";
    const flush = () => {
      if (text) out.push({ kind: "text", text });
      text = "";
    };
    const add = (value: V, residual: () => TemplatePart) => {
      if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") text += String(value);
      else if (value instanceof Residual && value.expr.t === "tpl") {
        flush();
        out.push(...value.expr.parts);
      } else {
        flush();
        out.push(residual());
      }
    };
    for (const part of parts) {
      if (part.kind === "text") text += part.text;
      else if (part.kind === "interp") {
        const value = this.eval(part.expr);
        add(value, () => ({ kind: "interp", expr: toExpr(value) }));
      } else if (part.kind === "if") {
        const cond = this.eval(part.cond);
        if (typeof cond === "boolean") {
          const chosen = this.template(cond ? part.then : part.else);
          add(chosen, () => ({ kind: "interp", expr: toExpr(chosen) }));
        } else {
          flush();
          const branch = (body: readonly TemplatePart[]) => asParts(this.template(body));
          out.push({ kind: "if", cond: toExpr(cond), then: branch(part.then), else: branch(part.else) });
        }
      } else {
        const coll = this.eval(part.coll);
        const entries = isKnown(coll) ? entriesOf(coll) : undefined;
        if (!entries) {
          flush();
          out.push({ ...part, coll: toExpr(coll) });
          continue;
        }
        for (const [key, value] of entries) {
          const body = this.bound(part.keyVar, key, part.valVar, value, () => this.template(part.body));
          add(body, () => ({ kind: "interp", expr: toExpr(body) }));
        }
      }
    }
    flush();
    if (out.every((part) => part.kind === "text"))
      return out.map((part) => (part.kind === "text" ? part.text : "")).join("");
    return new Residual({ t: "tpl", parts: out });
  }

  private forExpression(expr: Extract<Expr, { t: "for" }>): V {
    const coll = this.eval(expr.coll);
    const entries = isKnown(coll) ? entriesOf(coll) : undefined;
    if (!entries) return new Residual({ ...expr, coll: toExpr(coll) });
    const items: V[] = [];
    const object: Record<string, V> = {};
    const groups = new Map<string, V[]>();
    for (const [key, value] of entries) {
      const result = this.bound(expr.keyVar, key, expr.valVar, value, () => {
        if (expr.cond) {
          const keep = this.eval(expr.cond);
          if (typeof keep !== "boolean") return new Residual(expr);
          if (!keep) return undefined;
        }
        return { key: expr.keyExpr ? this.eval(expr.keyExpr) : undefined, value: this.eval(expr.valExpr) };
      });
      if (result === undefined) continue;
      if (result instanceof Residual) return new Residual({ ...expr, coll: toExpr(coll) });
      if (!expr.object) items.push(result.value);
      else if (typeof result.key !== "string") return new Residual({ ...expr, coll: toExpr(coll) });
      else if (expr.group) groups.set(result.key, [...(groups.get(result.key) ?? []), result.value]);
      else defineKey(object, result.key, result.value);
    }
    if (!expr.object) return items;
    for (const [key, values] of groups) defineKey(object, key, values);
    return object;
  }

  bound<T>(keyVar: string | undefined, key: V, valVar: string, value: V, run: () => T): T {
    const binding = new Map<string, V>([[valVar, value]]);
    if (keyVar !== undefined) binding.set(keyVar, key);
    this.bindings.push(binding);
    try {
      return run();
    } finally {
      this.bindings.pop();
    }
  }
}

/** A template's value as template parts again. */
function asParts(value: V): TemplatePart[] {
  if (typeof value === "string") return value ? [{ kind: "text", text: value }] : [];
  if (value instanceof Residual && value.expr.t === "tpl") return value.expr.parts;
  return [{ kind: "interp", expr: toExpr(value) }];
}

/** Keys and values of a known collection: lists by index, objects in key order. */
export function entriesOf(value: V): [V, V][] | undefined {
  if (Array.isArray(value)) return value.map((item, index) => [index, item]);
  if (isObject(value))
    return Object.keys(value)
      .sort()
      .map((key) => [key, value[key]!]);
  return undefined;
}
