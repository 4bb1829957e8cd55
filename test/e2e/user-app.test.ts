// Acceptance, as a user meets the package: `npm pack` of the repository installed into throwaway
// projects outside it (test/support/user-app.ts says how: the tarball unpacked, the peers and
// dependencies linked from the repository's node_modules). A CommonJS cdktf app and an ESM cdktn app
// compile imports of authwarden/gate and authwarden/testing with tsc; a vitest file using the
// matchers passes on a compliant stack and fails, with the findings, on a weak one; `authwarden
// verify` plans with the real provider (exit 0 / 1, the parity table), round-trips through the
// emulator, and the SARIF of a user's synth points at the user's TypeScript lines.
// The cdktf app's jest tests (as cdktf init writes them) use the matchers beside cdktf's Testing API.
// The cdktn app cannot be planned here: its bindings need hashicorp/aws 6.x, and the machine's
// provider mirror holds 5.100.0 only; verify says so in one line (exit 2) and plans nothing.

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { terraformEnv, writeTerraformCliConfig } from "../support/terraform-cli-config.js";
import { packRepository, writeUserApp, type Library, type UserApp } from "../support/user-app.js";

let tarball: string;
const apps = new Map<string, UserApp>();

beforeAll(() => {
  tarball = packRepository();
  for (const library of ["cdktf", "cdktn"] as const satisfies readonly Library[])
    for (const weak of [false, true])
      apps.set(`${library}-${weak ? "weak" : "compliant"}`, writeUserApp(tarball, library, weak));
}, 900_000);

function node(app: UserApp, args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [...args], {
    cwd: app.dir,
    encoding: "utf8",
    env: { ...process.env, ...env, FORCE_COLOR: "0", NO_COLOR: "1" },
    timeout: 900_000,
  });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const tsc = (app: UserApp) => node(app, ["node_modules/typescript/bin/tsc", "-p", "."]);
const vitest = (app: UserApp) => node(app, ["node_modules/vitest/vitest.mjs", "run"]);
const authwarden = (app: UserApp, args: readonly string[]) =>
  node(app, ["node_modules/.bin/authwarden", ...args], terraformEnv(writeTerraformCliConfig()));

describe.each(["cdktf", "cdktn"] as const)("a %s app", (library) => {
  it("compiles imports of authwarden/gate and authwarden/testing with tsc (the gate as an aspect of its stack)", () => {
    for (const weak of ["compliant", "weak"]) {
      const result = tsc(apps.get(`${library}-${weak}`)!);
      expect(result.code, result.output).toBe(0);
    }
  }, 300_000);

  it("passes the vitest matchers on the compliant stack", () => {
    const result = vitest(apps.get(`${library}-compliant`)!);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/1 passed/);
  }, 300_000);

  it("fails them on the weak stack, with the findings in the message", () => {
    const result = vitest(apps.get(`${library}-weak`)!);
    expect(result.code, result.output).toBe(1);
    expect(result.output).toMatch(
      /expected the stack to pass the compliance gate \(fail-on high\); \d+ findings block it/,
    );
    expect(result.output).toMatch(
      /FAIL mfa-required \[high\] users\/staff\/pool: staff has MFA OFF for first factors PASSWORD \(default on create\); expected ON \(stack\.ts:\d+\)/,
    );
  }, 300_000);
});

describe("a cdktf app's jest tests (cdktf init's jest + ts-jest, Testing.setupJest())", () => {
  const jest = (app: UserApp) => node(app, ["node_modules/jest/bin/jest.js", "--ci"]);

  it("pass the jest matchers beside cdktf's own on the compliant stack", () => {
    const result = jest(apps.get("cdktf-compliant")!);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/Tests: +1 passed, 1 total/);
  }, 300_000);

  it("fail them on the weak stack, with the findings in the message", () => {
    const result = jest(apps.get("cdktf-weak")!);
    expect(result.code, result.output).toBe(1);
    expect(result.output).toMatch(/Tests: +1 failed, 1 total/);
    expect(result.output).toMatch(
      /FAIL mfa-required \[high\] users\/staff\/pool: staff has MFA OFF for first factors PASSWORD \(default on create\); expected ON \(stack\.ts:\d+\)/,
    );
  }, 300_000);
});

describe("authwarden verify on the cdktn app", () => {
  it("exits 2 in one line naming the provider version its bindings need and the mirror that lacks it", () => {
    // @cdktn/provider-aws binds hashicorp/aws 6.x; this machine's mirror holds 5.100.0 and the registry is unreachable.
    const result = authwarden(apps.get("cdktn-compliant")!, ["verify"]);
    expect(result.code, result.output).toBe(2);
    expect(result.output.trim()).toMatch(
      /^authwarden: stack users: terraform init cannot install hashicorp\/aws 6\.\d+\.\d+, which the stack's provider bindings require, from the provider mirror \S+ \(holds 5\.100\.0 of it; configured in \S+\): add that version to the mirror or allow access to registry\.terraform\.io; nothing was planned$/,
    );
  }, 600_000);
});

describe("authwarden verify on the cdktf app", () => {
  it("exits 0 on the compliant app, printing the synth and plan verdicts side by side", () => {
    const app = apps.get("cdktf-compliant")!;
    const result = authwarden(app, ["verify"]);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/^stack users$/m);
    expect(result.output).toMatch(/^ {2}synth: gate passed$/m);
    expect(result.output).toMatch(/^ {2}plan: gate passed$/m);
    expect(result.output).toMatch(/^ {2}rule +resource +synth +plan *$/m);
    expect(result.output).toMatch(/^ {2}mfa-required +UserPool staff +PASS +PASS *$/m);
    expect(result.output).toMatch(/^ {2}parity: synth, plan agree on \d+ results$/m);
    expect(result.output).toMatch(/^verify: passed$/m);
  }, 600_000);

  it("exits 1 on the weak app, with the failing verdicts in the table", () => {
    const result = authwarden(apps.get("cdktf-weak")!, ["verify"]);
    expect(result.code, result.output).toBe(1);
    expect(result.output).toMatch(/^ {2}plan: gate FAILED \(\d+ blocking at high or above\)$/m);
    expect(result.output).toMatch(/^ {2}mfa-required +UserPool staff +FAIL +FAIL *$/m);
    expect(result.output).toMatch(/^verify: FAILED$/m);
  }, 600_000);

  it("round-trips through the emulator with --apply-emulator: the live verdicts agree", () => {
    const result = authwarden(apps.get("cdktf-compliant")!, ["verify", "--apply-emulator"]);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/^ {2}live: gate passed$/m);
    expect(result.output).toMatch(/^ {2}mfa-required +UserPool staff +PASS +PASS +PASS *$/m);
    expect(result.output).toMatch(/^ {2}parity: synth, plan, live agree on \d+ results$/m);
  }, 900_000);

  it("puts a SARIF result of the user's synth on the caller's TypeScript line, the wrapper as a related location", () => {
    const app = apps.get("cdktf-weak")!;
    expect(node(app, ["--enable-source-maps", "main.js"]).code).toBe(0);
    const result = authwarden(app, ["check", "--synth", "cdktf.out", "--format", "sarif", "-o", "out.sarif"]);
    expect(result.code, result.output).toBe(1);
    const sarif = JSON.parse(readFileSync(join(app.dir, "out.sarif"), "utf8")) as {
      runs: { results: { ruleId: string; locations: unknown[]; relatedLocations?: unknown[] }[] }[];
    };
    const mfa = sarif.runs[0]!.results.find((r) => r.ruleId === "mfa-required")!;
    const source = readFileSync(join(app.dir, "stack.ts"), "utf8").split("\n");
    const line = (text: string) => source.findIndex((l) => l.includes(text)) + 1;
    const inStack = { uri: expect.stringMatching(/(^|\/)stack\.ts$/) };
    // Primary: where mfaConfiguration "OFF" is passed in, not the wrapper's own line.
    expect(mfa.locations[0]).toMatchObject({
      physicalLocation: { artifactLocation: inStack, region: { startLine: line('new StaffDirectory(this, "staff"') } },
    });
    expect(mfa.relatedLocations?.[0]).toMatchObject({
      physicalLocation: { artifactLocation: inStack, region: { startLine: line("new CognitoUserPool(this") } },
      message: { text: "the wrapper construct creates the resource here" },
    });
    expect(mfa.relatedLocations?.[1]).toMatchObject({
      physicalLocation: { artifactLocation: inStack, region: { startLine: line("return new UsersStack(app") } },
      message: { text: "called from here" },
    });
  }, 300_000);
});
