// The rule contract: metadata as data, and a pure check from the Estate and resolved options to
// findings. Rules never see raw source JSON and never write anything.

import type { AudienceInfo } from "./audience.js";
import type { Audience, Estate, ModelKind, ModelObject, Unknown, Value } from "../model/index.js";

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

export interface RuleMeta<O extends RuleOptions = RuleOptions> {
  /** Equal to the rule's file name; a contract with reports, waivers and users' CI configuration. */
  readonly id: string;
  /** States the secure state, e.g. "User pool passwords are at least 12 characters". */
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  /** PCI DSS v4.0.1 requirement ids. */
  readonly requirements: readonly string[];
  readonly resourceKinds: readonly ModelKind[];
  readonly options: {
    /** JSON Schema of the options object; packs and user policies are validated against it. */
    readonly schema: Record<string, unknown>;
    readonly defaults: O;
    /** Defaults that differ by the audience of the resource (consumer thresholds). */
    readonly audienceDefaults?: Partial<Record<Audience, Partial<O>>>;
  };
  /** Message templates by id; {{name}} placeholders are filled from the finding's data. */
  readonly messages: Readonly<Record<string, string>>;
  readonly remediation: { readonly summary: string; readonly cdktf: string };
}

export interface Evidence {
  readonly attribute: string;
  readonly value: string;
  /** "default" when the value is the provider/API default rather than configured. */
  readonly origin?: "configured" | "default";
}

export interface Finding {
  readonly resource: ModelObject;
  readonly status: FindingStatus;
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number | boolean>>;
  readonly evidence?: readonly Evidence[];
}

export interface RuleContext<O extends RuleOptions> {
  /** The options in force for this resource: pack options merged over the audience defaults. */
  options(resource: ModelObject): O;
  audience(resource: ModelObject): AudienceInfo;
}

export interface Rule<O extends RuleOptions = RuleOptions> {
  readonly meta: RuleMeta<O>;
  check(estate: Estate, context: RuleContext<O>): Finding[];
}

export function defineRule<O extends RuleOptions>(rule: Rule<O>): Rule<O> {
  return rule;
}

/** Message ids every rule may use without declaring them. */
export const SHARED_MESSAGES: Readonly<Record<string, string>> = {
  unknown: "{{resource}}: {{attribute}} cannot be determined: {{reason}}",
  notApplicable: "{{resource}}: not applicable: {{reason}}",
};

/** A finding for a value the rule needs but the source could not give. */
export function unknownFinding(resource: ModelObject, attribute: string, value: Unknown): Finding {
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
