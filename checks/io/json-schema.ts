// The one Ajv factory, compiled validators cached per schema, and error text that leads with the
// JSON path of the bad value.

import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsPlugin from "ajv-formats";
import { ConfigValidationError } from "../errors.js";

// ajv-formats ships CommonJS; under NodeNext its default import is the module object.
const addFormats = ((addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ??
  addFormatsPlugin) as unknown as (ajv: Ajv) => Ajv;

let shared: Ajv | undefined;
const validators = new WeakMap<object, ValidateFunction>();

function ajv(): Ajv {
  if (!shared) {
    shared = new Ajv({ allErrors: false, strict: true, strictRequired: false, allowUnionTypes: true });
    addFormats(shared);
  }
  return shared;
}

function compile(schema: Record<string, unknown>): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv().compile(schema);
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
