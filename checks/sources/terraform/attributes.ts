// Typed reads of one Terraform resource's attributes, shared by every configuration source.
// In configuration (synth, HCL) strings are templates: "${var.x}" is an unknown value, not text.
// In planned values strings are plain, and unknown leaves are listed in after_unknown instead; a
// plan's configuration expressions then give back what the unknown or sensitive value was written
// as (a reference, a template), and a value left out of the configuration takes the default.

import { hasInterpolation, parseReference, rebaseTerm, templateTerm } from "./expressions.js";
import {
  known,
  literalTerm,
  renderRef,
  unknown,
  type Provenance,
  type Ref,
  type Term,
  type Value,
} from "../../model/index.js";

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
  /** after_sensitive / sensitive_values of a plan: true where the value must never be shown. */
  readonly sensitiveValues?: unknown;
  /** Module instance address plus "." for resources inside a module: references in its configuration are relative to it. */
  readonly referencePrefix?: string;
  /** Plan only: module outputs (module.m["k"].out) by what each stands for, so a reference to one links to the resource. */
  readonly moduleOutputs?: ModuleOutputs;
  readonly provenance: Provenance;
}

/** Module output references, rendered (module.m["k"].out), to the resource attribute each output is. */
export type ModuleOutputs = ReadonlyMap<string, Ref>;

/** A value as the source holds it, with how to read its strings; or why it cannot be read. */
export type AttributeSource =
  | {
      readonly raw: unknown;
      readonly mode: AttributeMode;
      /** Plan only: parts of the value were expressions shown by their references alone (HCL), each taken as that one reference. */
      readonly presumed?: readonly string[];
    }
  | { readonly reason: string };

export class Attributes {
  constructor(
    private readonly values: Record<string, unknown>,
    private readonly mode: AttributeMode,
    /** Human path for reasons, e.g. aws_cognito_user_pool.pool.password_policy. */
    private readonly path: string,
    private readonly unknownShape?: unknown,
    /** Plan only: the configuration expressions at this level; a plan loader always gives them. */
    private readonly expressions?: Record<string, unknown>,
    private readonly sensitiveShape?: unknown,
    private readonly referencePrefix?: string,
    private readonly moduleOutputs?: ModuleOutputs,
  ) {}

  static of(resource: TerraformResource): Attributes {
    return new Attributes(
      resource.values,
      resource.attributeMode,
      resource.address,
      resource.unknownAfterApply,
      resource.expressions,
      resource.sensitiveValues,
      resource.referencePrefix,
      resource.moduleOutputs,
    );
  }

  has(key: string): boolean {
    const source = this.source(key);
    return "reason" in source || (source.raw !== undefined && source.raw !== null);
  }

  raw(key: string): unknown {
    const source = this.source(key);
    return "reason" in source ? undefined : source.raw;
  }

  /**
   * Where the value of `key` is read from. In a plan, a value unknown after apply or sensitive is
   * read from its configuration expression instead (so a reference stays a reference and a secret
   * is never taken from the plan); one the configuration left out is not set, so the provider's or
   * API's default applies, as it does for the configuration sources.
   */
  source(key: string): AttributeSource {
    const unknownShape = shapeAt(this.unknownShape, key);
    const unknownHere = containsTrue(unknownShape);
    const sensitiveHere = this.mode === "values" && containsTrue(shapeAt(this.sensitiveShape, key));
    if (!unknownHere && !sensitiveHere) return { raw: this.values[key], mode: this.mode };
    const expression = this.expressions?.[key];
    if (this.mode === "values" && expression !== undefined) {
      const presumed: string[] = [];
      const raw = expressionValue(expression, presumed);
      return presumed.length > 0 ? { raw, mode: "config", presumed } : { raw, mode: "config" };
    }
    if (this.expressions && unknownShape === true) return { raw: undefined, mode: this.mode };
    if (sensitiveHere) return { reason: `${this.describe(key)} is sensitive` };
    if (unknownShape === true) return { reason: `${this.describe(key)} is known only after apply` };
    return { raw: this.values[key], mode: this.mode };
  }

  string(key: string, fallback?: string): Value<string> {
    return this.scalar(key, fallback, (raw) =>
      typeof raw === "string" ? raw : typeof raw === "number" || typeof raw === "boolean" ? String(raw) : undefined,
    );
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
    return known(
      terms.value.map((term) => term.text),
      terms.origin,
    );
  }

  /** A list or set of strings kept as terms, so references inside them stay visible. */
  terms(key: string, fallback?: readonly string[]): Value<readonly Term[]> {
    const source = this.source(key);
    if ("reason" in source) return unknown(source.reason);
    const { raw, mode } = source;
    if (raw === undefined || raw === null) {
      return fallback === undefined
        ? unknown(`${this.describe(key)} is not set`)
        : known(fallback.map(literalTerm), "default");
    }
    if (typeof raw === "string") {
      // A plan shows [aws_x.y.arn, ...] by its references alone: each is one element.
      const elements = "presumed" in source ? this.presumedReferences(key) : undefined;
      if (elements) return known(elements);
      if (mode === "config" && hasInterpolation(raw))
        return unknown(`${this.describe(key)} is set from ${describeExpression(raw)}`);
      return unknown(`${this.describe(key)} is a string, expected a list`);
    }
    if (!Array.isArray(raw)) return unknown(`${this.describe(key)} is not a list`);
    return known(raw.map((item) => this.toTerm(item, mode)));
  }

  /** A string kept as a term (for references such as user_pool_id = "${aws_cognito_user_pool.p.id}"). */
  term(key: string): Term | null {
    const source = this.source(key);
    if ("reason" in source || source.raw === undefined || source.raw === null) return null;
    return this.toTerm(source.raw, source.mode);
  }

  map(key: string, fallback?: Readonly<Record<string, string>>): Value<Readonly<Record<string, string>>> {
    const source = this.source(key);
    if ("reason" in source) return unknown(source.reason);
    const { raw, mode } = source;
    if (raw === undefined || raw === null)
      return fallback === undefined ? unknown(`${this.describe(key)} is not set`) : known(fallback, "default");
    if (typeof raw !== "object" || Array.isArray(raw))
      return unknown(`${this.describe(key)} is set from ${describeExpression(String(raw))}`);
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean")
        return unknown(`${this.describe(key)}.${k} is not a string`);
      const text = String(v);
      if (mode === "config" && hasInterpolation(text))
        return unknown(`${this.describe(key)}.${k} is set from ${describeExpression(text)}`);
      out[k] = text;
    }
    return known(out);
  }

  /** A map whose values are kept as terms (provider_details, where secrets may be literals or references). */
  termMap(key: string): Value<Readonly<Record<string, Term>>> {
    const source = this.source(key);
    if ("reason" in source) return unknown(source.reason);
    const { raw, mode } = source;
    if (raw === undefined || raw === null) return known({}, "default");
    if (typeof raw !== "object" || Array.isArray(raw))
      return unknown(`${this.describe(key)} is set from ${describeExpression(String(raw))}`);
    const out: Record<string, Term> = {};
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) out[k] = this.toTerm(v, mode);
    return known(out);
  }

  /** The first nested block of a MaxItems=1 block type (object or one-element array in JSON). */
  block(key: string): Attributes | undefined {
    return this.blocks(key)[0];
  }

  blocks(key: string): Attributes[] {
    let raw = this.values[key];
    let mode = this.mode;
    // A block unknown as a whole in a plan is read from its configuration, or is absent when not configured.
    if (mode === "values" && (raw === undefined || raw === null) && shapeAt(this.unknownShape, key) === true) {
      const source = this.source(key);
      if ("reason" in source) return [];
      ({ raw, mode } = source);
    }
    if (raw === undefined || raw === null) return [];
    const items = (Array.isArray(raw) ? raw : [raw]).filter(isRecord);
    const inPlan = mode === "values";
    const unknownItems = inPlan ? shapeAt(this.unknownShape, key) : undefined;
    const sensitiveItems = inPlan ? shapeAt(this.sensitiveShape, key) : undefined;
    const expressionItems = inPlan && this.expressions ? matchBlockExpressions(items, this.expressions[key]) : [];
    const at = (shape: unknown, index: number) => (Array.isArray(shape) ? shape[index] : shape);
    return items.map(
      (item, index) =>
        new Attributes(
          item,
          mode,
          `${this.path}.${key}`,
          at(unknownItems, index),
          expressionItems[index],
          at(sensitiveItems, index),
          this.referencePrefix,
          this.moduleOutputs,
        ),
    );
  }

  /** True when a block was written as a raw expression ("${...}") instead of a block. */
  isDynamic(key: string): boolean {
    const source = this.source(key);
    if ("reason" in source) return true;
    return typeof source.raw === "string" && source.mode === "config" && hasInterpolation(source.raw);
  }

  describe(key: string): string {
    return `${this.path}.${key}`;
  }

  private scalar<T>(key: string, fallback: T | undefined, coerce: (raw: unknown) => T | undefined): Value<T> {
    const source = this.source(key);
    if ("reason" in source) return unknown(source.reason);
    const { raw, mode } = source;
    if (raw === undefined || raw === null) {
      return fallback === undefined
        ? unknown(`${this.describe(key)} is not set and has no default`)
        : known(fallback, "default");
    }
    if (typeof raw === "string" && mode === "config" && hasInterpolation(raw)) {
      return unknown(
        `${this.describe(key)} is set from ${describeExpression(raw)}, which is known only at plan or apply`,
      );
    }
    const value = coerce(raw);
    return value === undefined
      ? unknown(`${this.describe(key)} has an unexpected value ${JSON.stringify(raw)}`)
      : known(value);
  }

  private toTerm(raw: unknown, mode: AttributeMode): Term {
    const text = typeof raw === "string" ? raw : JSON.stringify(raw);
    return mode === "config"
      ? rebaseTerm(templateTerm(text), this.referencePrefix, this.moduleOutputs)
      : literalTerm(text);
  }

  /**
   * Plan only: the references a value unknown until apply was written with, when the plan shows its
   * expression by its references alone (HCL), each as a term: [aws_x.y.arn, aws_x.z.arn] gives both.
   * Undefined when the value is known, or when a reference names a whole value (var.v, local.l,
   * aws_x.y) rather than a resource attribute, which may stand for any number of elements.
   */
  presumedReferences(key: string): readonly Term[] | undefined {
    if (this.mode !== "values" || !containsTrue(shapeAt(this.unknownShape, key))) return undefined;
    const expression = this.expressions?.[key];
    const elements = isRecord(expression) ? referenceElements(expression) : undefined;
    return elements?.map((element) => this.toTerm(element, "config"));
  }

  /**
   * Plan only: the entries of a map known before apply, and the keys of those known only after
   * (undefined when the whole map is unknown, keys included).
   */
  partialMap(key: string): {
    readonly entries: Readonly<Record<string, string>>;
    readonly unknownKeys?: readonly string[];
  } {
    const shape = shapeAt(this.unknownShape, key);
    const values = this.values[key];
    if (shape === true || !isRecord(shape)) return { entries: {} };
    const entries: Record<string, string> = {};
    for (const [k, v] of Object.entries(isRecord(values) ? values : {}))
      if (shape[k] !== true && typeof v === "string") entries[k] = v;
    return { entries, unknownKeys: Object.keys(shape).filter((k) => shape[k] === true) };
  }
}

function describeExpression(raw: string): string {
  const term = templateTerm(raw);
  if (term.refs.length > 0) return term.refs.map(renderRef).join(", ");
  return term.opaque ?? raw;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function shapeAt(shape: unknown, key: string): unknown {
  return isRecord(shape) ? shape[key] : undefined;
}

function containsTrue(shape: unknown): boolean {
  if (shape === true) return true;
  if (Array.isArray(shape)) return shape.some(containsTrue);
  return isRecord(shape) && Object.values(shape).some(containsTrue);
}

/**
 * A plan configuration expression as the configuration value it was written as: the constant value
 * (for cdktf JSON, the "${...}" template text itself), nested blocks rebuilt, and an expression
 * known only by its references (HCL) as a template naming them.
 */
export function expressionValue(
  expression: unknown,
  presumed: string[] = [],
  /** Keys of list attributes whose references-only expressions are read element by element. */
  lists?: ReadonlySet<string>,
): unknown {
  if (Array.isArray(expression)) return expression.map((item) => expressionValue(item, presumed, lists));
  if (!isRecord(expression)) return undefined;
  if ("constant_value" in expression) return expression.constant_value;
  const outermost = outermostReferences(expression);
  if (outermost.length > 0) {
    presumed.push(outermost.join(", "));
    return outermost.length === 1 ? `\${${outermost[0]}}` : `\${an expression of ${outermost.join(", ")}}`;
  }
  if (Object.keys(expression).length === 0) return "${(an expression without references)}";
  return Object.fromEntries(
    Object.entries(expression).map(([key, value]) => {
      const elements = lists?.has(key) && isRecord(value) ? referenceElements(value) : undefined;
      return [key, elements ?? expressionValue(value, presumed, lists)];
    }),
  );
}

/**
 * A list expression the plan shows by its references alone, as one "${ref}" element per reference
 * ([aws_x.y.arn, aws_x.z.arn]); undefined when a reference names a whole value (var.v, local.l,
 * aws_x.y), which may stand for any number of elements.
 */
export function referenceElements(expression: Record<string, unknown>): string[] | undefined {
  if ("constant_value" in expression) return undefined;
  const outermost = outermostReferences(expression);
  if (outermost.length === 0) return undefined;
  const elements = outermost.map((ref) => parseReference(ref));
  const whole = elements.some((ref) => !ref || ref.attribute === "" || /^(var|local)\./.test(ref.address));
  return whole ? undefined : outermost.map((ref) => `\${${ref}}`);
}

/** A plan expression's references, without those that only lead to another (aws_x.y of aws_x.y.id). */
function outermostReferences(expression: Record<string, unknown>): string[] {
  const references = Array.isArray(expression.references)
    ? expression.references.filter((r): r is string => typeof r === "string")
    : [];
  // Terraform lists each reference and then the object it traverses (aws_x.y.id, aws_x.y): keep the longest.
  return references.filter(
    (ref) => !references.some((other) => other !== ref && (other.startsWith(`${ref}.`) || other.startsWith(`${ref}[`))),
  );
}

/** Pairs the blocks of a plan value with their configuration blocks; sets reorder them, so match on constants. */
function matchBlockExpressions(
  items: readonly Record<string, unknown>[],
  expressions: unknown,
): (Record<string, unknown> | undefined)[] {
  const candidates = (Array.isArray(expressions) ? expressions : [expressions]).filter(isRecord);
  if (candidates.length === 1 && items.length === 1) return candidates;
  const used = new Set<number>();
  return items.map((item) => {
    const index = candidates.findIndex((candidate, i) => !used.has(i) && consistent(item, candidate));
    if (index < 0) return undefined;
    used.add(index);
    return candidates[index];
  });
}

function consistent(item: Record<string, unknown>, expressions: Record<string, unknown>): boolean {
  return Object.entries(expressions).every(([key, expression]) => {
    if (!isRecord(expression) || !("constant_value" in expression)) return true;
    const constant = expression.constant_value;
    const value = item[key];
    if (value === undefined || value === null || typeof constant === "object" || typeof value === "object") return true;
    return String(constant) === String(value);
  });
}
