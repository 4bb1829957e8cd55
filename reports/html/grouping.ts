// What keeps the evidence report readable (and printable) at estate scale: results grouped per
// rule and by what was found (the same finding on the same configuration), each group with its
// count, the first few resources named and the rest collapsed, and evidence references written
// as ranges of the register (roc.ts refRanges) instead of one reference per resource.

import type { Result } from "../../checks/engine/report.js";
import { refRangeParts, refRanges } from "../roc.js";

export { refRanges };
import { resourceLabel } from "../rule-info.js";
import { htmlStream, joined, type HtmlPart } from "./stream.js";
import { html } from "./template.js";

/** Resources named inline before the rest of a list is collapsed. */
export const NAMED_INLINE = 6;

const NATURAL = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** Register references for a table cell: the first ranges, then how many more (the register lists each rule's results together). */
export function refList(indexes: readonly number[], shown = 8): string {
  const parts = refRangeParts(indexes);
  return parts.length <= shown + 2
    ? parts.join(", ")
    : `${parts.slice(0, shown).join(", ")} and ${parts.length - shown} more`;
}

/** The message with the resource's name as [resource], so the same finding on many resources reads (and groups) once. */
export function genericMessage(result: Result): string {
  const label = resourceLabel(result);
  if (label.length < 3) return result.message;
  const message = result.message.startsWith(`${label}: `) ? result.message.slice(label.length + 2) : result.message;
  return message.split(label).join("[resource]");
}

/** What was examined: the evidence attributes and values, or the message when a rule gives none. */
export function examined(result: Result): string {
  if (result.evidence.length === 0) return genericMessage(result);
  return result.evidence
    .map((e) => `${e.attribute} = ${e.value}${e.origin === "default" ? " (default)" : ""}`)
    .join("\n");
}

export interface Group<T> {
  readonly key: string;
  readonly items: readonly T[];
}

/** Items grouped by key, groups in the order their first item appears. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Group<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return [...groups].map(([k, list]) => ({ key: k, items: list }));
}

/** The resources by name (natural order; the kind too when they are of several), the first few inline and the rest collapsed. */
export function resourceList(results: readonly Result[]): HtmlPart {
  const kinds = new Set(results.map((r) => r.resource.kind));
  const label = (r: Result) => (kinds.size > 1 ? `${r.resource.kind} ${resourceLabel(r)}` : resourceLabel(r));
  const names = [...new Set(results.map(label))].sort(NATURAL.compare);
  const inline = names.slice(0, NAMED_INLINE);
  const rest = names.slice(NAMED_INLINE);
  const list = html`${inline.map((n, i) => html`${i > 0 ? ", " : ""}${n}`)}`;
  if (rest.length === 0) return list;
  // The collapsed rest names every other resource of the group: written in batches, never one string.
  return htmlStream`${list} <details class="more"><summary>and ${rest.length} more</summary>${joined(rest, ", ")}</details>`;
}

/** "1 user pool", "12 resources". */
export function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? "" : "s"}`;
}
