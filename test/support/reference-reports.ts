// Makes a JSON report comparable across runs for the reference-report lock (test/e2e): it drops
// what a run cannot hold still and keeps every verdict, message, evidence and location.

import { tmpdir } from "node:os";

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
  const normalized = JSON.parse(renameEmulatorIds(JSON.stringify(copy).replace(TEMP_DIR, "<tmp>"))) as Record<
    string,
    unknown
  >;
  if (normalized.source !== "live") return normalized;
  for (const list of ["results", "audiences"]) {
    if (Array.isArray(normalized[list])) normalized[list] = sortedByContent(normalized[list] as unknown[]);
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
  [/\/webacl\/([^/"]+)\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, "/webacl/$1/<web-acl-id>"],
  // API Gateway ids may be all letters, so they are recognised by where they stand.
  [/\/restapis\/[0-9a-z]{10}\b/g, "/restapis/<rest-api-id>"],
  [/\/resources\/[0-9a-z]{10}\b/g, "/resources/<api-resource-id>"],
];

function renameEmulatorIds(text: string): string {
  return EMULATOR_IDS.reduce((out, [pattern, name]) => out.replace(pattern, name), text);
}

function sortedByContent<T>(items: readonly T[]): T[] {
  return items
    .map((item) => ({ item, text: JSON.stringify(item) }))
    .sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
    .map(({ item }) => item);
}
