// Line numbers of the blocks of Terraform JSON (cdk.tf.json, *.tf.json), for findings that point into the file.

/**
 * The line of each block in pretty-printed Terraform JSON (as cdktf writes it), by "section.type.name": one pass over the
 * text, following the nesting of the first three object levels below "resource" and "data".
 */
export function blockLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const path: string[] = [];
  let line = 1;
  // Strings are consumed whole, so braces inside values such as "${...}" never count as nesting.
  for (const match of text.matchAll(/\n|"((?:[^"\\]|\\.)*)"(\s*:\s*([{[]?))?|[{}[\]]/g)) {
    const token = match[0];
    if (token === "\n") {
      line++;
      continue;
    }
    if (match[1] !== undefined) {
      if (match[3]) {
        path.push(match[1]);
        if (path.length === 4 && (path[1] === "resource" || path[1] === "data"))
          lines.set(`${path[1]}.${path[2]}.${path[3]}`, line);
      }
      continue;
    }
    if (token === "{" || token === "[") path.push("");
    else path.pop();
  }
  return lines;
}
