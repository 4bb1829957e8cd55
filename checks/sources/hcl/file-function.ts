// Terraform's file(path) for the HCL source: the content of a file the configuration ships beside
// itself (SAML metadata, a policy document), so the rules judge what Terraform would send. As Terraform
// does, a relative path is read from the directory Terraform runs in (the root module's); write
// "${path.module}/x" to name a file of a child module. Bounded: a file larger than MAX_FILE_BYTES, a
// missing file, a directory or a file that is not UTF-8 text leaves the value unknown, with a diagnostic
// naming the file and the problem. The content is configuration, never printed by a rule.

import { readFileSync, statSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";

/** Larger than any SAML metadata or policy document a configuration ships. */
export const MAX_FILE_BYTES = 1024 * 1024;

export type FileRead = { readonly text: string } | { readonly problem: string };

/** The text file(`path`) returns when Terraform runs in `rootDir`, or why it cannot be read. */
export function readConfigFile(rootDir: string, path: string): FileRead {
  const absolute = isAbsolute(path) ? path : resolve(rootDir, path);
  let size: number;
  try {
    const stat = statSync(absolute);
    if (!stat.isFile()) return { problem: `${absolute} is not a file` };
    size = stat.size;
  } catch {
    return { problem: `${absolute} does not exist` };
  }
  if (size > MAX_FILE_BYTES) return { problem: `${absolute} is larger than ${MAX_FILE_BYTES} bytes` };
  let buffer: Buffer;
  try {
    buffer = readFileSync(absolute);
  } catch (error) {
    return { problem: `${absolute} cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})` };
  }
  const text = buffer.toString("utf8");
  // Terraform's file() rejects content that is not valid UTF-8 (filebase64 is for binary files).
  if (buffer.includes(0) || text.includes("\uFFFD")) return { problem: `${absolute} is not UTF-8 text` };
  return { text };
}
