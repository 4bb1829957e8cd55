// The deploy gate inside the cdktf app: failing rules become error annotations on the construct
// that made the resource, and the real cdktf CLI then refuses to synthesize (and so to deploy).

import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CognitoUserPool } from "@cdktf/provider-aws/lib/cognito-user-pool/index.js";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { Aspects, TerraformStack, Testing } from "cdktf";
import type { IConstruct } from "constructs";
import { describe, expect, it } from "vitest";
import { ComplianceGate, type ComplianceGateOptions } from "../../checks/gate/index.js";
import { buildApp } from "../../stacks/main.js";
import { userPool } from "../harness/cognito-fixtures.js";

function annotations(root: IConstruct, level: "error" | "warn" | "info"): { path: string; message: string }[] {
  return root.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata
        .filter((m) => m.type === `@cdktf/${level}`)
        .map((m) => ({ path: c.node.path, message: String(m.data) })),
    );
}

function gatedStack(options: ComplianceGateOptions = {}): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "gated");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  userPool(stack, "fail_staff", {
    passwordPolicy: { minimumLength: 8, requireNumbers: true, requireLowercase: true },
    mfaConfiguration: "OPTIONAL",
    softwareTokenMfaConfiguration: { enabled: true },
  });
  Aspects.of(stack).add(new ComplianceGate(options));
  Testing.synth(stack);
  return stack;
}

describe("the compliance gate aspect", () => {
  it("turns unwaived failures at or above fail-on into errors on the construct, and lower ones into warnings", () => {
    const stack = gatedStack();
    const errors = annotations(stack, "error");
    expect(errors).toEqual(
      expect.arrayContaining([
        {
          path: "gated/fail_staff",
          message: expect.stringMatching(
            /^\[authwarden password-min-length\] fail_staff accepts passwords of 8 characters; .*Fix: /,
          ),
        },
        {
          path: "gated/fail_staff",
          message: expect.stringMatching(/^\[authwarden mfa-required\] fail_staff has MFA OPTIONAL/),
        },
      ]),
    );
    // password-history is medium: below the default fail-on high it warns and does not block.
    expect(annotations(stack, "warn").some((w) => w.message.startsWith("[authwarden password-history]"))).toBe(true);
    expect(errors.some((e) => e.message.startsWith("[authwarden password-history]"))).toBe(false);
  });

  it("honours fail-on and waivers", () => {
    expect(annotations(gatedStack({ failOn: "critical" }), "error")).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), "authwarden-gate-"));
    const waivers = join(dir, "waivers.yaml");
    writeFileSync(
      waivers,
      "waivers:\n  - rule: mfa-required\n    resource: fail_staff\n    reason: Staff sign in through the corporate IdP proxy, which enforces hardware MFA first.\n    owner: iam-team@shop.example\n    expires: 2099-12-31\n",
    );
    const stack = gatedStack({ waivers });
    const errors = annotations(stack, "error");
    expect(errors.some((e) => e.message.includes("mfa-required"))).toBe(false);
    expect(annotations(stack, "info")).toEqual([
      {
        path: "gated/fail_staff",
        message:
          "[authwarden mfa-required] waived until 2099-12-31 by iam-team@shop.example: Staff sign in through the corporate IdP proxy, which enforces hardware MFA first.",
      },
    ]);
    expect(errors.some((e) => e.message.includes("password-min-length"))).toBe(true);
  });

  it("escapes control characters of hostile names in annotations cdktf prints on the terminal", () => {
    const stack = new TerraformStack(Testing.app(), "gated");
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    new CognitoUserPool(stack, "hostile", { name: "staff\u001b[2J\u001b[31mfake OK" });
    Aspects.of(stack).add(new ComplianceGate());
    Testing.synth(stack);
    const messages = [...annotations(stack, "error"), ...annotations(stack, "warn")].map((a) => a.message);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message).not.toContain("\u001b");
    expect(messages.some((m) => m.includes("staff\\u001b[2J"))).toBe(true);
  });

  it("fails at app start, naming the file, when the policy is bad", () => {
    expect(() => new ComplianceGate({ policy: "/no/such/policy.yaml" })).toThrow(
      /\/no\/such\/policy\.yaml: is neither a policy file nor a built-in policy pack/,
    );
  });

  it("lets the reference shop-compliant stack through without an error", () => {
    const app = Testing.app();
    const { compliant } = buildApp(app);
    Testing.synth(compliant);
    expect(annotations(compliant, "error")).toEqual([]);
  });
});

describe("the published entry point", () => {
  it("authwarden/gate resolves to the compiled ComplianceGate", () => {
    if (spawnSync(process.execPath, ["-e", "import('authwarden/gate')"]).status !== 0)
      spawnSync("npx", ["tsc", "-p", "tsconfig.build.json"], { stdio: "ignore" });
    const result = spawnSync(
      process.execPath,
      ["-e", "import('authwarden/gate').then((m) => process.stdout.write(typeof m.ComplianceGate))"],
      { encoding: "utf8" },
    );
    expect(result.stdout, result.stderr).toBe("function");
  });
});

describe("cdktf refuses to deploy a gated stack that fails", () => {
  it("cdktf synth (which deploy runs first) exits non-zero and prints the authwarden errors", () => {
    const outdir = mkdtempSync(join(tmpdir(), "authwarden-gate-cli-"));
    const result = spawnSync(
      "npx",
      ["cdktf", "synth", "--app", "npx tsx test/fixtures/gate/failing-app.ts", "--output", outdir],
      {
        encoding: "utf8",
        env: { ...process.env, CHECKPOINT_DISABLE: "1", CI: "1", FORCE_COLOR: "0" },
        timeout: 240_000,
      },
    );
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, output).not.toBe(0);
    expect(output).toMatch(/authwarden password-min-length/);
    expect(output).toMatch(/error annotations have been encountered/i);
  }, 300_000);
});
