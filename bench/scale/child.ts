// Runs one command of the scale bench as a whole child process and measures it: wall time, and the
// CPU time and peak memory the child reports through maxrss.mjs.

import { spawnSync } from "node:child_process";
import { closeSync, openSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const PROBE = join(import.meta.dirname, "maxrss.mjs");

export interface ChildRun {
  /** Wall time. */
  readonly seconds: number;
  /** User plus system CPU time: on a machine busy with other work, steadier than wall time. */
  readonly cpuSeconds: number;
  /** Peak resident set size of the child, in bytes. */
  readonly maxRss: number;
}

/**
 * Runs `node --import maxrss.mjs ...args` with stdout to `stdoutFile`; `accept` says which exit codes
 * are a completed run (check exits 1 when the gate fails, which is a result, not an error).
 */
export function runNode(args: readonly string[], stdoutFile: string, accept: readonly number[] = [0]): ChildRun {
  const rssFile = `${stdoutFile}.rss`;
  const out = openSync(stdoutFile, "w");
  try {
    const start = performance.now();
    const child = spawnSync(process.execPath, ["--import", PROBE, ...args], {
      stdio: ["ignore", out, "pipe"],
      env: { ...process.env, AUTHWARDEN_BENCH_RSS_FILE: rssFile, NO_COLOR: "1" },
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = (performance.now() - start) / 1000;
    if (child.error) throw child.error;
    if (child.status === null || !accept.includes(child.status))
      throw new Error(`node ${args.join(" ")} exited ${child.status ?? child.signal}: ${child.stderr.toString()}`);
    const usage = JSON.parse(readFileSync(rssFile, "utf8")) as { maxRSS: number; cpu: number };
    return { seconds, cpuSeconds: usage.cpu / 1e6, maxRss: usage.maxRSS * 1024 };
  } finally {
    closeSync(out);
    rmSync(rssFile, { force: true });
  }
}

/** The run of `runs` that took least CPU time (the least disturbed by other load on the machine). */
export function best(runs: number, run: () => ChildRun): ChildRun {
  let fastest: ChildRun | undefined;
  for (let i = 0; i < runs; i++) {
    const result = run();
    if (!fastest || result.cpuSeconds < fastest.cpuSeconds) fastest = result;
  }
  return fastest!;
}
