// Small cdktf and cdktn apps for `authwarden verify`'s own paths: CommonJS JavaScript run by node,
// the libraries from the repository's node_modules (a symlink), so each test synthesizes with the
// real construct library and plans with the real provider without a compile step.

import { spawnSync } from "node:child_process";
import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { terraformEnv } from "../../support/terraform-cli-config.js";
import { REPO_ROOT } from "../../support/user-app.js";

export type Library = "cdktf" | "cdktn";

/** A project whose main.js builds stack "users" with `body` (JavaScript using `stack`, `CognitoUserPool`, `TerraformVariable`). */
export function writeApp(body: string, library: Library = "cdktf"): string {
  const dir = mkdtempSync(join(tmpdir(), "authwarden-verify-app-"));
  symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"));
  const provider = library === "cdktf" ? "@cdktf/provider-aws" : "@cdktn/provider-aws";
  writeFileSync(
    join(dir, "main.js"),
    `const { App, TerraformStack, TerraformVariable } = require("${library}");
const { AwsProvider } = require("${provider}/lib/provider");
const { CognitoUserPool } = require("${provider}/lib/cognito-user-pool");
const app = new App();
const stack = new TerraformStack(app, "users");
new AwsProvider(stack, "aws", { region: "eu-west-1" });
${body}
app.synth();
`,
  );
  writeFileSync(join(dir, "cdktf.json"), JSON.stringify({ language: "typescript", app: "node main.js" }));
  return dir;
}

export interface VerifyRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `authwarden verify ARGS` as its own process (from source, through tsx), with the provider mirror configured. */
export function verify(args: readonly string[], env: NodeJS.ProcessEnv = {}): VerifyRun {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", join(REPO_ROOT, "test", "support", "cli-process.ts"), "verify", "--quiet", ...args],
    {
      encoding: "utf8",
      env: { ...process.env, ...terraformEnv(), NO_COLOR: "1", ...env },
      timeout: 600_000,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
