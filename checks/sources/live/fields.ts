// Maps an API response to model fields through the field tables (model/fields): the member path,
// the default when the API leaves a member out, the allowed values. The Terraform readers read the
// same tables, so both sides default and validate alike.

import { blockDefault, outOfRange, type Field, type FieldTable, type FieldValues } from "../../model/fields/index.js";
import { isJsonObject } from "../../io/safe-json.js";
import { known, unknown, type Value } from "../../model/index.js";

/** One field of a response that was read (or could not be: then the field is unknown with the same reason). */
export function fieldFromApi<T>(response: Value<object>, field: Field<T>): Value<T> {
  if (!response.known) return response;
  const path = field.api.split(".");
  const leaf = path.pop()!;
  let at: unknown = response.value;
  for (const member of path) {
    const next = isJsonObject(at) ? at[member] : undefined;
    if (next === undefined || next === null) {
      if (field.apiRequired) return unknown(`the API response has no ${field.api}`);
      const fallback = blockDefault(field);
      return fallback === undefined ? unknown(`the API response has no ${field.api}`) : known(fallback, "default");
    }
    at = next;
  }
  const raw = isJsonObject(at) ? at[leaf] : undefined;
  if (raw === undefined || raw === null) {
    return field.default === undefined || field.apiRequired
      ? unknown(`the API response has no ${field.api}`)
      : known(field.default, "default");
  }
  if (!hasKind(raw, field)) return unknown(`${field.api} has an unexpected value ${JSON.stringify(raw)}`);
  const problem = outOfRange(field, raw);
  return problem ? unknown(`${field.api} ${problem}`) : known(raw as T);
}

export function fieldsFromApi<Table extends FieldTable>(response: Value<object>, table: Table): FieldValues<Table> {
  return Object.fromEntries(
    Object.entries(table).map(([name, field]) => [name, fieldFromApi(response, field)]),
  ) as FieldValues<Table>;
}

function hasKind(raw: unknown, field: Field<unknown>): boolean {
  switch (field.kind) {
    case "string":
      return typeof raw === "string";
    case "number":
      return typeof raw === "number";
    case "boolean":
      return typeof raw === "boolean";
    case "strings":
      return Array.isArray(raw) && raw.every((item) => typeof item === "string");
  }
}

/**
 * The first member of `table` that the API always returns and `response` lacks, or undefined: a
 * response without one is a failed read (LiveReads.read's `required`), never a resource with defaults.
 */
export function missingRequired(response: object, table: FieldTable): string | undefined {
  for (const field of Object.values(table)) {
    if (!field.apiRequired) continue;
    let at: unknown = response;
    for (const member of field.api.split(".")) at = isJsonObject(at) ? at[member] : undefined;
    if (at === undefined || at === null) return field.api;
  }
  return undefined;
}
