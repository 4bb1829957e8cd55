// The command-line conventions CI users expect (issue 14, item 6), each through the CLI.

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "../../checks/cli/index.js";
import type { Report } from "../../checks/engine/report.js";
import { SEVERITIES } from "../../checks/engine/rule.js";
import { RULES } from "../../checks/rules/index.js";
import { toolVersion } from "../../checks/package-info.js";
import { BIN, CLI_BUNDLE, ensureBuilt, REPO, runBin } from "./bin-process.js";

const PLAN = join(REPO, "test", "fixtures", "plans", "shop-legacy.json");

interface RunIn {
  readonly cwd?: string;
  readonly env?: Record<string, string>;
  readonly columns?: number;
}

/** The CLI in-process, with a working directory, environment and terminal of the test's choosing. */
async function cli(args: readonly string[], options: RunIn = {}) {
  let stdout = "";
  let stderr = "";
  const code = await run(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stdoutIsTTY: options.columns !== undefined,
    ...(options.columns === undefined ? {} : { columns: options.columns }),
    cwd: options.cwd ?? mkdtempSync(join(tmpdir(), "authwarden-cwd-")),
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

const json = (stdout: string) => JSON.parse(stdout) as Report;
const tempDir = () => mkdtempSync(join(tmpdir(), "authwarden-conv-"));
const ruleIds = (report: Report) => new Set(report.results.map((r) => r.ruleId));

beforeAll(() => ensureBuilt());

describe("--rule / --skip-rule choose rules by glob, without a policy file", () => {
  it("--rule password-* runs exactly the password rules", async () => {
    const { code, stdout } = await cli(["check", "--plan", PLAN, "--format", "json", "--rule", "password-*"]);
    expect(code).toBe(1);
    const expected = RULES.map((r) => r.meta.id).filter((id) => id.startsWith("password-"));
    expect(expected.length).toBeGreaterThan(2);
    expect([...ruleIds(json(stdout))].sort()).toEqual(expected.sort());
  });

  it("--skip-rule is repeatable and removes what it matches", async () => {
    const { stdout } = await cli([
      "check",
      "--plan",
      PLAN,
      "--format",
      "json",
      "--skip-rule",
      "identity-*",
      "--skip-rule",
      "mfa-required",
    ]);
    const ids = ruleIds(json(stdout));
    expect([...ids].filter((id) => id.startsWith("identity-") || id === "mfa-required")).toEqual([]);
    expect(ids.has("password-min-length")).toBe(true);
  });

  it("a pattern that matches no rule is bad usage, not an audit of nothing", async () => {
    const { code, stdout, stderr } = await cli(["check", "--plan", PLAN, "--rule", "pasword-*"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe('authwarden: --rule "pasword-*" matches no rule (authwarden rules lists them)\n');
  });
});

describe("--fail-on none: a soft fail", () => {
  it("reports the failures and exits 0, with no gate in the report", async () => {
    const console = await cli(["check", "--plan", PLAN, "--fail-on", "none"]);
    expect(console.code).toBe(0);
    expect(console.stdout).toMatch(/\d+ failed \(/);
    expect(console.stdout).not.toMatch(/gate (passed|failed)/);
    const report = json((await cli(["check", "--plan", PLAN, "--fail-on", "none", "--format", "json"])).stdout);
    expect(report.gate).toBeUndefined();
    expect(report.summary.byStatus.FAIL).toBeGreaterThan(0);
  });
});

describe(".authwarden.yaml and AUTHWARDEN_* variables", () => {
  let root: string;
  let below: string;
  beforeAll(() => {
    root = tempDir();
    below = join(root, "infra", "app");
    mkdirSync(below, { recursive: true });
    mkdirSync(join(root, "reports"));
    writeFileSync(join(root, "plan.json"), readFileSync(PLAN));
    // Paths in the file are relative to the file, wherever the command runs from.
    writeFileSync(
      join(root, ".authwarden.yaml"),
      "fail-on: none\nrule: [password-*]\ncheck:\n  plan: plan.json\n  format: [json]\n",
    );
  });

  it("is found from a subdirectory upward and fills what the flags leave unset", async () => {
    const { code, stdout, stderr } = await cli(["check"], { cwd: below });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const report = json(stdout);
    expect(report.inputs[0]!.path).toBe(join(root, "plan.json"));
    expect([...ruleIds(report)].every((id) => id.startsWith("password-"))).toBe(true);
  });

  it("--help states the precedence", async () => {
    const { stdout } = await cli(["--help"]);
    expect(stdout).toContain("a flag overrides its AUTHWARDEN_* variable");
    expect(stdout).toContain(".authwarden.yaml (found from the working directory upward");
  });

  it("a flag overrides the file", async () => {
    expect((await cli(["check", "--fail-on", "high"], { cwd: below })).code).toBe(1);
  });

  it("an AUTHWARDEN_* variable overrides the file, and a flag overrides the variable", async () => {
    expect((await cli(["check"], { cwd: below, env: { AUTHWARDEN_FAIL_ON: "high" } })).code).toBe(1);
    const flag = await cli(["check", "--fail-on", "none"], { cwd: below, env: { AUTHWARDEN_FAIL_ON: "high" } });
    expect(flag.code).toBe(0);
    const listed = await cli(["check", "--format", "json"], { cwd: below, env: { AUTHWARDEN_RULE: "mfa-*,oauth-*" } });
    expect([...ruleIds(json(listed.stdout))].every((id) => /^(mfa|oauth)-/.test(id))).toBe(true);
  });

  it("a bad value names the file and the key; a bad variable names the variable", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, ".authwarden.yaml"), "fail-on: sometimes\n");
    const file = await cli(["check", "--plan", PLAN], { cwd: dir });
    expect(file.code).toBe(2);
    expect(file.stderr).toBe(
      `authwarden: ${join(dir, ".authwarden.yaml")}: /fail-on "sometimes" is not one of critical, high, medium, low, info, none\n`,
    );
    const variable = await cli(["check", "--plan", PLAN], { env: { AUTHWARDEN_QUIET: "perhaps" } });
    expect(variable.code).toBe(2);
    expect(variable.stderr).toBe('authwarden: AUTHWARDEN_QUIET="perhaps": expected true or false\n');
  });

  it("rules reads only its own section: the shared keys and variables belong to check and scan", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, ".authwarden.yaml"), "format: [sarif, markdown]\nrules:\n  format: json\n");
    const { code, stdout, stderr } = await cli(["rules"], { cwd: dir, env: { AUTHWARDEN_FORMAT: "sarif" } });
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect((JSON.parse(stdout) as unknown[]).length).toBe(RULES.length);
  });

  it("a key the command does not take, in its section, is an error", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, ".authwarden.yaml"), "check:\n  regoin: eu-west-1\n");
    const { code, stderr } = await cli(["check", "--plan", PLAN], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toBe(
      `authwarden: ${join(dir, ".authwarden.yaml")}: /check/regoin is not an option of authwarden check\n`,
    );
  });
});

describe("--quiet on every command", () => {
  it("check lists only failing results and the summary, without the files-written line", async () => {
    const out = join(tempDir(), "out");
    const full = await cli(["check", "--plan", PLAN, "--verbose"]);
    const { code, stdout, stderr } = await cli(["check", "--plan", PLAN, "--quiet", "--output-dir", out]);
    expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
    expect(readdirSync(out)).toEqual(["authwarden.json"]);
    const statuses = (text: string) => new Set([...text.matchAll(/^ {4}([A-Z/]+) /gm)].map((m) => m[1]));
    expect(statuses(full.stdout)).toEqual(new Set(["FAIL", "UNKNOWN", "PASS", "N/A"]));
    expect(statuses(stdout)).toEqual(new Set(["FAIL"]));
    expect(stdout).not.toMatch(/reports written|passed every rule/);
    // The summary line still counts everything.
    expect(stdout.trimEnd().split("\n").at(-1)).toBe(full.stdout.trimEnd().split("\n").at(-1));
  });

  it("scan takes it too, and rules --quiet lists only the ids", async () => {
    expect((await cli(["scan", "--help"])).stdout).toMatch(/--quiet\s+list only failing results/);
    const { code, stdout } = await cli(["rules", "--quiet"]);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split("\n").sort()).toEqual(RULES.map((r) => r.meta.id).sort());
  });
});

describe("output destinations", () => {
  it("-o FILE writes the one format, taken from --format or from the extension", async () => {
    const dir = tempDir();
    const sarif = join(dir, "nested", "scan.sarif");
    const inferred = await cli(["check", "--plan", PLAN, "-o", sarif]);
    expect(inferred.code).toBe(1);
    expect(inferred.stdout).toBe(`reports written: ${sarif}\n`);
    expect(JSON.parse(readFileSync(sarif, "utf8"))).toMatchObject({ version: "2.1.0" });
    const named = join(dir, "report.txt");
    expect((await cli(["check", "--plan", PLAN, "--format", "markdown", "-o", named])).code).toBe(1);
    expect(readFileSync(named, "utf8")).toMatch(/^#|authwarden/);
  });

  it("-o refuses what it cannot tell or cannot hold", async () => {
    const dir = tempDir();
    const unknown = await cli(["check", "--plan", PLAN, "-o", join(dir, "report.txt")]);
    expect(unknown.stderr).toBe(
      `authwarden: -o ${join(dir, "report.txt")}: cannot tell the format from the name; add --format\n`,
    );
    const several = await cli(["check", "--plan", PLAN, "--format", "json", "sarif", "-o", join(dir, "r.json")]);
    expect(several.code).toBe(2);
    expect(several.stderr).toMatch(/-o writes one format, not json, sarif/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("--output-dir without --format writes json beside the console report", async () => {
    const out = join(tempDir(), "out");
    const { code, stdout } = await cli(["check", "--plan", PLAN, "--output-dir", out]);
    expect(code).toBe(1);
    expect(readdirSync(out)).toEqual(["authwarden.json"]);
    expect(stdout).toMatch(/gate failed/);
    expect(json(readFileSync(join(out, "authwarden.json"), "utf8")).source).toBe("plan");
  });
});

describe("the installed command", () => {
  it("--plan - reads the plan from standard input", () => {
    const piped = runBin(["check", "--plan", "-", "--format", "json"], { input: readFileSync(PLAN) });
    expect(piped.status).toBe(1);
    const report = json(piped.stdout);
    expect(report.inputs[0]).toMatchObject({ path: "-" });
    const direct = json(runBin(["check", "--plan", PLAN, "--format", "json"]).stdout);
    expect(report.summary).toEqual(direct.summary);
    const bad = runBin(["check", "--plan", "-"], { input: "{" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^authwarden: -: is not valid JSON \(truncated/);
  });

  it("-v is --version", () => {
    for (const flag of ["-v", "--version"]) {
      const { status, stdout } = runBin([flag]);
      expect({ status, stdout }).toEqual({ status: 0, stdout: `${toolVersion()}\n` });
    }
  });

  it("piped into head, it stops quietly and keeps its exit code", () => {
    // The JSON report is far larger than a pipe's buffer, so the writes after head exits get EPIPE.
    const shell = spawnSync(
      "bash",
      [
        "-c",
        `"${process.execPath}" "${BIN}" check --plan "${PLAN}" --format json | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`,
      ],
      { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
    );
    expect(shell.stderr).toBe("");
    expect(shell.stdout).toBe("1\n");
  });

  it("--version and --help load no command module: no AWS SDK (scan --help does)", () => {
    const loaded = (args: string[]) => {
      const probe = spawnSync(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          `import { createRequire } from "node:module";
           const { run } = await import(${JSON.stringify(CLI_BUNDLE)});
           await run(${JSON.stringify(args)}, { stdout: () => {}, stderr: () => {}, stdoutIsTTY: false, env: {} });
           const files = Object.keys(createRequire(import.meta.url).cache);
           process.stdout.write(JSON.stringify({ sdk: files.filter((f) => f.includes("@aws-sdk")).length }));`,
        ],
        { encoding: "utf8" },
      );
      expect(probe.stderr).toBe("");
      return JSON.parse(probe.stdout) as { sdk: number };
    };
    expect(loaded(["--version"]).sdk).toBe(0);
    expect(loaded(["--help"]).sdk).toBe(0);
    expect(loaded(["check", "--help"]).sdk).toBe(0);
    expect(loaded(["scan", "--help"]).sdk).toBeGreaterThan(0);
  });
});

describe("the console", () => {
  it("wraps results to the terminal's width and shows every listed result's severity", async () => {
    const { stdout } = await cli(["check", "--plan", PLAN], { columns: 80, env: { NO_COLOR: "1" } });
    const results = stdout.split("\n").filter((l) => /^ {4}(FAIL|UNKNOWN|ERROR|WAIVED)/.test(l));
    expect(results.length).toBeGreaterThan(10);
    const severity = new RegExp(`^ {4}\\S+ +(${SEVERITIES.join("|")}) +\\S`);
    for (const line of results) expect(line).toMatch(severity);
    const indented = stdout.split("\n").filter((l) => l.startsWith("    "));
    for (const line of indented) expect(line.length).toBeLessThanOrEqual(80);
    // Resource headers wrap too: the stack, address and source location go on under the name.
    const headers = stdout.split("\n").filter((l) => /^[✖✔?] /u.test(l));
    expect(headers.length).toBeGreaterThan(0);
    for (const line of headers) expect(line.length).toBeLessThanOrEqual(80);
    expect(indented.some((l) => /^ {21}\S/.test(l))).toBe(true);
  });

  it("the rules table stays aligned, its titles wrapped under their column", async () => {
    const { stdout } = await cli(["rules"], { columns: 100 });
    const lines = stdout.trimEnd().split("\n");
    const titleColumn = lines[0]!.indexOf("secure state");
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(100);
      expect(line[titleColumn - 1]).toBe(" ");
      expect(line[titleColumn]).not.toBe(" ");
    }
    expect(lines.length).toBeGreaterThan(RULES.length + 1);
  });

  it("scan's help and its error name the same region variables", async () => {
    const help = (await cli(["scan", "--help"])).stdout;
    expect(help.replace(/\s+/g, " ")).toContain("AWS_REGION or AWS_DEFAULT_REGION");
    const { code, stderr } = await cli(["scan"]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      "authwarden: scan needs a region: pass --region or --all-regions, or set AWS_REGION or AWS_DEFAULT_REGION\n",
    );
  });
});
