// The one module that is CommonJS in both builds (a .cts file always compiles to .cjs), so the
// ESM and the CommonJS builds share its `__dirname` and `require` without `import.meta`, which a
// CommonJS build cannot contain.

/** The directory of this module: dist/checks/io or dist/cjs/checks/io once built, checks/io from sources. */
export const moduleDirectory: string = __dirname;

/** Resolves a package from authwarden's own location, as Node's require would. */
export function resolvePackage(id: string): string {
  return require.resolve(id);
}

/** Requires one of authwarden's own CommonJS dependencies at its point of use, not at startup. */
export function requireDependency(id: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- synchronous and lazy: the callers are synchronous
  return require(id) as unknown;
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
