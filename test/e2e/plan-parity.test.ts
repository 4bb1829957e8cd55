// The provider-backed harness, end to end: synthesize the reference app, plan both stacks for real
// (terraform init with hashicorp/aws 5.100.0 from the machine's mirror, plan -refresh=false with
// offline provider settings, show -json), then check --plan must give exactly the verdicts of
// check --synth on the same stack: rule by rule, resource by resource. A provider validation error
// (which synth alone cannot catch) fails beforeAll with terraform's message.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../checks/engine/report.js";
import { RULES } from "../../checks/rules/index.js";
import { referenceApp } from "../fixtures/plans/cdktf-fixtures.js";
import { checkReport, runCli } from "../support/run-cli.js";
import { planJson, synthApp } from "../support/terraform-plan.js";

const STACKS = ["shop-legacy", "shop-compliant"] as const;
let synthDir: string;
const planFiles = new Map<string, string>();

beforeAll(async () => {
  synthDir = mkdtempSync(join(tmpdir(), "authwarden-parity-"));
  const stackDir = synthApp(synthDir, referenceApp.build);
  await Promise.all(
    STACKS.map(async (stack) => {
      const file = join(synthDir, `${stack}.plan.json`);
      writeFileSync(file, await planJson(stackDir(stack)));
      planFiles.set(stack, file);
    }),
  );
}, 600_000);

/** "ruleId address" -> status; each rule judges a resource once. */
function verdicts(r: Report): Map<string, string> {
  const out = new Map<string, string>();
  for (const result of r.results) {
    const key = `${result.ruleId} ${result.resource.address ?? result.resource.key}`;
    expect(out.has(key), `${key} judged twice`).toBe(false);
    out.set(key, result.status);
  }
  return out;
}

describe.each(STACKS)("plan and synth parity: %s", (stack) => {
  it("gives exactly the synth verdicts, rule by rule and resource by resource", async () => {
    const fromSynth = verdicts(await checkReport(["--synth", synthDir, "--stack", stack]));
    const fromPlan = verdicts(await checkReport(["--plan", planFiles.get(stack)!]));
    expect(fromPlan.size).toBeGreaterThan(0);
    // Sorted entries give a readable diff when a verdict differs.
    const sorted = (m: Map<string, string>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
    expect(sorted(fromPlan)).toEqual(sorted(fromSynth));
  });

  it("judges every rule of the catalog", async () => {
    const fromPlan = await checkReport(["--plan", planFiles.get(stack)!]);
    const judged = new Set(fromPlan.results.map((r) => r.ruleId));
    // Rules only the live scan can judge are listed in notJudged instead.
    const planJudged = RULES.filter((rule) => !rule.meta.judgedBy || rule.meta.judgedBy.sources.includes("plan"));
    expect([...judged].sort()).toEqual(planJudged.map((rule) => rule.meta.id).sort());
    expect((fromPlan.notJudged ?? []).map((n) => n.ruleId).sort()).toEqual(
      RULES.filter((rule) => !planJudged.includes(rule))
        .map((rule) => rule.meta.id)
        .sort(),
    );
  });

  it("keeps the gate: shop-legacy fails, shop-compliant passes", async () => {
    const { code } = await runCli(["check", "--plan", planFiles.get(stack)!]);
    expect(code).toBe(stack === "shop-legacy" ? 1 : 0);
  });
});
