// The bundled command line (scripts/bundle-cli.ts): one copy of each module, so error classes and
// caches are the same objects whichever command runs, class names survive, and the bin runs it.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, CLI_BUNDLE, ensureBuilt, runBin } from "../cli/bin-process.js";
import { jsFiles } from "../support/js-files.js";

ensureBuilt();
const BUNDLE_DIR = dirname(CLI_BUNDLE);
const DIST = resolve(BUNDLE_DIR, "..");
const files = readdirSync(BUNDLE_DIR).filter((name) => name.endsWith(".js"));

/** The relative specifiers of a bundle file's static and dynamic imports. */
function relativeImports(source: string): string[] {
  return [
    ...source.matchAll(/^\s*(?:import|export)\b[^;"]*?\bfrom\s+"(\.[^"]*)"/gm),
    ...source.matchAll(/\bimport\(\s*"(\.[^"]*)"\s*\)/g),
  ].map((m) => m[1]!);
}

describe("the bundled command line", () => {
  it("imports nothing from dist/ but its own chunks and the module that locates the package", () => {
    const outside = files.flatMap((name) =>
      relativeImports(readFileSync(join(BUNDLE_DIR, name), "utf8"))
        .map((specifier) => relative(DIST, resolve(BUNDLE_DIR, specifier)))
        .filter((path) => !path.startsWith(`cli/`)),
    );
    expect(files.length).toBeGreaterThan(1);
    expect([...new Set(outside)]).toEqual(["checks/io/commonjs.cjs"]);
  });

  it("keeps each command's modules out of the entry: a lazy chunk per command", () => {
    const entry = readFileSync(CLI_BUNDLE, "utf8");
    const lazy = [...entry.matchAll(/\bimport\(\s*"\.\/([^"]+)"\s*\)/g)].map((m) => m[1]!);
    for (const command of ["check", "scan", "merge", "rules", "verify"])
      expect(lazy.some((file) => file.startsWith(`${command}-`))).toBe(true);
    expect(entry).not.toMatch(/from\s+"@aws-sdk\//);
  });

  it("keeps the name of every class (an error is named after its class, checks/errors.ts)", () => {
    // esbuild renames a top-level name that two modules share (Foo -> Foo2); a class expression takes
    // its name from the variable it is assigned to, so a renamed variable would rename the class.
    const compiled = new Set(
      [...jsFiles(join(DIST, "checks")), ...jsFiles(join(DIST, "reports"))].flatMap((file) =>
        [...readFileSync(file, "utf8").matchAll(/\bclass (\w+)/g)].map((m) => m[1]!),
      ),
    );
    const bundled = files.flatMap((name) =>
      [...readFileSync(join(BUNDLE_DIR, name), "utf8").matchAll(/\b(\w+) = class\b|\bclass (\w+)/g)].map(
        (m) => (m[1] ?? m[2])!,
      ),
    );
    expect(bundled.length).toBeGreaterThan(10);
    expect(bundled.filter((name) => !compiled.has(name))).toEqual([]);
  });

  it("is what bin/authwarden.js runs", () => {
    expect(readFileSync(BIN, "utf8")).toContain(`import("../dist/cli/index.js")`);
    const rules = runBin(["rules", "--format", "json"]);
    expect(rules.status, rules.stderr).toBe(0);
    expect((JSON.parse(rules.stdout) as unknown[]).length).toBeGreaterThan(40);
  });
});
