// Makes configuration strings safe to print on a terminal: a pool name carrying escape sequences
// or bidirectional controls must not repaint the screen, forge output lines or read backwards.

import { visibleEscapes } from "./escape.js";

/** What terminalSafe changes: line breaks and what visibleEscapes escapes. Tested first, as most text has none. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export function terminalSafe(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return visibleEscapes(text.replace(/\r?\n/g, "\\n"));
}

/** The narrowest a wrapped column gets: below it, a line is left long rather than cut into slivers. */
const MIN_COLUMN = 20;

/**
 * Breaks plain text (no colour codes) into lines of at most `width` characters at spaces; a word
 * longer than a line is cut. With an infinite width, or one too narrow to read, the text is one line.
 */
export function wrapText(text: string, width: number): string[] {
  if (!Number.isFinite(width) || width < MIN_COLUMN || text.length <= width) return [text];
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    let rest = word;
    while (rest.length > width) {
      if (line) lines.push(line);
      line = "";
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    if (line === "") line = rest;
    else if (line.length + 1 + rest.length <= width) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  lines.push(line);
  return lines;
}
