// A parser for HCL's native expression syntax (hashicorp/hcl hclsyntax): literals, quoted and
// heredoc templates with interpolations and %{if}/%{for} directives, comments, traversals,
// indexes, splats, function calls, operators, conditionals, tuples, objects and for expressions.
// @cdktf/hcl2json parses files but keeps every expression as its source text, and its per-expression
// AST call costs milliseconds in its WebAssembly runtime, so expressions are parsed here, in one pass.

export type Literal = null | boolean | number | string;

export type TemplatePart =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "interp"; readonly expr: Expr }
  | { readonly kind: "if"; readonly cond: Expr; readonly then: TemplatePart[]; readonly else: TemplatePart[] }
  | {
      readonly kind: "for";
      readonly keyVar?: string;
      readonly valVar: string;
      readonly coll: Expr;
      readonly body: TemplatePart[];
    };

export type Expr =
  | { readonly t: "lit"; readonly v: Literal }
  | { readonly t: "tpl"; readonly parts: TemplatePart[] }
  | { readonly t: "name"; readonly name: string }
  | { readonly t: "attr"; readonly obj: Expr; readonly name: string }
  | { readonly t: "index"; readonly obj: Expr; readonly key: Expr }
  | { readonly t: "splat"; readonly obj: Expr; readonly each: string }
  | { readonly t: "call"; readonly name: string; readonly args: Expr[]; readonly expand: boolean }
  | { readonly t: "bin"; readonly op: string; readonly l: Expr; readonly r: Expr }
  | { readonly t: "un"; readonly op: "-" | "!"; readonly e: Expr }
  | { readonly t: "cond"; readonly c: Expr; readonly a: Expr; readonly b: Expr }
  | { readonly t: "paren"; readonly e: Expr }
  | { readonly t: "tuple"; readonly items: Expr[] }
  | { readonly t: "object"; readonly items: { readonly key: Expr; readonly value: Expr }[] }
  | {
      readonly t: "for";
      readonly object: boolean;
      readonly keyVar?: string;
      readonly valVar: string;
      readonly coll: Expr;
      readonly keyExpr?: Expr;
      readonly valExpr: Expr;
      readonly cond?: Expr;
      readonly group: boolean;
    };

export class HclSyntaxError extends Error {}

/** Parses one whole expression (what follows "=" in an attribute). */
export function parseExpression(src: string): Expr {
  const p = new Parser(src);
  const expr = p.expression();
  p.space();
  if (!p.atEnd()) throw new HclSyntaxError(`unexpected ${JSON.stringify(src[p.pos])} at offset ${p.pos}`);
  return expr;
}

/**
 * Parses template content as hcl2json gives it: a string whose literal text is already decoded, so
 * only $${ and %%{ escapes and ${...}/%{...} sequences are read (no backslash escapes).
 */
export function parseTemplateContent(content: string): Expr {
  const p = new Parser(content);
  const { parts } = p.templateParts(undefined, false);
  return { t: "tpl", parts };
}

const BINARY: readonly (readonly string[])[] = [
  ["||"],
  ["&&"],
  ["==", "!="],
  ["<=", ">=", "<", ">"],
  ["+", "-"],
  ["*", "/", "%"],
];

const IDENT = /[A-Za-z_][\w-]*/y;
const NUMBER = /\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
const HEREDOC = /<<(-?)([A-Za-z_][\w-]*)[ \t]*\r?\n/y;

class Parser {
  pos = 0;
  constructor(private readonly src: string) {}

  atEnd(): boolean {
    return this.pos >= this.src.length;
  }

  /** Skips blanks, newlines and the three comment forms. */
  space(): void {
    const s = this.src;
    for (;;) {
      const ch = s[this.pos];
      if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") this.pos++;
      else if (ch === "#" || (ch === "/" && s[this.pos + 1] === "/")) {
        const end = s.indexOf("\n", this.pos);
        this.pos = end < 0 ? s.length : end + 1;
      } else if (ch === "/" && s[this.pos + 1] === "*") {
        const end = s.indexOf("*/", this.pos + 2);
        if (end < 0) throw new HclSyntaxError("unterminated comment");
        this.pos = end + 2;
      } else return;
    }
  }

  private peek(text: string): boolean {
    this.space();
    return this.src.startsWith(text, this.pos);
  }

  private eat(text: string): boolean {
    if (!this.peek(text)) return false;
    this.pos += text.length;
    return true;
  }

  private expect(text: string): void {
    if (!this.eat(text)) throw new HclSyntaxError(`expected ${text} at offset ${this.pos}`);
  }

  private sticky(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.pos;
    const match = pattern.exec(this.src);
    return match ? match[0] : undefined;
  }

  private keyword(word: string): boolean {
    this.space();
    const name = this.sticky(IDENT);
    if (name !== word) return false;
    this.pos += name.length;
    return true;
  }

  private ident(): string {
    this.space();
    const name = this.sticky(IDENT);
    if (!name) throw new HclSyntaxError(`expected a name at offset ${this.pos}`);
    this.pos += name.length;
    return name;
  }

  expression(): Expr {
    const c = this.binary(0);
    if (this.peek("?")) {
      this.pos++;
      const a = this.expression();
      this.expect(":");
      const b = this.expression();
      return { t: "cond", c, a, b };
    }
    return c;
  }

  private binary(level: number): Expr {
    if (level >= BINARY.length) return this.unary();
    let l = this.binary(level + 1);
    for (;;) {
      this.space();
      const op = BINARY[level]!.find(
        (candidate) =>
          this.src.startsWith(candidate, this.pos) &&
          // "=>" of a for expression and "==" are not "=", "<<" opens no operator here.
          !(candidate === "<" && this.src[this.pos + 1] === "<"),
      );
      if (!op) return l;
      this.pos += op.length;
      const r = this.binary(level + 1);
      l = { t: "bin", op, l, r };
    }
  }

  private unary(): Expr {
    this.space();
    const ch = this.src[this.pos];
    if (ch === "-" || (ch === "!" && this.src[this.pos + 1] !== "=")) {
      this.pos++;
      const e = this.unary();
      if (ch === "-" && e.t === "lit" && typeof e.v === "number") return { t: "lit", v: -e.v };
      return { t: "un", op: ch, e };
    }
    return this.postfix(this.primary());
  }

  private postfix(base: Expr): Expr {
    let expr = base;
    for (;;) {
      this.space();
      const s = this.src;
      if (s.startsWith("...", this.pos)) return expr;
      if (s[this.pos] === "." && s[this.pos + 1] === "*") {
        this.pos += 2;
        return { t: "splat", obj: expr, each: this.splatRest() };
      }
      if (
        s[this.pos] === "[" &&
        this.src
          .slice(this.pos + 1)
          .trimStart()
          .startsWith("*")
      ) {
        this.pos = s.indexOf("*", this.pos) + 1;
        this.expect("]");
        return { t: "splat", obj: expr, each: this.splatRest() };
      }
      if (s[this.pos] === ".") {
        this.pos++;
        const number = this.sticky(/\d+/y);
        if (number) {
          this.pos += number.length;
          expr = { t: "index", obj: expr, key: { t: "lit", v: Number(number) } };
        } else expr = { t: "attr", obj: expr, name: this.ident() };
      } else if (s[this.pos] === "[") {
        this.pos++;
        const key = this.expression();
        this.expect("]");
        expr = { t: "index", obj: expr, key };
      } else return expr;
    }
  }

  /** The traversal after a splat, kept as source: splats are never evaluated. */
  private splatRest(): string {
    const start = this.pos;
    for (;;) {
      this.space();
      if (this.src[this.pos] === "." && this.src[this.pos + 1] !== "*") {
        this.pos++;
        this.ident();
      } else if (this.src[this.pos] === "[") {
        this.pos++;
        this.expression();
        this.expect("]");
      } else return this.src.slice(start, this.pos).replace(/\s+/g, "");
    }
  }

  private primary(): Expr {
    this.space();
    const s = this.src;
    const ch = s[this.pos];
    if (ch === undefined) throw new HclSyntaxError("expected an expression, found the end");
    if (ch === "(") {
      this.pos++;
      const e = this.expression();
      this.expect(")");
      return { t: "paren", e };
    }
    if (ch === "[") return this.tupleOrFor();
    if (ch === "{") return this.objectOrFor();
    if (ch === '"') {
      this.pos++;
      const { parts } = this.templateParts('"', true);
      return { t: "tpl", parts };
    }
    if (ch === "<" && s[this.pos + 1] === "<") return this.heredoc();
    const number = this.sticky(NUMBER);
    if (number) {
      this.pos += number.length;
      return { t: "lit", v: Number(number) };
    }
    const name = this.sticky(IDENT);
    if (!name) throw new HclSyntaxError(`unexpected ${JSON.stringify(ch)} at offset ${this.pos}`);
    this.pos += name.length;
    if (name === "true" || name === "false") return { t: "lit", v: name === "true" };
    if (name === "null") return { t: "lit", v: null };
    this.space();
    if (s[this.pos] === "(" || (s[this.pos] === ":" && s[this.pos + 1] === ":")) return this.call(name);
    return { t: "name", name };
  }

  private call(first: string): Expr {
    let name = first;
    while (this.src.startsWith("::", this.pos)) {
      this.pos += 2;
      name += `::${this.ident()}`;
      this.space();
    }
    this.expect("(");
    const args: Expr[] = [];
    let expand = false;
    while (!this.eat(")")) {
      args.push(this.expression());
      if (this.eat("...")) expand = true;
      if (!this.eat(",")) {
        this.expect(")");
        break;
      }
    }
    return { t: "call", name, args, expand };
  }

  private tupleOrFor(): Expr {
    this.expect("[");
    if (this.keyword("for")) return this.forRest(false);
    const items: Expr[] = [];
    while (!this.eat("]")) {
      items.push(this.expression());
      if (!this.eat(",")) {
        this.expect("]");
        break;
      }
    }
    return { t: "tuple", items };
  }

  private objectOrFor(): Expr {
    this.expect("{");
    const save = this.pos;
    if (this.keyword("for")) {
      this.space();
      // "for" may also be an ordinary key: { for = 1 }.
      if (this.src[this.pos] !== "=" && this.src[this.pos] !== ":") return this.forRest(true);
    }
    this.pos = save;
    const items: { key: Expr; value: Expr }[] = [];
    while (!this.eat("}")) {
      const key = this.expression();
      this.space();
      if (this.src[this.pos] === "=" || this.src[this.pos] === ":") this.pos++;
      else throw new HclSyntaxError(`expected = after an object key at offset ${this.pos}`);
      const value = this.expression();
      // A bare name as a key is the literal name, not a variable.
      items.push({ key: key.t === "name" ? { t: "lit", v: key.name } : key, value });
      this.eat(",");
    }
    return { t: "object", items };
  }

  private forRest(object: boolean): Expr {
    const first = this.ident();
    let keyVar: string | undefined;
    let valVar = first;
    if (this.eat(",")) {
      keyVar = first;
      valVar = this.ident();
    }
    if (!this.keyword("in")) throw new HclSyntaxError(`expected in at offset ${this.pos}`);
    const coll = this.expression();
    this.expect(":");
    let keyExpr: Expr | undefined;
    if (object) {
      keyExpr = this.expression();
      this.expect("=>");
    }
    const valExpr = this.expression();
    const group = object && this.eat("...");
    const cond = this.keyword("if") ? this.expression() : undefined;
    this.expect(object ? "}" : "]");
    return {
      t: "for",
      object,
      ...(keyVar !== undefined ? { keyVar } : {}),
      valVar,
      coll,
      ...(keyExpr ? { keyExpr } : {}),
      valExpr,
      ...(cond ? { cond } : {}),
      group,
    };
  }

  private heredoc(): Expr {
    HEREDOC.lastIndex = this.pos;
    const match = HEREDOC.exec(this.src);
    if (!match) throw new HclSyntaxError(`unexpected < at offset ${this.pos}`);
    const [whole, indent, delimiter] = match;
    const bodyStart = this.pos + whole.length;
    const end = new RegExp(`^[ \\t]*${delimiter}[ \\t]*\\r?$`, "m");
    end.lastIndex = 0;
    const rest = this.src.slice(bodyStart);
    const close = end.exec(rest);
    if (!close) throw new HclSyntaxError(`heredoc ${delimiter} is not closed`);
    let body = rest.slice(0, close.index);
    this.pos = bodyStart + close.index + close[0].length;
    if (indent) {
      const lines = body.split("\n");
      const widths = lines.filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)![0].length);
      const strip = widths.length > 0 ? Math.min(...widths) : 0;
      body = lines.map((l) => l.slice(strip)).join("\n");
    }
    return parseTemplateContent(body);
  }

  /**
   * Template parts up to `close` (a quote) or the end of the source. `escapes` reads backslash
   * escapes (quoted strings in source); hcl2json's decoded strings and heredocs have none.
   */
  templateParts(
    close: string | undefined,
    escapes: boolean,
    stopAtDirective = false,
  ): { parts: TemplatePart[]; stop?: string } {
    const s = this.src;
    const parts: TemplatePart[] = [];
    let text = "";
    const flush = () => {
      if (text) parts.push({ kind: "text", text });
      text = "";
    };
    while (this.pos < s.length) {
      const ch = s[this.pos]!;
      if (close !== undefined && ch === close) {
        this.pos++;
        flush();
        return { parts };
      }
      if (close !== undefined && ch === "\n") throw new HclSyntaxError("unterminated string");
      if (escapes && ch === "\\") {
        text += this.escape();
        continue;
      }
      if ((ch === "$" || ch === "%") && s[this.pos + 1] === ch && s[this.pos + 2] === "{") {
        text += `${ch}{`;
        this.pos += 3;
        continue;
      }
      if (ch === "$" && s[this.pos + 1] === "{") {
        this.pos += 2;
        this.eat("~");
        const expr = this.expression();
        this.eat("~");
        this.expect("}");
        flush();
        parts.push({ kind: "interp", expr });
        continue;
      }
      if (ch === "%" && s[this.pos + 1] === "{") {
        const at = this.pos;
        this.pos += 2;
        this.eat("~");
        const word = this.ident();
        if (word === "else" || word === "endif" || word === "endfor") {
          this.eat("~");
          this.expect("}");
          if (!stopAtDirective) throw new HclSyntaxError(`unexpected %{${word}} at offset ${at}`);
          flush();
          return { parts, stop: word };
        }
        flush();
        parts.push(word === "if" ? this.ifDirective(close, escapes) : this.forDirective(close, escapes, word));
        continue;
      }
      text += ch;
      this.pos++;
    }
    if (close !== undefined) throw new HclSyntaxError("unterminated string");
    if (stopAtDirective) throw new HclSyntaxError("template directive is not closed");
    flush();
    return { parts };
  }

  private ifDirective(close: string | undefined, escapes: boolean): TemplatePart {
    const cond = this.expression();
    this.eat("~");
    this.expect("}");
    const first = this.templateParts(close, escapes, true);
    let otherwise: TemplatePart[] = [];
    if (first.stop === "else") {
      const second = this.templateParts(close, escapes, true);
      if (second.stop !== "endif") throw new HclSyntaxError("%{if} is not closed by %{endif}");
      otherwise = second.parts;
    } else if (first.stop !== "endif") throw new HclSyntaxError("%{if} is not closed by %{endif}");
    return { kind: "if", cond, then: first.parts, else: otherwise };
  }

  private forDirective(close: string | undefined, escapes: boolean, word: string): TemplatePart {
    if (word !== "for") throw new HclSyntaxError(`unknown template directive %{${word}}`);
    const first = this.ident();
    let keyVar: string | undefined;
    let valVar = first;
    if (this.eat(",")) {
      keyVar = first;
      valVar = this.ident();
    }
    if (!this.keyword("in")) throw new HclSyntaxError("expected in in %{for}");
    const coll = this.expression();
    this.eat("~");
    this.expect("}");
    const body = this.templateParts(close, escapes, true);
    if (body.stop !== "endfor") throw new HclSyntaxError("%{for} is not closed by %{endfor}");
    return { kind: "for", ...(keyVar !== undefined ? { keyVar } : {}), valVar, coll, body: body.parts };
  }

  private escape(): string {
    const s = this.src;
    const next = s[this.pos + 1];
    this.pos += 2;
    const simple: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };
    if (next !== undefined && next in simple) return simple[next]!;
    if (next === "u" || next === "U") {
      const width = next === "u" ? 4 : 8;
      const hex = s.slice(this.pos, this.pos + width);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width) throw new HclSyntaxError("invalid unicode escape");
      this.pos += width;
      return String.fromCodePoint(parseInt(hex, 16));
    }
    throw new HclSyntaxError(`invalid escape \\${next ?? ""}`);
  }
}
