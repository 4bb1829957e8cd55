// Behaviour lock for refactors: the JSON reports of both reference stacks from every source
// (synth, a real terraform plan, cdktf's HCL, and a live scan of the stacks applied to the moto
// emulator) must equal the reports recorded in test/fixtures/reference-reports/, except for what a
// run cannot hold still (timestamps, temporary paths, hashes of files that carry a timestamp, the ids
// the emulator assigns). A change of verdict, message, evidence or location shows up as a diff.
// Re-record on purpose with: npx vitest run test/e2e/reference-reports.test.ts -u

import { applyLiveOnlySettings } from "../support/live-only-settings.js";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeReport } from "../support/reference-reports.js";
import { repairCdktfQuotes, synthReferenceAppHcl } from "../support/hcl-synth.js";
import {
  EMULATOR_CREDENTIALS,
  EMULATOR_REGION,
  startEmulator,
  synthForEmulator,
  TerraformStackRun,
  type Emulator,
} from "../support/moto.js";
import { synthReferenceApp } from "../support/reference-synth.js";
import { runCli } from "../support/run-cli.js";
import { planJson, synthApp } from "../support/terraform-plan.js";
import { referenceApp } from "../fixtures/plans/cdktf-fixtures.js";
import { SHOP_POLICY } from "../../stacks/compliant-variant.js";

const STACKS = ["shop-compliant", "shop-legacy"] as const;
const RECORDED = resolve(import.meta.dirname, "..", "fixtures", "reference-reports");

let synthDir: string;
const hclDirs = new Map<string, string>();
const planFiles = new Map<string, string>();
let emulator: Emulator | undefined;
const savedEnv = { ...process.env };

beforeAll(async () => {
  synthDir = synthReferenceApp();
  const hclOut = synthReferenceAppHcl();
  const work = mkdtempSync(join(tmpdir(), "authwarden-reference-"));
  for (const stack of STACKS) {
    const dir = join(work, "hcl", stack);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "cdk.tf"),
      repairCdktfQuotes(readFileSync(join(hclOut, "stacks", stack, "cdk.tf"), "utf8")).text,
    );
    hclDirs.set(stack, dir);
  }
  // Planned offline (dummy credentials, skip flags) from its own synth, so terraform's working files stay out of the one the other sources read.
  const planDir = synthApp(mkdtempSync(join(tmpdir(), "authwarden-reference-plan-")), referenceApp.build);
  await Promise.all(
    STACKS.map(async (stack) => {
      const file = join(work, `${stack}.plan.json`);
      writeFileSync(file, await planJson(planDir(stack)));
      planFiles.set(stack, file);
    }),
  );
  Object.assign(process.env, EMULATOR_CREDENTIALS);
  emulator = await startEmulator();
  const liveOut = synthForEmulator(emulator.url);
  await Promise.all(
    STACKS.map(async (stack) => {
      const run = new TerraformStackRun(liveOut, stack);
      const init = await run.init();
      if (init.code !== 0) throw new Error(`terraform init failed for ${stack}:\n${init.stderr}`);
      const apply = await run.apply();
      if (apply.code !== 0) throw new Error(`terraform apply failed for ${stack}:\n${apply.stderr.slice(-4000)}`);
    }),
  );
  // The deploy step after apply: settings no Terraform attribute holds.
  await applyLiveOnlySettings(emulator.url);
}, 900_000);

afterAll(async () => {
  await emulator?.stop();
  process.env = savedEnv;
});

/** The JSON report of one CLI run under the project's policy, which must be a clean one (exit 0 or 1, nothing on stderr). */
async function report(args: readonly string[]): Promise<string> {
  const { code, stdout, stderr } = await runCli([...args, "--policy", SHOP_POLICY, "--format", "json"]);
  expect(stderr).toBe("");
  expect([0, 1]).toContain(code);
  return `${JSON.stringify(normalizeReport(JSON.parse(stdout)), null, 2)}\n`;
}

describe.each(STACKS)("the reference report of %s is unchanged", (stack) => {
  it("from synth", async () => {
    await expect(await report(["check", "--synth", synthDir, "--stack", stack])).toMatchFileSnapshot(
      join(RECORDED, `synth.${stack}.json`),
    );
  });
  it("from a terraform plan", async () => {
    await expect(await report(["check", "--plan", planFiles.get(stack)!])).toMatchFileSnapshot(
      join(RECORDED, `plan.${stack}.json`),
    );
  });
  it("from cdktf's HCL", async () => {
    await expect(await report(["check", "--hcl", hclDirs.get(stack)!])).toMatchFileSnapshot(
      join(RECORDED, `hcl.${stack}.json`),
    );
  });
});

describe("the reference report of the live account is unchanged", () => {
  it("from a scan of both stacks applied to the emulator", async () => {
    const text = await report(["scan", "--region", EMULATOR_REGION, "--endpoint-url", emulator!.url, "--quiet"]);
    await expect(text).toMatchFileSnapshot(join(RECORDED, "live.json"));
  });
});
