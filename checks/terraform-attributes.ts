// Typed reads of one Terraform resource's attributes, shared by every configuration source.
// In configuration (synth, HCL) strings are templates: "${var.x}" is an unknown value, not text.
// In planned values strings are plain, and unknown leaves are listed in after_unknown instead.

import { hasInterpolation, renderRef, templateTerm } from "./hcl-expression.js";
import { known, literalTerm, unknown, type Provenance, type Term, type Value } from "./model.js";

export type AttributeMode = "config" | "values";

/** One resource or data source read from a Terraform configuration, plan or state. */
export interface TerraformResource {
  readonly mode: "managed" | "data";
  readonly type: string;
  /** Address without module prefix' stack: aws_x.y, data.aws_x.y, module.m.aws_x.y["k"]. */
  readonly address: string;
  readonly values: Record<string, unknown>;
  readonly attributeMode: AttributeMode;
  /** after_unknown of a plan: the same shape as values, true where the value is known only after apply. */
  readonly unknownAfterApply?: unknown;
  /** Configuration expressions of a plan, for references unknown values came from. */
  readonly expressions?: Record<string, unknown>;
  readonly provenance: Provenance;
}

export class Attributes {
  constructor(
    private readonly values: Record<string, unknown>,
    private readonly mode: AttributeMode,
    /** Human path for reasons, e.g. aws_cognito_user_pool.pool.password_policy. */
    private readonly path: string,
    private readonly unknownShape?: unknown,
  ) {}

  static of(resource: TerraformResource): Attributes {
    return new Attributes(resource.values, resource.attributeMode, resource.address, resource.unknownAfterApply);
  }

  has(key: string): boolean {
    const value = this.values[key];
    return (value !== undefined && value !== null) || this.isUnknownAfterApply(key);
  }

  raw(key: string): unknown {
    return this.values[key];
  }

  string(key: string, fallback?: string): Value<string> {
    return this.scalar(key, fallback, (raw) => (typeof raw === "string" ? raw : typeof raw === "number" || typeof raw === "boolean" ? String(raw) : undefined));
  }

  number(key: string, fallback?: number): Value<number> {
    return this.scalar(key, fallback, (raw) => {
      if (typeof raw === "number") return raw;
      if (typeof raw === "string" && /^-?\d+(\.\d+)?$/.test(raw.trim())) return Number(raw);
      return undefined;
    });
  }

  bool(key: string, fallback?: boolean): Value<boolean> {
    return this.scalar(key, fallback, (raw) => {
      if (typeof raw === "boolean") return raw;
      if (raw === "true" || raw === "false") return raw === "true";
      return undefined;
    });
  }

  /** A list or set of strings; a list holding an unknown element is unknown as a whole. */
  strings(key: string, fallback?: readonly string[]): Value<readonly string[]> {
    const terms = this.terms(key, fallback);
    if (!terms.known) return terms;
    const opaque = terms.value.find((term) => term.refs.length > 0 || term.opaque !== undefined);
    if (opaque) return unknown(`${this.describe(key)} holds ${opaque.text}, which is known only at plan or apply`);
    return known(terms.value.map((term) => term.text), terms.origin);
  }

  /** A list or set of strings kept as terms, so references inside them stay visible. */
  terms(key: string, fallback?: readonly string[]): Value<readonly Term[]> {
    if (this.isUnknownAfterApply(key)) return unknown(`${this.describe(key)} is known only after apply`);
    const raw = this.values[key];
    if (raw === undefined || raw === null) {
      return fallback === undefined ? unknown(`${this.describe(key)} is not set`) : known(fallback.map(literalTerm), "default");
    }
    if (typeof raw === "string") {
      if (this.mode === "config" && hasInterpolation(raw)) return unknown(`${this.describe(key)} is set from ${describeExpression(raw)}`);
      return unknown(`${this.describe(key)} is a string, expected a list`);
    }
    if (!Array.isArray(raw)) return unknown(`${this.describe(key)} is not a list`);
    return known(raw.map((item) => this.toTerm(item)));
  }

  /** A string kept as a term (for references such as user_pool_id = "${aws_cognito_user_pool.p.id}"). */
  term(key: string): Term | null {
    const raw = this.values[key];
    if (raw === undefined || raw === null) return null;
    return this.toTerm(raw);
  }

  map(key: string, fallback?: Readonly<Record<string, string>>): Value<Readonly<Record<string, string>>> {
    if (this.isUnknownAfterApply(key)) return unknown(`${this.describe(key)} is known only after apply`);
    const raw = this.values[key];
    if (raw === undefined || raw === null) return fallback === undefined ? unknown(`${this.describe(key)} is not set`) : known(fallback, "default");
    if (typeof raw !== "object" || Array.isArray(raw)) return unknown(`${this.describe(key)} is set from ${describeExpression(String(raw))}`);
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") return unknown(`${this.describe(key)}.${k} is not a string`);
      const text = String(v);
      if (this.mode === "config" && hasInterpolation(text)) return unknown(`${this.describe(key)}.${k} is set from ${describeExpression(text)}`);
      out[k] = text;
    }
    return known(out);
  }

  /** A map whose values are kept as terms (provider_details, where secrets may be literals or references). */
  termMap(key: string): Value<Readonly<Record<string, Term>>> {
    if (this.isUnknownAfterApply(key)) return unknown(`${this.describe(key)} is known only after apply`);
    const raw = this.values[key];
    if (raw === undefined || raw === null) return known({}, "default");
    if (typeof raw !== "object" || Array.isArray(raw)) return unknown(`${this.describe(key)} is set from ${describeExpression(String(raw))}`);
    const out: Record<string, Term> = {};
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) out[k] = this.toTerm(v);
    return known(out);
  }

  /** The first nested block of a MaxItems=1 block type (object or one-element array in JSON). */
  block(key: string): Attributes | undefined {
    return this.blocks(key)[0];
  }

  blocks(key: string): Attributes[] {
    const raw = this.values[key];
    if (raw === undefined || raw === null) return [];
    const items = Array.isArray(raw) ? raw : [raw];
    const unknownItems = this.unknownShape && typeof this.unknownShape === "object" ? (this.unknownShape as Record<string, unknown>)[key] : undefined;
    return items
      .map((item, index) => ({ item, index }))
      .filter((entry): entry is { item: Record<string, unknown>; index: number } => typeof entry.item === "object" && entry.item !== null && !Array.isArray(entry.item))
      .map(({ item, index }) => {
        const shape = Array.isArray(unknownItems) ? unknownItems[index] : unknownItems;
        return new Attributes(item, this.mode, `${this.path}.${key}`, shape);
      });
  }

  /** True when a block was written as a raw expression ("${...}") instead of a block. */
  isDynamic(key: string): boolean {
    const raw = this.values[key];
    return this.isUnknownAfterApply(key) || (typeof raw === "string" && this.mode === "config" && hasInterpolation(raw));
  }

  describe(key: string): string {
    return `${this.path}.${key}`;
  }

  private scalar<T>(key: string, fallback: T | undefined, coerce: (raw: unknown) => T | undefined): Value<T> {
    if (this.isUnknownAfterApply(key)) return unknown(`${this.describe(key)} is known only after apply`);
    const raw = this.values[key];
    if (raw === undefined || raw === null) {
      return fallback === undefined ? unknown(`${this.describe(key)} is not set and has no default`) : known(fallback, "default");
    }
    if (typeof raw === "string" && this.mode === "config" && hasInterpolation(raw)) {
      return unknown(`${this.describe(key)} is set from ${describeExpression(raw)}, which is known only at plan or apply`);
    }
    const value = coerce(raw);
    return value === undefined ? unknown(`${this.describe(key)} has an unexpected value ${JSON.stringify(raw)}`) : known(value);
  }

  private toTerm(raw: unknown): Term {
    const text = typeof raw === "string" ? raw : JSON.stringify(raw);
    return this.mode === "config" ? templateTerm(text) : literalTerm(text);
  }

  private isUnknownAfterApply(key: string): boolean {
    if (!this.unknownShape || typeof this.unknownShape !== "object") return false;
    return (this.unknownShape as Record<string, unknown>)[key] === true;
  }
}

function describeExpression(raw: string): string {
  const term = templateTerm(raw);
  if (term.refs.length > 0) return term.refs.map(renderRef).join(", ");
  return term.opaque ?? raw;
}
