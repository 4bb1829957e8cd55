// What the writers need to know about a rule beyond what a result carries: its description, its
// cdktf remediation snippet and its docs URL, from the rule metadata the caller hands in (writers
// never import the rule registry). A result whose rule is not in it (a report from another build)
// falls back to what the result itself says.

import type { Report, Result } from "../checks/engine/report.js";
import type { RuleMetadata } from "../checks/engine/catalog.js";
import type { Severity } from "../checks/engine/rule.js";

export interface RuleInfo {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The severity the policy gave the rule (the results'), not the rule's default. */
  readonly severity: Severity;
  readonly requirements: readonly string[];
  readonly remediation: string;
  readonly cdktf?: string;
  readonly docsUrl?: string;
}

/** Every rule that has a result in the report, sorted by id. */
export function rulesOf(report: Report, rules: RuleMetadata): RuleInfo[] {
  const byId = new Map<string, Result>();
  for (const result of report.results) if (!byId.has(result.ruleId)) byId.set(result.ruleId, result);
  return [...byId.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId)).map((result) => ruleInfo(result, rules));
}

export function ruleInfo(result: Result, rules: RuleMetadata): RuleInfo {
  const meta = rules.get(result.ruleId);
  return {
    id: result.ruleId,
    title: meta?.title ?? result.title,
    description: meta?.description ?? result.title,
    severity: result.severity,
    requirements: meta?.requirements ?? result.controls.map((c) => c.id),
    remediation: result.remediation,
    ...(meta?.remediation.cdktf ? { cdktf: meta.remediation.cdktf } : {}),
    ...(meta?.docsUrl ? { docsUrl: meta.docsUrl } : {}),
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
