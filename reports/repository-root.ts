// The repository a report's files belong to: the nearest directory upward holding .git (a
// directory in a clone, a file in a worktree or submodule), so SARIF can name files relative to
// the repository root whatever directory the audit ran in.

import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** The nearest directory at or above `start` that holds .git, or undefined. */
export function findRepositoryRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, ".git"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The root for a report: the one given, else the repository of the first input, else of the working directory. */
export function repositoryRootFor(
  inputs: readonly { readonly path: string }[],
  cwd: string,
  given?: string,
): string | undefined {
  if (given !== undefined) return resolve(cwd, given);
  for (const input of inputs) {
    const root = findRepositoryRoot(dirname(resolve(cwd, input.path)));
    if (root) return root;
  }
  return findRepositoryRoot(cwd);
}
