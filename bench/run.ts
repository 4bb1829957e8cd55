// `npm run bench`: how long loading, evaluating and rendering take as an estate grows. The synth
// itself (cdktf) is setup, not measured. Prints one line per size and phase; no pass/fail.
//
//   npm run bench            sizes 1, 10, 40 copies of the reference shop (one stack each)
//   npm run bench -- 100     a custom size

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role/index.js";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy/index.js";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { App, TerraformStack } from "cdktf";
import { evaluate } from "../checks/engine/evaluate.js";
import { loadPolicy } from "../checks/engine/policy-pack.js";
import { ruleMetadata } from "../checks/engine/catalog.js";
import { RULES, RULES_BY_ID } from "../checks/rules/index.js";
import { compileGlob } from "../checks/iam/wildcard.js";
import { loadSynth } from "../checks/sources/synth/loader.js";
import { FILE_WRITERS } from "../reports/index.js";
import { compliantVariant, createShopStack, legacyVariant } from "../stacks/main.js";

function synthShops(copies: number): string {
  const outdir = mkdtempSync(join(tmpdir(), "authwarden-bench-"));
  const app = new App({ outdir });
  for (let i = 0; i < copies; i++) createShopStack(app, `shop-${i}`, i % 2 === 0 ? legacyVariant : compliantVariant);
  app.synth();
  return outdir;
}

/** One stack with many roles and role policies: the shape where a per-role scan of all policies would be quadratic. */
function synthWideStack(roles: number): string {
  const outdir = mkdtempSync(join(tmpdir(), "authwarden-bench-wide-"));
  const app = new App({ outdir });
  const stack = new TerraformStack(app, "wide");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  for (let i = 0; i < roles; i++) {
    const role = new IamRole(stack, `role-${i}`, {
      name: `role-${i}`,
      assumeRolePolicy: JSON.stringify({
        Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "lambda.amazonaws.com" } }],
      }),
    });
    new IamRolePolicy(stack, `policy-${i}`, {
      role: role.name,
      policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] }),
    });
  }
  app.synth();
  return outdir;
}

function time<T>(fn: () => T, runs: number): { result: T; ms: number } {
  let result = fn();
  const start = performance.now();
  for (let i = 0; i < runs; i++) result = fn();
  return { result, ms: (performance.now() - start) / runs };
}

function measure(label: string, dir: string): void {
  const runs = 5;
  const policy = loadPolicy("pci-dss-4.0.1", RULES_BY_ID);
  const load = time(() => loadSynth(dir), runs);
  const estate = load.result;
  const resources =
    estate.userPools.length +
    estate.userPoolClients.length +
    estate.iamRoles.length +
    estate.identityPools.length +
    estate.apiRoutes.length;
  const run = time(() => evaluate(estate, policy, RULES_BY_ID, { now: new Date(0) }), runs);
  const line = (phase: string, ms: number) =>
    console.log(`${label.padEnd(22)} ${phase.padEnd(10)} ${ms.toFixed(1).padStart(9)} ms`);
  line(`load (${resources} res)`, load.ms);
  line(`evaluate (${run.result.results.length} results)`, run.ms);
  const metadata = ruleMetadata(RULES);
  for (const [format, writer] of Object.entries(FILE_WRITERS))
    line(`write ${format}`, time(() => writer.write(run.result, metadata), runs).ms);
}

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
for (const copies of sizes.length > 0 ? sizes : [1, 10, 40]) measure(`${copies} shop stack(s)`, synthShops(copies));
for (const roles of sizes.length > 0 ? [] : [200, 800]) measure(`1 stack, ${roles} roles`, synthWideStack(roles));

/** The glob matcher on the selector that made a backtracking RegExp exponential, against a plain one. */
function measureGlob(): void {
  const name = "L".repeat(6_000);
  const runs = 20;
  const pathological = compileGlob("*L*L*-portal*", { questionMark: false });
  const plain = compileGlob("L*-portal", { questionMark: false });
  const slow = time(() => pathological.test(name), runs);
  const fast = time(() => plain.test(name), runs);
  console.log(
    `${"glob, 6,000 chars".padEnd(22)} ${"*L*L*-portal*".padEnd(10)} ${slow.ms.toFixed(3).padStart(9)} ms, ${(slow.ms / Math.max(fast.ms, 1e-6)).toFixed(0)}x a plain \`L*-portal\``,
  );
}
measureGlob();

/** `authwarden --version` as a user starts it (the compiled bin), beside a bare `node` for scale. */
function measureStartup(): void {
  if (!existsSync(join("dist", "cli", "index.js"))) execFileSync("npm", ["run", "build", "--silent"]);
  const runs = 10;
  const spawn = (args: string[]) => time(() => execFileSync(process.execPath, args), runs).ms;
  const bare = spawn(["-e", ""]);
  const version = spawn([join("bin", "authwarden.js"), "--version"]);
  console.log(
    `${"startup".padEnd(22)} ${"--version".padEnd(10)} ${version.toFixed(1).padStart(9)} ms (bare node ${bare.toFixed(1)} ms)`,
  );
}
measureStartup();
