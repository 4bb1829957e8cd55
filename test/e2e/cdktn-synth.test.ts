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
 * Verdicts that differ by provider version, per stack, rule and pool, and why. hashicorp/aws 5.100 has no
 * aws_cognito_log_delivery_configuration: whether user activity logs are delivered, and how long they are
 * kept, cannot be told from its configuration (UNKNOWN, with the reason); on 6.x the stacks declare the
 * delivery where their profile has one, so the rules judge it. The differences must be exactly these:
 * an exception that no longer happens is removed here, not kept as a blanket allowance.
 */
const PROVIDER_DECIDES: Record<(typeof STACKS)[number], Record<string, { aws5: string; aws6: string }>> = {
  "shop-compliant": {
    // Both pools send their sign-in events to a log group kept 400 days.
    "auth-event-logging shopsphere-compliant-customers": { aws5: "UNKNOWN", aws6: "PASS" },
    "auth-event-logging shopsphere-compliant-staff": { aws5: "UNKNOWN", aws6: "PASS" },
    "auth-log-retention shopsphere-compliant-customers": { aws5: "UNKNOWN", aws6: "PASS" },
    "auth-log-retention shopsphere-compliant-staff": { aws5: "UNKNOWN", aws6: "PASS" },
  },
  "shop-legacy": {
    // The consumer pool delivers nothing (no retention to judge); the staff pool keeps its events 30 days.
    "auth-event-logging shopsphere-legacy-customers": { aws5: "UNKNOWN", aws6: "FAIL" },
    "auth-event-logging shopsphere-legacy-staff": { aws5: "UNKNOWN", aws6: "PASS" },
    "auth-log-retention shopsphere-legacy-customers": { aws5: "UNKNOWN", aws6: "NOT_APPLICABLE" },
    "auth-log-retention shopsphere-legacy-staff": { aws5: "UNKNOWN", aws6: "FAIL" },
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
    const aws5Report = await checkReport(["--synth", cdktfDir, "--stack", stack]);
    const aws5 = verdicts(aws5Report);
    const aws6 = verdicts(await checkReport(["--synth", cdktnDir, "--stack", stack]));
    expect([...aws6.keys()].sort()).toEqual([...aws5.keys()].sort());
    const names = new Map(aws5Report.results.map((r) => [`${r.ruleId} ${r.resource.address ?? r.resource.key}`, r]));
    const differences = Object.fromEntries(
      [...aws5]
        .filter(([key, status]) => aws6.get(key) !== status)
        .map(([key, status]) => {
          const result = names.get(key)!;
          return [`${result.ruleId} ${result.resource.name}`, { aws5: status, aws6: aws6.get(key) }];
        }),
    );
    expect(differences).toEqual(PROVIDER_DECIDES[stack]);
  });
});
