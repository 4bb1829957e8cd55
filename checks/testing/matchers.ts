// Matchers for vitest and jest (both take this shape in expect.extend): the received value is a
// stack, an app, a Testing.synth string or a Report that audit() returned.
//
//   expect.extend(authwardenMatchers);
//   expect(stack).toPassCompliance();
//   expect(stack).toFailRule("mfa-required", { resource: "staff" });
//   expect(stack).toHaveNoUnknowns();

import type { Report, Result } from "../engine/report.js";
import { audit, type AuditOptions, type AuditTarget } from "./audit.js";
import { blockingResults, findingLines, resourceLabel } from "./findings.js";

export interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

export interface FailRuleOptions {
  /** The resource that must fail: its name as configured, Terraform address, construct path or construct id. */
  readonly resource?: string;
}

/** The matcher signatures as they read on expect(...), for the vitest and jest type augmentations. */
export interface AuthwardenMatchers<R = unknown> {
  toPassCompliance(options?: AuditOptions): R;
  toFailRule(ruleId: string, options?: FailRuleOptions & AuditOptions): R;
  toHaveNoUnknowns(options?: AuditOptions): R;
}

function isReport(value: unknown): value is Report {
  return (
    typeof value === "object" &&
    value !== null &&
    Array.isArray((value as Report).results) &&
    typeof (value as Report).tool === "object"
  );
}

function reportOf(received: unknown, options: AuditOptions = {}): Report {
  return isReport(received) ? received : audit(received as AuditTarget, options);
}

function matchesResource(result: Result, wanted: string): boolean {
  const r = result.resource;
  const id = r.constructPath?.split("/").pop();
  return [r.name, r.address, r.constructPath, id, r.key, r.arn].includes(wanted);
}

function toPassCompliance(received: unknown, options?: AuditOptions): MatcherResult {
  const report = reportOf(received, options);
  const blocking = blockingResults(report);
  const failOn = report.gate?.failOn ?? "high";
  return {
    pass: report.gate?.passed ?? blocking.length === 0,
    message: () =>
      report.gate?.passed
        ? `expected the stack to fail the compliance gate (fail-on ${failOn}), but it passed ${report.results.length} results`
        : `expected the stack to pass the compliance gate (fail-on ${failOn}); ${blocking.length} findings block it:\n${findingLines(blocking)}`,
  };
}

function toFailRule(received: unknown, ruleId: string, options: FailRuleOptions & AuditOptions = {}): MatcherResult {
  const { resource, ...auditOptions } = options;
  const report = reportOf(received, auditOptions);
  const ofRule = report.results.filter((r) => r.ruleId === ruleId);
  const candidates = resource === undefined ? ofRule : ofRule.filter((r) => matchesResource(r, resource));
  const failing = candidates.filter((r) => r.status === "FAIL");
  const what = `rule ${ruleId}${resource === undefined ? "" : ` on ${resource}`}`;
  return {
    pass: failing.length > 0,
    message: () =>
      failing.length > 0
        ? `expected ${what} not to fail, but it fails:\n${findingLines(failing)}`
        : ofRule.length === 0
          ? `expected ${what} to fail, but the policy ran no such rule (${report.policy.name})`
          : `expected ${what} to fail; its results:\n${findingLines(resource === undefined ? ofRule : candidates.length > 0 ? candidates : ofRule)}${
              resource !== undefined && candidates.length === 0
                ? `\n  (no result names ${resource}: resources are ${[...new Set(ofRule.map(resourceLabel))].join(", ")})`
                : ""
            }`,
  };
}

function toHaveNoUnknowns(received: unknown, options?: AuditOptions): MatcherResult {
  const report = reportOf(received, options);
  const unknowns = report.results.filter((r) => r.status === "UNKNOWN");
  return {
    pass: unknowns.length === 0,
    message: () =>
      unknowns.length === 0
        ? "expected UNKNOWN results, but every rule could judge the stack"
        : `expected no UNKNOWN results; ${unknowns.length} rules could not judge:\n${findingLines(unknowns)}`,
  };
}

/** Hand to expect.extend() in vitest or jest. */
export const authwardenMatchers = { toPassCompliance, toFailRule, toHaveNoUnknowns };
