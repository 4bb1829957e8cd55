// Resource names are data: "constructor" and "prototype" are legal Terraform names, and a parser
// that treats keys as object properties drops them (the resource vanishes and the gate can pass).
// Each source audits both: a cdktf synth, the real terraform plan of that synth, and plain HCL.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CognitoUserPool } from "@cdktf/provider-aws/lib/cognito-user-pool/index.js";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { TerraformStack } from "cdktf";
import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../checks/engine/report.js";
import { runCli } from "../support/run-cli.js";
import { OFFLINE_PROVIDER, planJson, synthApp } from "../support/terraform-plan.js";

const NAMES = ["constructor", "prototype"] as const;
const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** Two user pools named constructor and prototype, each with a six-character minimum password. */
function synthNamedPools(): { outdir: string; stackDir: string } {
  const outdir = tempDir("authwarden-names-synth-");
  const stackDir = synthApp(outdir, (app) => {
    const stack = new TerraformStack(app, "names");
    new AwsProvider(stack, "aws", { region: "eu-west-1", ...OFFLINE_PROVIDER });
    for (const name of NAMES) {
      const pool = new CognitoUserPool(stack, `pool-${name}`, {
        name: `pool-${name}`,
        passwordPolicy: { minimumLength: 6 },
      });
      pool.overrideLogicalId(name);
    }
  })("names");
  return { outdir, stackDir };
}

async function audit(args: string[]): Promise<{ code: number; report: Report }> {
  const { code, stdout, stderr } = await runCli(["check", ...args, "--format", "json"]);
  expect(stderr).toBe("");
  return { code, report: JSON.parse(stdout) as Report };
}

function expectBothAuditedAndFailing({ code, report }: { code: number; report: Report }): void {
  for (const name of NAMES) {
    const address = `aws_cognito_user_pool.${name}`;
    const results = report.results.filter((r) => r.resource.address === address);
    expect(results.length, address).toBeGreaterThan(5);
    const failure = results.find((r) => r.ruleId === "password-min-length");
    expect(failure?.status, address).toBe("FAIL");
    expect(failure?.resource.name).toBe(`pool-${name}`);
  }
  expect(code).toBe(1);
}

describe("resources named constructor and prototype", () => {
  let synth: { outdir: string; stackDir: string };
  beforeAll(() => {
    synth = synthNamedPools();
  });

  it("are audited from a cdktf synth, and their failures fail the gate", async () => {
    expectBothAuditedAndFailing(await audit(["--synth", synth.outdir]));
  });

  it("are audited from the real terraform plan of that synth", { timeout: 300_000 }, async () => {
    const file = join(tempDir("authwarden-names-plan-"), "plan.json");
    writeFileSync(file, await planJson(synth.stackDir));
    expectBothAuditedAndFailing(await audit(["--plan", file]));
  });

  it("are audited from plain HCL, with a .tf.json beside it", async () => {
    const dir = tempDir("authwarden-names-hcl-");
    writeFileSync(
      join(dir, "main.tf"),
      'resource "aws_cognito_user_pool" "constructor" {\n  name = "pool-constructor"\n  password_policy {\n    minimum_length = 6\n  }\n}\n',
    );
    writeFileSync(
      join(dir, "prototype.tf.json"),
      JSON.stringify({
        resource: {
          aws_cognito_user_pool: {
            prototype: { name: "pool-prototype", password_policy: [{ minimum_length: 6 }] },
          },
        },
      }),
    );
    expectBothAuditedAndFailing(await audit(["--hcl", dir]));
  });
});
