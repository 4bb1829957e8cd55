// The console on findings of check --hcl: each resource header says the .tf file and line it was
// read from (the JSON has them as inputFile/inputLine), and a resource whose name holds an
// unresolved variable is titled by its address once, not twice.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";

it("shows file:line for HCL findings and the address of a resource without a known name once", async () => {
  const dir = mkdtempSync(join(tmpdir(), "authwarden-console-hcl-"));
  const file = join(dir, "main.tf");
  writeFileSync(
    file,
    [
      'variable "env" {}',
      "",
      'resource "aws_cognito_user_pool" "named" {',
      '  name              = "shop"',
      '  mfa_configuration = "OFF"',
      "}",
      "",
      'resource "aws_cognito_user_pool" "per_env" {',
      '  name              = "shop-${var.env}"',
      '  mfa_configuration = "OFF"',
      "}",
      "",
    ].join("\n"),
  );
  const { stdout, code } = await runCli(["check", "--hcl", dir, "--format", "console", "--no-color"]);
  expect(code).toBe(1);
  const headers = stdout.split("\n").filter((line) => line.startsWith("✖ UserPool"));
  expect(headers).toHaveLength(2);
  const named = headers.find((line) => line.includes("UserPool shop "))!;
  expect(named).toContain(`aws_cognito_user_pool.named · ${file}:3`);
  const perEnv = headers.find((line) => line.includes("per_env"))!;
  expect(perEnv).toContain(`${file}:8`);
  expect(perEnv.split("aws_cognito_user_pool.per_env")).toHaveLength(2);
});
