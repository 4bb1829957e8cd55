// The reference app synthesized twice, by cdktf 0.21 with @cdktf/provider-aws (hashicorp/aws 5.100)
// and by cdktn 0.24 with @cdktn/provider-aws (hashicorp/aws 6.66), must get the same verdicts, rule by
// rule and resource by resource, except where the provider version itself decides (named below).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../checks/engine/report.js";
import { synthWithCdktn } from "../support/cdktn/synth.js";
import { synthReferenceApp } from "../support/reference-synth.js";
import { checkReport } from "../support/run-cli.js";

const STACKS = ["shop-legacy", "shop-compliant"] as const;

/**
 * Verdicts that differ by provider version, and why. Each must differ exactly so: an exception that
 * no longer happens is removed here, not kept as a blanket allowance.
 */
const PROVIDER_DECIDES: Record<string, { aws5: string; aws6: string; reason: string }> = {
  "auth-event-logging": {
    aws5: "UNKNOWN",
    aws6: "FAIL",
    reason: "hashicorp/aws 5.100 has no aws_cognito_log_delivery_configuration, so no delivery proves nothing there",
  },
  "auth-log-retention": {
    aws5: "UNKNOWN",
    aws6: "NOT_APPLICABLE",
    reason: "without log delivery there is no retention to judge on 6.x; on 5.100 whether there is any is unknowable",
  },
};

let cdktfDir: string;
let cdktnDir: string;

beforeAll(() => {
  cdktfDir = synthReferenceApp();
  cdktnDir = synthWithCdktn();
}, 300_000);

/** "ruleId address" -> status. */
function verdicts(report: Report): Map<string, string> {
  return new Map(report.results.map((r) => [`${r.ruleId} ${r.resource.address ?? r.resource.key}`, r.status]));
}

describe.each(STACKS)("cdktf and cdktn synth parity: %s", (stack) => {
  it("pins hashicorp/aws 5.x in one synth and 6.x in the other", () => {
    const pinned = (dir: string) =>
      (
        JSON.parse(readFileSync(join(dir, "stacks", stack, "cdk.tf.json"), "utf8")) as {
          terraform: { required_providers: { aws: { version: string } } };
        }
      ).terraform.required_providers.aws.version;
    expect(pinned(cdktfDir)).toBe("5.100.0");
    expect(pinned(cdktnDir)).toMatch(/^6\.\d+\.\d+$/);
  });

  it("gives the same verdicts except where the provider version decides", async () => {
    const aws5 = verdicts(await checkReport(["--synth", cdktfDir, "--stack", stack]));
    const aws6 = verdicts(await checkReport(["--synth", cdktnDir, "--stack", stack]));
    expect([...aws6.keys()].sort()).toEqual([...aws5.keys()].sort());
    const differences = [...aws5].filter(([key, status]) => aws6.get(key) !== status);
    for (const [key, status] of differences) {
      const exception = PROVIDER_DECIDES[key.split(" ")[0]!];
      expect(exception, `${key}: ${status} on aws 5, ${aws6.get(key)} on aws 6`).toBeDefined();
      expect({ aws5: status, aws6: aws6.get(key) }).toEqual({ aws5: exception!.aws5, aws6: exception!.aws6 });
    }
    // Every named exception still happens somewhere in the estate.
    const differing = new Set(differences.map(([key]) => key.split(" ")[0]));
    for (const ruleId of Object.keys(PROVIDER_DECIDES)) expect(differing, ruleId).toContain(ruleId);
  });
});
