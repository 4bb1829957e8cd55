// Makes a JSON report comparable across runs for the reference-report lock (test/e2e): it drops
// what a run cannot hold still and keeps every verdict, message, evidence and location.

import { tmpdir } from "node:os";
import { resolve } from "node:path";

/** The checkout the reports were made in: the project's policy file is named by its absolute path. */
const CHECKOUT = resolve(import.meta.dirname, "..", "..");

const TEMP_DIR = new RegExp(
  `${tmpdir().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/authwarden-[a-z-]+?-[A-Za-z0-9]{6}`,
  "g",
);

export function normalizeReport(report: Record<string, unknown>): unknown {
  const copy = { ...report };
  delete copy.generatedAt;
  if (Array.isArray(copy.inputs)) {
    // A plan carries its timestamp, and cdktf writes absolute paths of the checkout into what it synthesizes.
    copy.inputs = (copy.inputs as { sha256?: string }[]).map((input) => ({ ...input, sha256: "(varies by run)" }));
  }
  const normalized = JSON.parse(
    renameEmulatorIds(
      JSON.stringify(copy).replace(TEMP_DIR, "<tmp>").replaceAll(JSON.stringify(CHECKOUT).slice(1, -1), "<checkout>"),
    ),
  ) as Record<string, unknown>;
  if (normalized.source !== "live") return normalized;
  // The emulator listens on a port the OS picks.
  const scan = normalized.scan as { endpoint?: { url: string; overridden: boolean } } | undefined;
  if (scan?.endpoint?.overridden) scan.endpoint.url = "<emulator>";
  if (Array.isArray(normalized.audiences)) normalized.audiences = sortedByContent(normalized.audiences as unknown[]);
  if (Array.isArray(normalized.results)) {
    // The emulator lists pools in the order a parallel apply created them, so results are sorted and
    // the requirement roll-up's references to them (by index) follow them to their new places.
    const order = sortedOrder(normalized.results as unknown[]);
    normalized.results = order.map((i) => (normalized.results as unknown[])[i]);
    const newIndex = new Map(order.map((old, i) => [old, i]));
    for (const requirement of (normalized.requirements ?? []) as { rows?: { result: number }[] }[]) {
      requirement.rows = requirement.rows
        ?.map((row) => ({ ...row, result: newIndex.get(row.result)! }))
        .sort((a, b) => a.result - b.result);
    }
  }
  return normalized;
}

/**
 * The emulator assigns new ids on every apply. Each is replaced by what it is, and lists whose order
 * follows the ids are sorted; resources stay told apart by their names, parents and kinds.
 */
const EMULATOR_IDS: readonly [RegExp, string][] = [
  [/\b[a-z]{2}-[a-z]+-\d_[0-9a-f]{32}\b/g, "<user-pool-id>"],
  [/\b[a-z]{2}-[a-z]+-\d:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, "<identity-pool-id>"],
  [/\b(?=[0-9a-z]*\d)(?=[0-9a-z]*[a-z])[0-9a-z]{26}\b/g, "<client-id>"],
  // Client secrets are named after their creation (<client-id>--<epoch>) and dated: both change on every apply.
  [/<client-id>--\d+/g, "<client-id>--<secret-created>"],
  [/\bcreated \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g, "created <secret-created>"],
  [/\/webacl\/([^/"]+)\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, "/webacl/$1/<web-acl-id>"],
  // API Gateway ids may be all letters, so they are recognised by where they stand.
  [/\/restapis\/[0-9a-z]{10}\b/g, "/restapis/<rest-api-id>"],
  [/\/resources\/[0-9a-z]{10}\b/g, "/resources/<api-resource-id>"],
  // HTTP APIs (API Gateway v2): the emulator's ids are 8 letters.
  [/\/apis\/[0-9a-z]{8}\b/g, "/apis/<http-api-id>"],
  [/\/routes\/[0-9a-z]{8}\b/g, "/routes/<http-route-id>"],
  [/\/authorizers\/[0-9a-z]{8}\b/g, "/authorizers/<http-authorizer-id>"],
];

function renameEmulatorIds(text: string): string {
  return EMULATOR_IDS.reduce((out, [pattern, name]) => out.replace(pattern, name), text);
}

/** The indexes of items in the order of their JSON text. */
function sortedOrder(items: readonly unknown[]): number[] {
  return items
    .map((item, index) => ({ index, text: JSON.stringify(item) }))
    .sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
    .map(({ index }) => index);
}

function sortedByContent<T>(items: readonly T[]): T[] {
  return sortedOrder(items).map((i) => items[i]!);
}
