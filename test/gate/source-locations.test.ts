// enableSourceLocations() in an app with wrapper constructs: the synth loader's file:line for each
// resource is the app line that sets its values (the wrapper's caller), with the wrapper lines and
// the callers kept as call sites. Real cdktf and provider bindings synthesize the traces; the
// node_modules wrapper is a package written into a temporary node_modules directory.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { CognitoUserPool } from "@cdktf/provider-aws/lib/cognito-user-pool/index.js";
import { TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enableSourceLocations } from "../../checks/gate/source-locations.js";
import type { Estate } from "../../checks/model/index.js";
import { loadSynth } from "../../checks/sources/synth/loader.js";
import { settingLocation } from "../../checks/sources/synth/frames.js";
import { staffPool, StaffDirectory, Workforce } from "./fixtures/staff-directory.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const THIS_FILE = "test/gate/source-locations.test.ts";
const WRAPPER_FILE = "test/gate/fixtures/staff-directory.ts";
const config = { name: "staff", mfaConfiguration: "OFF" };

/** A wrapper library as npm installs it: plain CommonJS under node_modules, given the classes it wraps. */
function nodeModulesWrapper(): new (scope: Construct, id: string, c: typeof config) => Construct {
  const dir = mkdtempSync(join(tmpdir(), "authwarden-wrapper-lib-"));
  const pkg = join(dir, "node_modules", "staff-wrapper");
  mkdirSync(pkg, { recursive: true });
  writeFileSync(
    join(pkg, "index.js"),
    `module.exports = (Construct, Pool) => class LibraryDirectory extends Construct {
  constructor(scope, id, config) { super(scope, id); new Pool(this, "pool", config); }
};\n`,
  );
  const make = createRequire(join(dir, "index.js"))("staff-wrapper") as (c: unknown, p: unknown) => never;
  return make(Construct, CognitoUserPool);
}

function lineOf(file: string, marker: string): number {
  return (
    readFileSync(join(ROOT, file), "utf8")
      .split("\n")
      .findIndex((l) => l.includes(marker)) + 1
  );
}

let restore: () => void;
let estate: Estate;
beforeAll(() => {
  const app = Testing.app();
  restore = enableSourceLocations(app);
  const stack = new TerraformStack(app, "users");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  const LibraryDirectory = nodeModulesWrapper();
  new StaffDirectory(stack, "shared", { ...config, name: "shared" }); // caller of the shared wrapper
  new Workforce(stack, "nested", { ...config, name: "nested" }); // caller of the nested wrappers
  new LibraryDirectory(stack, "library", { ...config, name: "library" }); // caller of the library wrapper
  staffPool(stack, { ...config, name: "factory" }); // caller of the factory
  new CognitoUserPool(stack, "direct", { ...config, name: "direct" }); // direct pool
  estate = loadSynth(Testing.fullSynth(stack), { projectRoot: ROOT });
});
afterAll(() => restore());

const pool = (name: string) =>
  estate.userPools.find((p) => p.provenance.constructPath?.split("/")[1]?.startsWith(name))!.provenance;

describe("enableSourceLocations: the line that sets the values", () => {
  it("puts a pool made by a shared wrapper file on the caller's line, the wrapper line a call site", () => {
    const p = pool("shared");
    expect({ file: p.file, line: p.line }).toEqual({
      file: THIS_FILE,
      line: lineOf(THIS_FILE, "caller of the shared"),
    });
    expect(p.callSites?.[0]).toMatchObject({
      file: WRAPPER_FILE,
      line: lineOf(WRAPPER_FILE, "// wrapper line"),
      role: "wrapper",
    });
    // Above the caller are vitest's frames, in node_modules: no app callers.
    expect(p.callSites).toHaveLength(1);
  });

  it("climbs out of nested wrappers, one per construct between the stack and the resource", () => {
    const p = pool("nested");
    expect({ file: p.file, line: p.line }).toEqual({
      file: THIS_FILE,
      line: lineOf(THIS_FILE, "caller of the nested"),
    });
    expect(p.callSites?.slice(0, 2)).toEqual([
      expect.objectContaining({ file: WRAPPER_FILE, line: lineOf(WRAPPER_FILE, "// wrapper line"), role: "wrapper" }),
      expect.objectContaining({
        file: WRAPPER_FILE,
        line: lineOf(WRAPPER_FILE, "outer wrapper line"),
        role: "wrapper",
      }),
    ]);
  });

  it("puts a pool made by a wrapper library in node_modules on the app's call site", () => {
    const p = pool("library");
    expect({ file: p.file, line: p.line }).toEqual({
      file: THIS_FILE,
      line: lineOf(THIS_FILE, "caller of the library"),
    });
    expect(p.callSites ?? []).toEqual([]);
  });

  it("keeps the factory function's own line when no construct stands between the stack and the pool", () => {
    const p = pool("factory");
    expect({ file: p.file, line: p.line }).toEqual({
      file: WRAPPER_FILE,
      line: lineOf(WRAPPER_FILE, "// factory line"),
    });
    expect(p.callSites?.[0]).toMatchObject({
      file: THIS_FILE,
      line: lineOf(THIS_FILE, "caller of the factory"),
      role: "caller",
    });
  });

  it("puts a pool created in the stack itself on its own line", () => {
    const p = pool("direct");
    expect({ file: p.file, line: p.line }).toEqual({ file: THIS_FILE, line: lineOf(THIS_FILE, "// direct pool") });
    expect(p.callSites ?? []).toEqual([]);
  });
});

describe("settingLocation on traces", () => {
  const root = "/app";
  it("has no location when no frame is in the app", () => {
    expect(
      settingLocation(["at new TerraformElement (/app/node_modules/cdktf/lib/x.js:1:1)"], "s/p", root),
    ).toBeUndefined();
  });

  it("falls back to the innermost app frame when the trace has fewer constructors than wrappers", () => {
    const trace = [
      "at new CognitoUserPool (/app/node_modules/@cdktf/provider-aws/lib/pool.js:3:4)",
      "at helper (/app/lib/helper.ts:7:3)",
      "at Object.<anonymous> (/app/main.ts:9:1)",
    ];
    expect(settingLocation(trace, "s/a/b/pool", root)).toMatchObject({ file: "lib/helper.ts", line: 7 });
  });

  it("counts a constructor in a .gen binding as the resource's own class, not a wrapper", () => {
    const trace = [
      "at new CognitoUserPool (/app/.gen/providers/aws/pool.ts:3:4)",
      "at new Directory (/app/lib/directory.ts:5:3)",
      "at new UsersStack (/app/stack.ts:12:5)",
    ];
    expect(settingLocation(trace, "users/staff/pool", root)).toMatchObject({
      file: "stack.ts",
      line: 12,
      callSites: [{ file: "lib/directory.ts", line: 5, column: 3, role: "wrapper" }],
    });
  });
});
