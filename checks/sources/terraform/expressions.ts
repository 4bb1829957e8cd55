// Reads the Terraform expressions that appear inside configuration strings: "${...}" template
// interpolations, references (aws_x.y.id, var.v, data.t.n.json) and the HCL object syntax that
// cdktf's Fn.jsonencode(...) and HCL jsonencode(...) produce. Anything beyond that subset (function
// calls other than jsonencode, operators, conditionals, for expressions) is kept as opaque source
// text, never evaluated or guessed.

import { renderRef, type Ref, type Term } from "../../model/index.js";

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
 * Fn.jsonencode, HCL jsonencode) evaluated from its HCL object syntax, or undefined when the string
 * is something else (literal JSON text is parsed by the caller).
 */
export function jsonencodeArgument(raw: string): TermJson | undefined {
  const parts = splitTemplate(raw.trim());
  const only = parts.length === 1 ? parts[0] : undefined;
  if (!only || !("expression" in only)) return undefined;
  const match = /^jsonencode\s*\(/.exec(only.expression);
  if (!match) return undefined;
  const parser = new ExpressionParser(only.expression);
  return parser.parseWhole();
}

const TRAVERSAL = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[(?:\d+|"[^"]*")\])*$/;
const SEGMENT = /[A-Za-z_][\w-]*|\[(?:\d+|"[^"]*")\]/g;
/** Roots whose address is their first two segments (var.v, module.m, ...). */
const TWO_SEGMENT_ROOTS = new Set(["var", "local", "module", "each", "count", "path", "terraform", "self"]);
const RESOURCE_TYPE = /^[a-z][a-z0-9]*_[\w-]+$/;

/** Parses a bare traversal (aws_x.name.attr, var.v, data.t.n.attr, module.m.out) into a reference. */
export function parseReference(expression: string): Ref | undefined {
  const source = expression.trim();
  if (!TRAVERSAL.test(source)) return undefined;
  const segments = source.match(SEGMENT) ?? [];
  const addressLength = addressSegmentCount(segments);
  if (addressLength === undefined || segments.length < addressLength) return undefined;
  // The address may carry instance keys ([0], ["a"]) right after its last name segment.
  let end = addressLength;
  while (end < segments.length && segments[end]!.startsWith("[")) end++;
  const join = (items: string[]) =>
    items.reduce((acc, s) => (s.startsWith("[") || acc === "" ? acc + s : `${acc}.${s}`), "");
  return { address: join(segments.slice(0, end)), attribute: join(segments.slice(end)) };
}

function addressSegmentCount(segments: string[]): number | undefined {
  const head = segments[0];
  if (head === undefined) return undefined;
  if (TWO_SEGMENT_ROOTS.has(head)) return 2;
  if (head === "data") return 3;
  if (RESOURCE_TYPE.test(head)) return 2;
  return undefined;
}

class UnsupportedExpression extends Error {}

// The parser's tokens, compiled once; sticky, so each matches at the parser's position.
const NUMBER = /-?\d+(\.\d+)?([eE][-+]?\d+)?/y;
const TRAVERSAL_PREFIX = /[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[(?:\d+|"[^"]*")\])*/y;
const IDENTIFIER = /[A-Za-z_][\w-]*/y;
const SPACE = /\s*/y;
const BLANKS = /[ \t]*/y;

/** A recursive-descent reader for the HCL expression subset jsonencode arguments use. */
class ExpressionParser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parseWhole(): TermJson | undefined {
    try {
      this.skipSpace();
      const name = this.identifier();
      if (name !== "jsonencode") return undefined;
      this.expect("(");
      const value = this.value();
      this.skipSpace();
      this.expect(")");
      this.skipSpace();
      return this.pos === this.src.length ? value : undefined;
    } catch (error) {
      if (error instanceof UnsupportedExpression) return undefined;
      throw error;
    }
  }

  private value(): TermJson {
    this.skipSpace();
    const ch = this.src[this.pos];
    let result: TermJson;
    if (ch === "{") result = this.object();
    else if (ch === "[") result = this.tuple();
    else if (ch === '"') result = { $term: templateTerm(this.quoted()) };
    else if (ch !== undefined && (ch === "-" || (ch >= "0" && ch <= "9"))) result = this.number();
    else result = this.traversalOrKeyword();
    this.skipSpace(false);
    const next = this.src[this.pos];
    if (next !== undefined && !",}])\r\n".includes(next)) throw new UnsupportedExpression(`operator at ${this.pos}`);
    return result;
  }

  private object(): TermJson {
    this.expect("{");
    const out: { [key: string]: TermJson } = {};
    for (;;) {
      this.skipSpace(true);
      if (this.src[this.pos] === "}") {
        this.pos++;
        return out;
      }
      const key = this.src[this.pos] === '"' ? this.quoted() : this.identifier();
      if (key === "__proto__" || key === "constructor" || key === "prototype")
        throw new UnsupportedExpression("forbidden key");
      this.skipSpace();
      const sep = this.src[this.pos];
      if (sep !== "=" && sep !== ":") throw new UnsupportedExpression(`expected = at ${this.pos}`);
      this.pos++;
      out[key] = this.value();
      this.skipSpace();
      if (this.src[this.pos] === ",") this.pos++;
    }
  }

  private tuple(): TermJson {
    this.expect("[");
    const out: TermJson[] = [];
    for (;;) {
      this.skipSpace(true);
      if (this.src[this.pos] === "]") {
        this.pos++;
        return out;
      }
      out.push(this.value());
      this.skipSpace(true);
      if (this.src[this.pos] === ",") this.pos++;
    }
  }

  /** Reads a quoted HCL string and returns its template source (escapes decoded, interpolations kept). */
  private quoted(): string {
    const end = skipQuoted(this.src, this.pos);
    if (end >= this.src.length) throw new UnsupportedExpression("unterminated string");
    const body = this.src.slice(this.pos + 1, end);
    this.pos = end + 1;
    return body.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, esc: string) => {
      if (esc[0] === "u" || esc[0] === "U") return String.fromCodePoint(parseInt(esc.slice(1), 16));
      return { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" }[esc] ?? `\\${esc}`;
    });
  }

  private number(): TermJson {
    const match = this.sticky(NUMBER);
    if (!match) throw new UnsupportedExpression(`number at ${this.pos}`);
    this.pos += match[0].length;
    return Number(match[0]);
  }

  private traversalOrKeyword(): TermJson {
    const match = this.sticky(TRAVERSAL_PREFIX);
    if (!match) throw new UnsupportedExpression(`unexpected character at ${this.pos}`);
    this.pos += match[0].length;
    if (match[0] === "true") return true;
    if (match[0] === "false") return false;
    if (match[0] === "null") return null;
    this.skipSpace();
    if (this.src[this.pos] === "(") throw new UnsupportedExpression(`function call ${match[0]}`);
    const ref = parseReference(match[0]);
    if (!ref) throw new UnsupportedExpression(`unknown name ${match[0]}`);
    return { $term: { text: `\${${renderRef(ref)}}`, refs: [ref], exactRef: ref } };
  }

  private identifier(): string {
    const match = this.sticky(IDENTIFIER);
    if (!match) throw new UnsupportedExpression(`expected a name at ${this.pos}`);
    this.pos += match[0].length;
    return match[0];
  }

  private expect(ch: string): void {
    this.skipSpace();
    if (this.src[this.pos] !== ch) throw new UnsupportedExpression(`expected ${ch} at ${this.pos}`);
    this.pos++;
  }

  private skipSpace(newlines = true): void {
    this.pos += this.sticky(newlines ? SPACE : BLANKS)![0].length;
  }

  /** The match of a sticky pattern at the current position, without copying the rest of the source. */
  private sticky(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = this.pos;
    return pattern.exec(this.src);
  }
}
