// The shipped organization-scan workflow (docs/workflows/org-scan.yml), run as a script against the
// emulator's organization: every matrix shard's scan step, then the merge job, with the package's
// install replaced by the CLI from source on PATH and the artifact upload and download (GitHub's
// part) played by copying the files the upload step names. The merged evidence report equals the
// one-process scan, and the job fails on the gate, after the evidence is written.

import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Report } from "../../checks/engine/report.js";
import { EMULATOR_CREDENTIALS, REPO_ROOT, startEmulator, type Emulator } from "../support/moto.js";
import { createOrganization, MANAGEMENT_ACCOUNT, ORG_REGIONS } from "../support/moto-organization.js";
import { runCli } from "../support/run-cli.js";
import { readWorkflow, runJob } from "../support/workflow-runner.js";

const WORKFLOW = join(REPO_ROOT, "docs", "workflows", "org-scan.yml");
let emulator: Emulator;
const savedEnv = { ...process.env };

beforeAll(async () => {
  Object.assign(process.env, EMULATOR_CREDENTIALS);
  emulator = await startEmulator();
  await createOrganization(emulator.url);
}, 120_000);

afterAll(async () => {
  await emulator?.stop();
  process.env = savedEnv;
});

/** A directory with an `authwarden` command that runs the CLI from source, standing in for `npm install --global`. */
function cliOnPath(): string {
  const bin = mkdtempSync(join(tmpdir(), "authwarden-bin-"));
  const tsx = fileURLToPath(import.meta.resolve("tsx"));
  const script = join(bin, "authwarden");
  writeFileSync(
    script,
    `#!/usr/bin/env bash\nexec "${process.execPath}" --import "${tsx}" "${join(REPO_ROOT, "test", "support", "cli-process.ts")}" "$@"\n`,
  );
  chmodSync(script, 0o755);
  return bin;
}

it("the workflow's shard and merge steps, run as a script, write the evidence report of the whole organization", async () => {
  const unsharded = await runCli([
    "scan",
    "--organization",
    "--exclude-account",
    MANAGEMENT_ACCOUNT,
    "--region",
    ...ORG_REGIONS,
    "--endpoint-url",
    emulator.url,
    "--format",
    "json",
  ]);
  expect(unsharded.stderr).toBe("");
  const expected = JSON.parse(unsharded.stdout) as Report;

  const workflow = readWorkflow(WORKFLOW);
  const shards = workflow.jobs.scan!.strategy!.matrix!.shard as number[];
  expect(shards.length).toBeGreaterThan(1);
  const workspace = mkdtempSync(join(tmpdir(), "authwarden-workspace-"));
  const context = {
    workspace,
    jobTotal: shards.length,
    vars: {
      AUTHWARDEN_REGIONS: ORG_REGIONS.join(" "),
      AUTHWARDEN_EXCLUDE_ACCOUNTS: MANAGEMENT_ACCOUNT,
      AUTHWARDEN_VERSION: "0.0.0-test",
      AUTHWARDEN_SCANNER_ROLE_ARN: "arn:aws:iam::123456789012:role/AuthwardenScanner",
    },
    // The emulator in place of AWS: AUTHWARDEN_ENDPOINT_URL is --endpoint-url, read from the environment.
    env: { PATH: `${cliOnPath()}:${process.env.PATH}`, AUTHWARDEN_ENDPOINT_URL: emulator.url, ...EMULATOR_CREDENTIALS },
    skip: ["install"],
  };
  const downloads = join(workspace, "shards");
  for (const shard of shards) {
    const job = runJob(workflow, "scan", { ...context, matrix: { shard } });
    const scan = job.steps.find((s) => s.name === "Scan the shard")!;
    expect(job.code, scan.stderr).toBe(0);
    const credentials = job.steps.find((s) => s.skipped && s.name.startsWith("aws-actions/configure-aws-credentials"));
    expect(credentials?.with?.["role-to-assume"]).toBe(context.vars.AUTHWARDEN_SCANNER_ROLE_ARN);
    // actions/upload-artifact, then download-artifact with a pattern: one directory per artifact, named after it.
    const upload = job.steps.find((s) => s.skipped && s.name.startsWith("actions/upload-artifact"))!;
    const artifact = join(downloads, upload.with!.name!);
    mkdirSync(artifact, { recursive: true });
    cpSync(join(workspace, upload.with!.path!), join(artifact, "authwarden.json"));
  }

  const merge = runJob(workflow, "merge", context);
  const mergeStep = merge.steps.find((s) => s.name === "Merge the shard reports")!;
  expect(mergeStep.code, mergeStep.stderr).toBe(0);
  // The gate fails (one account's role cannot be assumed), in the last step, after the evidence is written.
  expect(merge.code).toBe(1);
  expect(merge.steps.at(-1)!.name).toBe("Gate");
  const evidence = merge.steps.find((s) => s.skipped && s.with?.name === "authwarden-evidence")!;
  const dir = join(workspace, evidence.with!.path!);
  for (const file of [
    "authwarden.json",
    "authwarden.html",
    "authwarden.sarif",
    "authwarden.junit.xml",
    "authwarden.md",
  ])
    expect(existsSync(join(dir, file)), file).toBe(true);
  const report = JSON.parse(readFileSync(join(dir, "authwarden.json"), "utf8")) as Report;
  expect(report.results).toEqual(expected.results);
  expect(report.diagnostics).toEqual(expected.diagnostics);
  expect(report.scan!.shards!.map((s) => s.index)).toEqual(shards);
  expect(report.gate?.passed).toBe(false);
}, 600_000);
