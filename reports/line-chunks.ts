// Line-based reports (console, JUnit) are written as they are rendered: their lines are gathered
// into chunks of about CHUNK_CHARS, so a large estate's report is never one string (nor an array of
// every line) in memory.

/** About a mebibyte: few enough writes, small next to the report. */
export const CHUNK_CHARS = 1 << 20;

/** Each line followed by "\n", gathered into consecutive chunks; their concatenation is the text. */
export function* lineChunks(lines: Iterable<string>): Generator<string> {
  // Joined once per chunk: a join copies each line once, where appending to a string builds a rope.
  let pending: string[] = [];
  let chars = 0;
  for (const line of lines) {
    pending.push(line);
    chars += line.length + 1;
    if (chars >= CHUNK_CHARS) {
      yield `${pending.join("\n")}\n`;
      pending = [];
      chars = 0;
    }
  }
  if (pending.length > 0) yield `${pending.join("\n")}\n`;
}
