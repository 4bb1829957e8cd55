// The field tables drive both sides: for every field of every table, the Terraform reader and the
// live mapper must agree on a value left out (the same default, marked as a default), a value set,
// and a value the API does not accept (UNKNOWN on both, naming the attribute or member).

import { describe, expect, it } from "vitest";
import * as tables from "../../../checks/model/fields/index.js";
import type { Field, FieldTable } from "../../../checks/model/fields/index.js";
import { fieldFromApi } from "../../../checks/sources/live/fields.js";
import { Attributes, type TerraformResource } from "../../../checks/sources/terraform/attributes.js";
import { readField } from "../../../checks/sources/terraform/fields.js";
import { known } from "../../../checks/model/index.js";

const TABLES = Object.entries(tables as Record<string, unknown>).filter(
  (entry): entry is [string, FieldTable] => entry[0].endsWith("_FIELDS") && typeof entry[1] === "object",
);

/** `value` at a dotted path; Terraform JSON writes MaxItems=1 blocks as one-element lists, as cdktf does. */
function nest(path: string, value: unknown, asBlockList: boolean): Record<string, unknown> {
  const [head, ...rest] = path.split(".");
  if (rest.length === 0) return { [head!]: value };
  const inner = nest(rest.join("."), value, asBlockList);
  return { [head!]: asBlockList ? [inner] : inner };
}

function terraform(field: Field<unknown> & { terraform: string }, value: unknown | undefined): Attributes {
  const resource: TerraformResource = {
    mode: "managed",
    type: "aws_test",
    address: "aws_test.this",
    values: value === undefined ? {} : nest(field.terraform, value, true),
    attributeMode: "config",
    provenance: { source: "synth" },
  };
  return Attributes.of(resource);
}

function api(field: Field<unknown>, value: unknown | undefined) {
  return known(value === undefined ? {} : nest(field.api, value, false));
}

/** A value the field accepts, other than its default where it can be. */
function accepted(field: Field<unknown>): unknown {
  if (field.allowed) return field.kind === "strings" ? [field.allowed.at(-1)] : field.allowed.at(-1);
  if (field.range) return field.range.max;
  if (field.kind === "boolean") return field.default !== true;
  if (field.kind === "number") return 42;
  return field.kind === "strings" ? ["an-item"] : "a-value";
}

/** A value outside what the API accepts, or undefined when the field takes any value of its type. */
function rejected(field: Field<unknown>): unknown {
  if (field.allowed) return field.kind === "strings" ? ["NOT_AN_ACCEPTED_VALUE"] : "NOT_AN_ACCEPTED_VALUE";
  if (field.range) return field.range.max + 1;
  return undefined;
}

const inTerraform = (table: FieldTable) =>
  Object.entries(table).filter((entry): entry is [string, Field<unknown> & { terraform: string }] =>
    Boolean(entry[1].terraform),
  );

describe.each(TABLES)("%s", (_name, table) => {
  it.each(inTerraform(table))("%s: left out, both sides take the same default", (_field, field) => {
    const fromTerraform = readField(terraform(field, undefined), field);
    const fromApi = fieldFromApi(api(field, undefined), field);
    if (field.apiRequired) {
      // The API always returns the member: its absence is a failed read, while configuration takes the default.
      expect(fromTerraform).toMatchObject({ known: true, origin: "default" });
      expect(fromApi).toMatchObject({ known: false, reason: `the API response has no ${field.api}` });
    } else if (field.default !== undefined || field.withoutBlock !== undefined) {
      expect(fromTerraform).toMatchObject({ known: true, origin: "default" });
      expect(fromApi).toEqual(fromTerraform);
    } else {
      // No default: each side says in its own terms what is missing.
      expect(fromTerraform).toMatchObject({ known: false, reason: expect.stringContaining("is not set") });
      expect(fromApi).toMatchObject({ known: false, reason: expect.stringContaining(field.api) });
    }
  });

  it.each(inTerraform(table))("%s: set, both sides read the same value", (_field, field) => {
    const value = accepted(field);
    expect(readField(terraform(field, value), field)).toEqual(known(value));
    expect(fieldFromApi(api(field, value), field)).toEqual(known(value));
  });

  it.each(inTerraform(table))("%s: outside what the API accepts, UNKNOWN on both sides", (_field, field) => {
    const value = rejected(field);
    if (value === undefined) {
      // Nothing to reject: the field takes any value of its type. Say so, so the case is not silent.
      expect(field.allowed ?? field.range).toBeUndefined();
      return;
    }
    const fromTerraform = readField(terraform(field, value), field);
    const fromApi = fieldFromApi(api(field, value), field);
    expect(fromTerraform).toMatchObject({ known: false, reason: expect.stringContaining("aws_test.this.") });
    expect(fromApi).toMatchObject({ known: false, reason: expect.stringContaining(field.api) });
  });
});

describe("a field the provider has no attribute for", () => {
  const liveOnly = TABLES.flatMap(([, table]) => Object.values(table)).filter((field) => !field.terraform);

  it("exists (passkey factor configuration), so these cases are not vacuous", () => {
    expect(liveOnly.map((field) => field.api)).toContain("WebAuthnConfiguration.FactorConfiguration");
  });

  it.each(liveOnly.map((field) => [field.api, field] as const))(
    "%s: unknown from configuration, read from the API",
    (_api, field) => {
      const resource: TerraformResource = {
        mode: "managed",
        type: "aws_test",
        address: "aws_test.this",
        values: {},
        attributeMode: "config",
        provenance: { source: "synth" },
      };
      expect(readField(Attributes.of(resource), field)).toMatchObject({
        known: false,
        reason: expect.stringContaining("only a live scan can read it"),
      });
      const value = accepted(field);
      expect(fieldFromApi(api(field, value), field)).toEqual(known(value));
      expect(fieldFromApi(api(field, undefined), field)).toEqual(known(field.default, "default"));
    },
  );
});

describe("fields of a read that failed", () => {
  it("are unknown with the read's reason, never a default", () => {
    const failed = { known: false as const, reason: "AccessDenied on DescribeUserPool" };
    for (const field of Object.values(tables.USER_POOL_FIELDS as FieldTable))
      expect(fieldFromApi(failed, field)).toEqual(failed);
  });
});

describe("a block written as an expression", () => {
  it("makes every field inside it unknown, naming the block", () => {
    const resource: TerraformResource = {
      mode: "managed",
      type: "aws_cognito_user_pool",
      address: "aws_cognito_user_pool.p",
      values: { password_policy: "${var.policy}" },
      attributeMode: "config",
      provenance: { source: "synth" },
    };
    const value = readField(Attributes.of(resource), tables.PASSWORD_POLICY_FIELDS.minimumLength);
    expect(value).toEqual({
      known: false,
      reason: "aws_cognito_user_pool.p.password_policy is computed by an expression",
    });
  });
});
