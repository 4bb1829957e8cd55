// The build's standalone validators (scripts/compile-schemas.ts) must cover every schema the
// package validates against, judge exactly as run-time compiled ones, and be found by the compiled
// CLI (fingerprints of the tsx-loaded and the tsc-compiled schemas agree).

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import type { ValidateFunction } from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { createAjv, schemaFingerprint, STANDALONE_FILE } from "../../checks/io/json-schema.js";
import { compileSchemas, packageSchemas } from "../../scripts/compile-schemas.js";

const ROOT = resolve(import.meta.dirname, "../..");
let standalone: Record<string, ValidateFunction>;

beforeAll(() => {
  // Inside the repository (test/.work is ignored), so the generated requires resolve ajv.
  mkdirSync(join(ROOT, "test", ".work"), { recursive: true });
  const dist = mkdtempSync(join(ROOT, "test", ".work", "schemas-"));
  mkdirSync(join(dist, "checks", "io", "schemas"), { recursive: true });
  const { file, count } = compileSchemas(dist);
  expect(count).toBe(packageSchemas().length);
  standalone = createRequire(import.meta.url)(file) as Record<string, ValidateFunction>;
});

/** Documents to judge: the shipped policy packs, and their shapes broken in typical ways. */
function samples(): unknown[] {
  const packs = readdirSync(join(ROOT, "policies"))
    .filter((name) => name.endsWith(".json"))
    .map((name) => JSON.parse(readFileSync(join(ROOT, "policies", name), "utf8")) as Record<string, unknown>);
  return [
    ...packs,
    ...packs.map((pack) => ({ ...pack, rules: { "mfa-required": { severity: "loud" } } })),
    ...packs.map((pack) => ({ ...pack, surprise: true })),
    { waivers: [{ rule: "mfa-required", resource: "x", reason: "r", expires: "2026-13-40" }] },
    { waivers: [{ rule: "mfa-required", resource: "x", reason: "r", expires: "2027-01-31", approvedBy: "a" }] },
    { stacks: {} },
    { format_version: "1.2", planned_values: [] },
    { allowed: ["ON"] },
    { minimumLength: "12" },
    {},
    [],
    null,
    "text",
  ];
}

describe("standalone schema validators", () => {
  it("cover every schema the package validates against", () => {
    for (const schema of packageSchemas())
      expect(standalone[schemaFingerprint(schema)], String(schema.title)).toBeTypeOf("function");
  });

  it("judge every sample as the run-time compiled validator does, with the same first error", () => {
    const ajv = createAjv();
    let failures = 0;
    for (const schema of packageSchemas()) {
      const compiled = ajv.compile(schema);
      const built = standalone[schemaFingerprint(schema)]!;
      for (const sample of samples()) {
        const verdict = compiled(sample);
        expect(built(sample)).toBe(verdict);
        if (!verdict) {
          failures++;
          expect(built.errors?.[0]).toEqual(compiled.errors?.[0]);
        }
      }
    }
    expect(failures).toBeGreaterThan(0);
  });

  it("are what the compiled CLI uses for its inputs, policy and waivers", () => {
    const dist = join(ROOT, "dist", "checks");
    const probe = spawnSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const { hasStandaloneValidator } = await import(${JSON.stringify(join(dist, "io", "json-schema.js"))});
         const { INPUT_SCHEMAS } = await import(${JSON.stringify(join(dist, "io", "schemas", "index.js"))});
         const { RULES } = await import(${JSON.stringify(join(dist, "rules", "index.js"))});
         const schemas = [...Object.values(INPUT_SCHEMAS), ...RULES.map((r) => r.meta.options.schema)];
         process.stdout.write(JSON.stringify(schemas.filter((s) => !hasStandaloneValidator(s)).length));`,
      ],
      { encoding: "utf8" },
    );
    expect(probe.stderr).toBe("");
    expect(readdirSync(join(dist, "io", "schemas"))).toContain(STANDALONE_FILE.split("/")[1]);
    expect(probe.stdout).toBe("0");
  });
});
