// Line numbers of the blocks of Terraform JSON (cdk.tf.json, *.tf.json), for findings that point into the file.

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

/** JSON's blanks; a newline among the blanks around a key's colon is not counted, as it never is in cdktf's output. */
function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

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
      while (next < n && isBlank(text.charCodeAt(next))) next++;
      if (text.charCodeAt(next) !== COLON) continue;
      next++;
      while (next < n && isBlank(text.charCodeAt(next))) next++;
      const opens = text[next] === "{" || text[next] === "[";
      i = opens ? next : next - 1;
      if (!opens) continue;
      path.push(text.slice(start, end));
      if (path.length === 4 && (path[1] === "resource" || path[1] === "data"))
        lines.set(`${path[1]}.${path[2]}.${path[3]}`, line);
    } else if (c === 0x7b || c === 0x5b) path.push("");
    else if (c === 0x7d || c === 0x5d) path.pop();
  }
  return lines;
}

/** Index of the quote that closes the string whose text starts at `from`, or -1. */
function closingQuote(text: string, from: number): number {
  for (let j = text.indexOf('"', from); j >= 0; j = text.indexOf('"', j + 1)) {
    let backslashes = 0;
    for (let k = j - 1; k >= from && text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return j;
  }
  return -1;
}
