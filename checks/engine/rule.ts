// The rule contract: metadata as data, and a pure check from the Estate and resolved options to
// findings. Rules never see raw source JSON and never write anything.

import type { AudienceInfo } from "./audience.js";
import type { Audience, Estate, ModelKind, ModelObject, SourceKind, Unknown, Value } from "../model/index.js";

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Higher is more severe. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

export const STATUSES = ["FAIL", "ERROR", "UNKNOWN", "WAIVED", "PASS", "NOT_APPLICABLE"] as const;
export type Status = (typeof STATUSES)[number];
/** What a rule may return: WAIVED is set by the engine from a waiver, ERROR when a rule throws. */
export type FindingStatus = Exclude<Status, "WAIVED" | "ERROR">;

export type RuleOptions = Record<string, unknown>;
/** The options type of a rule that takes none: it declares no options schema at all. */
export type NoOptions = Record<string, never>;

export interface RuleOptionsMeta<O extends RuleOptions = RuleOptions> {
  /** JSON Schema of the options object; packs and user policies are validated against it. */
  readonly schema: Record<string, unknown>;
  readonly defaults: O;
  /** Defaults that differ by the audience of the resource (consumer thresholds). */
  readonly audienceDefaults?: Partial<Record<Audience, Partial<O>>>;
}

/** Message ids every rule may use without declaring them. */
export type SharedMessageId = "unknown" | "notApplicable";

/**
 * How a rule's result bears on a PCI DSS requirement (RULES.md): a `meets` PASS is evidence the
 * requirement is met for the resource; a `supports` rule checks a contributing setting that cannot
 * prove the requirement, whose FAIL is a weakness and whose PASS never makes it In Place.
 */
export const RELATIONS = ["meets", "supports"] as const;
export type Relation = (typeof RELATIONS)[number];

export interface PciReference {
  /** PCI DSS v4.0.1 requirement id, e.g. "8.3.6". */
  readonly id: string;
  readonly relation: Relation;
  /**
   * The audiences whose pools the reference covers ("8.4.1 meets (workforce)"); elsewhere the
   * finding is a best-practice finding. Absent: every audience the requirement itself applies to.
   */
  readonly audiences?: readonly Audience[];
}

/** A published recommendation a rule cites: what a best-practice rule has instead of a requirement. */
export interface SourceReference {
  /** e.g. "AWS Security Hub Cognito.6", "RFC 9700 section 2.1.2". */
  readonly title: string;
  readonly url: string;
}

/**
 * A rule's mapping: PCI DSS references with their relation, and the sources it cites. A rule with
 * no PCI DSS reference is a best-practice rule and must cite a source.
 */
export type RuleMapping =
  | {
      readonly pci: readonly [PciReference, ...PciReference[]];
      readonly sources?: readonly SourceReference[];
    }
  | {
      readonly pci: readonly [];
      readonly sources: readonly [SourceReference, ...SourceReference[]];
    };

/** The requirement ids a rule cites, in the order it cites them. */
export function requirementIds(meta: Pick<RuleMeta, "pci">): string[] {
  return meta.pci.map((reference) => reference.id);
}

interface RuleMetaFields<O extends RuleOptions, M extends string> {
  /** Equal to the rule's file name; a contract with reports, waivers and users' CI configuration. */
  readonly id: string;
  /** States the secure state, e.g. "User pool passwords are at least 12 characters". */
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  readonly resourceKinds: readonly ModelKind[];
  /** NO_OPTIONS for a rule that takes none (see takesOptions). */
  readonly options: RuleOptionsMeta<O>;
  /** Message templates by id; {{name}} placeholders are filled from the finding's data. */
  readonly messages: Readonly<Record<M, string>>;
  readonly remediation: { readonly summary: string; readonly cdktf: string };
  /**
   * The sources that can judge the rule, where not every one can (RULES.md: a rule that only the live
   * account can judge). On any other source the engine does not run it and lists it once in notJudged.
   */
  readonly judgedBy?: { readonly sources: readonly SourceKind[]; readonly reason: string };
}

export type RuleMeta<O extends RuleOptions = RuleOptions, M extends string = string> = RuleMetaFields<O, M> &
  RuleMapping;

export interface Evidence {
  readonly attribute: string;
  readonly value: string;
  /** "default" when the value is the provider/API default rather than configured. */
  readonly origin?: "configured" | "default";
}

/** Values for a message's {{placeholders}}; {{resource}} is filled by the engine. */
export type MessageData = Readonly<Record<string, string | number | boolean>>;

interface FindingBase {
  readonly resource: ModelObject;
  readonly evidence?: readonly Evidence[];
  /**
   * The ids of the rule's PCI references this finding bears on, where it bears on fewer than all
   * (a PAN attribute fails 3.5.1, not 3.3.1). Absent: every reference the rule cites.
   */
  readonly requirements?: readonly string[];
}

/**
 * What a rule returns for one resource. The message id is one of the rule's own (M) or a shared
 * one, whose data is typed: a misspelt id or a shared message without its placeholders does not compile.
 */
export type Finding<M extends string = string> =
  | (FindingBase & { readonly status: FindingStatus; readonly messageId: M; readonly data?: MessageData })
  | (FindingBase & {
      readonly status: "UNKNOWN";
      readonly messageId: "unknown";
      readonly data: { readonly attribute: string; readonly reason: string };
    })
  | (FindingBase & {
      readonly status: "NOT_APPLICABLE";
      readonly messageId: "notApplicable";
      readonly data: { readonly reason: string };
    });

export interface RuleContext<O extends RuleOptions> {
  /** The options in force for this resource: pack options merged over the audience defaults. */
  options(resource: ModelObject): O;
  audience(resource: ModelObject): AudienceInfo;
  /** The evaluation's clock (fixed in tests), for rules that judge an age. */
  readonly now: Date;
}

export interface Rule<O extends RuleOptions = RuleOptions, M extends string = string> {
  readonly meta: RuleMeta<O, M>;
  check(estate: Estate, context: RuleContext<O>): Finding<M>[];
}

/** The options of a rule that takes none: no property is accepted. */
export const NO_OPTIONS: RuleOptionsMeta<NoOptions> = Object.freeze({
  schema: Object.freeze({ type: "object", additionalProperties: false, maxProperties: 0 }),
  defaults: Object.freeze({}) as NoOptions,
});

export function takesOptions(meta: Pick<RuleMeta, "options">): boolean {
  return meta.options !== NO_OPTIONS;
}

/** A rule as written: a rule without options (O = NoOptions) declares none, one with options must. */
export type RuleDefinition<O extends RuleOptions, M extends string> = {
  readonly meta: Omit<RuleMetaFields<O, M>, "options"> &
    RuleMapping &
    ([O] extends [NoOptions] ? { readonly options?: never } : { readonly options: RuleOptionsMeta<O> });
  check(estate: Estate, context: RuleContext<O>): Finding<M>[];
};

/**
 * Declares a rule, as typescript-eslint's RuleCreator does: O is the options type, M the union of
 * the rule's message ids. `messages` must define exactly M, and findings may use only M or a shared id.
 */
export function defineRule<O extends RuleOptions = NoOptions, M extends string = never>(
  rule: RuleDefinition<O, M>,
): Rule<O, M> {
  const options = (rule.meta.options ?? NO_OPTIONS) as RuleOptionsMeta<O>;
  return { ...rule, meta: { ...rule.meta, options } };
}

/** Templates of the shared message ids. */
export const SHARED_MESSAGES: Readonly<Record<SharedMessageId, string>> = {
  unknown: "{{resource}}: {{attribute}} cannot be determined: {{reason}}",
  notApplicable: "{{resource}}: not applicable: {{reason}}",
};

/** A finding for a value the rule needs but the source could not give. */
export function unknownFinding(resource: ModelObject, attribute: string, value: Unknown): Finding<never> {
  return { resource, status: "UNKNOWN", messageId: "unknown", data: { attribute, reason: value.reason } };
}

/** Renders a value for messages and evidence. */
export function show(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

export function evidenceOf<T>(attribute: string, value: Value<T>, render: (v: T) => string = show): Evidence {
  return value.known
    ? { attribute, value: render(value.value), origin: value.origin }
    : { attribute, value: `unknown (${value.reason})` };
}
