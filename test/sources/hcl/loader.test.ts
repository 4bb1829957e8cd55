// check --hcl DIR: the reference app synthesized by cdktf both as JSON and as HCL (SYNTH_HCL_OUTPUT),
// and check --hcl on each stack's cdk.tf must give exactly the verdicts of check --synth on its
// cdk.tf.json, rule by rule and resource by resource, with each finding pointing at the resource's
// header line in cdk.tf. A plain .tf configuration written as a Terraform user writes it (jsonencode
// trust policy naming the identity pool, a heredoc, comments in headers, a .tf.json beside it) is
// read too; unreadable directories exit 2 with one line.

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "@cdktf/hcl2json";
import { beforeAll, describe, expect, it } from "vitest";
import { headerLines, loadHcl, syntaxProblem } from "../../../checks/sources/hcl/loader.js";
import type { Report } from "../../../checks/engine/report.js";
import { repairCdktfQuotes, synthReferenceAppHcl, type Repair } from "../../support/hcl-synth.js";
import { synthReferenceApp } from "../../support/reference-synth.js";
import { checkReport, runCli } from "../../support/run-cli.js";

const STACKS = ["shop-legacy", "shop-compliant"] as const;
const FIXTURE = join("test", "fixtures", "hcl", "identity-trust");

let jsonDir: string;
let hclOut: string;
const hclDirs = new Map<string, string>();
const repairs = new Map<string, Repair>();

beforeAll(() => {
  jsonDir = synthReferenceApp();
  hclOut = synthReferenceAppHcl();
  const work = mkdtempSync(join(tmpdir(), "authwarden-hcl-"));
  for (const stack of STACKS) {
    const repair = repairCdktfQuotes(readFileSync(join(hclOut, "stacks", stack, "cdk.tf"), "utf8"));
    const dir = join(work, stack);
    mkdirSync(dir);
    writeFileSync(join(dir, "cdk.tf"), repair.text);
    hclDirs.set(stack, dir);
    repairs.set(stack, repair);
  }
}, 120_000);

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "authwarden-hcl-case-"));
}

/** "ruleId address" -> what was judged; each rule judges a resource once. */
function verdicts(r: Report): Map<string, string> {
  const out = new Map<string, string>();
  for (const result of r.results) {
    const { kind, parent, name, address } = result.resource;
    const key = `${result.ruleId} ${address ?? result.resource.key}`;
    expect(out.has(key), `${key} judged twice`).toBe(false);
    out.set(key, JSON.stringify({ kind, parent, name, status: result.status, messageId: result.messageId }));
  }
  return out;
}

const sorted = (m: Map<string, string>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));

describe.each(STACKS)("check --hcl on cdktf's HCL of %s", (stack) => {
  it("gives exactly the verdicts of check --synth on its JSON, rule by rule and resource by resource", async () => {
    const fromSynth = verdicts(await checkReport(["--synth", jsonDir, "--stack", stack]));
    const fromHcl = verdicts(await checkReport(["--hcl", hclDirs.get(stack)!]));
    expect(fromHcl.size).toBeGreaterThan(50);
    expect(sorted(fromHcl)).toEqual(sorted(fromSynth));
  });

  it("keeps the gate of check --synth", async () => {
    const synth = await runCli(["check", "--synth", jsonDir, "--stack", stack]);
    const hcl = await runCli(["check", "--hcl", hclDirs.get(stack)!]);
    expect(hcl.code).toBe(synth.code);
    expect(hcl.code).toBe(stack === "shop-legacy" ? 1 : 0);
  });

  it("points every finding at its resource's header line in cdk.tf", async () => {
    const dir = hclDirs.get(stack)!;
    const file = join(dir, "cdk.tf");
    const lines = readFileSync(file, "utf8").split("\n");
    const r = await checkReport(["--hcl", dir]);
    expect(r.inputs.map((i) => [i.path, i.kind])).toEqual([[file, "terraform-hcl"]]);
    for (const result of r.results) {
      const { address, inputFile, inputLine, source } = result.resource;
      expect(source).toBe("hcl");
      expect(inputFile).toBe(file);
      const [, type, name] = /^(?:data\.)?([^.]+)\.(.+)$/.exec(address ?? "") ?? [];
      const keyword = address?.startsWith("data.") ? "data" : "resource";
      expect(lines[(inputLine ?? 0) - 1], `${address} at line ${inputLine}`).toBe(`${keyword} "${type}" "${name}" {`);
    }
  });

  it("reads every repaired cdktf line back exactly as cdk.tf.json has the attribute", async () => {
    const repair = repairs.get(stack)!;
    const parsed = (await parse("cdk.tf", repair.text)) as Record<
      string,
      Record<string, Record<string, Record<string, unknown>[]>>
    >;
    const json = JSON.parse(readFileSync(join(jsonDir, "stacks", stack, "cdk.tf.json"), "utf8")) as Record<
      string,
      Record<string, Record<string, Record<string, unknown>>>
    >;
    const lines = repair.text.split("\n");
    for (const number of repair.lines) {
      const header = lines
        .slice(0, number - 1)
        .reverse()
        .map((line) => /^(resource|data) "([^"]+)" "([^"]+)" \{$/.exec(line))
        .find((match) => match !== null);
      const key = /^\s*([\w-]+) = "/.exec(lines[number - 1]!)?.[1];
      expect(header && key, `line ${number}`).toBeTruthy();
      const [, section, type, name] = header!;
      const fromJson = json[section!]![type!]![name!]![key!];
      expect(typeof fromJson).toBe("string");
      expect(parsed[section!]![type!]![name!]![0]![key!]).toBe(fromJson);
    }
  });

  it("exits 2 naming the line on cdktf's unrepaired output when it holds unescaped quotes", async () => {
    const repair = repairs.get(stack)!;
    const raw = join(hclOut, "stacks", stack);
    const { code, stderr } = await runCli(["check", "--hcl", raw]);
    if (repair.lines.length === 0) {
      expect(code).not.toBe(2);
      return;
    }
    expect(code).toBe(2);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toContain(join(raw, "cdk.tf"));
    const line = Number(/syntax error at line (\d+)/.exec(stderr)?.[1]);
    expect(repair.lines).toContain(line);
  });
});

describe("check --hcl on a plain Terraform configuration", () => {
  it("reads a jsonencode trust policy that names the identity pool: the authenticated role passes, the guest role fails", async () => {
    const r = await checkReport(["--hcl", FIXTURE]);
    const audience = (address: string) =>
      r.results.find((x) => x.ruleId === "identity-role-trust-audience" && x.resource.address === address);
    expect(audience("aws_iam_role.authenticated")).toMatchObject({ status: "PASS", messageId: "pass" });
    expect(audience("aws_iam_role.guest")).toMatchObject({ status: "FAIL", messageId: "missingAudience" });
    expect(
      r.results.find((x) => x.ruleId === "identity-role-trust-amr" && x.resource.address === "aws_iam_role.guest")
        ?.status,
    ).toBe("PASS");
  });

  it("reads .tf.json files beside the .tf files and records every input", async () => {
    const r = await checkReport(["--hcl", FIXTURE]);
    expect(r.inputs.map((i) => [i.path, i.kind])).toEqual([
      [join(FIXTURE, "main.tf"), "terraform-hcl"],
      [join(FIXTURE, "user-pool.tf.json"), "terraform-json"],
      [join(FIXTURE, "versions.tf"), "terraform-hcl"],
    ]);
    const pool = r.results.find(
      (x) => x.ruleId === "mfa-required" && x.resource.address === "aws_cognito_user_pool.shop",
    );
    expect(pool?.resource).toMatchObject({
      name: "shop-customers",
      inputFile: join(FIXTURE, "user-pool.tf.json"),
      inputLine: 5,
    });
  });

  it("gives each resource the file and line of its header, whatever spacing and comments it holds", async () => {
    const estate = await loadHcl(FIXTURE);
    const text = readFileSync(join(FIXTURE, "main.tf"), "utf8").split("\n");
    const lineOf = (fragment: string) =>
      text.findIndex((line) => line.startsWith("resource") && line.includes(fragment)) + 1;
    const role = (name: string) =>
      estate.iamRoles.find((r) => r.provenance.address === `aws_iam_role.${name}`)?.provenance;
    expect(role("authenticated")).toMatchObject({
      source: "hcl",
      inputFile: join(FIXTURE, "main.tf"),
      inputLine: lineOf('"authenticated"'),
    });
    expect(role("guest")?.inputLine).toBe(lineOf('"guest"'));
    expect(estate.identityPools[0]?.provenance.inputLine).toBe(lineOf('"aws_cognito_identity_pool"'));
  });

  it("takes the hashicorp/aws version from required_providers", async () => {
    const estate = await loadHcl(FIXTURE);
    expect(estate.logDeliveryExpressible).toMatchObject({
      known: false,
      reason: expect.stringContaining("hashicorp/aws 5.100.0"),
    });
  });

  it("finds headers only outside comments, strings and heredocs", () => {
    const text = [
      '# resource "aws_iam_role" "in_comment" {',
      '/* resource "aws_iam_role" "in_block_comment" {',
      "*/",
      'resource "aws_iam_role" "a" {',
      '  description = "resource \\"aws_iam_role\\" \\"in_string\\" { ${jsonencode({ a = "}" })}"',
      "  policy = <<EOT",
      'resource "aws_iam_role" "in_heredoc" {',
      "EOT",
      "}",
      "data aws_iam_policy_document b {",
      "}",
      'resource  /* x */ "aws_iam_role"  "c"  {  # c',
      "}",
    ].join("\n");
    expect(Object.fromEntries(headerLines(text))).toEqual({
      "resource.aws_iam_role.a": 4,
      "data.aws_iam_policy_document.b": 10,
      "resource.aws_iam_role.c": 12,
    });
  });

  it("runs as a process without output on stderr and exits by itself", () => {
    const script =
      'import { run } from "./checks/cli/index.ts"; process.exitCode = await run(process.argv.slice(1), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), stdoutIsTTY: false, env: process.env });';
    const started = Date.now();
    const child = spawnSync(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script, "check", "--hcl", FIXTURE, "--format", "json"],
      { encoding: "utf8", timeout: 30_000 },
    );
    expect(child.error).toBeUndefined();
    expect(child.stderr).toBe("");
    expect(child.status).toBe(1);
    expect((JSON.parse(child.stdout) as Report).summary.total).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

describe("check --hcl: bad input exits 2 with one line naming the file", () => {
  const expectOneLine = async (args: readonly string[], fragment: string | RegExp) => {
    const { code, stdout, stderr } = await runCli(["check", ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(fragment);
  };

  it("a missing directory", async () => {
    await expectOneLine(["--hcl", "/no/such/dir"], "/no/such/dir: does not exist");
  });

  it("a file instead of a directory", async () => {
    await expectOneLine(["--hcl", join(FIXTURE, "main.tf")], `${join(FIXTURE, "main.tf")}: is not a directory`);
  });

  it("a directory without .tf files", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "README.md"), "# not terraform\n");
    mkdirSync(join(dir, "nested.tf"));
    await expectOneLine(["--hcl", dir], `${dir}: has no .tf or .tf.json files`);
  });

  it("a syntax error: file, line and problem", async () => {
    const dir = tempDir();
    const text = readFileSync(join(FIXTURE, "main.tf"), "utf8");
    writeFileSync(join(dir, "main.tf"), text.slice(0, text.indexOf("identity_pool_name")));
    await expectOneLine(
      ["--hcl", dir],
      new RegExp(`${join(dir, "main.tf")}: syntax error at line \\d+, column \\d+: Unclosed configuration block`),
    );
  });

  it("a binary .tf file and a malformed .tf.json", async () => {
    const binary = tempDir();
    writeFileSync(join(binary, "main.tf"), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
    await expectOneLine(["--hcl", binary], `${join(binary, "main.tf")}: is a binary file`);
    const json = tempDir();
    writeFileSync(join(json, "main.tf.json"), '{"resource": {');
    await expectOneLine(["--hcl", json], `${join(json, "main.tf.json")}: is not valid JSON`);
  });

  it("a resource declared twice", async () => {
    const dir = tempDir();
    const block = 'resource "aws_cognito_user_pool" "p" {\n  name = "p"\n}\n';
    writeFileSync(join(dir, "a.tf"), block);
    writeFileSync(join(dir, "b.tf"), block);
    await expectOneLine(
      ["--hcl", dir],
      `${join(dir, "b.tf")}: declares aws_cognito_user_pool.p more than once (also in ${join(dir, "a.tf")})`,
    );
  });

  it("--hcl beside --synth, or with --stack", async () => {
    await expectOneLine(["--hcl", FIXTURE, "--synth", "cdktf.out"], "--hcl and --synth are sources of their own");
    await expectOneLine(["--hcl", FIXTURE, "--stack", "shop-legacy"], "--stack selects stacks");
  });

  it("keeps hcl2json's many diagnostics to one line", () => {
    const message =
      "parse config: [x.tf:3,1-2: Invalid character; This character is not used.\nx.tf:4,1-2: Missing newline after argument; An argument definition must end with a newline.]";
    expect(syntaxProblem("x.tf", message)).toBe(
      "syntax error at line 3, column 1: Invalid character; This character is not used. (and 1 more)",
    );
    expect(syntaxProblem("x.tf", "boom\nbang")).toBe("is not valid HCL: boom bang");
  });
});
