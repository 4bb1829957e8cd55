// The checks RuleTester applies to the test cases themselves, as pure functions from a case (or its
// results) to a list of problems, so the harness's own test can feed them bad cases directly.
// An empty list means the case is sound.

import type { LoadDiagnostic } from "../../checks/model/index.js";
import type { Result } from "../../checks/engine/report.js";
import type { Status } from "../../checks/engine/rule.js";

/** The statuses an invalid case may expect, and the name prefix of each (see rule-tester.ts). */
export type ExpectedStatus = Exclude<Status, "PASS" | "WAIVED" | "ERROR">;
export const VERDICT_PREFIXES: Readonly<Record<ExpectedStatus | "PASS", string>> = {
  PASS: "pass_",
  FAIL: "fail_",
  UNKNOWN: "unknown_",
  NOT_APPLICABLE: "na_",
};

export interface ExpectedResultLike {
  readonly resource: string;
  readonly status: string;
  readonly messageId?: string;
}

/** The verdict a resource name (or Terraform address) claims by its prefix, if any. */
export function verdictOf(nameOrAddress: string): string | undefined {
  // An address is judged by its resource name part; any other name (a domain may hold dots) as a whole.
  const isAddress = /^(?:aws_|data\.|module\.)\S*\./.test(nameOrAddress);
  const name = isAddress ? nameOrAddress.slice(nameOrAddress.lastIndexOf(".") + 1) : nameOrAddress;
  return Object.entries(VERDICT_PREFIXES).find(([, prefix]) => name.startsWith(prefix))?.[0];
}

/**
 * The label a result is judged by: its configured name, unless that carries no verdict and the
 * Terraform address does (API routes are named "GET /orders" but built as aws_api_gateway_method.fail_x).
 */
export function labelOf(result: Pick<Result, "resource">): string {
  const { name, address, key } = result.resource;
  if (name !== null && (verdictOf(name) || !address || !verdictOf(address))) return name;
  return address ?? key;
}

/** Every expected result names a message id the rule declares or shares. */
export function checkExpectedMessageIds(
  caseName: string,
  expected: readonly ExpectedResultLike[],
  messageIds: readonly string[],
): string[] {
  const problems: string[] = [];
  if (expected.length === 0) problems.push(`${caseName} lists no expected results`);
  for (const e of expected) {
    if (typeof e.messageId !== "string") problems.push(`${caseName}: ${e.resource} ${e.status} has no messageId`);
    else if (!messageIds.includes(e.messageId))
      problems.push(`${caseName}: ${e.resource} expects messageId ${e.messageId}, which the rule does not declare`);
  }
  return problems;
}

/** A valid case shows the rule passing something: at least one PASS, nothing but PASS and NOT_APPLICABLE. */
export function checkValidResults(caseName: string, results: readonly Result[]): string[] {
  if (results.length === 0) return [`${caseName}: the rule evaluated no resource`];
  const problems = results
    .filter((r) => r.status !== "PASS" && r.status !== "NOT_APPLICABLE")
    .map((r) => `${caseName}: ${labelOf(r)}: ${r.status} ${r.message}`);
  if (results.every((r) => r.status === "NOT_APPLICABLE"))
    problems.push(
      `${caseName}: every result is NOT_APPLICABLE; that is an invalid case expecting NOT_APPLICABLE, not a valid one`,
    );
  return problems;
}

/** Rendered messages with a {{placeholder}} the finding's data did not fill. */
export function checkPlaceholders(caseName: string, results: readonly Result[]): string[] {
  return results
    .filter((r) => /\{\{\s*\w+\s*\}\}/.test(r.message))
    .map((r) => `${caseName}: ${labelOf(r)} (${r.messageId}) has an unsubstituted placeholder: ${r.message}`);
}

/**
 * Loader diagnostics against what the case declares: none unless declared; each declared substring
 * must be found in some diagnostic and each diagnostic must contain some declared substring.
 */
export function checkDiagnostics(
  caseName: string,
  diagnostics: readonly LoadDiagnostic[],
  declared: readonly string[] = [],
): string[] {
  const problems: string[] = [];
  for (const d of diagnostics)
    if (!declared.some((s) => d.message.includes(s))) problems.push(`${caseName}: unexpected diagnostic: ${d.message}`);
  for (const s of declared)
    if (!diagnostics.some((d) => d.message.includes(s)))
      problems.push(`${caseName}: declares a diagnostic containing "${s}", which the loader did not report`);
  return problems;
}

/**
 * The naming rule (documented in rule-tester.ts): a result whose resource claims a verdict by its
 * prefix has that status; each expected result names a resource with its own status's prefix; a
 * valid case passes at least one pass_ resource.
 */
export function checkVerdictNames(
  caseName: string,
  results: readonly Result[],
  expected: readonly ExpectedResultLike[] | undefined,
): string[] {
  const problems: string[] = [];
  for (const r of results) {
    const claimed = verdictOf(labelOf(r));
    if (claimed && claimed !== r.status)
      problems.push(`${caseName}: ${labelOf(r)} is named ${claimed} but ${r.status}`);
  }
  for (const e of expected ?? []) {
    if (verdictOf(e.resource) !== e.status)
      problems.push(
        `${caseName}: expected ${e.status} on ${e.resource}, whose name should start with ${VERDICT_PREFIXES[e.status as ExpectedStatus] ?? "?"}`,
      );
  }
  if (!expected && !results.some((r) => r.status === "PASS" && verdictOf(labelOf(r)) === "PASS"))
    problems.push(`${caseName}: no PASS result on a resource named pass_...`);
  return problems;
}

/** What makes two cases the same case: the synthesized configuration with the case's name masked, and its options. */
export function caseContent(
  name: string,
  synthesized: string,
  options: { readonly options?: unknown; readonly audienceOptions?: unknown },
): string {
  return JSON.stringify([
    // As a whole word only: a short name must not mask parts of others (or of "fixture").
    synthesized.replace(new RegExp(`(?<!\\w)${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?!\\w)`, "g"), "<case>"),
    stableJson(options.options ?? {}),
    stableJson(options.audienceOptions ?? {}),
  ]);
}

/** Pairs of cases with equal content, each named by both case names. */
export function checkDuplicates(cases: readonly { readonly name: string; readonly content: string }[]): string[] {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const c of cases) {
    const first = seen.get(c.content);
    if (first !== undefined)
      problems.push(`${first} and ${c.name} are the same case (equal configuration and options)`);
    else seen.set(c.content, c.name);
  }
  return problems;
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
