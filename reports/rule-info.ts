// What the writers need to know about a rule beyond what a result carries: its description and its
// cdktf remediation snippet, from the rule registry. A result whose rule is not registered (a
// report from another build) falls back to what the result itself says.

import type { Report, Result } from "../checks/engine/report.js";
import type { Severity } from "../checks/engine/rule.js";
import { RULES_BY_ID } from "../checks/rules/index.js";

export interface RuleInfo {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The severity the policy gave the rule (the results'), not the rule's default. */
  readonly severity: Severity;
  readonly requirements: readonly string[];
  readonly remediation: string;
  readonly cdktf?: string;
}

/** Every rule that has a result in the report, sorted by id. */
export function rulesOf(report: Report): RuleInfo[] {
  const byId = new Map<string, Result>();
  for (const result of report.results) if (!byId.has(result.ruleId)) byId.set(result.ruleId, result);
  return [...byId.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId)).map(ruleInfo);
}

export function ruleInfo(result: Result): RuleInfo {
  const meta = RULES_BY_ID.get(result.ruleId)?.meta;
  return {
    id: result.ruleId,
    title: meta?.title ?? result.title,
    description: meta?.description ?? result.title,
    severity: result.severity,
    requirements: meta?.requirements ?? result.controls.map((c) => c.id),
    remediation: result.remediation,
    ...(meta?.remediation.cdktf ? { cdktf: meta.remediation.cdktf } : {}),
  };
}

/** A resource as a person names it: its configured name, else its address, ARN or key. */
export function resourceLabel(result: Result): string {
  const r = result.resource;
  return r.name ?? r.address ?? r.arn ?? r.key;
}

/** Where the resource is defined: TypeScript file:line, else the input file, else the ARN. */
export function resourceLocation(result: Result): string {
  const r = result.resource;
  if (r.file) return r.line !== undefined ? `${r.file}:${r.line}` : r.file;
  if (r.inputFile) return r.address ? `${r.inputFile} (${r.address})` : r.inputFile;
  return r.arn ?? r.key;
}
