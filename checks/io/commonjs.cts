// The one module that is CommonJS in both builds (a .cts file always compiles to .cjs), so the
// ESM and the CommonJS builds share its `__dirname` and `require` without `import.meta`, which a
// CommonJS build cannot contain.

import { createRequire } from "node:module";

/** The directory of this module: dist/checks/io or dist/cjs/checks/io once built, checks/io from sources. */
export const moduleDirectory: string = __dirname;

/** Resolves a package from authwarden's own location, as Node's require would. */
export function resolvePackage(id: string): string {
  return require.resolve(id);
}

// Node's own CommonJS loader: when this module was itself loaded through an ESM loader hook (tsx),
// its `require` goes through that loader, which fails on a package with circular requires (ajv).
const requireFromHere = createRequire(__filename);

/** Requires one of authwarden's own CommonJS dependencies at its point of use, not at startup. */
export function requireDependency(id: string): unknown {
  return requireFromHere(id) as unknown;
}

/**
 * Loads a CommonJS package (cdktf, cdktn) from authwarden's location: the user's node_modules when
 * installed there, so it is the same copy as the app's. Undefined when it is not installed.
 */
export function loadOptionalPackage(id: string): unknown {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the peer is CommonJS and must be the app's copy
    return require(id) as unknown;
  } catch (error) {
    if ((error as { code?: string }).code === "MODULE_NOT_FOUND") return undefined;
    throw error;
  }
}
