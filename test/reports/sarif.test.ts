// SARIF the way GitHub code scanning keeps it, through the CLI: a category per source and stack
// (so one stack's upload does not close another's alerts), waived failures present as suppressed
// results with the waiver's reason, repository-relative URIs under %SRCROOT% whatever directory
// the audit runs in, and a plan read beside --hcl pointing at the .tf file and line. Every log
// validates against the OASIS SARIF 2.1.0 (errata 01) schema.

import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type * as Sarif from "sarif";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { synthReferenceApp } from "../support/reference-synth.js";
import { validateSarif } from "../support/reports.js";
import { runCli } from "../support/run-cli.js";
import { planJson } from "../support/terraform-plan.js";

const HCL_FIXTURE = join(process.cwd(), "test", "fixtures", "hcl", "identity-trust");

async function sarif(args: readonly string[]): Promise<Sarif.Log> {
  const run = await runCli(["check", ...args, "--format", "sarif"]);
  expect(run.stderr).toBe("");
  expect([0, 1]).toContain(run.code);
  const log = JSON.parse(run.stdout) as Sarif.Log;
  const check = validateSarif(log);
  expect(check.valid, check.errors).toBe(true);
  return log;
}

const category = (log: Sarif.Log) => log.runs[0]!.automationDetails!.id!.replace(/\/[^/]*$/, "");
const locations = (log: Sarif.Log) =>
  (log.runs[0]!.results ?? []).map((r) => r.locations![0]!.physicalLocation!.artifactLocation!);

/** A git repository (git init, for real) holding the HCL fixture under infra/ and an empty ci/ directory. */
function repository(): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "authwarden-repo-")));
  execFileSync("git", ["init", "-q", root]);
  cpSync(HCL_FIXTURE, join(root, "infra"), { recursive: true });
  mkdirSync(join(root, "ci"));
  return root;
}

const startDir = process.cwd();
afterEach(() => process.chdir(startDir));

describe("SARIF categories", () => {
  let synthDir: string;
  beforeAll(() => {
    synthDir = synthReferenceApp();
  });

  it("two --stack runs give two distinct categories, each naming its source and stack", async () => {
    const legacy = await sarif(["--synth", synthDir, "--stack", "shop-legacy"]);
    const compliant = await sarif(["--synth", synthDir, "--stack", "shop-compliant"]);
    expect(category(legacy)).toBe("authwarden/synth/shop-legacy");
    expect(category(compliant)).toBe("authwarden/synth/shop-compliant");
    expect(legacy.runs[0]!.results!.length).toBeGreaterThan(0);
  });

  it("a waived failure is a result suppressed externally, justified by the waiver's reason", async () => {
    const reason = "Staff portal retires 2027-03; IP allow-list until then";
    const file = join(mkdtempSync(join(tmpdir(), "authwarden-waivers-")), "waivers.yaml");
    writeFileSync(
      file,
      [
        "waivers:",
        "  - id: EXC-2026-014",
        "    rule: mfa-required",
        "    resource: shopsphere-legacy-staff",
        `    reason: "${reason}"`,
        "    owner: iam-team@shop.example",
        "    expires: 2099-12-31",
        "",
      ].join("\n"),
    );
    const plain = await sarif(["--synth", synthDir, "--stack", "shop-legacy"]);
    const waived = await sarif(["--synth", synthDir, "--stack", "shop-legacy", "--waivers", file]);
    const isTarget = (r: Sarif.Result) =>
      r.ruleId === "mfa-required" && (r.properties as { resource: string }).resource === "shopsphere-legacy-staff";
    expect(plain.runs[0]!.results!.filter(isTarget)).toEqual([
      expect.not.objectContaining({ suppressions: expect.anything() }),
    ]);
    // Same result, same fingerprint, now suppressed: GitHub shows the alert dismissed, not fixed.
    const [result] = waived.runs[0]!.results!.filter(isTarget);
    expect(result!.partialFingerprints).toEqual(plain.runs[0]!.results!.find(isTarget)!.partialFingerprints);
    expect(result!.suppressions).toEqual([
      expect.objectContaining({ kind: "external", status: "accepted", justification: reason }),
    ]);
    expect(waived.runs[0]!.results!.filter((r) => r.suppressions)).toHaveLength(1);
    expect(waived.runs[0]!.results).toHaveLength(plain.runs[0]!.results!.length);
  });
});

describe("the OASIS schema the logs are validated against", () => {
  it("is errata 01 and rejects what SARIF 2.1.0 does not allow", () => {
    const log = {
      version: "2.1.0",
      runs: [
        {
          tool: { driver: { name: "authwarden" } },
          results: [{ message: { text: "x" }, suppressions: [{ kind: "waived" }] }],
        },
      ],
    };
    expect(validateSarif(log).valid).toBe(false);
    const fixed = structuredClone(log);
    fixed.runs[0]!.results[0]!.suppressions[0]!.kind = "external";
    expect(validateSarif(fixed).valid).toBe(true);
    // rtm.5 let a malformed language tag through its broken pattern; errata 01 does not.
    expect(validateSarif({ ...fixed, runs: [{ ...fixed.runs[0]!, language: "en-USA" }] }).valid).toBe(false);
  });
});

describe("SARIF paths relative to the repository", () => {
  it("a run in a subdirectory names files relative to the repository root, under %SRCROOT%", async () => {
    const root = repository();
    process.chdir(join(root, "ci"));
    const fromCi = await sarif(["--hcl", "../infra"]);
    process.chdir(root);
    const fromRoot = await sarif(["--hcl", "infra"]);
    expect(fromCi.runs[0]!.originalUriBaseIds).toEqual({ "%SRCROOT%": { uri: `${pathToFileURL(root).href}/` } });
    expect(locations(fromCi).length).toBeGreaterThan(0);
    for (const location of locations(fromCi)) {
      expect(location.uriBaseId).toBe("%SRCROOT%");
      expect(location.uri).toMatch(/^infra\/[\w.-]+\.tf(\.json)?$/);
    }
    // Whatever the working directory: the same URIs and the same category.
    expect(locations(fromCi)).toEqual(locations(fromRoot));
    expect(category(fromCi)).toBe("authwarden/hcl/infra-main.tf+infra-user-pool.tf.json+infra-versions.tf");
    expect(category(fromCi)).toBe(category(fromRoot));
  });

  it("--repository-root overrides the discovered root", async () => {
    const root = repository();
    process.chdir(root);
    const log = await sarif(["--hcl", "infra", "--repository-root", "infra"]);
    for (const location of locations(log)) expect(location.uri).toMatch(/^[\w.-]+\.tf(\.json)?$/);
  });

  it("a plan audited beside --hcl points at the .tf file and the line of the resource block", async () => {
    const root = repository();
    const planFile = join(root, "identity.plan.json");
    // Planned offline: an override file gives the provider dummy credentials and skip flags
    // (authwarden does not read override files, so the HCL it reads is the fixture's own).
    writeFileSync(
      join(root, "infra", "offline_override.tf"),
      'provider "aws" {\n  access_key = "test"\n  secret_key = "test"\n  skip_credentials_validation = true\n  skip_requesting_account_id = true\n  skip_metadata_api_check = true\n}\n',
    );
    writeFileSync(planFile, await planJson(join(root, "infra")));
    process.chdir(join(root, "ci"));
    const alone = await sarif(["--plan", planFile]);
    const beside = await sarif(["--plan", planFile, "--hcl", "../infra"]);
    expect(locations(alone).every((l) => l.uri === "identity.plan.json")).toBe(true);
    const results = beside.runs[0]!.results!;
    expect(results.length).toBe(alone.runs[0]!.results!.length);
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      const physical = result.locations![0]!.physicalLocation!;
      expect(physical.artifactLocation).toEqual({
        uri: expect.stringMatching(/^infra\/[\w.-]+\.tf(\.json)?$/),
        uriBaseId: "%SRCROOT%",
      });
      expect(physical.region!.startLine).toBeGreaterThanOrEqual(1);
    }
    // The roles of main.tf, at their resource blocks (line 1 is a comment).
    const inMain = results.filter((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri === "infra/main.tf");
    expect(inMain.length).toBeGreaterThan(0);
    for (const r of inMain) expect(r.locations![0]!.physicalLocation!.region!.startLine).toBeGreaterThan(1);
  }, 300_000); // terraform init and plan, slower on a loaded machine
});
