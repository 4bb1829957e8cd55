// What the published package depends on: every package dist/ imports is a dependency or a peer,
// and every dependency is imported by dist/ (nothing installed for users that nothing runs).

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsFiles } from "../support/js-files.js";
import { REPO_ROOT } from "../support/user-app.js";

interface Manifest {
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as Manifest;

/** Package names of the bare specifiers in import/export from, import(), require(), resolvePackage() and requireDependency(). */
function importedPackages(source: string): string[] {
  const specifiers = [
    ...source.matchAll(/^\s*(?:import|export)\b[^;"]*?\bfrom\s+"([^"]+)"/gm),
    ...source.matchAll(/^\s*import\s+"([^"]+)"/gm),
    ...source.matchAll(/\b(?:import|require|resolvePackage|loadOptionalPackage|requireDependency)\(\s*"([^"]+)"\s*\)/g),
  ]
    .map((m) => m[1]!)
    .filter((s) => !s.startsWith("."));
  return specifiers
    .filter((s) => !s.startsWith("node:") && !builtinModules.includes(s.split("/")[0]!))
    .map((s) => (s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : s.split("/")[0]!));
}

describe("the package's dependencies", () => {
  if (!existsSync(join(REPO_ROOT, "dist", "cjs", "package.json")))
    execFileSync("npm", ["run", "build", "--silent"], { cwd: REPO_ROOT, stdio: "ignore" });
  const files = [...jsFiles(join(REPO_ROOT, "dist")), join(REPO_ROOT, "bin", "authwarden.js")];
  const imported = new Set(files.flatMap((file) => importedPackages(readFileSync(file, "utf8"))));
  // The CDK library is loaded by name from a list (checks/gate/cdk-library.ts), not a literal require.
  for (const peer of ["cdktf", "cdktn"]) imported.add(peer);

  it("declares every package dist imports, as a dependency or a peer", () => {
    const declared = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies)]);
    expect([...imported].filter((name) => !declared.has(name)).sort()).toEqual([]);
  });

  it("has no dependency that dist does not import", () => {
    expect(Object.keys(manifest.dependencies).filter((name) => !imported.has(name))).toEqual([]);
  });
});
