// A field of a model object as data: where the Terraform configuration and the Cognito API keep it,
// its default, the values it may take and its evidence label. The Terraform readers and the live
// mappers both read fields through these tables (sources/terraform/fields.ts, sources/live/fields.ts),
// so a field is added in one place and every source applies the same default and the same check.

import type { Value } from "../values.js";

export type FieldKind = "string" | "number" | "boolean" | "strings";

export interface Field<T> {
  readonly kind: FieldKind;
  /**
   * Attribute path in the Terraform resource, through MaxItems=1 blocks: "password_policy.minimum_length".
   * None: the provider has no attribute for the setting, and only a live scan can read it.
   */
  readonly terraform?: string;
  /** Member path in the API response: "Policies.PasswordPolicy.MinimumLength". */
  readonly api: string;
  /** How evidence names the field; the Terraform attribute path users write. */
  readonly label: string;
  /** The provider's and the API's default when the field is left out; none: a left-out field is unknown. */
  readonly default?: T;
  /** The default when the enclosing block is left out altogether (Cognito's default password policy). */
  readonly withoutBlock?: T;
  /** The values the API accepts (every element, for a list); anything else is unknown with the reason. */
  readonly allowed?: readonly string[];
  readonly range?: { readonly min: number; readonly max: number };
  /**
   * The API always returns the member: a response without it is a failed read, never the default
   * (the default still applies to a Terraform configuration that leaves the field out).
   */
  readonly apiRequired?: boolean;
  /**
   * The provider computes the attribute: left out, a pool being created gets the default, while an
   * existing pool keeps what it has (a plan that updates it shows that). Evidence says so.
   */
  readonly defaultOnCreate?: boolean;
}

/** How evidence and messages name a defaulted value of the field. */
export function defaultLabel(field: Pick<Field<unknown>, "defaultOnCreate">): string {
  return field.defaultOnCreate ? "default on create" : "default";
}

type Spec<T> = Omit<Field<T>, "kind" | "allowed">;

/** A field's value as the model holds it. */
export type FieldValue<F> = F extends Field<infer T> ? Value<T> : never;
export type FieldTable = Readonly<Record<string, Field<unknown>>>;
/** The model values of a whole table: what a kind's interface extends. */
export type FieldValues<Table extends FieldTable> = { readonly [K in keyof Table]: FieldValue<Table[K]> };

export function text(spec: Spec<string>): Field<string> {
  return { kind: "string", ...spec };
}

export function oneOf<const E extends string>(allowed: readonly E[], spec: Spec<E>): Field<E> {
  return { kind: "string", allowed, ...spec };
}

/** An enumerated setting whose absence is meaningful (null: not set, no default value). */
export function oneOfOrNull<const E extends string>(allowed: readonly E[], spec: Spec<E | null>): Field<E | null> {
  return { kind: "string", allowed, ...spec };
}

/** A string whose absence is meaningful (null: not set, and the API applies its own choice). */
export function textOrNull(spec: Spec<string | null>): Field<string | null> {
  return { kind: "string", ...spec };
}

export function integer(spec: Spec<number> & { readonly range?: Field<number>["range"] }): Field<number> {
  return { kind: "number", ...spec };
}

export function flag(spec: Spec<boolean>): Field<boolean> {
  return { kind: "boolean", ...spec };
}

export function list(spec: Spec<readonly string[]>, allowed?: readonly string[]): Field<readonly string[]> {
  return { kind: "strings", ...spec, ...(allowed ? { allowed } : {}) };
}

/** A list whose absence is meaningful (null: not set, and the API then applies no restriction). */
export function listOrNull(spec: Spec<readonly string[] | null>): Field<readonly string[] | null> {
  return { kind: "strings", ...spec };
}

/** The default of a field whose enclosing block is left out: its own, or the field's; undefined when it has none. */
export function blockDefault<T>(field: Field<T>): T | undefined {
  return field.withoutBlock !== undefined ? field.withoutBlock : field.default;
}

/** Why a value read from a source is not one the field can take, or undefined when it is. */
export function outOfRange(field: Field<unknown>, value: unknown): string | undefined {
  const items = Array.isArray(value) ? (value as unknown[]) : [value];
  if (field.allowed) {
    const bad = items.find((item) => item !== null && !field.allowed!.includes(item as string));
    if (bad !== undefined)
      return `has an unexpected value ${JSON.stringify(bad)} (expected ${field.allowed.map((v) => JSON.stringify(v)).join(", ")})`;
  }
  if (field.range && typeof value === "number" && (value < field.range.min || value > field.range.max)) {
    return `has the value ${value}, outside the range ${field.range.min} to ${field.range.max} the API accepts`;
  }
  return undefined;
}
