// `authwarden verify`'s own paths on small real apps (verify-app.ts): a provider rejection, the
// variables (--var, --var-file, the named placeholder), an environment without moto, a provider
// version the mirror lacks (the cdktn bindings), and bad input. Each synthesizes with the real
// construct library and plans with the real hashicorp/aws provider from the machine's mirror.

import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { verify, writeApp } from "./verify-app.js";

const POOL_WITH_VARIABLE = `const name = new TerraformVariable(stack, "poolName", { type: "string" });
new CognitoUserPool(stack, "staff", { name: name.stringValue, mfaConfiguration: "OFF" });`;

describe("authwarden verify", () => {
  it("exits 1 when the provider rejects a value synth accepts, showing the provider's message", () => {
    // The provider validates password_policy.minimum_length to 6..99 at plan; cdktf's types take any number.
    const app = writeApp(
      `new CognitoUserPool(stack, "staff", { name: "staff", passwordPolicy: { minimumLength: 5 } });`,
    );
    const result = verify([app]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^ {2}the provider rejected the configuration:$/m);
    expect(result.stdout).toMatch(
      /^ {4}Error: expected password_policy\.0\.minimum_length to be in the range \(6 - 99\), got 5$/m,
    );
    expect(result.stdout).not.toMatch(/^ {2}plan: gate/m);
    expect(result.stdout).toMatch(/^verify: FAILED$/m);
  }, 600_000);

  it("plans a required variable without a value as the named placeholder, and says so", () => {
    const result = verify([writeApp(POOL_WITH_VARIABLE)]);
    expect(result.code, result.stderr).toBe(1); // the pool is weak: the gate fails, the plan ran
    expect(result.stdout).toMatch(
      /^ {2}variables without a value were planned as "authwarden-placeholder": poolName \(give them with --var\)$/m,
    );
    // The synth resource, unnamed until planned, shares its rows with the plan's.
    expect(result.stdout).toMatch(/^ {2}mfa-required +UserPool authwarden-placeholder +FAIL +FAIL *$/m);
    expect(result.stdout).toMatch(/^ {2}parity: synth, plan agree on \d+ results$/m);
  }, 600_000);

  it("plans with the values of --var and --var-file, with no placeholder", () => {
    const app = writeApp(POOL_WITH_VARIABLE);
    const byVar = verify([app, "--var", "poolName=directory"]);
    expect(byVar.code, byVar.stderr).toBe(1);
    expect(byVar.stdout).not.toMatch(/authwarden-placeholder/);
    expect(byVar.stdout).toMatch(/^ {2}mfa-required +UserPool directory +FAIL +FAIL *$/m);
    const file = join(mkdtempSync(join(tmpdir(), "authwarden-tfvars-")), "users.tfvars.json");
    writeFileSync(file, JSON.stringify({ poolName: "from-file" }));
    const byFile = verify([app, "--var-file", file]);
    expect(byFile.code, byFile.stderr).toBe(1);
    expect(byFile.stdout).not.toMatch(/authwarden-placeholder/);
    expect(byFile.stdout).toMatch(/^ {2}mfa-required +UserPool from-file +FAIL +FAIL *$/m);
  }, 900_000);

  it("says in one line how to install moto when --apply-emulator finds python3 without it", () => {
    // Fault injection the emulator cannot produce (it is moto itself): a python3 first on PATH that
    // runs the real interpreter without site-packages (-S), so `import moto` fails as on a machine without moto.
    const real = spawnSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).stdout.trim();
    const bin = mkdtempSync(join(tmpdir(), "authwarden-nomoto-"));
    writeFileSync(join(bin, "python3"), `#!/bin/sh\nexec "${real}" -S "$@"\n`);
    chmodSync(join(bin, "python3"), 0o755);
    const app = writeApp(`new CognitoUserPool(stack, "staff", { name: "staff" });`);
    const result = verify([app, "--apply-emulator"], { PATH: `${bin}:${process.env.PATH ?? ""}` });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('authwarden: moto is not installed: pip install "moto[server]==5.2.1"\n');
  }, 600_000);

  it("exits 2 naming the provider version and the mirror when init cannot install the bindings' provider", () => {
    // @cdktn/provider-aws binds hashicorp/aws 6.x; the mirror terraformEnv() configures holds 5.100.0 only.
    const result = verify([writeApp(`new CognitoUserPool(stack, "staff", { name: "staff" });`, "cdktn")]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /^authwarden: stack users: terraform init cannot install hashicorp\/aws 6\.\d+\.\d+, which the stack's provider bindings require, from the provider mirror \S+ \(holds 5\.100\.0 of it; configured in \S+\): add that version to the mirror or allow access to registry\.terraform\.io; nothing was planned\n$/,
    );
  }, 600_000);
});

describe("authwarden verify: bad input", () => {
  it("exits 2 in one line for a directory without cdktf.json", () => {
    const dir = mkdtempSync(join(tmpdir(), "authwarden-not-an-app-"));
    const result = verify([dir]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(new RegExp(`^authwarden: ${join(dir, "cdktf.json")}: .*is .* a cdktf app\\?\\n$`));
  });

  it("exits 2 in one line for a malformed cdktf.json", () => {
    const app = writeApp("");
    writeFileSync(join(app, "cdktf.json"), '{ "app": "node main.js",');
    const result = verify([app]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(new RegExp(`^authwarden: ${join(app, "cdktf.json")}: cannot be read as JSON .*\\n$`));
  });

  it("exits 2 in one line for a cdktf.json without an app command", () => {
    const app = writeApp("");
    writeFileSync(join(app, "cdktf.json"), JSON.stringify({ language: "typescript" }));
    const result = verify([app]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `authwarden: ${join(app, "cdktf.json")}: has no "app" command (e.g. "npx ts-node main.ts")\n`,
    );
  });
});
