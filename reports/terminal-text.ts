// Makes configuration strings safe to print on a terminal: a pool name carrying escape sequences
// or bidirectional controls must not repaint the screen, forge output lines or read backwards.

import { visibleEscapes } from "./escape.js";

export function terminalSafe(text: string): string {
  return visibleEscapes(text.replace(/\r?\n/g, "\\n"));
}
