// Where the installed package lives (its policies/ folder) and its version, whether running from
// TypeScript sources or the compiled dist/.

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { moduleDirectory } from "./io/commonjs.cjs";

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = moduleDirectory;
  for (;;) {
    const manifest = join(dir, "package.json");
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "authwarden"
    ) {
      root = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("cannot locate the authwarden package root");
    dir = parent;
  }
}

interface Manifest {
  readonly version: string;
  readonly repository?: string | { readonly url?: string };
  readonly homepage?: string;
}

function manifest(): Manifest {
  return JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as Manifest;
}

export function toolVersion(): string {
  return manifest().version;
}

/** The repository's web address from package.json repository (or homepage), as npm normalises it: no git+, no .git. */
export function repositoryUrl(): string | undefined {
  const { repository, homepage } = manifest();
  const url = typeof repository === "string" ? repository : (repository?.url ?? homepage);
  if (!url) return undefined;
  const github = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(url);
  if (github) return `https://github.com/${github[1]!.replace(/\.git$/, "")}`;
  return url
    .replace(/^git\+/, "")
    .replace(/^git:\/\//, "https://")
    .replace(/#.*$/, "")
    .replace(/\.git$/, "")
    .replace(/\/$/, "");
}

export function policiesDir(): string {
  return join(packageRoot(), "policies");
}
