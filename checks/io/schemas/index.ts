// The JSON Schema of each configuration input kind, and the one call that checks an input against
// its kind. Validators compile on first use (json-schema.ts caches them), not at CLI startup.

import { assertValid } from "../json-schema.js";
import { cdktfManifestSchema } from "./cdktf-manifest.js";
import { terraformJsonSchema } from "./terraform-json.js";
import { terraformPlanSchema } from "./terraform-plan.js";

const SCHEMAS = {
  "cdktf-manifest": cdktfManifestSchema,
  "terraform-json": terraformJsonSchema,
  "terraform-plan": terraformPlanSchema,
} as const;

export type InputKind = keyof typeof SCHEMAS;

/** Throws ConfigValidationError naming the file and the JSON path when `value` is not a `kind`. */
export function assertInputShape(kind: InputKind, value: unknown, file: string): void {
  assertValid(SCHEMAS[kind] as unknown as Record<string, unknown>, value, file);
}
