// Makes configuration strings safe to print on a terminal: a pool name carrying escape sequences
// must not repaint the screen or forge output lines.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

export function terminalSafe(text: string): string {
  return text.replace(/\r?\n/g, "\\n").replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
