// Reads the Terraform expressions that appear inside configuration strings: "${...}" template
// interpolations, references (aws_x.y.id, var.v, data.t.n.json) and the HCL object syntax that
// cdktf's Fn.jsonencode(...) and HCL jsonencode(...) produce. Anything beyond that subset (function
// calls other than jsonencode, operators, conditionals, for expressions) is kept as opaque source
// text, never evaluated or guessed.

import { literalTerm, renderRef, type Ref, type Term } from "../../model/index.js";
import { HclSyntaxError, parseTemplateContent, type Expr } from "./hcl-syntax.js";
import { renderExpr, renderParts } from "./hcl-render.js";

/** A value read from an expression: JSON-like, with strings as terms that may embed references. */
export type TermJson = null | boolean | number | TermLeaf | TermJson[] | { [key: string]: TermJson };
export interface TermLeaf {
  readonly $term: Term;
}

export function isTermLeaf(value: TermJson): value is TermLeaf {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "$term" in value;
}

type TemplatePart = { readonly literal: string } | { readonly expression: string };

/** Splits a Terraform template string into literal text and interpolation sources. */
export function splitTemplate(raw: string): TemplatePart[] {
  // Most strings hold no interpolation at all ("$${" and "%%{" contain "${" and "%{" too).
  if (!raw.includes("${") && !raw.includes("%{")) return [{ literal: raw }];
  const parts: TemplatePart[] = [];
  let literal = "";
  let i = 0;
  while (i < raw.length) {
    const two = raw.slice(i, i + 3);
    if (two === "$${" || two === "%%{") {
      literal += `${raw[i]}{`;
      i += 3;
      continue;
    }
    if ((raw[i] === "$" || raw[i] === "%") && raw[i + 1] === "{") {
      const end = findClosingBrace(raw, i + 2);
      if (end < 0) {
        literal += raw.slice(i);
        break;
      }
      if (literal) parts.push({ literal });
      literal = "";
      const inner = raw.slice(i + 2, end);
      parts.push({ expression: raw[i] === "%" ? `%{${inner}}` : inner.trim() });
      i = end + 1;
      continue;
    }
    literal += raw[i];
    i += 1;
  }
  if (literal || parts.length === 0) parts.push({ literal });
  return parts;
}

/** Index of the brace closing an interpolation opened before `start`, skipping nested braces and strings. */
function findClosingBrace(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      i = skipQuoted(text, i);
      continue;
    }
    if (ch === "{") depth++;
    else if (ch === "}") {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

function skipQuoted(text: string, openQuote: number): number {
  for (let i = openQuote + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === "$" && text[i + 1] === "{") {
      const end = findClosingBrace(text, i + 2);
      if (end < 0) return text.length;
      i = end;
    } else if (text[i] === '"') return i;
  }
  return text.length;
}

/** True when the string holds at least one interpolation or directive. */
export function hasInterpolation(raw: string): boolean {
  return splitTemplate(raw).some((part) => "expression" in part);
}

/** Reads a configuration string as a term: literal text, references, and opaque expressions. */
export function templateTerm(raw: string): Term {
  const parts = splitTemplate(raw);
  let text = "";
  const refs: Ref[] = [];
  const opaque: string[] = [];
  for (const part of parts) {
    if ("literal" in part) {
      text += part.literal;
      continue;
    }
    const ref = parseReference(part.expression);
    if (ref) {
      refs.push(ref);
      text += `\${${renderRef(ref)}}`;
    } else {
      opaque.push(part.expression);
      text += `\${${part.expression}}`;
    }
  }
  const only = parts.length === 1 ? parts[0] : undefined;
  const exactRef = only && "expression" in only && refs.length === 1 && opaque.length === 0 ? refs[0] : undefined;
  return {
    text,
    refs,
    ...(exactRef ? { exactRef } : {}),
    ...(opaque.length > 0 ? { opaque: opaque.join("; ") } : {}),
  };
}

const UNSCOPED = /^(?:var|local|each|count|path|terraform|self)\./;

/**
 * A term read from a module's configuration, with its references to the module's own resources
 * made absolute: prefix is the module instance address and a dot (module.auth["eu"].).
 */
export function rebaseTerm(term: Term, prefix: string | undefined, outputs?: ReadonlyMap<string, Ref>): Term {
  if ((!prefix && !outputs?.size) || term.refs.length === 0) return term;
  const rebase = (ref: Ref): Ref => {
    const absolute =
      !prefix || UNSCOPED.test(ref.address) ? ref : { address: `${prefix}${ref.address}`, attribute: ref.attribute };
    // A module output or variable stands for the resource attribute it is
    // (module.m["k"].arn -> module.m["k"].aws_x.y.arn; var.v in module.m["k"] -> what the call passed).
    const variable = prefix && ref.address.startsWith("var.") ? outputs?.get(`${prefix}${renderRef(ref)}`) : undefined;
    return variable ?? outputs?.get(renderRef(absolute)) ?? absolute;
  };
  let text = term.text;
  for (const ref of term.refs) text = text.split(`\${${renderRef(ref)}}`).join(`\${${renderRef(rebase(ref))}}`);
  return {
    ...term,
    text,
    refs: term.refs.map(rebase),
    ...(term.exactRef ? { exactRef: rebase(term.exactRef) } : {}),
  };
}

/**
 * Reads a configuration string that holds a JSON document: either "${jsonencode({...})}" (cdktf
 * Fn.jsonencode, HCL jsonencode, with any comments, heredocs and templates HCL allows) evaluated
 * from its HCL object syntax, or undefined when the string is something else or holds an
 * expression that is not plain data (literal JSON text is parsed by the caller).
 */
export function jsonencodeArgument(raw: string): TermJson | undefined {
  const trimmed = raw.trim();
  if (!trimmed.startsWith("${")) return undefined;
  let template: Expr;
  try {
    template = parseTemplateContent(trimmed);
  } catch (error) {
    if (error instanceof HclSyntaxError) return undefined;
    throw error;
  }
  const only = template.t === "tpl" && template.parts.length === 1 ? template.parts[0] : undefined;
  if (only?.kind !== "interp") return undefined;
  const call = only.expr;
  if (call.t !== "call" || call.name !== "jsonencode" || call.args.length !== 1 || call.expand) return undefined;
  try {
    return termJsonOf(call.args[0]!);
  } catch (error) {
    if (error instanceof UnsupportedExpression) return undefined;
    throw error;
  }
}

class UnsupportedExpression extends Error {}

/** The data an expression denotes, with strings as terms; anything computed is unsupported. */
function termJsonOf(expr: Expr): TermJson {
  switch (expr.t) {
    case "lit":
      return typeof expr.v === "string" ? { $term: literalTerm(expr.v) } : expr.v;
    case "tpl":
      return { $term: templateTerm(renderParts(expr.parts, false)) };
    case "paren":
      return termJsonOf(expr.e);
    case "tuple":
      return expr.items.map(termJsonOf);
    case "object": {
      const out: { [key: string]: TermJson } = {};
      for (const item of expr.items) {
        const key = literalKey(item.key);
        if (key === undefined) throw new UnsupportedExpression("computed object key");
        if (key === "__proto__" || key === "constructor" || key === "prototype")
          throw new UnsupportedExpression("forbidden key");
        out[key] = termJsonOf(item.value);
      }
      return out;
    }
    case "name":
    case "attr":
    case "index": {
      const ref = parseReference(renderExpr(expr));
      if (!ref) throw new UnsupportedExpression(`unknown name ${renderExpr(expr)}`);
      return { $term: { text: `\${${renderRef(ref)}}`, refs: [ref], exactRef: ref } };
    }
    default:
      throw new UnsupportedExpression(expr.t);
  }
}

function literalKey(key: Expr): string | undefined {
  if (key.t === "lit" && typeof key.v === "string") return key.v;
  if (key.t === "tpl" && key.parts.every((part) => part.kind === "text"))
    return key.parts.map((part) => (part.kind === "text" ? part.text : "")).join("");
  return undefined;
}

const TRAVERSAL = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[(?:\d+|"[^"]*")\])*$/;
const SEGMENT = /[A-Za-z_][\w-]*|\[(?:\d+|"[^"]*")\]/g;
/** Roots whose address is their first two segments (var.v, module.m, ...). */
const TWO_SEGMENT_ROOTS = new Set(["var", "local", "module", "each", "count", "path", "terraform", "self"]);
const RESOURCE_TYPE = /^[a-z][a-z0-9]*_[\w-]+$/;

/**
 * Parses a bare traversal (aws_x.name.attr, var.v, data.t.n.attr, module.m.out) into a reference.
 * A module path followed by a resource (module.brand["acme"].aws_x.y.arn, as the HCL source writes
 * references into module instances) addresses that resource; otherwise module.m is the address and
 * the rest names an output.
 */
export function parseReference(expression: string): Ref | undefined {
  const source = expression.trim();
  if (!TRAVERSAL.test(source)) return undefined;
  const segments = source.match(SEGMENT) ?? [];
  let start = 0;
  // Module instance path: module.NAME[key]? repeated, when a resource or data source follows.
  for (;;) {
    if (segments[start] !== "module" || segments[start + 1] === undefined) break;
    let next = start + 2;
    if (segments[next]?.startsWith("[")) next++;
    const after = segments[next];
    const isResource =
      after !== undefined &&
      (after === "module" ||
        (after === "data" && segments.length >= next + 3) ||
        (MODULE_RESOURCE_TYPE.test(after) && segments.length >= next + 2));
    if (!isResource) break;
    start = next;
  }
  const addressLength = addressSegmentCount(segments.slice(start));
  if (addressLength === undefined || segments.length < start + addressLength) return undefined;
  // The address may carry instance keys ([0], ["a"]) right after its last name segment.
  let end = start + addressLength;
  while (end < segments.length && segments[end]!.startsWith("[")) end++;
  const join = (items: string[]) =>
    items.reduce((acc, s) => (s.startsWith("[") || acc === "" ? acc + s : `${acc}.${s}`), "");
  return { address: join(segments.slice(0, end)), attribute: join(segments.slice(end)) };
}

/**
 * Inside a module path only AWS resource types count as resources: an output may be named like a
 * type (module.m.user_pool_arn), and every resource type this tool reads is the aws provider's.
 */
const MODULE_RESOURCE_TYPE = /^aws_[a-z0-9_]+$/;

function addressSegmentCount(segments: string[]): number | undefined {
  const head = segments[0];
  if (head === undefined) return undefined;
  if (TWO_SEGMENT_ROOTS.has(head)) return 2;
  if (head === "data") return 3;
  if (RESOURCE_TYPE.test(head)) return 2;
  return undefined;
}
