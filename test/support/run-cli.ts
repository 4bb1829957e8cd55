// Runs the CLI in-process with captured output.

import { expect } from "vitest";
import { run } from "../../checks/cli/index.js";
import type { Report } from "../../checks/engine/report.js";

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(args: readonly string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stdoutIsTTY: false, env });
  return { code, stdout, stderr };
}

/** `authwarden check ARGS --format json`: the report, after asserting a clean run (exit 0 or 1, nothing on stderr). */
export async function checkReport(args: readonly string[]): Promise<Report> {
  const { code, stdout, stderr } = await runCli(["check", ...args, "--format", "json"]);
  expect(stderr).toBe("");
  expect([0, 1]).toContain(code);
  return JSON.parse(stdout) as Report;
}
