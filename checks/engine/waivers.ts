// Waivers: accepted exceptions with a reason, an owner and an expiry. A matching, unexpired waiver
// turns a FAIL into WAIVED and travels with the result into every output; an expired waiver no
// longer applies and is reported; a waiver that matches no failing result is reported as unused.

import { readJsonFile } from "../io/safe-json.js";
import { join } from "node:path";
import { readDataFile } from "../io/data-file.js";
import { ConfigValidationError } from "../errors.js";
import { compileGlob, type Glob } from "../iam/wildcard.js";
import { assertValid } from "../io/json-schema.js";
import { policiesDir } from "../package-info.js";
import type { AppliedWaiver, Result, WaiverStatus } from "./report.js";
import type { Rule } from "./rule.js";

export interface Waiver extends AppliedWaiver {
  readonly rule: string;
  /** Glob over the resource's name, address, key, construct path or ARN. */
  readonly resource: string;
}

interface WaiverFile {
  waivers: {
    id?: string;
    rule: string;
    resource: string;
    reason: string;
    owner: string;
    expires: string;
    compensatingControl?: string;
  }[];
}

let schema: Record<string, unknown> | undefined;

export function loadWaivers(file: string, rules: ReadonlyMap<string, Rule>): Waiver[] {
  schema ??= readJsonFile(join(policiesDir(), "schema", "waivers.schema.json")) as Record<string, unknown>;
  const content = readDataFile(file);
  assertValid(schema, content, file);
  return (content as WaiverFile).waivers.map((entry, index) => {
    if (!rules.has(entry.rule))
      throw new ConfigValidationError(
        file,
        `/waivers/${index}/rule`,
        `names an unknown rule ${JSON.stringify(entry.rule)}`,
      );
    return {
      id: entry.id ?? `${file}#${index + 1}`,
      rule: entry.rule,
      resource: entry.resource,
      reason: entry.reason,
      owner: entry.owner,
      expires: entry.expires,
      ...(entry.compensatingControl ? { compensatingControl: entry.compensatingControl } : {}),
      file,
    };
  });
}

/** Applies waivers to FAIL results; returns the new results and the expired and unused waivers. */
export function applyWaivers(
  results: readonly Result[],
  waivers: readonly Waiver[],
  now: Date,
): { results: Result[]; problems: WaiverStatus[] } {
  const today = now.toISOString().slice(0, 10);
  const matchers = waivers.map((waiver) => ({
    waiver,
    expired: waiver.expires < today,
    // Resource names may contain ?, so only * is a wildcard in a selector.
    pattern: compileGlob(waiver.resource, { questionMark: false }),
    used: false,
  }));
  // By rule, so each failing result is tried against its rule's waivers only.
  const byRule = new Map<string, typeof matchers>();
  for (const matcher of matchers) {
    const list = byRule.get(matcher.waiver.rule);
    if (list) list.push(matcher);
    else byRule.set(matcher.waiver.rule, [matcher]);
  }
  const waived = results.map((result) => {
    if (result.status !== "FAIL") return result;
    const candidates = (byRule.get(result.ruleId) ?? []).filter((m) => resourceMatches(m.pattern, result));
    for (const candidate of candidates) candidate.used = true;
    const applicable = candidates.find((m) => !m.expired);
    if (!applicable) return result;
    const { rule: _rule, resource: _resource, ...applied } = applicable.waiver;
    return { ...result, status: "WAIVED" as const, waiver: applied };
  });
  const problems: WaiverStatus[] = matchers
    .filter((m) => m.expired || !m.used)
    .map((m) => {
      const { rule, resource, ...waiver } = m.waiver;
      return { waiver, ruleId: rule, selector: resource, problem: m.expired ? "expired" : "unused" };
    });
  return { results: waived, problems };
}

function resourceMatches(pattern: Glob, result: Result): boolean {
  const { name, address, key, constructPath, arn } = result.resource;
  return [name, address, key, constructPath, arn].some(
    (candidate) => candidate !== undefined && candidate !== null && pattern.test(candidate),
  );
}
