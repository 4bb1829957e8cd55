// The JavaScript files (.js, .cjs) under a directory of dist/, for tests that read what the build wrote.

import { readdirSync } from "node:fs";
import { join } from "node:path";

export function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsFiles(path);
    return /\.c?js$/.test(entry.name) ? [path] : [];
  });
}
