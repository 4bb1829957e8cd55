// SARIF 2.1.0 for GitHub code scanning: one run, the rules that have results, and one result per
// FAIL and per WAIVED failure, located at the TypeScript construct or .tf block when known, else
// the input file, else the ARN (sarif-location.ts). The run's category names the source and the
// stacks (or account and regions), so uploads of different stacks do not close each other's
// alerts. A waived failure is a result with an external suppression whose justification is the
// waiver's reason, so the alert reads as dismissed with that reason rather than as fixed. Output
// GitHub would reject or truncate is refused. GitHub shows the strings as they decode, so every
// string value is neutralised (controls and bidi controls as visible \uXXXX escapes).

import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type * as Sarif from "sarif";
import { ReportLimitError } from "../checks/errors.js";
import type { RuleMetadata } from "../checks/engine/catalog.js";
import type { Report, Result } from "../checks/engine/report.js";
import type { Severity } from "../checks/engine/rule.js";
import { resourceLabel, rulesOf, type RuleInfo } from "./rule-info.js";
import { location, originalUriBaseIds, relatedLocations, scopeOf, type LocationContext } from "./sarif-location.js";
import { sarifChunks } from "./sarif-text.js";

/** GitHub code scanning's limits (docs: SARIF support, "sarif-limits"). */
export const GITHUB_SARIF_LIMITS = { resultsPerRun: 25_000, gzippedBytes: 10 * 1024 * 1024 } as const;
export type SarifLimits = { readonly resultsPerRun: number; readonly gzippedBytes: number };

/** GitHub reads >= 9.0 as critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. */
export const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
  info: "0.0",
};
const LEVEL: Readonly<Record<Severity, Sarif.ReportingConfiguration.level>> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
  info: "note",
};
const GITHUB_TEXT_LIMIT = 1024;

export interface SarifOptions {
  /** The repository root, absolute; undefined leaves every file an absolute file: URI. */
  readonly repositoryRoot?: string;
  /** The directory the report's relative paths are relative to (default: the current directory). */
  readonly cwd?: string;
  readonly limits?: SarifLimits;
}

export function writeSarif(report: Report, rules: RuleMetadata, options: SarifOptions = {}): string {
  return writeSarifChunks(report, rules, options).join("");
}

/** Results built and written per batch. */
const BATCH = 512;

/**
 * The SARIF log in chunks (their concatenation is writeSarif's text), all made before any is
 * returned: the gzipped size is known only at the end, and a refused log must write nothing.
 */
export function writeSarifChunks(report: Report, rules: RuleMetadata, options: SarifOptions = {}): string[] {
  const limits = options.limits ?? GITHUB_SARIF_LIMITS;
  const context: LocationContext = { root: options.repositoryRoot, cwd: options.cwd ?? process.cwd() };
  const failures = report.results.filter((r) => r.status === "FAIL" || r.status === "WAIVED");
  if (failures.length > limits.resultsPerRun) {
    throw new ReportLimitError(
      `SARIF: ${failures.length} results exceed GitHub code scanning's limit of ${limits.resultsPerRun} per run; audit fewer stacks at a time (--stack) or fix findings first`,
    );
  }
  const described = rulesOf(report, rules);
  const ruleIndex = new Map(described.map((rule, i) => [rule.id, i]));
  const occurrences = new Map<string, number>();
  function* results(): Generator<Sarif.Result[]> {
    for (let start = 0; start < failures.length; start += BATCH)
      yield failures
        .slice(start, start + BATCH)
        .map((result) => toSarifResult(result, ruleIndex.get(result.ruleId)!, occurrences, context));
  }
  const baseIds = originalUriBaseIds(context);

  const chunks = [
    ...sarifChunks({
      head: { $schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0" },
      run: {
        tool: {
          driver: {
            name: report.tool.name,
            semanticVersion: report.tool.version,
            version: report.tool.version,
            rules: described.map(toRule),
          },
        },
        // The category is the id up to its last "/": one per source and scope.
        automationDetails: { id: `authwarden/${report.source}/${scopeOf(report, context)}/` },
        ...(baseIds ? { originalUriBaseIds: baseIds } : {}),
        columnKind: "utf16CodeUnits",
      },
      results: results(),
      properties: {
        generatedAt: report.generatedAt,
        policy: report.policy,
        scopes: [...report.scopes],
        inputs: report.inputs.map((i) => ({ path: i.path, sha256: i.sha256, kind: i.kind })),
        gate: report.gate ?? null,
        waived: report.results.filter((r) => r.status === "WAIVED").map(waivedEntry),
        waiverProblems: report.waivers.map((w) => ({
          id: w.waiver.id,
          ruleId: w.ruleId,
          selector: w.selector,
          problem: w.problem,
          expires: w.waiver.expires,
          owner: w.waiver.owner,
        })),
      },
    }),
  ];
  const gzipped = gzippedLength(chunks);
  if (gzipped > limits.gzippedBytes) {
    throw new ReportLimitError(
      `SARIF: ${gzipped} bytes gzipped exceed GitHub code scanning's limit of ${limits.gzippedBytes} bytes; audit fewer stacks at a time (--stack)`,
    );
  }
  return chunks;
}

/** The gzipped size of the chunks' UTF-8 text, encoded into one buffer (no string of the whole text is made). */
function gzippedLength(chunks: readonly string[]): number {
  const bytes = Buffer.allocUnsafe(chunks.reduce((n, chunk) => n + Buffer.byteLength(chunk), 0));
  let offset = 0;
  for (const chunk of chunks) offset += bytes.write(chunk, offset);
  return gzipSync(bytes).length;
}

function clip(text: string, limit = GITHUB_TEXT_LIMIT): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

function toRule(rule: RuleInfo): Sarif.ReportingDescriptor {
  const requirements = rule.requirements.join(", ");
  const markdown = [
    `**${rule.title}**`,
    "",
    rule.description,
    "",
    `PCI DSS v4.0.1: ${rule.requirements.map((r) => `Requirement ${r}`).join(", ")}. Severity: ${rule.severity}.`,
    "",
    `**How to fix:** ${rule.remediation}`,
    ...(rule.cdktf ? ["", "```ts", rule.cdktf, "```"] : []),
  ].join("\n");
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z])/g, (_, dash: string, ch: string) => ch.toUpperCase()),
    shortDescription: { text: clip(rule.title) },
    fullDescription: { text: clip(`${rule.description} (PCI DSS v4.0.1 ${requirements})`) },
    ...(rule.docsUrl ? { helpUri: rule.docsUrl } : {}),
    help: {
      text: `${rule.description}\n\nHow to fix: ${rule.remediation}${rule.cdktf ? `\n\n${rule.cdktf}` : ""}`,
      markdown,
    },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ["security", "cognito", "pci-dss-v4.0.1", ...rule.requirements.map((r) => `pci-dss-v4.0.1/${r}`)],
      precision: "high",
      "security-severity": SECURITY_SEVERITY[rule.severity],
    },
  };
}

/** Stable across runs and code moves: the rule and the resource, never the file or line. */
export function fingerprint(ruleId: string, resourceKey: string): string {
  return createHash("sha256").update(`${ruleId}\u0000${resourceKey}`).digest("hex").slice(0, 32);
}

function toSarifResult(
  result: Result,
  ruleIndex: number,
  occurrences: Map<string, number>,
  context: LocationContext,
): Sarif.Result {
  const hash = fingerprint(result.ruleId, result.resource.key);
  const occurrence = (occurrences.get(hash) ?? 0) + 1;
  occurrences.set(hash, occurrence);
  const applicable = result.controls.filter((c) => c.applicable).map((c) => c.id);
  const pci =
    applicable.length > 0
      ? ` PCI DSS v4.0.1 ${applicable.join(", ")}: Not in Place.`
      : " Best practice (PCI DSS requirement not applicable to this audience).";
  return {
    ruleId: result.ruleId,
    ruleIndex,
    level: LEVEL[result.severity],
    message: { text: `${result.message}.${pci} Fix: ${result.remediation}` },
    locations: [location(result, context)],
    ...relatedLocations(result, context),
    ...(result.status === "WAIVED" ? { suppressions: [suppression(result)] } : {}),
    partialFingerprints: { primaryLocationLineHash: `${hash}:${occurrence}`, "authwarden/v1": `${hash}:${occurrence}` },
    properties: {
      severity: result.severity,
      resource: resourceLabel(result),
      resourceKind: result.resource.kind,
      resourceKey: result.resource.key,
      audience: result.audience.audience,
      controls: result.controls.map((c) => ({ ...c })),
      evidence: result.evidence.map((e) => ({ ...e })),
    },
  };
}

/** A waived failure: suppressed outside the source, accepted, justified by the waiver's reason. */
function suppression(result: Result): Sarif.Suppression {
  const w = result.waiver;
  return {
    kind: "external",
    status: "accepted",
    justification: clip(w?.reason ?? "waived"),
    ...(w
      ? {
          properties: {
            waiver: w.id,
            owner: w.owner,
            expires: w.expires,
            file: w.file,
            ...(w.compensatingControl ? { compensatingControl: w.compensatingControl } : {}),
          },
        }
      : {}),
  };
}

function waivedEntry(result: Result): Record<string, unknown> {
  return {
    ruleId: result.ruleId,
    resource: resourceLabel(result),
    resourceKey: result.resource.key,
    fingerprint: fingerprint(result.ruleId, result.resource.key),
    ...(result.waiver
      ? {
          waiver: result.waiver.id,
          reason: result.waiver.reason,
          owner: result.waiver.owner,
          expires: result.waiver.expires,
          ...(result.waiver.compensatingControl ? { compensatingControl: result.waiver.compensatingControl } : {}),
        }
      : {}),
  };
}
