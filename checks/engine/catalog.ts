// The rule catalog as data, built from rule metadata only: `authwarden rules` and the README's
// catalog table are rendered from it, never from a hand-kept copy.

import { takesOptions, type Rule } from "./rule.js";

export interface CatalogEntry {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly severity: string;
  readonly requirements: readonly string[];
  readonly resourceKinds: readonly string[];
  /** Absent for a rule that takes no options. */
  readonly options?: {
    readonly schema: Record<string, unknown>;
    readonly defaults: Record<string, unknown>;
    readonly audienceDefaults: Record<string, unknown>;
  };
  readonly remediation: { readonly summary: string; readonly cdktf: string };
}

export function catalog(rules: readonly Rule[]): CatalogEntry[] {
  return [...rules]
    .sort((a, b) => a.meta.id.localeCompare(b.meta.id))
    .map(({ meta }) => ({
      id: meta.id,
      title: meta.title,
      description: meta.description,
      severity: meta.severity,
      requirements: meta.requirements,
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
    }));
}

export function catalogMarkdown(rules: readonly Rule[]): string {
  const rows = catalog(rules).map((e) => `| \`${e.id}\` | ${e.severity} | ${e.requirements.join(", ")} | ${e.title} |`);
  return ["| id | severity | PCI DSS v4.0.1 | secure state |", "|---|---|---|---|", ...rows].join("\n");
}
