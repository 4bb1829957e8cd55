// Synthesizes the reference app (stacks/main.ts) with cdktn instead of cdktf, by running it with tsx
// under alias-hooks.mjs: cdktn's CLI needs Node 22, its library runs on Node 20. Also a script:
// `npm run synth:cdktn [OUTDIR]` writes the cdktn synth of both reference stacks (default cdktn.out).

import { execFileSync } from "node:child_process";
import { mkdtempSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../../..");

/** Runs the app into `outdir` (a fresh temporary directory when omitted) and returns it. */
export function synthWithCdktn(outdir = mkdtempSync(join(tmpdir(), "authwarden-cdktn-"))): string {
  execFileSync(
    process.execPath,
    ["--import", "tsx", "--import", join(HERE, "register.mjs"), join(ROOT, "stacks", "main.ts")],
    { cwd: ROOT, env: { ...process.env, CDKTF_OUTDIR: outdir }, stdio: ["ignore", "ignore", "pipe"] },
  );
  return outdir;
}

function isEntryPoint(): boolean {
  return (
    process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
  );
}

if (isEntryPoint()) {
  const outdir = resolve(process.argv[2] ?? join(ROOT, "cdktn.out"));
  synthWithCdktn(outdir);
  process.stdout.write(`cdktn synth of the reference app written to ${outdir}\n`);
}
