import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluate } from "../../checks/engine/evaluate.js";
import { loadPolicy } from "../../checks/engine/policy-pack.js";
import type { Report } from "../../checks/engine/report.js";
import { RULES_BY_ID } from "../../checks/rules/index.js";
import { loadWaivers } from "../../checks/engine/waivers.js";
import { userPool } from "../harness/cognito-fixtures.js";
import { estateOf } from "../harness/synth-fixture.js";
import { synthReferenceApp } from "../support/reference-synth.js";
import { runCli } from "../support/run-cli.js";

const REASON = "Staff sign in through the corporate IdP proxy, which enforces hardware MFA before Cognito is reached.";

function waiverFile(content: string, extension = "yaml"): string {
  const file = join(mkdtempSync(join(tmpdir(), "authwarden-waivers-")), `waivers.${extension}`);
  writeFileSync(file, content);
  return file;
}

function waiverYaml(fields: Record<string, string>): string {
  return `waivers:\n  - ${Object.entries(fields)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join("\n    ")}\n`;
}

describe("waivers in the engine", () => {
  const estate = estateOf((s) => {
    userPool(s, "staff-portal", { mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } });
    userPool(s, "warehouse", { mfaConfiguration: "OFF" });
  });
  const policy = loadPolicy("pci-dss-4.0.1", RULES_BY_ID);
  const now = new Date("2026-11-22T12:00:00Z");
  const waiver = (fields: Record<string, string>) =>
    loadWaivers(
      waiverFile(waiverYaml({ rule: "mfa-required", reason: REASON, owner: "iam-team@shop.example", ...fields })),
      RULES_BY_ID,
    );

  it("turns a matching FAIL into WAIVED, keeps the reason, and leaves other resources failing", () => {
    const report = evaluate(estate, policy, RULES_BY_ID, {
      now,
      waivers: waiver({
        resource: "staff-*",
        expires: "2026-12-31",
        compensatingControl: "Hardware MFA is enforced by the corporate IdP proxy in front of the pool.",
      }),
    });
    const mfa = report.results.filter((r) => r.ruleId === "mfa-required");
    expect(mfa.find((r) => r.resource.name === "staff-portal")).toMatchObject({
      status: "WAIVED",
      waiver: {
        reason: REASON,
        owner: "iam-team@shop.example",
        expires: "2026-12-31",
        compensatingControl: expect.stringContaining("Hardware MFA"),
      },
    });
    expect(mfa.find((r) => r.resource.name === "warehouse")?.status).toBe("FAIL");
    expect(report.summary.byStatus.WAIVED).toBe(1);
    expect(report.waivers).toEqual([]);
  });

  it("applies through the expiry day and no longer after it, reporting it as expired", () => {
    const onTheDay = evaluate(estate, policy, RULES_BY_ID, {
      now,
      waivers: waiver({ resource: "staff-portal", expires: "2026-11-22" }),
    });
    expect(
      onTheDay.results.find((r) => r.ruleId === "mfa-required" && r.resource.name === "staff-portal")?.status,
    ).toBe("WAIVED");
    const after = evaluate(estate, policy, RULES_BY_ID, {
      now,
      waivers: waiver({ resource: "staff-portal", expires: "2026-11-21" }),
    });
    expect(after.results.find((r) => r.ruleId === "mfa-required" && r.resource.name === "staff-portal")?.status).toBe(
      "FAIL",
    );
    expect(after.waivers).toEqual([
      expect.objectContaining({ problem: "expired", ruleId: "mfa-required", selector: "staff-portal" }),
    ]);
  });

  it("reports a waiver that matches no failing result as unused", () => {
    const report = evaluate(estate, policy, RULES_BY_ID, {
      now,
      waivers: waiver({ resource: "no-such-pool", expires: "2027-01-31" }),
    });
    expect(report.waivers).toEqual([expect.objectContaining({ problem: "unused", selector: "no-such-pool" })]);
    expect(report.summary.byStatus.WAIVED).toBe(0);
  });

  it("matches a selector that makes a backtracking RegExp exponential against a 6,000-character name, and returns", () => {
    // `*L*L*-portal*` against a 6,000-character name took minutes when selectors were regular expressions.
    const long = `${"L".repeat(6_000)}-staff`;
    const hostile = estateOf((s) => {
      userPool(s, long, { mfaConfiguration: "OFF" });
      userPool(s, `${"L".repeat(6_000)}-portal`, { mfaConfiguration: "OFF" });
    });
    const report = evaluate(hostile, policy, RULES_BY_ID, {
      now,
      waivers: waiver({ resource: "*L*L*-portal*", expires: "2026-12-31" }),
    });
    const mfa = report.results.filter((r) => r.ruleId === "mfa-required");
    expect(mfa.find((r) => r.resource.name === long)?.status).toBe("FAIL");
    expect(mfa.find((r) => r.resource.name?.endsWith("-portal"))?.status).toBe("WAIVED");
  });
});

describe("waivers on the command line", () => {
  let referenceDir: string;
  beforeAll(() => {
    referenceDir = synthReferenceApp();
  });

  it("waives shop-legacy's staff MFA failure, keeps the reason in the JSON, and lists it on the console", async () => {
    const file = waiverFile(
      waiverYaml({
        id: "EXC-2026-014",
        rule: "mfa-required",
        resource: "shopsphere-legacy-staff",
        reason: REASON,
        owner: "iam-team@shop.example",
        expires: "2099-12-31",
      }),
    );
    const json = await runCli([
      "check",
      "--synth",
      referenceDir,
      "--stack",
      "shop-legacy",
      "--waivers",
      file,
      "--format",
      "json",
    ]);
    const report = JSON.parse(json.stdout) as Report;
    expect(
      report.results.find((r) => r.ruleId === "mfa-required" && r.resource.name === "shopsphere-legacy-staff"),
    ).toMatchObject({ status: "WAIVED", waiver: { id: "EXC-2026-014", reason: REASON } });
    const console = await runCli(["check", "--synth", referenceDir, "--stack", "shop-legacy", "--waivers", file]);
    expect(console.stdout).toContain("WAIVED");
    expect(console.stdout).toContain("waived until 2099-12-31 by iam-team@shop.example");
  });

  it("an expired waiver leaves the failure in place and says so", async () => {
    const file = waiverFile(
      waiverYaml({
        rule: "mfa-required",
        resource: "shopsphere-legacy-staff",
        reason: REASON,
        owner: "iam-team@shop.example",
        expires: "2020-01-31",
      }),
    );
    const { code, stdout } = await runCli([
      "check",
      "--synth",
      referenceDir,
      "--stack",
      "shop-legacy",
      "--waivers",
      file,
    ]);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /waiver .* \(mfa-required on shopsphere-legacy-staff\) expired on 2020-01-31 and no longer applies/,
    );
  });

  it.each([
    ["a trivial reason", { reason: "n/a" }, "/waivers/0/reason"],
    ["a missing owner", { owner: undefined }, '/waivers/0 is missing required property "owner"'],
    ["a date that is not a date", { expires: "next year" }, "/waivers/0/expires"],
    ["an unknown rule", { rule: "no-such-rule" }, '/waivers/0/rule names an unknown rule "no-such-rule"'],
  ])("%s exits 2 naming the file and the JSON path", async (_name, change, fragment) => {
    const fields: Record<string, string> = {
      rule: "mfa-required",
      resource: "x",
      reason: REASON,
      owner: "iam-team@shop.example",
      expires: "2099-12-31",
    };
    for (const [key, value] of Object.entries(change)) {
      if (value === undefined) delete fields[key];
      else fields[key] = value;
    }
    const file = waiverFile(JSON.stringify({ waivers: [fields] }), "json");
    const { code, stderr } = await runCli(["check", "--synth", referenceDir, "--waivers", file]);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toContain(`${file}: ${fragment}`);
  });
});
