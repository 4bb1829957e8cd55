// The organization scan end to end against the emulator: three member accounts with a user pool in
// each of two regions, one whose audit role trusts another account. `scan --organization` reads the
// two good accounts, reports the third as not assumed and fails the gate closed; every result names
// its account and region. The same scan as two shard processes, merged, gives the unsharded results;
// merge refuses shards of another version or policy and flags a missing one.

import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../../checks/engine/report.js";
import { assertValid } from "../../../checks/io/json-schema.js";
import { reportSchema } from "../../../checks/io/report-schema.js";
import { EMULATOR_CREDENTIALS, REPO_ROOT, startEmulator, type Emulator } from "../../support/moto.js";
import {
  addMemberAccount,
  createOrganization,
  MANAGEMENT_ACCOUNT,
  ORG_REGIONS,
  type EmulatedOrganization,
} from "../../support/moto-organization.js";
import { runCli } from "../../support/run-cli.js";

// The CLI's own copy: merge validates with it in this process too, and one Ajv holds one schema per $id.
const schema = reportSchema();

let emulator: Emulator;
let org: EmulatedOrganization;
const work = mkdtempSync(join(tmpdir(), "authwarden-org-"));
const savedEnv = { ...process.env };

beforeAll(async () => {
  Object.assign(process.env, EMULATOR_CREDENTIALS);
  emulator = await startEmulator();
  org = await createOrganization(emulator.url);
}, 120_000);

afterAll(async () => {
  await emulator?.stop();
  process.env = savedEnv;
});

function orgScanFlags(): string[] {
  return [
    "scan",
    "--organization",
    "--exclude-account",
    MANAGEMENT_ACCOUNT,
    "--region",
    ...ORG_REGIONS,
    "--endpoint-url",
    emulator.url,
    "--quiet",
  ];
}

const SDK_NODE_WARNING =
  /\(node:\d+\) Warning: NodeVersionSupportWarning: The AWS SDK for JavaScript \(v3\)[\s\S]*?to show where the warning was created\)\n/;

/** The CLI from source in its own process, as a CI shard runs it. */
function cliProcess(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((res, rej) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(REPO_ROOT, "test", "support", "cli-process.ts"), ...args],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, ...EMULATOR_CREDENTIALS },
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.once("error", rej);
    // The AWS SDK's warning that Node 20 support ends (bin/authwarden.js drops it; this runs from source).
    child.once("close", (code) => res({ code, stderr: stderr.replace(SDK_NODE_WARNING, "") }));
  });
}

function readReport(file: string): Report {
  const report = JSON.parse(readFileSync(file, "utf8")) as Report;
  assertValid(schema, report, file);
  return report;
}

let unsharded: Report;

describe("scan --organization", () => {
  it("reads the two accounts it can enter, reports the third as not assumed, and fails the gate closed", async () => {
    const run = await runCli([...orgScanFlags(), "--format", "json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    unsharded = JSON.parse(run.stdout) as Report;
    assertValid(schema, unsharded, "the organization scan");

    const accounts = unsharded.scan!.accounts;
    expect(accounts.map((a) => a.id)).toEqual([...org.good, org.wrongTrust].sort());
    for (const id of org.good) {
      const account = accounts.find((a) => a.id === id)!;
      expect(account.status).toBe("read");
      expect(account.role).toBe(`arn:aws:iam::${id}:role/AuthwardenAudit`);
      expect(account.regions.map((r) => r.name)).toEqual([...ORG_REGIONS]);
      for (const region of account.regions) {
        expect(region.read).toMatchObject({ UserPool: 1, UserPoolClient: 1 });
        expect(region.failedReads).toBe(0);
      }
    }
    const bad = accounts.find((a) => a.id === org.wrongTrust)!;
    expect(bad.status).toBe("not-assumed");
    expect(bad.reason).toMatch(/AuthwardenAudit could not be assumed: access denied \(AccessDenied/);
    expect(bad.regions.every((r) => r.incomplete)).toBe(true);

    const diagnostic = unsharded.diagnostics.find((d) => d.account === org.wrongTrust);
    expect(diagnostic?.incomplete).toBe(true);
    expect(diagnostic?.message).toContain(`account ${org.wrongTrust}: the audit role`);
    expect(unsharded.gate?.passed).toBe(false);
    expect(unsharded.scopes).toEqual([...accounts.map((a) => `account ${a.id}`), ...ORG_REGIONS]);

    // Every result names its account and region, and each good (account, region) has its pool judged.
    expect(unsharded.results.length).toBeGreaterThan(0);
    for (const result of unsharded.results) {
      expect(org.good, result.resource.key).toContain(result.resource.account);
      expect(ORG_REGIONS as readonly string[], result.resource.key).toContain(result.resource.region);
    }
    for (const account of org.good)
      for (const region of ORG_REGIONS) {
        const min = unsharded.results.find(
          (r) => r.ruleId === "password-min-length" && r.resource.account === account && r.resource.region === region,
        );
        expect(min?.resource.arn).toMatch(new RegExp(`^arn:aws:cognito-idp:${region}:${account}:userpool/`));
      }
    // Each account's own settings, not a mix: the weak account fails, the other passes, in both regions.
    const statuses = unsharded.results
      .filter((r) => r.ruleId === "password-min-length")
      .map((r) => `${r.resource.account} ${r.resource.region} ${r.status}`)
      .sort();
    const strong = org.good.find((id) => id !== org.weak)!;
    expect(statuses).toEqual(
      [
        ...ORG_REGIONS.map((region) => `${org.weak} ${region} FAIL`),
        ...ORG_REGIONS.map((region) => `${strong} ${region} PASS`),
      ].sort(),
    );
  }, 300_000);

  it("--accounts names the accounts directly; an account outside the organization's trust is not assumed either", async () => {
    const run = await runCli([
      "scan",
      "--accounts",
      `${org.good[0]},${org.wrongTrust}`,
      "--region",
      ORG_REGIONS[0],
      "--endpoint-url",
      emulator.url,
      "--format",
      "json",
    ]);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout) as Report;
    expect(report.scan!.accounts.map((a) => [a.id, a.status])).toEqual(
      [
        [org.good[0], "read"],
        [org.wrongTrust, "not-assumed"],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
    expect(new Set(report.results.map((r) => r.resource.account))).toEqual(new Set([org.good[0]]));
  }, 300_000);

  it("bad account flags exit 2 with one line", async () => {
    for (const [args, message] of [
      [["--accounts", "12345"], /--accounts "12345" is not a 12-digit AWS account id/],
      [["--accounts", org.good[0]!, "--organization"], /--accounts and --organization: give one of them/],
      [["--exclude-account", org.good[0]!], /--exclude-account applies to --accounts or --organization/],
      [["--shard", "3/2"], /--shard "3\/2" is not K\/N/],
    ] as const) {
      const run = await runCli(["scan", "--region", ORG_REGIONS[0], "--endpoint-url", emulator.url, ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});

describe("shards and merge", () => {
  const shardFile = (k: number) => join(work, `shard-${k}`, "authwarden.json");

  it("--shard 1/2 and --shard 2/2 in two processes, merged, give the unsharded results", async () => {
    const runs = await Promise.all(
      [1, 2].map((k) =>
        cliProcess([
          ...orgScanFlags(),
          "--shard",
          `${k}/2`,
          "--format",
          "json",
          "--output-dir",
          join(work, `shard-${k}`),
        ]),
      ),
    );
    for (const run of runs) expect(run.stderr).toBe("");
    const shards = [1, 2].map((k) => readReport(shardFile(k)));
    expect(shards.map((s) => s.scan!.shard)).toEqual([
      { index: 1, count: 2, units: 6, plan: shards[0]!.scan!.shard!.plan },
      { index: 2, count: 2, units: 6, plan: shards[0]!.scan!.shard!.plan },
    ]);
    // Each shard scans whole accounts, every region of each: together all accounts, none twice. (Which
    // shard gets the results depends on the emulator's random account ids: the not-assumed account
    // may be a shard's only one.)
    const shardAccounts = shards.map((shard) => shard.scan!.accounts.map((a) => a.id));
    for (const ids of shardAccounts) expect(ids.length).toBeGreaterThan(0);
    expect(shardAccounts.flat().sort()).toEqual(unsharded.scan!.accounts.map((a) => a.id).sort());
    for (const shard of shards)
      for (const account of shard.scan!.accounts)
        expect(account.regions.map((r) => r.name).sort()).toEqual([...ORG_REGIONS].sort());

    const merged = await runCli(["merge", shardFile(1), shardFile(2), "--format", "json", "--quiet"]);
    expect(merged.stderr).toBe("");
    expect(merged.code).toBe(1);
    const report = JSON.parse(merged.stdout) as Report;
    assertValid(schema, report, "the merged report");
    expect(report.results).toEqual(unsharded.results);
    expect(report.summary).toEqual(unsharded.summary);
    expect(report.requirements).toEqual(unsharded.requirements);
    expect(report.gate).toEqual(unsharded.gate);
    expect(report.scopes).toEqual(unsharded.scopes);
    expect(report.scan!.accounts).toEqual(unsharded.scan!.accounts);
    expect(report.diagnostics).toEqual(unsharded.diagnostics);
    expect(report.scan!.shards?.map((s) => s.index)).toEqual([1, 2]);
  }, 600_000);

  it("merge writes every format, and the evidence report lists each account and region with what was read and what failed", async () => {
    const out = join(work, "merged");
    const run = await runCli([
      "merge",
      shardFile(1),
      shardFile(2),
      "--output-dir",
      out,
      ...["json", "html", "sarif", "junit", "markdown"].flatMap((f) => ["--format", f]),
      "--quiet",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    expect(readReport(join(out, "authwarden.json")).results).toEqual(unsharded.results);
    const page = readFileSync(join(out, "authwarden.html"), "utf8");
    expect(page).toContain("2.3 Accounts and regions scanned");
    expect(page).toContain("Combined from shards 1, 2 of 2 of a scan of 6 account and region pairs");
    for (const account of org.good)
      for (const region of ORG_REGIONS)
        expect(page).toContain(
          `<tr><td class="mono">${account}</td><td class="mono">${region}</td><td>read<br><span class="mono">arn:aws:iam::${account}:role/AuthwardenAudit</span></td><td>1 UserPool, 1 UserPoolClient`,
        );
    for (const region of ORG_REGIONS)
      expect(page).toMatch(
        new RegExp(
          `<td class="mono">${org.wrongTrust}</td><td class="mono">${region}</td><td>role not assumed.*?not audited: the audit role`,
        ),
      );
    expect(readFileSync(join(out, "authwarden.md"), "utf8")).toContain(`account ${org.good[0]}`);
  });

  it("the console and Markdown reports show a table per account: its regions, pools read, what failed, results by verdict", async () => {
    const verdicts = (account: string, region: string) =>
      (["FAIL", "ERROR", "UNKNOWN", "WAIVED", "PASS", "NOT_APPLICABLE"] as const).map(
        (status) =>
          unsharded.results.filter(
            (r) => r.resource.account === account && r.resource.region === region && r.status === status,
          ).length,
      );
    const out = join(work, "tables");
    const files = await runCli([
      "merge",
      shardFile(1),
      shardFile(2),
      "--output-dir",
      out,
      "--format",
      "markdown",
      "--quiet",
    ]);
    expect(files.stderr).toBe("");
    // Long tokens (the role ARNs) carry <wbr> break opportunities in Markdown.
    const markdown = readFileSync(join(out, "authwarden.md"), "utf8").replaceAll("<wbr>", "");
    expect(markdown).toContain("#### Accounts scanned (3)");
    const console = await runCli(["merge", shardFile(1), shardFile(2), "--format", "console"]);
    expect(console.stderr).toBe("");
    expect(console.stdout).toContain("Accounts scanned (3)");
    for (const account of org.good) {
      expect(markdown).toContain(`**Account ${account}** · <sub>arn:aws:iam::${account}:role/AuthwardenAudit</sub>`);
      expect(console.stdout).toContain(`  account ${account}  arn:aws:iam::${account}:role/AuthwardenAudit\n`);
      for (const region of ORG_REGIONS) {
        const counts = verdicts(account, region);
        expect(counts[0]! + counts[4]!).toBeGreaterThan(0);
        expect(markdown).toContain(`| ${region} | 1 | ${counts.join(" | ")} | none |`);
        expect(console.stdout).toMatch(
          new RegExp(`\\n    ${region} +1  ${counts.map((n) => ` *${n}`).join("  ")}  none\\n`),
        );
      }
      // The audit role's IAM results have no Region: a row of their own.
      const global = verdicts(account, "global");
      if (global.some((n) => n > 0)) expect(markdown).toContain(`| global | – | ${global.join(" | ")} | – |`);
    }
    expect(markdown).toContain(`**Account ${org.wrongTrust}** · role not assumed`);
    expect(console.stdout).toContain(
      `  account ${org.wrongTrust}  arn:aws:iam::${org.wrongTrust}:role/AuthwardenAudit  role not assumed`,
    );
    for (const region of ORG_REGIONS) {
      expect(markdown).toMatch(
        new RegExp(`\\| ${region} \\| 0 \\| 0 \\| 0 \\| 0 \\| 0 \\| 0 \\| 0 \\| not audited: the audit role`),
      );
      expect(console.stdout).toMatch(new RegExp(`\\n    ${region} +0(  +0){6}  not audited: the audit role`));
    }
  });

  it("merge flags a missing shard and a doubled one as an incomplete audit", async () => {
    const missing = await runCli(["merge", shardFile(1), "--format", "json"]);
    expect(missing.stderr).toBe("");
    expect(missing.code).toBe(1);
    const report = JSON.parse(missing.stdout) as Report;
    expect(report.diagnostics).toContainEqual({
      message: "shard 2 of 2 is missing: the accounts and regions it holds were not audited",
      incomplete: true,
    });
    expect(report.gate?.passed).toBe(false);

    const doubled = JSON.parse(
      (await runCli(["merge", shardFile(1), shardFile(1), shardFile(2), "--format", "json"])).stdout,
    ) as Report;
    expect(doubled.diagnostics.some((d) => d.incomplete && /shard 1 of 2 was given 2 times/.test(d.message))).toBe(
      true,
    );
    // Deduplicated: the doubled shard adds no result.
    expect(doubled.results).toEqual(unsharded.results);
  });

  it("merge refuses shards of another tool version or another policy: exit 2, one line", async () => {
    const other = JSON.parse(readFileSync(shardFile(2), "utf8")) as Report & { tool: { version: string } };
    // No second release to run: the version member is changed in a copy of a real shard report.
    const otherVersion = join(work, "other-version.json");
    writeFileSync(otherVersion, JSON.stringify({ ...other, tool: { ...other.tool, version: "0.0.1" } }));
    const version = await runCli(["merge", shardFile(1), otherVersion]);
    expect(version.code).toBe(2);
    expect(version.stdout).toBe("");
    expect(version.stderr.trim().split("\n")).toHaveLength(1);
    expect(version.stderr).toMatch(
      /other-version\.json: written by authwarden 0\.0\.1, .* shards of one audit share the tool version/,
    );

    const baseline = await cliProcess([
      ...orgScanFlags(),
      "--shard",
      "2/2",
      "--policy",
      "baseline",
      "--format",
      "json",
      "--output-dir",
      join(work, "baseline"),
    ]);
    expect(baseline.stderr).toBe("");
    const policy = await runCli(["merge", shardFile(1), join(work, "baseline", "authwarden.json")]);
    expect(policy.code).toBe(2);
    expect(policy.stderr.trim().split("\n")).toHaveLength(1);
    expect(policy.stderr).toMatch(/judged under policy baseline .* shards of one audit share the policy/);

    const notReport = join(work, "not-a-report.json");
    writeFileSync(notReport, JSON.stringify({ results: [] }));
    const bad = await runCli(["merge", shardFile(1), notReport]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not-a-report\.json: .*is missing required property "tool"/);
  }, 300_000);
});

// Last in this file: it adds an account to the organization.
describe("the shipped audit role trust policy", () => {
  it("lets the scanner in with the external ID it requires, and not without", async () => {
    const trust = readFileSync(join(REPO_ROOT, "policies", "audit-role-trust-policy.json"), "utf8").replace(
      "111122223333",
      MANAGEMENT_ACCOUNT,
    );
    const account = await addMemberAccount(emulator.url, "shipped-trust", trust);
    const scan = async (...extra: string[]) => {
      const run = await runCli([
        "scan",
        "--accounts",
        account,
        "--region",
        ORG_REGIONS[0],
        "--endpoint-url",
        emulator.url,
        "--format",
        "json",
        ...extra,
      ]);
      expect(run.stderr).toBe("");
      return (JSON.parse(run.stdout) as Report).scan!.accounts[0]!;
    };
    expect((await scan("--external-id", "authwarden-audit")).status).toBe("read");
    const without = await scan();
    expect(without.status).toBe("not-assumed");
    expect(without.reason).toMatch(/access denied/);
    expect((await scan("--external-id", "someone-else")).status).toBe("not-assumed");
  });
});
