// Estate strings as the Markdown comment shows them: Terraform interpolations and IAM policy
// variables without their raw ${...} (which reads as an unresolved template), long unbroken
// tokens given <wbr> break opportunities so a table stays within GitHub's content width, escaped by
// markdownText, and clipped with a visible count of what was left out.

import { markdownText } from "./escape.js";

/** The longest estate string (name, location, message, reason) shown whole, in characters. */
export const CELL_LIMIT = 500;

const TERRAFORM_REFERENCE =
  /^(?:data\.|module\.|var\.|local\.)?[a-z][\w-]*(?:\[[^\]]*\])?(?:\.[\w-]+(?:\[[^\]]*\])?)+$/;

/** `${aws_x.y.id}` as `aws_x.y.id`, `${aws:username}` as `policy variable aws:username`. */
export function withoutInterpolations(text: string): string {
  return text.replace(/\$\{([^{}]*)\}/g, (_, inner: string) =>
    TERRAFORM_REFERENCE.test(inner) ? inner : `policy variable ${inner}`,
  );
}

/** Stands for a <wbr> until the text is escaped (a private-use character, inert if an estate string holds one). */
const BREAK = "\ue000";

/** A break opportunity after the dots, slashes, colons and underscores of tokens longer than `width`. */
function breakable(text: string, width = 40): string {
  return text.replace(new RegExp(`\\S{${width + 1},}`, "gu"), (token) =>
    token.replace(/([./:_])(?=\S)/g, `$1${BREAK}`),
  );
}

/** Cuts past `limit` characters (never inside a surrogate pair) with an ellipsis and the count left out. */
function clipped(text: string, limit: number): { text: string; cut: number } {
  if (text.length <= limit) return { text, cut: 0 };
  const high = text.charCodeAt(limit - 1);
  const at = high >= 0xd800 && high <= 0xdbff ? limit - 1 : limit;
  return { text: text.slice(0, at), cut: text.length - at };
}

/** Stands for the n-th ${...} of a remediation until the text is escaped. */
const CODE = /\ue001(\d+)\ue002/g;

/**
 * A remediation, escaped and clipped: its ${...} (an IAM policy variable the fix must write as
 * is) become code spans, shown literally rather than read as math or markup.
 */
export function mdFix(text: string, limit: number): string {
  const tokens: string[] = [];
  const marked = text.replace(/\$\{([\w.:-]+)\}/g, (token) => `\ue001${tokens.push(token) - 1}\ue002`);
  return md(marked, limit, false).replace(CODE, (_, i: string) => `\`${tokens[Number(i)]!}\``);
}

/** An estate string, escaped and clipped past `limit` characters; in a message, ${...} reads as what it refers to. */
export function md(text: string, limit = CELL_LIMIT, message = true): string {
  const readable = message ? withoutInterpolations(text) : text;
  const { text: kept, cut } = clipped(readable, limit);
  // <wbr>, not a zero-width space, so a copied name or setting stays what it was.
  const body = markdownText(breakable(kept)).replaceAll(BREAK, "<wbr>");
  if (cut === 0) return body;
  return limit < CELL_LIMIT ? `${body}…` : `${body}…(+${cut.toLocaleString("en-US")} characters)`;
}

const NATURAL = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** Natural order: pool-2 before pool-10. */
export function naturalCompare(a: string, b: string): number {
  return NATURAL.compare(a, b);
}
