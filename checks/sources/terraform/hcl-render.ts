// Renders parsed HCL expressions back to canonical source text: no comments, no heredocs, strings
// quoted with HCL's escapes. Residual expressions (what a static reading could not evaluate) are
// carried as this text, which the template and jsonencode readers read again.

import type { Expr, Literal, TemplatePart } from "./hcl-syntax.js";

/** Escapes literal template text: "${" and "%{" would otherwise open an interpolation or directive. */
export function escapeTemplateText(text: string): string {
  return text.replace(/([$%])\{/g, (_, sigil: string) => `${sigil}${sigil}{`);
}

/** A quoted HCL string literal holding `text`. */
export function quoteString(text: string): string {
  const body = escapeTemplateText(text).replace(
    /[\\"\n\r\t]/g,
    (ch) => ({ "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t" })[ch]!,
  );
  return `"${body}"`;
}

export function renderLiteral(value: Literal): string {
  if (value === null) return "null";
  if (typeof value === "string") return quoteString(value);
  return String(value);
}

export function renderExpr(expr: Expr): string {
  switch (expr.t) {
    case "lit":
      return renderLiteral(expr.v);
    case "tpl":
      return `"${renderParts(expr.parts, true)}"`;
    case "name":
      return expr.name;
    case "attr":
      return `${renderExpr(expr.obj)}.${expr.name}`;
    case "index":
      return `${renderExpr(expr.obj)}[${renderExpr(expr.key)}]`;
    case "splat":
      return `${renderExpr(expr.obj)}[*]${expr.each}`;
    case "call":
      return `${expr.name}(${expr.args.map(renderExpr).join(", ")}${expr.expand ? "..." : ""})`;
    case "bin":
      return `${renderExpr(expr.l)} ${expr.op} ${renderExpr(expr.r)}`;
    case "un":
      return `${expr.op}${renderExpr(expr.e)}`;
    case "cond":
      return `${renderExpr(expr.c)} ? ${renderExpr(expr.a)} : ${renderExpr(expr.b)}`;
    case "paren":
      return `(${renderExpr(expr.e)})`;
    case "tuple":
      return `[${expr.items.map(renderExpr).join(", ")}]`;
    case "object":
      return `{${expr.items.map((item) => `${renderKey(item.key)} = ${renderExpr(item.value)}`).join(", ")}}`;
    case "for": {
      const vars = expr.keyVar !== undefined ? `${expr.keyVar}, ${expr.valVar}` : expr.valVar;
      const head = `for ${vars} in ${renderExpr(expr.coll)} : `;
      const body = expr.keyExpr
        ? `${renderExpr(expr.keyExpr)} => ${renderExpr(expr.valExpr)}${expr.group ? "..." : ""}`
        : renderExpr(expr.valExpr);
      const cond = expr.cond ? ` if ${renderExpr(expr.cond)}` : "";
      return expr.object ? `{${head}${body}${cond}}` : `[${head}${body}${cond}]`;
    }
  }
}

function renderKey(key: Expr): string {
  return key.t === "lit" && typeof key.v === "string" ? quoteString(key.v) : `(${renderExpr(key)})`;
}

/**
 * Template parts as template text: as hcl2json gives it (`quoted` false: literal text as is, only
 * "${" and "%{" escaped) or inside a quoted string (`quoted` true: backslash escapes too).
 */
export function renderParts(parts: readonly TemplatePart[], quoted: boolean): string {
  let out = "";
  for (const part of parts) {
    if (part.kind === "text") out += quoted ? quoteString(part.text).slice(1, -1) : escapeTemplateText(part.text);
    else if (part.kind === "interp") out += `\${${renderExpr(part.expr)}}`;
    else if (part.kind === "if")
      out += `%{ if ${renderExpr(part.cond)} }${renderParts(part.then, quoted)}${
        part.else.length > 0 ? `%{ else }${renderParts(part.else, quoted)}` : ""
      }%{ endif }`;
    else {
      const vars = part.keyVar !== undefined ? `${part.keyVar}, ${part.valVar}` : part.valVar;
      out += `%{ for ${vars} in ${renderExpr(part.coll)} }${renderParts(part.body, quoted)}%{ endfor }`;
    }
  }
  return out;
}
