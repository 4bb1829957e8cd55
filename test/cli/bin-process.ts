// The installed command as a separate process (bin/authwarden.js over the compiled dist/), for
// what an in-process run cannot show: signals, standard input, pipes, the working directory.

import { execFileSync, spawn, spawnSync, type SpawnOptions, type SpawnSyncReturns } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

export const REPO = process.cwd();
export const BIN = join(REPO, "bin", "authwarden.js");

/** The bundled command line bin/authwarden.js runs (scripts/bundle-cli.ts). */
export const CLI_BUNDLE = join(REPO, "dist", "cli", "index.js");

/** Builds dist/ once when it is missing (the bin runs the bundle of the compiled CLI). */
export function ensureBuilt(): void {
  if (!existsSync(CLI_BUNDLE)) execFileSync("npm", ["run", "build", "--silent"], { cwd: REPO, stdio: "ignore" });
}

export interface BinOptions {
  readonly cwd?: string;
  readonly input?: string | Buffer;
  readonly env?: Readonly<Record<string, string>>;
  readonly uid?: number;
}

/** Env without the AUTHWARDEN_* and colour settings of the test's own environment. */
function cleanEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith("AUTHWARDEN_") && k !== "FORCE_COLOR"),
  );
  return { ...env, NO_COLOR: "1", ...extra };
}

export function runBin(args: readonly string[], options: BinOptions = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    cwd: options.cwd ?? REPO,
    env: cleanEnv(options.env),
    maxBuffer: 256 * 1024 * 1024,
    ...(options.input === undefined ? {} : { input: options.input }),
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
}

export function spawnBin(args: readonly string[], options: Pick<BinOptions, "cwd" | "env"> = {}) {
  const spawnOptions: SpawnOptions = { cwd: options.cwd ?? REPO, env: cleanEnv(options.env), stdio: "pipe" };
  return spawn(process.execPath, [BIN, ...args], spawnOptions);
}
