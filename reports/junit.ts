// JUnit XML for CI test-report views (GitLab, Jenkins, GitHub test-report actions): one testsuite
// per rule, one testcase per rule and resource; FAIL is a failure with the message and the fix,
// ERROR an error, NOT_APPLICABLE, WAIVED and UNKNOWN are skipped with the reason in the element's
// body too (GitLab shows the body, not the message attribute). A testcase's name is the resource
// alone: the severity is a property, so a policy that changes a severity does not rename tests.

import type { RuleMetadata } from "../checks/engine/catalog.js";
import type { Report, Result } from "../checks/engine/report.js";
import { xmlAttribute as attr, xmlText as text } from "./escape.js";
import { lineChunks } from "./line-chunks.js";
import { resourceLabel, resourceLocation, rulesOf, type RuleInfo } from "./rule-info.js";

export function writeJunit(report: Report, rules: RuleMetadata): string {
  return [...junitChunks(report, rules)].join("");
}

/** The JUnit XML in chunks of about a mebibyte, as it is rendered; their concatenation is writeJunit's text. */
export function junitChunks(report: Report, rules: RuleMetadata): Generator<string> {
  return lineChunks(junitLines(report, rules));
}

const SKIPPED: readonly Result["status"][] = ["NOT_APPLICABLE", "WAIVED", "UNKNOWN"];

/** How many results are of each status. */
function statusCounts(results: readonly Result[]): Record<Result["status"], number> {
  const counts: Record<Result["status"], number> = {
    FAIL: 0,
    ERROR: 0,
    UNKNOWN: 0,
    WAIVED: 0,
    PASS: 0,
    NOT_APPLICABLE: 0,
  };
  for (const result of results) counts[result.status] += 1;
  return counts;
}

const skipped = (counts: Record<Result["status"], number>) => SKIPPED.reduce((n, status) => n + counts[status], 0);

function* junitLines(report: Report, rules: RuleMetadata): Generator<string> {
  // Each rule's results in report order, grouped in one pass rather than filtered once per rule.
  const byRule = new Map<string, Result[]>();
  for (const result of report.results) {
    const list = byRule.get(result.ruleId);
    if (list) list.push(result);
    else byRule.set(result.ruleId, [result]);
  }
  const counts = statusCounts(report.results);
  yield `<?xml version="1.0" encoding="UTF-8"?>`;
  yield `<testsuites name="${attr(`authwarden ${report.policy.name} ${report.policy.version}`)}" tests="${report.results.length}" failures="${counts.FAIL}" errors="${counts.ERROR}" skipped="${skipped(counts)}" time="0" timestamp="${attr(report.generatedAt)}">`;
  for (const rule of rulesOf(report, rules)) yield* suite(report, rule, byRule.get(rule.id) ?? []);
  yield `</testsuites>`;
}

function* suite(report: Report, rule: RuleInfo, results: readonly Result[]): Generator<string> {
  const counts = statusCounts(results);
  yield `  <testsuite name="${attr(`${rule.id}: ${rule.title}`)}" tests="${results.length}" failures="${counts.FAIL}" errors="${counts.ERROR}" skipped="${skipped(counts)}" time="0" timestamp="${attr(report.generatedAt)}">`;
  yield `    <properties>`;
  yield property("severity", rule.severity);
  yield property("pci-dss-v4.0.1", rule.requirements.join(", "));
  yield property("policy", `${report.policy.name} ${report.policy.version}`);
  yield property("source", report.source);
  yield property("tool", `${report.tool.name} ${report.tool.version}`);
  if (rule.docsUrl) yield property("docs", rule.docsUrl);
  yield `    </properties>`;
  const seen = new Map<string, number>();
  for (const result of results) {
    const base = `${result.resource.kind} ${resourceLabel(result)} (${result.resource.stack ? `${result.resource.stack}/` : ""}${result.resource.address ?? result.resource.arn ?? result.resource.key})`;
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    yield testcase(rule, result, k === 1 ? base : `${base} #${k}`);
  }
  yield `  </testsuite>`;
}

function property(name: string, value: string): string {
  return `      <property name="${attr(name)}" value="${attr(value)}"/>`;
}

function testcase(rule: RuleInfo, result: Result, name: string): string {
  const r = result.resource;
  const attributes = [
    `classname="${attr(`authwarden.${rule.id}`)}"`,
    `name="${attr(name)}"`,
    ...(r.file ? [`file="${attr(r.file)}"`] : r.inputFile ? [`file="${attr(r.inputFile)}"`] : []),
    ...(r.file && r.line !== undefined ? [`line="${r.line}"`] : []),
    `time="0"`,
  ].join(" ");
  const body = [
    `      <properties>`,
    `  ${property("severity", result.severity)}`,
    `  ${property("status", result.status)}`,
    `      </properties>`,
    ...[outcome(rule, result)].filter((o): o is string => o !== undefined),
  ].join("\n");
  return `    <testcase ${attributes}>\n${body}\n    </testcase>`;
}

function details(result: Result, extra: readonly string[] = []): string {
  const r = result.resource;
  return [
    result.message,
    ...extra,
    `Resource: ${r.kind} ${resourceLabel(result)}`,
    `Location: ${resourceLocation(result)}`,
    ...(r.constructPath ? [`Construct: ${r.constructPath}`] : []),
    `Audience: ${result.audience.audience}${result.audience.declared ? "" : " (not declared)"}`,
    ...controlLines(result),
    ...result.evidence.map((e) => `Evidence: ${e.attribute} = ${e.value}${e.origin === "default" ? " (default)" : ""}`),
  ].join("\n");
}

/** The requirements a result is not applicable to, grouped by reason, so no reason repeats. */
function exemptLines(result: Result): string[] {
  const byReason = new Map<string, string[]>();
  for (const c of result.controls.filter((c) => !c.applicable))
    byReason.set(c.reason ?? "", [...(byReason.get(c.reason ?? "") ?? []), c.id]);
  return [...byReason].map(
    ([reason, ids]) => `PCI DSS v4.0.1 ${ids.join(", ")} not applicable${reason ? `: ${reason}` : ""}`,
  );
}

/** The applicable requirements on one line, then the others by reason. */
function controlLines(result: Result): string[] {
  const applicable = result.controls.filter((c) => c.applicable).map((c) => c.id);
  return [...(applicable.length > 0 ? [`PCI DSS v4.0.1: ${applicable.join(", ")}`] : []), ...exemptLines(result)];
}

function outcome(rule: RuleInfo, result: Result): string | undefined {
  switch (result.status) {
    case "FAIL":
      return `      <failure message="${attr(result.message)}" type="${attr(result.severity)}">${text(details(result, [`How to fix: ${result.remediation}`]))}</failure>`;
    case "ERROR":
      return `      <error message="${attr(result.message)}" type="RuleExecutionError">${text(details(result))}</error>`;
    case "NOT_APPLICABLE": {
      // Rule messages for this status already say "not applicable: why"; only add it when one does not.
      const message = /\bnot applicable\b/i.test(result.message) ? result.message : `not applicable: ${result.message}`;
      return `      <skipped type="not-applicable" message="${attr(message)}">${text(details(result))}</skipped>`;
    }
    case "UNKNOWN":
      return `      <skipped type="not-tested" message="${attr(`not tested, value unknown: ${result.message}`)}">${text(details(result))}</skipped>`;
    case "WAIVED": {
      const w = result.waiver;
      const reason = w
        ? `waived by ${w.id} (owner ${w.owner}, expires ${w.expires}): ${w.reason}${w.compensatingControl ? `; compensating control: ${w.compensatingControl}` : ""}`
        : "waived";
      return `      <skipped type="waived" message="${attr(reason)}">${text(details(result, [reason, `How to fix: ${rule.remediation}`]))}</skipped>`;
    }
    default: {
      const na = exemptLines(result);
      return na.length > 0 ? `      <system-out>${text([result.message, ...na].join("\n"))}</system-out>` : undefined;
    }
  }
}
