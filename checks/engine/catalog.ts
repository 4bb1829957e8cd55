// The rule catalog as data, built from rule metadata only: `authwarden rules`, the README's
// catalog and the rule metadata handed to the report writers are rendered from it, never from a
// hand-kept copy. Each rule's documentation URL is derived here, from its README heading.

import { repositoryUrl } from "../package-info.js";
import {
  requirementIds,
  takesOptions,
  type PciReference,
  type Rule,
  type Severity,
  type SourceReference,
} from "./rule.js";

export interface CatalogEntry {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  /** The PCI DSS requirement ids the rule cites (those of pci). */
  readonly requirements: readonly string[];
  /** Each cited requirement with its relation (meets, supports) and, where limited, the audiences it covers. */
  readonly pci: readonly PciReference[];
  /** The sources the rule cites; a rule without PCI DSS references is a best-practice rule. */
  readonly sources: readonly SourceReference[];
  readonly resourceKinds: readonly string[];
  /** Absent for a rule that takes no options. */
  readonly options?: {
    readonly schema: Record<string, unknown>;
    readonly defaults: Record<string, unknown>;
    readonly audienceDefaults: Record<string, unknown>;
  };
  readonly remediation: { readonly summary: string; readonly cdktf: string };
  /** Set on a rule only some sources can judge (live only): those sources and why. */
  readonly judgedBy?: { readonly sources: readonly string[]; readonly reason: string };
  /** The rule's section of the README's catalog; absent when package.json names no repository. */
  readonly docsUrl?: string;
}

/** What the report writers know about a rule beyond its results, by rule id. */
export type RuleMetadata = ReadonlyMap<string, CatalogEntry>;

export function catalog(rules: readonly Rule[]): CatalogEntry[] {
  const repository = repositoryUrl();
  return [...rules]
    .sort((a, b) => a.meta.id.localeCompare(b.meta.id))
    .map(({ meta }) => ({
      id: meta.id,
      title: meta.title,
      description: meta.description,
      severity: meta.severity,
      requirements: requirementIds(meta),
      pci: meta.pci,
      sources: meta.sources ?? [],
      resourceKinds: meta.resourceKinds,
      ...(takesOptions(meta)
        ? {
            options: {
              schema: meta.options.schema,
              defaults: meta.options.defaults,
              audienceDefaults: meta.options.audienceDefaults ?? {},
            },
          }
        : {}),
      remediation: meta.remediation,
      ...(meta.judgedBy ? { judgedBy: meta.judgedBy } : {}),
      ...(repository ? { docsUrl: `${repository}#${ruleAnchor(meta.id)}` } : {}),
    }));
}

export function ruleMetadata(rules: readonly Rule[]): RuleMetadata {
  return new Map(catalog(rules).map((entry) => [entry.id, entry]));
}

/**
 * The anchor GitHub gives the rule's heading (### `id`): the heading text lower-cased, without
 * punctuation other than - and _, spaces as -. Rule ids are already in that form.
 */
export function ruleAnchor(id: string): string {
  return id
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

export function catalogMarkdown(rules: readonly Rule[]): string {
  const entries = catalog(rules);
  const rows = entries.map(
    (e) => `| [\`${e.id}\`](#${ruleAnchor(e.id)}) | ${e.severity} | ${mappingText(e.pci, e.sources)} | ${e.title} |`,
  );
  const sections = entries.map((e) =>
    [
      `### \`${e.id}\``,
      "",
      `**${e.title}.** Severity ${e.severity}; PCI DSS v4.0.1: ${mappingText(e.pci, e.sources)}.`,
      "",
      ...(e.sources.length > 0 ? [`Cites: ${e.sources.map((s) => `[${s.title}](${s.url})`).join("; ")}.`, ""] : []),
      e.description,
      "",
      ...(e.options ? [optionsLine(e.options.defaults, e.options.audienceDefaults), ""] : []),
      `Fix: ${e.remediation.summary}`,
    ].join("\n"),
  );
  const table = ["| id | severity | PCI DSS v4.0.1 | secure state |", "|---|---|---|---|", ...rows].join("\n");
  return `${table}\n\n${sections.join("\n\n")}`;
}

/** "8.4.2 meets, 8.4.1 meets (workforce)", as RULES.md writes a mapping; "best practice" where the rule cites a source. */
export function mappingText(pci: readonly PciReference[], sources: readonly SourceReference[] = []): string {
  const references = pci.map((r) => `${r.id} ${r.relation}${r.audiences ? ` (${r.audiences.join(", ")})` : ""}`);
  return [...references, ...(pci.length === 0 || sources.length > 0 ? ["best practice"] : [])].join(", ");
}

function optionsLine(defaults: Record<string, unknown>, byAudience: Record<string, unknown>): string {
  const audiences = Object.entries(byAudience).map(
    ([audience, o]) => `; on ${audience} pools \`${JSON.stringify(o)}\``,
  );
  return `Options (defaults): \`${JSON.stringify(defaults)}\`${audiences.join("")}`;
}
