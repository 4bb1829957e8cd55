// Build step (npm run build, after tsc): bundles the compiled command line, dist/checks/cli/index.js
// and everything it imports from dist/, into dist/cli/, the module bin/authwarden.js runs. Node
// resolves, reads and compiles one module per file; the CLI is about 150 of them, and loading them
// was a fifth of a small `check --plan` (bench/startup.ts). The lazy imports (one per command, report
// format and source) stay lazy as chunks of their own, so `check` still never loads the AWS SDK.
//
// What stays outside the bundle: packages, loaded from node_modules as before (the dependency list and
// their licences stay as they are, and cdktf must be the user's copy); and checks/io/commonjs.cjs, the
// module that locates the package (its __dirname) and requires CommonJS dependencies at their point of
// use, imported from its place in dist/checks/io. The library entry points (./gate, ./testing) are not
// bundled: a user's app imports them as they are.
//
//   tsx scripts/bundle-cli.ts [DIST_DIR]

import { rmSync } from "node:fs";
import { relative, resolve } from "node:path";
import { build, type Plugin } from "esbuild";

const ROOT = resolve(import.meta.dirname, "..");
/** Where the bundle goes, under the dist directory (test/cli/bin-process.ts names the entry the bin runs). */
const BUNDLE_DIR = "cli";

/** Imports of commonjs.cjs point at the one copy in dist/checks/io, seen from the bundle's directory. */
function commonjsInPlace(distDir: string, outDir: string): Plugin {
  const target = resolve(distDir, "checks", "io", "commonjs.cjs");
  return {
    name: "commonjs-in-place",
    setup(builder) {
      builder.onResolve({ filter: /\/commonjs\.cjs$/ }, (args) => {
        if (resolve(args.resolveDir, args.path) !== target)
          return { errors: [{ text: `unexpected commonjs.cjs import: ${args.path} from ${args.importer}` }] };
        return { path: relative(outDir, target), external: true };
      });
    },
  };
}

export async function bundleCli(distDir: string): Promise<{ dir: string; files: number }> {
  const outDir = resolve(distDir, BUNDLE_DIR);
  // Chunk names carry a hash: an earlier bundle's chunks would stay beside the new ones.
  rmSync(outDir, { recursive: true, force: true });
  const result = await build({
    entryPoints: { index: resolve(distDir, "checks", "cli", "index.js") },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    // Error classes name themselves after their class (checks/errors.ts). keepNames would wrap every
    // function made at run time in a call that sets its name (0.7 s of a 100k-resource check); without
    // it a class keeps its name unless two modules share it, which test/packaging/bundle.test.ts rules out.
    keepNames: false,
    // Chunks sit beside index.js: the path to commonjs.cjs is written into each as it is, so it must be
    // the same from every output file.
    chunkNames: "[name]-[hash]",
    plugins: [commonjsInPlace(resolve(distDir), outDir)],
    metafile: true,
    logLevel: "warning",
  });
  return { dir: outDir, files: Object.keys(result.metafile.outputs).length };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { dir, files } = await bundleCli(resolve(ROOT, process.argv[2] ?? "dist"));
  process.stdout.write(`command line bundled into ${relative(ROOT, dir)} (${files} files)\n`);
}
