// Synthesizes the reference app (stacks/main.ts) as HCL: cdktf writes stacks/<id>/cdk.tf when
// SYNTH_HCL_OUTPUT=true (read by App and TerraformStack when they are constructed).
//
// cdktf 0.21.0 renders a one-line string that holds a token without escaping its quotes
// (node_modules/cdktf/lib/hcl/render.js, escapeQuotes: "Don't attempt to escape if we have an
// expression"), so an attribute such as policy = JSON.stringify({... Resource: bucket.arn ...})
// comes out as policy = "{"Version":...}", which Terraform and hcl2json both reject.
// repairCdktfQuotes applies the escaping cdktf applies to token-free strings (a backslash before each
// quote that has none) to the literal parts of those lines only, leaving ${...} interpolations as
// written; the tests check that every repaired attribute then reads back exactly as cdk.tf.json has it.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { buildApp } from "../../stacks/main.js";

/** Both reference stacks as HCL: <outdir>/stacks/<stack>/cdk.tf. */
export function synthReferenceAppHcl(): string {
  const outdir = mkdtempSync(join(tmpdir(), "authwarden-ref-hcl-"));
  const previous = process.env.SYNTH_HCL_OUTPUT;
  process.env.SYNTH_HCL_OUTPUT = "true";
  try {
    const app = new App({ outdir });
    buildApp(app);
    app.synth();
  } finally {
    if (previous === undefined) delete process.env.SYNTH_HCL_OUTPUT;
    else process.env.SYNTH_HCL_OUTPUT = previous;
  }
  return outdir;
}

export interface Repair {
  readonly text: string;
  /** 1-based numbers of the lines that were changed. */
  readonly lines: readonly number[];
}

const STRING_LINE = /^(\s*(?:[\w-]+|"[^"]*")\s*=\s*|\s*)"(.*)"(,?)$/;

export function repairCdktfQuotes(hcl: string): Repair {
  const changed: number[] = [];
  const lines = hcl.split("\n").map((line, index) => {
    const match = STRING_LINE.exec(line);
    if (!match || !match[2]!.includes("${")) return line;
    const repaired = `${match[1]}"${escapeLiteralQuotes(match[2]!)}"${match[3]}`;
    if (repaired !== line) changed.push(index + 1);
    return repaired;
  });
  return { text: lines.join("\n"), lines: changed };
}

function escapeLiteralQuotes(body: string): string {
  let out = "";
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (depth === 0 && (body.startsWith("$${", i) || body.startsWith("%%{", i))) {
      out += body.slice(i, i + 3);
      i += 2;
    } else if (depth === 0 && (ch === "$" || ch === "%") && body[i + 1] === "{") {
      depth = 1;
      out += `${ch}{`;
      i++;
    } else if (depth > 0) {
      if (ch === "{") depth++;
      else if (ch === "}") depth--;
      out += ch;
    } else out += ch === '"' && body[i - 1] !== "\\" ? '\\"' : ch;
  }
  return out;
}
