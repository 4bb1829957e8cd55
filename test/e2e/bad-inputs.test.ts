// The bad-input corpus (test/fixtures/bad-inputs/generate.ts) through the CLI: every case exits 2
// with exactly one line on stderr naming the file and the problem, writes nothing to --output-dir
// and leaves the report already there byte for byte.

import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateBadInputs, type BadInput } from "../fixtures/bad-inputs/generate.js";
import { synthCompliantOnly } from "../support/reference-synth.js";
import { runCli } from "../support/run-cli.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const root = mkdtempSync(join(tmpdir(), "authwarden-bad-inputs-"));
const synthDir = synthCompliantOnly();
const corpus: BadInput[] = generateBadInputs(join(root, "corpus"), {
  synthDir,
  stack: "shop-compliant",
  planFile: join(FIXTURES, "plans", "shop-legacy.json"),
  hclDir: join(FIXTURES, "hcl", "identity-trust"),
});

let earlier: Buffer;
beforeAll(async () => {
  // An earlier report, from a real run, that a bad run must leave alone.
  const out = join(root, "earlier");
  const { code } = await runCli(["check", "--synth", synthDir, "--format", "json", "--output-dir", out]);
  expect(code).toBe(0);
  earlier = readFileSync(join(out, "authwarden.json"));
});

describe("the bad-input corpus", () => {
  it("has at least 60 cases, each with its own name", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
  });

  for (const input of corpus) {
    it(`${input.name}: exit 2, one line naming the file and the problem, reports untouched`, async () => {
      const out = join(root, "out", String(corpus.indexOf(input)));
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, "authwarden.json"), earlier);
      const { code, stdout, stderr } = await runCli([...input.args, "--format", "json", "--output-dir", out]);
      expect(stderr.endsWith("\n"), stderr).toBe(true);
      const lines = stderr.trimEnd().split("\n");
      expect(lines, stderr).toHaveLength(1);
      expect(lines[0]!.startsWith(`authwarden: ${input.file}: `), stderr).toBe(true);
      expect(lines[0], stderr).toMatch(input.problem);
      expect(lines[0]).not.toMatch(/internal error/);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(readdirSync(out)).toEqual(["authwarden.json"]);
      expect(readFileSync(join(out, "authwarden.json")).equals(earlier)).toBe(true);
    });
  }
});
