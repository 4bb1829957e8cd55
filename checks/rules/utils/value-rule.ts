// Rules that compare one value of a resource with a threshold (Checkov's BaseResourceValueCheck):
// UNKNOWN when the source cannot give the value, else PASS or FAIL with the value as evidence and
// {{actual}}, {{expected}} and {{origin}} for the messages.

import { evidenceOf, unknownFinding, type Evidence, type Finding, type MessageData } from "../../engine/rule.js";
import type { ModelObject, Value } from "../../model/index.js";

/** The wording most rules use after a value that is the provider's default. */
export const DEFAULT_NOTE = " (not set: the default)";

/** `note` when the value is the provider/API default rather than configured, else "" (for {{origin}}). */
export function defaultNote(value: Value<unknown>, note: string = DEFAULT_NOTE): string {
  return value.known && value.origin === "default" ? note : "";
}

type Scalar = string | number | boolean;

/** What passes: at least or at most a number, or exactly one value. */
export type Comparison<T extends Scalar> = [T] extends [number]
  ? { readonly atLeast: number } | { readonly atMost: number } | { readonly equals: T }
  : { readonly equals: T };

export interface ValueCheck<R extends ModelObject, T extends Scalar, M extends string> {
  /** The evidence label, also the attribute an UNKNOWN finding names. */
  readonly attribute: string;
  readonly value: (resource: R) => Value<T>;
  /** The comparison in force for the resource, usually from its options. */
  readonly compare: (resource: R) => Comparison<T>;
  readonly messages: { readonly pass: M; readonly fail: M };
  /** {{origin}} when the value is the default: see defaultNote. */
  readonly defaultNote?: string;
  /** More message data, e.g. the bindings of a role. */
  readonly data?: (resource: R) => MessageData;
  /** Evidence after the value's own. */
  readonly evidence?: (resource: R) => readonly Evidence[];
}

export function valueRule<R extends ModelObject, T extends Scalar, M extends string>(
  resources: readonly R[],
  check: ValueCheck<R, T, M>,
): Finding<M>[] {
  return resources.map((resource) => valueFinding(resource, check));
}

export function valueFinding<R extends ModelObject, T extends Scalar, M extends string>(
  resource: R,
  check: ValueCheck<R, T, M>,
): Finding<M> {
  const actual = check.value(resource);
  if (!actual.known) return unknownFinding(resource, check.attribute, actual);
  const comparison: { atLeast?: number; atMost?: number; equals?: T } = check.compare(resource);
  const expected = comparison.atLeast ?? comparison.atMost ?? comparison.equals!;
  const passes =
    comparison.atLeast !== undefined
      ? (actual.value as number) >= comparison.atLeast
      : comparison.atMost !== undefined
        ? (actual.value as number) <= comparison.atMost
        : actual.value === comparison.equals;
  const data = {
    ...check.data?.(resource),
    actual: actual.value,
    expected,
    origin: defaultNote(actual, check.defaultNote),
  };
  const evidence = [evidenceOf(check.attribute, actual), ...(check.evidence?.(resource) ?? [])];
  return passes
    ? { resource, status: "PASS", messageId: check.messages.pass, data, evidence }
    : { resource, status: "FAIL", messageId: check.messages.fail, data, evidence };
}
