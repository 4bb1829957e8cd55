// Large valid inputs (a 150 MB cdktf synth and a 150 MB plan, made at test time by
// test/fixtures/large-inputs/generate.ts from real synth and plan output) are audited, with the
// process's peak memory under six times the input's size. A memory bound, not a timing assertion.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Report } from "../../checks/engine/report.js";
import { largePlan, largeSynth } from "../fixtures/large-inputs/generate.js";
import { synthCompliantOnly } from "../support/reference-synth.js";

const SIZE = 150 * 1000 * 1000;
const ROOT = join(import.meta.dirname, "..", "..");
const work = mkdtempSync(join(tmpdir(), "authwarden-large-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the CLI from source in its own process; returns its exit code, stderr, peak RSS and report. */
function auditInProcess(source: string[]): { code: number | null; stderr: string; maxRss: number; report: Report } {
  const out = mkdtempSync(join(work, "out-"));
  const rssFile = join(out, "max-rss");
  const child = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      join(ROOT, "test", "support", "cli-process.ts"),
      "check",
      ...source,
      "--format",
      "json",
      "--output-dir",
      out,
    ],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, AUTHWARDEN_TEST_MAX_RSS: rssFile },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return {
    code: child.status,
    stderr: child.stderr,
    maxRss: Number(readFileSync(rssFile, "utf8")),
    report: JSON.parse(readFileSync(join(out, "authwarden.json"), "utf8")) as Report,
  };
}

function expectAuditedWithin(run: ReturnType<typeof auditInProcess>, inputBytes: number): void {
  expect(run.stderr).toBe("");
  expect([0, 1]).toContain(run.code);
  // Every copy of the base estate's pools is judged, not only the first.
  const pools = new Set(
    run.report.results.filter((r) => r.resource.kind === "UserPool").map((r) => r.resource.address),
  );
  expect(pools.size).toBeGreaterThanOrEqual(21);
  expect(run.maxRss, `peak RSS ${run.maxRss} bytes for a ${inputBytes}-byte input`).toBeLessThan(6 * inputBytes);
}

describe("large inputs: audited within six times their size", () => {
  it("a 150 MB cdktf synth", { timeout: 600_000 }, () => {
    const dir = largeSynth(synthCompliantOnly(), "shop-compliant", join(work, "synth"), SIZE);
    const bytes = statSync(join(dir, "stacks", "shop-compliant", "cdk.tf.json")).size;
    expect(bytes).toBeGreaterThanOrEqual(SIZE);
    expectAuditedWithin(auditInProcess(["--synth", dir]), bytes);
  });

  it("a 150 MB terraform plan", { timeout: 600_000 }, () => {
    const file = join(work, "plan.json");
    largePlan(join(ROOT, "test", "fixtures", "plans", "shop-legacy.json"), file, SIZE);
    const bytes = statSync(file).size;
    expect(bytes).toBeGreaterThanOrEqual(SIZE);
    expectAuditedWithin(auditInProcess(["--plan", file]), bytes);
  });
});
