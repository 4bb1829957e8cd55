// check --hcl on a root module with local child modules (test/fixtures/hcl/modules): one user pool
// per brand through module for_each over a local map, identity roles through module count, a
// partner client per element of a literal set, references across module boundaries both ways
// (variables in, outputs out), a jsonencode trust policy with comments, a registry module that is
// not read, and a variable without a default that --var and --var-file give a value.

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../../checks/engine/report.js";
import { checkReport, runCli } from "../../support/run-cli.js";

const FIXTURE = join("test", "fixtures", "hcl", "modules");

function verdict(report: Report, ruleId: string, address: string) {
  const found = report.results.filter((r) => r.ruleId === ruleId && r.resource.address === address);
  expect(found, `${ruleId} on ${address}`).toHaveLength(1);
  return found[0]!;
}

describe("check --hcl on local child modules", () => {
  it("reads every module and resource instance under the address Terraform gives it", async () => {
    const report = await checkReport(["--hcl", FIXTURE]);
    const judged = new Map(report.results.map((r) => [r.resource.address, r.resource.name]));
    expect(Object.fromEntries([...judged].sort())).toEqual({
      "aws_cognito_identity_pool.shop": "shop-prod",
      'aws_cognito_user_pool_client.partner["north"]': "partner-north",
      'aws_cognito_user_pool_client.partner["south"]': "partner-south",
      'module.brand["acme"].aws_cognito_user_pool.this': "acme-prod",
      'module.brand["acme"].aws_cognito_user_pool_client.web': "acme-web",
      'module.brand["globex"].aws_cognito_user_pool.this': "globex-prod",
      'module.brand["globex"].aws_cognito_user_pool_client.web': "globex-web",
      "module.identity[0].aws_iam_role.authenticated": "shop-prod-authenticated",
    });
  });

  it("points findings in a module at the module's file and the resource's header line", async () => {
    const report = await checkReport(["--hcl", FIXTURE]);
    const pool = verdict(report, "mfa-required", 'module.brand["acme"].aws_cognito_user_pool.this');
    expect(pool.resource.inputFile).toBe(join(FIXTURE, "modules", "brand", "main.tf"));
    expect(pool.resource.inputLine).toBe(18);
  });

  it("evaluates each.value, variables and their defaults in every instance", async () => {
    const report = await checkReport(["--hcl", FIXTURE]);
    expect(verdict(report, "mfa-required", 'module.brand["acme"].aws_cognito_user_pool.this').status).toBe("PASS");
    expect(verdict(report, "mfa-required", 'module.brand["globex"].aws_cognito_user_pool.this').status).toBe("FAIL");
    const length = verdict(report, "password-min-length", 'module.brand["globex"].aws_cognito_user_pool.this');
    expect(length.status).toBe("PASS");
    expect(length.message).toContain("14 characters");
  });

  it("follows references across module boundaries: variables in, outputs out", async () => {
    const report = await checkReport(["--hcl", FIXTURE]);
    const role = "module.identity[0].aws_iam_role.authenticated";
    // The pool id goes into the module as a variable; the role ARN comes out as an output into the roles attachment.
    const audience = verdict(report, "identity-role-trust-audience", role);
    expect(audience.status).toBe("PASS");
    expect(audience.message).toContain("shop-prod");
    expect(verdict(report, "identity-role-trust-amr", role).status).toBe("PASS");
    // The WAF association names module.brand["acme"].user_pool_arn.
    expect(verdict(report, "waf-protection", 'module.brand["acme"].aws_cognito_user_pool.this').status).toBe("PASS");
    expect(verdict(report, "waf-protection", 'module.brand["globex"].aws_cognito_user_pool.this').status).toBe("FAIL");
    // The partner clients are in the globex pool (module.brand["globex"].user_pool_id), whose MFA is OFF.
    const partner = report.results.find((r) => r.resource.address === 'aws_cognito_user_pool_client.partner["north"]');
    expect(partner?.resource.parent).toBe("globex-prod");
  });

  it("says which module sources it did not read, and marks the audit incomplete", async () => {
    const report = await checkReport(["--hcl", FIXTURE]);
    const notRead = report.diagnostics.filter((d) => d.address === "module.network");
    expect(notRead).toHaveLength(1);
    expect(notRead[0]!.message).toContain('"terraform-aws-modules/vpc/aws"');
    expect(notRead[0]!.incomplete).toBe(true);
  });

  it("keeps a variable without a value unknown, naming it", async () => {
    const report = await checkReport(["--hcl", FIXTURE]);
    const guest = verdict(report, "identity-pool-guest-access", "aws_cognito_identity_pool.shop");
    expect(guest.status).toBe("UNKNOWN");
    expect(guest.message).toContain("var.guest_access");
  });

  it("takes --var and --var-file values as values, in names and attributes", async () => {
    const given = await checkReport(["--hcl", FIXTURE, "--var", "guest_access=true"]);
    expect(verdict(given, "identity-pool-guest-access", "aws_cognito_identity_pool.shop").status).toBe("FAIL");
    const staging = await checkReport(["--hcl", FIXTURE, "--var-file", join(FIXTURE, "staging.tfvars")]);
    expect(verdict(staging, "identity-pool-guest-access", "aws_cognito_identity_pool.shop").status).toBe("PASS");
    const pool = verdict(staging, "mfa-required", 'module.brand["acme"].aws_cognito_user_pool.this');
    expect(pool.resource.name).toBe("acme-staging");
    expect(staging.inputs.map((input) => input.path)).toContain(join(FIXTURE, "staging.tfvars"));
    // --var after --var-file wins, as in Terraform.
    const both = await checkReport([
      "--hcl",
      FIXTURE,
      "--var-file",
      join(FIXTURE, "staging.tfvars"),
      "--var",
      "env=qa",
    ]);
    expect(verdict(both, "mfa-required", 'module.brand["acme"].aws_cognito_user_pool.this').resource.name).toBe(
      "acme-qa",
    );
  });

  it.each([
    ["a missing file", () => join(tmpdir(), "authwarden-no-such.tfvars"), /does not exist/],
    ["a syntax error", () => tfvars("env = \n"), /syntax error at line/],
    ["a JSON array", () => tfvars("[1, 2]", ".tfvars.json"), /variable definitions object/],
  ])("exits 2 with one line for a var file with %s", async (_, file, problem) => {
    const path = file();
    const result = await runCli(["check", "--hcl", FIXTURE, "--var-file", path, "--format", "json"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(path);
    expect(result.stderr).toMatch(problem);
  });

  it("exits 2 for --var without NAME=VALUE or naming no declared variable", async () => {
    for (const value of ["guest_access", "nope=1"]) {
      const result = await runCli(["check", "--hcl", FIXTURE, "--var", value]);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it("reads a module whose for_each is computed once, with each.key unknown, and says so", async () => {
    const dir = mkdtempSync(join(tmpdir(), "authwarden-hcl-dynamic-"));
    writeFileSync(
      join(dir, "main.tf"),
      [
        'variable "brands" {\n  type = map(string)\n}',
        'module "brand" {\n  source   = "./brand"\n  for_each = var.brands\n  mfa      = each.value\n}',
      ].join("\n"),
    );
    const child = join(dir, "brand");
    mkdirSync(child);
    writeFileSync(
      join(child, "main.tf"),
      'variable "mfa" {}\nresource "aws_cognito_user_pool" "this" {\n  name = "pool"\n  mfa_configuration = var.mfa\n}\n',
    );
    const report = await checkReport(["--hcl", dir]);
    const mfa = verdict(report, "mfa-required", "module.brand.aws_cognito_user_pool.this");
    expect(mfa.status).toBe("UNKNOWN");
    expect(mfa.message).toContain("each.value");
    expect(report.diagnostics.map((d) => d.message).join("\n")).toMatch(/module\.brand: for_each is var\.brands/);
  });
});

function tfvars(text: string, extension = ".tfvars"): string {
  const path = join(mkdtempSync(join(tmpdir(), "authwarden-vars-")), `bad${extension}`);
  writeFileSync(path, text);
  return path;
}
