// The parity rows of `authwarden verify`, on reports the engine made from one synthesized stack: a
// live-only rule that synth lists as not judged is no disagreement; a source that misses a resource is.

import { describe, expect, it } from "vitest";
import { evaluate } from "../../../checks/engine/evaluate.js";
import { loadPolicy } from "../../../checks/engine/policy-pack.js";
import type { Report } from "../../../checks/engine/report.js";
import { RULES_BY_ID } from "../../../checks/rules/index.js";
import { parityRows } from "../../../checks/testing/verify/parity.js";
import { client, userPool } from "../../harness/cognito-fixtures.js";
import { estateOf } from "../../harness/synth-fixture.js";

const synth: Report = evaluate(
  estateOf((s) => client(s, "web", userPool(s, "staff", { mfaConfiguration: "ON" }))),
  loadPolicy("pci-dss-4.0.1", RULES_BY_ID),
  RULES_BY_ID,
  { now: new Date("2026-06-01T00:00:00Z") },
);
const liveOnly = (synth.notJudged ?? [])[0]!.ruleId;
const pool = synth.results.find((r) => r.resource.kind === "UserPool" && r.status === "PASS")!;

describe("parityRows", () => {
  it("does not count a live-only rule that synth lists as not judged as a disagreement", () => {
    const live: Report = { ...synth, results: [...synth.results, { ...pool, ruleId: liveOnly, status: "PASS" }] };
    const rows = parityRows({ synth, live });
    expect(rows.find((r) => r.ruleId === liveOnly)).toMatchObject({ verdicts: { live: "PASS" }, broken: false });
    expect(rows.filter((r) => r.broken)).toEqual([]);
  });

  it("counts a resource that one source did not see, and two different verdicts", () => {
    const dropped = synth.results.filter((r) => r !== pool);
    const flipped = synth.results.map((r) => (r === pool ? { ...r, status: "FAIL" as const } : r));
    expect(parityRows({ synth, live: { ...synth, results: dropped } }).filter((r) => r.broken)).toHaveLength(1);
    expect(parityRows({ synth, live: { ...synth, results: flipped } }).filter((r) => r.broken)).toHaveLength(1);
  });
});
