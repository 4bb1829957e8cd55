// The one Ajv factory, compiled validators cached per schema, and error text that leads with the
// JSON path of the bad value. The build compiles every schema the package knows into standalone
// code (schemas/standalone.ts); a schema found there by its fingerprint is not compiled at run time.

import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type * as AjvPackage from "ajv";
import type { Ajv, ErrorObject, ValidateFunction } from "ajv";
import { ConfigValidationError } from "../errors.js";
import { loadOptionalPackage, moduleDirectory, requireDependency } from "./commonjs.cjs";

/** Where the build writes the standalone validators, beside this module in dist/. */
export const STANDALONE_FILE = "schemas/standalone.generated.cjs";

let shared: Ajv | undefined;
const validators = new WeakMap<object, ValidateFunction>();

/** The Ajv options, shared with the standalone build so both validate alike. */
export const AJV_OPTIONS = { allErrors: false, strict: true, strictRequired: false, allowUnionTypes: true } as const;

/** An Ajv instance with the formats the schemas use; `extra` adds options (the build's `code`). */
export function createAjv(extra: Record<string, unknown> = {}): Ajv {
  // Required here, not imported: a built run validates with the standalone validators, and loading
  // ajv's compiler was about a tenth of a small check's time.
  const { Ajv: AjvClass } = requireDependency("ajv") as typeof AjvPackage;
  const addFormats = requireDependency("ajv-formats") as (ajv: Ajv) => Ajv;
  const instance = new AjvClass({ ...AJV_OPTIONS, ...extra });
  addFormats(instance);
  return instance;
}

function ajv(): Ajv {
  shared ??= createAjv();
  return shared;
}

/** The export name of a schema's validator in the standalone module: a digest of its JSON. */
export function schemaFingerprint(schema: Record<string, unknown>): string {
  return `v${createHash("sha256").update(JSON.stringify(schema)).digest("hex")}`;
}

let standalone: Readonly<Record<string, ValidateFunction>> | null | undefined;

/** The build's validators, or null when running from sources (tests, tsx) where there are none. */
function standaloneValidators(): Readonly<Record<string, ValidateFunction>> | null {
  if (standalone === undefined) {
    const file = join(moduleDirectory, STANDALONE_FILE);
    standalone = existsSync(file) ? (loadOptionalPackage(file) as Record<string, ValidateFunction>) : null;
  }
  return standalone;
}

/** Whether `schema` has a build-time validator here (false from sources); for the build's test. */
export function hasStandaloneValidator(schema: Record<string, unknown>): boolean {
  return standaloneValidators()?.[schemaFingerprint(schema)] !== undefined;
}

function compile(schema: Record<string, unknown>): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    validate = standaloneValidators()?.[schemaFingerprint(schema)] ?? ajv().compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

/** Throws ConfigValidationError naming the file and the JSON path of the first bad value. */
export function assertValid(schema: Record<string, unknown>, value: unknown, file: string, basePath = ""): void {
  const validate = compile(schema);
  if (validate(value)) return;
  // A bad property name reports the pattern first and then, naming the property, propertyNames.
  const error = validate.errors?.find((e) => e.keyword === "propertyNames") ?? validate.errors?.[0];
  if (!error) throw new ConfigValidationError(file, basePath || "/", "is invalid");
  throw new ConfigValidationError(file, `${basePath}${error.instancePath}` || "/", describe(error));
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties":
      return `has unknown property ${JSON.stringify(params.additionalProperty)}`;
    case "enum":
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "required":
      return `is missing required property ${JSON.stringify(params.missingProperty)}`;
    case "minProperties":
      return params.limit === 1 ? "is empty" : (error.message ?? "is invalid");
    case "minItems":
      return params.limit === 1 ? "is an empty list" : (error.message ?? "is invalid");
    case "pattern":
      return `${error.message ?? "is invalid"}`;
    case "propertyNames":
      return `has an invalid name ${JSON.stringify(params.propertyName)}`;
    default:
      return error.message ?? "is invalid";
  }
}
