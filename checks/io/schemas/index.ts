// The JSON Schema of each configuration input kind, and the one call that checks an input against
// its kind. The build compiles them to standalone code; from sources they compile on first use.

import { assertValid } from "../json-schema.js";
import { cdktfManifestSchema } from "./cdktf-manifest.js";
import { terraformJsonSchema } from "./terraform-json.js";
import { terraformPlanSchema } from "./terraform-plan.js";

/** Every input kind's schema, by kind (the standalone build compiles them all). */
export const INPUT_SCHEMAS = {
  "cdktf-manifest": cdktfManifestSchema,
  "terraform-json": terraformJsonSchema,
  "terraform-plan": terraformPlanSchema,
} as const;

export type InputKind = keyof typeof INPUT_SCHEMAS;

/** Throws ConfigValidationError naming the file and the JSON path when `value` is not a `kind`. */
export function assertInputShape(kind: InputKind, value: unknown, file: string): void {
  assertValid(INPUT_SCHEMAS[kind] as unknown as Record<string, unknown>, value, file);
}
