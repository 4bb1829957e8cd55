// Line numbers of the blocks of Terraform JSON (cdk.tf.json, *.tf.json), for findings that point into the file.

import {
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  closingQuote,
  COLON,
  isJsonSpace,
  NEWLINE,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
} from "../../io/json-text.js";

/**
 * The line of each block in pretty-printed Terraform JSON (as cdktf writes it), by "section.type.name": one pass over the
 * text, following the nesting of the first three object levels below "resource" and "data". The text is JSON that
 * has been parsed; a character loop over it allocates only the keys it keeps (a regular expression matched every line).
 */
export function blockLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const path: string[] = [];
  let line = 1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) line++;
    else if (c === QUOTE) {
      // Strings are consumed whole, so braces inside values such as "${...}" never count as nesting.
      const start = i + 1;
      const end = closingQuote(text, start);
      if (end < 0) break;
      i = end;
      let next = end + 1;
      // A newline among the blanks around a key's colon is not counted, as it never is in cdktf's output.
      while (next < n && isJsonSpace(text.charCodeAt(next))) next++;
      if (text.charCodeAt(next) !== COLON) continue;
      next++;
      while (next < n && isJsonSpace(text.charCodeAt(next))) next++;
      const opens = text[next] === "{" || text[next] === "[";
      i = opens ? next : next - 1;
      if (!opens) continue;
      path.push(text.slice(start, end));
      if (path.length === 4 && (path[1] === "resource" || path[1] === "data"))
        lines.set(`${path[1]}.${path[2]}.${path[3]}`, line);
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) path.push("");
    else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) path.pop();
  }
  return lines;
}
