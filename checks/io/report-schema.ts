// The JSON report's schema (reports/schema/authwarden-report.schema.json), loaded once: a compiled
// validator is cached per schema object, and two objects with the same $id clash in the one Ajv.

import { join } from "node:path";
import { packageRoot } from "../package-info.js";
import { readJsonFile } from "./safe-json.js";

let schema: Record<string, unknown> | undefined;

export function reportSchema(): Record<string, unknown> {
  schema ??= readJsonFile(join(packageRoot(), "reports", "schema", "authwarden-report.schema.json")) as Record<
    string,
    unknown
  >;
  return schema;
}
