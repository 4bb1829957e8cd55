// The hashicorp/aws 6.x shape of log delivery, as cdktn's @cdktn/provider-aws synthesizes it
// (test/fixtures/cdktn-log-delivery: a committed synth and the script that makes it), read by the
// synth loader and judged by auth-event-logging and auth-log-retention.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Rule } from "../../../checks/engine/rule.js";
import authEventLogging from "../../../checks/rules/auth-event-logging.js";
import authLogRetention from "../../../checks/rules/auth-log-retention.js";
import { loadSynth } from "../../../checks/sources/synth/loader.js";
import { evaluateRule } from "../../harness/rule-tester.js";

const FIXTURE = join("test", "fixtures", "cdktn-log-delivery");
const STACK_JSON = join("stacks", "log-delivery", "cdk.tf.json");

describe("log delivery in the hashicorp/aws 6.x shape (cdktn synth)", () => {
  const estate = loadSynth(join(FIXTURE, "synth"));
  const verdicts = (rule: Rule): Record<string, string> =>
    Object.fromEntries(evaluateRule(rule, estate).map((r) => [r.resource.name, `${r.status} ${r.messageId}`]));

  it("reads provider 6.66 as able to express log delivery, and each destination with its target", () => {
    expect(estate.diagnostics).toEqual([]);
    expect(estate.logDeliveryExpressible.known).toBe(true);
    const targets = estate.logDeliveries.map((d) => {
      const c = d.configurations.known ? d.configurations.value[0] : undefined;
      const days = c?.target?.retentionDays;
      return `${d.userPool?.name.known ? d.userPool.name.value : "?"}: ${c?.target?.kind} ${c?.target?.target ?? "-"} ${days?.known ? String(days.value) : "unknown"}`;
    });
    expect(targets.sort()).toEqual([
      "fail_bucket_expires_30: s3 aws_s3_bucket.auth-logs 30",
      "fail_retention_90: cloudwatch-logs aws_cloudwatch_log_group.fail_retention_90-group 90",
      "pass_never_expires: cloudwatch-logs aws_cloudwatch_log_group.pass_never_expires-group null",
      "pass_retention_400: cloudwatch-logs aws_cloudwatch_log_group.pass_retention_400-group 400",
      "unknown_firehose: firehose - unknown",
    ]);
  });

  it("auth-log-retention judges each pool by its destination's retention", () => {
    expect(verdicts(authLogRetention)).toEqual({
      pass_retention_400: "PASS pass",
      pass_never_expires: "PASS passNeverExpires",
      fail_retention_90: "FAIL tooShort",
      fail_bucket_expires_30: "FAIL tooShort",
      unknown_firehose: "UNKNOWN unknown",
      na_no_delivery: "NOT_APPLICABLE notApplicable",
    });
  });

  it("auth-event-logging finds the delivery, and FAILs the pool without one (6.66 can express it)", () => {
    expect(verdicts(authEventLogging)).toEqual({
      pass_retention_400: "PASS pass",
      pass_never_expires: "PASS pass",
      fail_retention_90: "PASS pass",
      fail_bucket_expires_30: "PASS pass",
      unknown_firehose: "PASS pass",
      na_no_delivery: "FAIL missing",
    });
  });

  it("the committed synth is what its script makes", () => {
    const out = mkdtempSync(join(tmpdir(), "authwarden-cdktn-log-delivery-"));
    execFileSync("npx", ["tsx", join(FIXTURE, "synth.ts"), out], { stdio: "pipe" });
    expect(readFileSync(join(out, STACK_JSON), "utf8")).toBe(readFileSync(join(FIXTURE, "synth", STACK_JSON), "utf8"));
  }, 60_000);
});
