// The rule catalog against its spec: docs/RULES.md (a committed copy of the product's rule catalog,
// revision 2) names every rule id and, per rule, the PCI DSS v4.0.1 requirements it cites with
// their relation and audience. Every rule that exists must agree with it exactly; the rules the spec
// lists that do not exist yet are a known, named list, so adding one means updating that list here.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CatalogEntry } from "../../checks/engine/catalog.js";
import { RULES } from "../../checks/rules/index.js";
import { AUDIENCES, type Audience } from "../../checks/model/index.js";
import { runCli } from "../support/run-cli.js";

/** The rules of RULES.md revision 2 that are not implemented yet (issue 12, a later session). */
const NOT_YET_IMPLEMENTED: readonly string[] = [];

interface SpecReference {
  readonly id: string;
  readonly relation: string;
  readonly audiences?: readonly Audience[];
}
interface SpecRule {
  readonly id: string;
  readonly pci: readonly SpecReference[];
  /** "best practice (Cognito.6)": the rule must cite a source (an audience in parentheses is not one). */
  readonly citesSource: boolean;
}

/** Splits at commas and semicolons outside parentheses and quotes. */
function segments(cell: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (const ch of cell) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === "(") depth += 1;
    if (!quoted && ch === ")") depth -= 1;
    if (!quoted && depth === 0 && (ch === "," || ch === ";")) {
      parts.push(current.trim());
      current = "";
    } else current += ch;
  }
  return [...parts, current.trim()].filter(Boolean);
}

const isAudience = (text: string | undefined): text is Audience =>
  text !== undefined && (AUDIENCES as readonly string[]).includes(text);

function parseMapping(id: string, cell: string): SpecRule {
  const pci: { id: string; relation?: string; audiences?: Audience[] }[] = [];
  let citesSource = false;
  for (const segment of segments(cell)) {
    const practice = /^best practice(?: on consumer pools)?(?: \((.+)\))?$/.exec(segment);
    if (practice) {
      if (!segment.includes("on consumer pools") && practice[1] !== undefined && !isAudience(practice[1]))
        citesSource = true;
      continue;
    }
    const reference = /^(\d+(?:\.\d+)*)(?: (meets|supports))?(?: \((.+)\))?$/.exec(segment);
    if (!reference) throw new Error(`${id}: cannot read the mapping segment ${JSON.stringify(segment)}`);
    const [, requirement, relation, note] = reference;
    pci.push({
      id: requirement!,
      ...(relation ? { relation } : {}),
      ...(isAudience(note) ? { audiences: [note] } : {}),
    });
  }
  // "3.2.1, 3.3.1, 3.5.1 meets": an id without a relation takes the next one written.
  const resolved = pci.map((ref, i) => ({
    ...ref,
    relation: ref.relation ?? pci.slice(i).find((r) => r.relation)?.relation ?? "",
  }));
  return { id, pci: resolved, citesSource };
}

function specRules(): SpecRule[] {
  const text = readFileSync(join(process.cwd(), "docs", "RULES.md"), "utf8");
  return text
    .split("\n")
    .filter((line) => /^\| [a-z0-9-]+ \|/.test(line) && !line.startsWith("| id |"))
    .map((line) => {
      const cells = line.split("|").map((c) => c.trim());
      return parseMapping(cells[1]!, cells[3]!);
    });
}

const spec = specRules();
const specById = new Map(spec.map((r) => [r.id, r]));
const implemented = new Map(RULES.map((r) => [r.meta.id, r.meta]));

describe("the rule catalog agrees with RULES.md revision 2", () => {
  it("RULES.md lists 53 distinct rule ids", () => {
    expect(spec).toHaveLength(53);
    expect(specById.size).toBe(53);
  });

  it("every rule that exists is in RULES.md", () => {
    expect([...implemented.keys()].filter((id) => !specById.has(id))).toEqual([]);
  });

  it("the rules RULES.md lists that do not exist yet are exactly the known list", () => {
    const missing = spec.map((r) => r.id).filter((id) => !implemented.has(id));
    expect(missing.sort()).toEqual(NOT_YET_IMPLEMENTED);
  });

  it.each([...implemented.keys()])("%s cites the requirements, relations and audiences RULES.md gives", (id) => {
    const meta = implemented.get(id)!;
    const expected = specById.get(id)!;
    expect(
      meta.pci.map((r) => ({ id: r.id, relation: r.relation, ...(r.audiences ? { audiences: r.audiences } : {}) })),
    ).toEqual(expected.pci);
    if (expected.citesSource || meta.pci.length === 0) expect(meta.sources?.length ?? 0).toBeGreaterThan(0);
  });

  it("`authwarden rules --format json` lists every rule with its relations and references", async () => {
    const { code, stdout, stderr } = await runCli(["rules", "--format", "json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const entries = JSON.parse(stdout) as CatalogEntry[];
    expect(entries.map((e) => e.id)).toEqual([...implemented.keys()].sort());
    for (const entry of entries) {
      const meta = implemented.get(entry.id)!;
      expect(entry.pci).toEqual(meta.pci);
      expect(entry.requirements).toEqual(meta.pci.map((r) => r.id));
      expect(entry.sources).toEqual(meta.sources ?? []);
    }
  });
});
