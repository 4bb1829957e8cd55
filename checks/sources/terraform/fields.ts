// Reads model fields from a Terraform resource through the field tables (model/fields): the path
// through MaxItems=1 blocks, the default, the allowed values. The live mappers read the same tables.

import { blockDefault, outOfRange, type Field, type FieldTable, type FieldValues } from "../../model/fields/index.js";
import { known, unknown, type Value } from "../../model/index.js";
import type { Attributes } from "./attributes.js";

/** A field's Terraform path split once: the MaxItems=1 blocks to walk and the attribute at the end. */
const PATHS = new WeakMap<Field<unknown>, { readonly blocks: readonly string[]; readonly leaf: string }>();

function pathOf(field: Field<unknown> & { readonly terraform: string }): {
  readonly blocks: readonly string[];
  readonly leaf: string;
} {
  let path = PATHS.get(field);
  if (!path) {
    const blocks = field.terraform.split(".");
    const leaf = blocks.pop()!;
    path = { blocks, leaf };
    PATHS.set(field, path);
  }
  return path;
}

export function readField<T>(attrs: Attributes, field: Field<T>): Value<T> {
  if (field.terraform === undefined)
    return unknown(`${field.label} has no Terraform attribute; only a live scan can read it`);
  const { blocks, leaf } = pathOf(field as Field<unknown> & { readonly terraform: string });
  let at = attrs;
  for (const block of blocks) {
    if (at.isDynamic(block)) return unknown(`${at.describe(block)} is computed by an expression`);
    const next = at.block(block);
    if (!next) {
      const fallback = blockDefault(field);
      return fallback === undefined ? unknown(`${at.describe(block)} is not set`) : known(fallback, "default");
    }
    at = next;
  }
  const value = readLeaf(at, leaf, field);
  if (!value.known) return value;
  const problem = outOfRange(field, value.value);
  return problem ? unknown(`${at.describe(leaf)} ${problem}`) : value;
}

function readLeaf<T>(at: Attributes, key: string, field: Field<T>): Value<T> {
  if (field.default === null && !at.has(key)) return known(field.default, "default");
  const fallback = field.default === null ? undefined : field.default;
  switch (field.kind) {
    case "string":
      return at.string(key, fallback as string | undefined) as Value<T>;
    case "number":
      return at.number(key, fallback as number | undefined) as Value<T>;
    case "boolean":
      return at.bool(key, fallback as boolean | undefined) as Value<T>;
    case "strings":
      return at.strings(key, fallback as readonly string[] | undefined) as Value<T>;
  }
}

const ENTRIES = new WeakMap<FieldTable, readonly (readonly [string, Field<unknown>])[]>();

export function readFields<Table extends FieldTable>(attrs: Attributes, table: Table): FieldValues<Table> {
  let entries = ENTRIES.get(table);
  if (!entries) {
    entries = Object.entries(table) as [string, Field<unknown>][];
    ENTRIES.set(table, entries);
  }
  const values: Record<string, Value<unknown>> = {};
  for (const [name, field] of entries) values[name] = readField(attrs, field);
  return values as FieldValues<Table>;
}
