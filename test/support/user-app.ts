// Throwaway user projects for the acceptance tests, outside the repository (os.tmpdir): the files a
// platform engineer would write, for a CommonJS cdktf app (as `cdktf init --template=typescript`
// lays it out: module CommonJS, no moduleResolution) or an ESM cdktn app, with a compliant or a
// weak staff pool, a vitest file using the matchers, and the packed authwarden installed.
//
// Installing: the tarball from `npm pack` is unpacked into node_modules/authwarden, as npm does;
// every other package (the peers cdktf or cdktn and constructs, authwarden's dependencies, vitest,
// typescript) is a symlink into the repository's node_modules. A registry install is slow and needs
// the network, and `npm install --offline` fails on this machine's partial cache (ENOTCACHED). The
// cdktn project gets no cdktf link, so it proves the package runs without it.

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ensureBuilt } from "../cli/bin-process.js";

export const REPO_ROOT = resolve(import.meta.dirname, "..", "..");
const REPO_MODULES = join(REPO_ROOT, "node_modules");

export type Library = "cdktf" | "cdktn";

/**
 * npm pack of the repository's built dist; returns the tarball path. Without --ignore-scripts the
 * prepare script would rebuild dist (removing it first) while other test files run the built CLI.
 */
export function packRepository(): string {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), "authwarden-pack-"));
  const out = execFileSync("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", dir], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  });
  return join(dir, out.trim().split("\n").pop()!);
}

function install(app: string, tarball: string, library: Library): void {
  const modules = join(app, "node_modules");
  mkdirSync(join(modules, "authwarden"), { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", join(modules, "authwarden"), "--strip-components=1"]);
  const skip = new Set(["authwarden", ".bin", ...(library === "cdktn" ? ["cdktf", "@cdktf"] : ["cdktn", "@cdktn"])]);
  for (const name of readdirSync(REPO_MODULES)) {
    if (skip.has(name) || name.startsWith(".")) continue;
    symlinkSync(join(REPO_MODULES, name), join(modules, name));
  }
  if (library === "cdktn") {
    // @cdktf/hcl2json is authwarden's own dependency; only the cdktf provider bindings and cdktf stay out.
    mkdirSync(join(modules, "@cdktf"));
    symlinkSync(join(REPO_MODULES, "@cdktf", "hcl2json"), join(modules, "@cdktf", "hcl2json"));
  }
  mkdirSync(join(modules, ".bin"));
  symlinkSync(join("..", "authwarden", "bin", "authwarden.js"), join(modules, ".bin", "authwarden"));
}

function stackSource(library: Library, weak: boolean): string {
  const provider = library === "cdktf" ? "@cdktf/provider-aws" : "@cdktn/provider-aws";
  const pool = weak
    ? `{ name: "staff", tags: { "pci:audience": "workforce" },
      mfaConfiguration: "OFF",
      passwordPolicy: { minimumLength: 8 } }`
    : `{ name: "staff", tags: { "pci:audience": "workforce" },
      mfaConfiguration: "ON",
      // 8.3.4 (account-lockout): Cognito's own lockout is shorter; this function locks for 30 minutes.
      lambdaConfig: { preAuthentication: "arn:aws:lambda:eu-west-1:123456789012:function:staff-lockout" },
      softwareTokenMfaConfiguration: { enabled: true },
      deletionProtection: "ACTIVE",
      userPoolTier: "PLUS",
      adminCreateUserConfig: { allowAdminCreateUserOnly: true },
      accountRecoverySetting: { recoveryMechanism: [{ name: "verified_email", priority: 1 }] },
      passwordPolicy: { minimumLength: 12, requireLowercase: true, requireUppercase: true, requireNumbers: true,
        requireSymbols: true, temporaryPasswordValidityDays: 1, passwordHistorySize: 4 },
      userPoolAddOns: { advancedSecurityMode: "ENFORCED" } }`;
  return `import { Construct } from "constructs";
import { App, Aspects, TerraformStack } from "${library}";
import { AwsProvider } from "${provider}/lib/provider/index.js";
import { CognitoUserPool } from "${provider}/lib/cognito-user-pool/index.js";
import { CognitoRiskConfiguration } from "${provider}/lib/cognito-risk-configuration/index.js";
import { ComplianceGate } from "authwarden/gate";

/** A wrapper construct, as shops write them: the SARIF alert must still land on the caller's line. */
export class StaffDirectory extends Construct {
  constructor(scope: Construct, id: string, config: ConstructorParameters<typeof CognitoUserPool>[2]) {
    super(scope, id);
    const pool = new CognitoUserPool(this, "pool", config);
    new CognitoRiskConfiguration(this, "risk", {
      userPoolId: pool.id,
      compromisedCredentialsRiskConfiguration: { actions: { eventAction: "BLOCK" } },
      accountTakeoverRiskConfiguration: { actions: {
        highAction: { eventAction: "BLOCK", notify: false },
        mediumAction: { eventAction: "MFA_REQUIRED", notify: false },
        lowAction: { eventAction: "MFA_IF_CONFIGURED", notify: false } },
        notifyConfiguration: { sourceArn: "arn:aws:ses:eu-west-1:123456789012:identity/example.com" } },
    });
  }
}

export class UsersStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: "eu-west-1" });
    new StaffDirectory(this, "staff", ${pool});
  }
}

export function buildApp(app: App): UsersStack {
  return new UsersStack(app, "users");
}

/** The deploy gate as an aspect of this library's stack: type-checks against the one constructs. */
export function addGate(stack: TerraformStack): void {
  Aspects.of(stack).add(new ComplianceGate({ failOn: "critical" }));
}
`;
}

function mainSource(library: Library, esm: boolean): string {
  return `import { App } from "${library}";
import { enableSourceLocations } from "authwarden/gate";
import { buildApp } from "./stack${esm ? ".js" : ""}";

const app = new App();
enableSourceLocations(app);
buildApp(app);
app.synth();
`;
}
function testSource(library: Library): string {
  return `import { describe, expect, it } from "vitest";
import { Testing } from "${library}";
import { enableSourceLocations } from "authwarden/gate";
import { audit, authwardenMatchers } from "authwarden/testing";
import "authwarden/testing/vitest";
import { buildApp } from "./stack${library === "cdktn" ? ".js" : ""}";

expect.extend(authwardenMatchers);

describe("the users stack", () => {
  it("passes the compliance gate", () => {
    const app = Testing.app();
    enableSourceLocations(app);
    const stack = buildApp(app);
    expect(Testing.synth(stack)).toBeTruthy();
    expect(stack).toPassCompliance();
    expect(stack).not.toFailRule("mfa-required", { resource: "staff" });
    expect(stack).not.toFailRule("account-lockout", { resource: "staff" });
    expect(audit(stack).gate?.passed).toBe(true);
  });
});
`;
}

/**
 * The cdktf app's jest side, as `cdktf init --template=typescript` writes it (cdktf-cli 0.21
 * templates/typescript: jest.config.js with the ts-jest preset, setup.js calling
 * Testing.setupJest(), __tests__/main-test.ts), the test using authwarden's matchers beside cdktf's.
 */
function jestFiles(dir: string): void {
  writeFileSync(
    join(dir, "jest.config.js"),
    `module.exports = {
  moduleFileExtensions: ["js", "ts", "tsx"],
  testMatch: ["**/__tests__/**/*.ts", "**/?(*.)+(spec|test).ts"],
  // The template's own ignores (tsc, declaration: true, writes .d.ts and .js beside the tests), and
  // main.test.ts, this project's vitest file, which the template's pattern also matches.
  testPathIgnorePatterns: ["/node_modules/", ".d.ts", ".js", "<rootDir>/main.test.ts"],
  preset: "ts-jest",
  setupFilesAfterEnv: ["<rootDir>/setup.js"],
  testEnvironment: "node",
};
`,
  );
  writeFileSync(join(dir, "setup.js"), 'const cdktf = require("cdktf");\ncdktf.Testing.setupJest();\n');
  mkdirSync(join(dir, "__tests__"));
  writeFileSync(
    join(dir, "__tests__", "main-test.ts"),
    `import "cdktf/lib/testing/adapters/jest"; // Load types for expect matchers
import { Testing } from "cdktf";
import { CognitoUserPool } from "@cdktf/provider-aws/lib/cognito-user-pool";
import { enableSourceLocations } from "authwarden/gate";
import { authwardenMatchers } from "authwarden/testing";
import "authwarden/testing/jest";
import { buildApp } from "../stack";

expect.extend(authwardenMatchers);

describe("the users stack (jest)", () => {
  it("synthesizes the staff pool and passes the compliance gate", () => {
    const app = Testing.app();
    enableSourceLocations(app);
    const stack = buildApp(app);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(CognitoUserPool, { name: "staff" });
    expect(stack).not.toFailRule("mfa-required", { resource: "staff" });
    expect(stack).toPassCompliance();
    // hashicorp/aws 5.x cannot express user activity log delivery: those rules are UNKNOWN, never a pass.
    expect(stack).not.toHaveNoUnknowns();
  });
});
`,
  );
}

export interface UserApp {
  readonly dir: string;
  readonly library: Library;
}

/** Writes a user project for `library`, compliant or weak, with the packed authwarden installed. */
export function writeUserApp(tarball: string, library: Library, weak: boolean): UserApp {
  const dir = mkdtempSync(join(tmpdir(), `authwarden-user-${library}-`));
  const esm = library === "cdktn";
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: "users-app", version: "1.0.0", private: true, ...(esm ? { type: "module" } : {}) }, null, 2),
  );
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify(
      esm
        ? {
            compilerOptions: {
              target: "ES2022",
              module: "NodeNext",
              strict: true,
              skipLibCheck: true,
              outDir: "build",
              types: ["node"],
            },
            include: ["*.ts"],
          }
        : {
            // What cdktf init --template=typescript writes (cdktf-cli 0.21 bundle/templates/typescript/tsconfig.json).
            compilerOptions: {
              alwaysStrict: true,
              declaration: true,
              experimentalDecorators: true,
              inlineSourceMap: true,
              inlineSources: true,
              lib: ["es2018"],
              module: "CommonJS",
              noEmitOnError: true,
              noFallthroughCasesInSwitch: true,
              noImplicitAny: true,
              noImplicitReturns: true,
              noImplicitThis: true,
              noUnusedLocals: true,
              noUnusedParameters: true,
              resolveJsonModule: true,
              strict: true,
              strictNullChecks: true,
              strictPropertyInitialization: true,
              stripInternal: true,
              target: "ES2018",
              incremental: true,
              skipLibCheck: true,
            },
            include: ["**/*.ts"],
            exclude: ["node_modules", "cdktf.out"],
          },
      null,
      2,
    ),
  );
  // The app command compiles, then runs the JavaScript with its inline source maps (so stack frames
  // name the .ts lines), as a project without ts-node does.
  const tsc = "node node_modules/typescript/bin/tsc -p .";
  const main = esm ? "build/main.js" : "main.js";
  writeFileSync(
    join(dir, "cdktf.json"),
    JSON.stringify({ language: "typescript", app: `${tsc} && node --enable-source-maps ${main}` }, null, 2),
  );
  writeFileSync(join(dir, "stack.ts"), stackSource(library, weak));
  writeFileSync(join(dir, "main.ts"), mainSource(library, esm));
  writeFileSync(join(dir, "main.test.ts"), testSource(library));
  writeFileSync(join(dir, "vitest.config.mjs"), 'export default { test: { include: ["*.test.ts"] } };\n');
  if (library === "cdktf") jestFiles(dir);
  install(dir, tarball, library);
  return { dir, library };
}
