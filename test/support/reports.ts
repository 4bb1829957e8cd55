// Runs the CLI once with every file format and reads back what it wrote; validators for the
// published report schema and for SARIF 2.1.0 (the OASIS errata 01 schema, test/fixtures/sarif).

import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsPlugin from "ajv-formats";
import type { Report } from "../../checks/engine/report.js";
import { runCli, type CliRun } from "./run-cli.js";

export const ALL_FORMATS = ["json", "sarif", "junit", "markdown", "html"] as const;

export interface AllFormatsRun {
  readonly run: CliRun;
  readonly dir: string;
  readonly files: Readonly<Record<string, string>>;
  readonly report: Report;
}

export async function runAllFormats(synthDir: string, extra: readonly string[] = []): Promise<AllFormatsRun> {
  const dir = join(mkdtempSync(join(tmpdir(), "authwarden-reports-")), "out");
  const run = await runCli(["check", "--synth", synthDir, ...extra, "--format", ...ALL_FORMATS, "--output-dir", dir]);
  if (run.code === 2) throw new Error(`authwarden exited 2: ${run.stderr}`);
  const files = Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), "utf8")]));
  return { run, dir, files, report: JSON.parse(files["authwarden.json"] ?? "null") as Report };
}

let schema: Record<string, unknown> | undefined;

/** The published schema, parsed once (the project's Ajv caches compiled schemas by object). */
export function reportSchema(): Record<string, unknown> {
  schema ??= JSON.parse(
    readFileSync(join(process.cwd(), "reports", "schema", "authwarden-report.schema.json"), "utf8"),
  ) as Record<string, unknown>;
  return schema;
}

const addFormats = ((addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ??
  addFormatsPlugin) as unknown as (ajv: Ajv) => Ajv;
let sarifValidator: ValidateFunction | undefined;

/**
 * The OASIS SARIF 2.1.0 (errata 01) schema is draft-04; the parts it uses (id, no boolean exclusive
 * bounds) read the same in draft-07, so it is declared draft-07 (id as $id) and compiled without
 * Ajv's strict mode, which rejects the schema's unknown keywords such as "default" on $ref siblings.
 */
export function validateSarif(log: unknown): { valid: boolean; errors: string } {
  if (!sarifValidator) {
    const file = join(process.cwd(), "test", "fixtures", "sarif", "sarif-schema-2.1.0.json");
    const sarif = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    sarif.$schema = "http://json-schema.org/draft-07/schema#";
    sarif.$id = sarif.id;
    delete sarif.id;
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    sarifValidator = ajv.compile(sarif);
  }
  const valid = sarifValidator(log);
  return { valid, errors: JSON.stringify(sarifValidator.errors ?? [], null, 1).slice(0, 4000) };
}
