// Values and terms: every model value is known (configured, or a documented provider/API default) or
// unknown with the reason; a string as configured keeps the references it embeds.

export type SourceKind = "synth" | "plan" | "hcl" | "live";

export interface Known<T> {
  readonly known: true;
  readonly value: T;
  /** "default" when the source left the value out and the provider/API default applies. */
  readonly origin: "configured" | "default";
}
export interface Unknown {
  readonly known: false;
  readonly reason: string;
}
export type Value<T> = Known<T> | Unknown;

export function known<T>(value: T, origin: "configured" | "default" = "configured"): Known<T> {
  return { known: true, value, origin };
}
export function unknown(reason: string): Unknown {
  return { known: false, reason };
}
export function mapValue<T, U>(value: Value<T>, fn: (v: T) => U): Value<U> {
  return value.known ? { known: true, value: fn(value.value), origin: value.origin } : value;
}

/** Where a model object came from. */
export interface Provenance {
  readonly source: SourceKind;
  /** The input file the object was read from (cdk.tf.json, plan JSON, .tf file). */
  readonly inputFile?: string;
  /** The line of the resource's block in inputFile, where the loader can tell. */
  readonly inputLine?: number;
  /** The cdktf stack (synth) the resource belongs to. */
  readonly stack?: string;
  /** Terraform address, e.g. aws_cognito_user_pool.Consumer_Pool_1A2B3C4D or module.m.aws_x.y[0]. */
  readonly address?: string;
  readonly arn?: string;
  readonly constructPath?: string;
  /** Source file and line that declared the resource: the TypeScript file for cdktf, the .tf file for HCL. */
  readonly file?: string;
  readonly line?: number;
  /** The column in file where the declaration starts, where the source tells (a stack frame does). */
  readonly column?: number;
  /** The AWS account a live resource was read from (or, for drift, the account a plan was declared for). */
  readonly account?: string;
  /** The Region a live resource was read in; "global" for IAM, which has none. */
  readonly region?: string;
  /**
   * The app's other stack frames around file:line, innermost first: the wrapper construct lines that
   * create the resource below it (role "wrapper"), and its callers above it (role "caller").
   */
  readonly callSites?: readonly SourcePosition[];
}

/** A place in the app's source: a stack frame outside node_modules. */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
  /** How the frame relates to the resource's file:line: a wrapper construct inside it, or a caller of it. */
  readonly role?: "wrapper" | "caller";
}

/** A reference from one configuration value to another object's attribute: aws_x.y.id, var.name, data.t.n.json. */
export interface Ref {
  readonly address: string;
  readonly attribute: string;
}

/** How a reference reads in terms and messages: aws_x.y.id, var.name. */
export function renderRef(ref: Ref): string {
  return ref.attribute ? `${ref.address}.${ref.attribute}` : ref.address;
}

/**
 * A string as configured that may embed references: a literal ("eu-west-1:1234"), one reference
 * (${aws_cognito_identity_pool.x.id}) or a template mixing both. IAM policy variables such as
 * ${cognito-identity.amazonaws.com:sub} are literal text, not references.
 */
export interface Term {
  /** The text with references rendered as ${address.attribute}. */
  readonly text: string;
  readonly refs: readonly Ref[];
  /** Set when the whole term is exactly one reference. */
  readonly exactRef?: Ref;
  /** Set when part of the term is an expression that cannot be evaluated statically (a function call, a conditional). */
  readonly opaque?: string;
}

export function literalTerm(text: string): Term {
  return { text, refs: [] };
}
export function isLiteral(term: Term): boolean {
  return term.refs.length === 0 && term.opaque === undefined;
}
