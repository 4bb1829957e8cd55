// check --hcl on log delivery as hashicorp/aws 6.x declares it (aws_cognito_log_delivery_configuration,
// 6.5.0 and later): HCL needs no provider binding, so it judges what the machine's 5.100 mirror cannot
// plan. Pools named after their verdicts (fail_: a FAIL of one of the two rules); a pool
// without delivery pinned to 5.100.0 is UNKNOWN with the provider's reason, since that version cannot
// express log delivery.

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../../checks/engine/report.js";
import { checkReport } from "../../support/run-cli.js";

const versions = (constraint: string) => `terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "${constraint}"
    }
  }
}
`;

const pool = (name: string) => `
resource "aws_cognito_user_pool" "${name}" {
  name           = "${name}"
  user_pool_tier = "PLUS"
}
`;

const loggedPool = (name: string, retention: number | undefined) => `${pool(name)}
resource "aws_cloudwatch_log_group" "${name}" {
  name = "/aws/cognito/${name}/user-activity"${retention === undefined ? "" : `\n  retention_in_days = ${retention}`}
}

resource "aws_cognito_log_delivery_configuration" "${name}" {
  user_pool_id = aws_cognito_user_pool.${name}.id
  log_configurations {
    event_source = "userAuthEvents"
    log_level    = "INFO"
    cloud_watch_logs_configuration {
      log_group_arn = aws_cloudwatch_log_group.${name}.arn
    }
  }
}
`;

const ESTATE = [
  loggedPool("pass_400_days", 400),
  loggedPool("pass_never_expires", undefined),
  loggedPool("fail_30_days", 30),
  pool("fail_no_delivery"),
].join("");

function write(constraint: string, estate: string): string {
  const dir = mkdtempSync(join(tmpdir(), "authwarden-hcl-logs-"));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "versions.tf"), versions(constraint));
  writeFileSync(join(dir, "main.tf"), estate);
  return dir;
}

const verdicts = (report: Report, ruleId: string) =>
  Object.fromEntries(
    report.results
      .filter((r) => r.ruleId === ruleId && r.resource.kind === "UserPool")
      .map((r) => [r.resource.name, r.status]),
  );

let six: string;
let five: string;

beforeAll(() => {
  six = write("~> 6.66", ESTATE);
  // 5.100.0 would reject the delivery resources, so this estate declares none.
  five = write("5.100.0", pool("unknown_no_delivery"));
});

describe("check --hcl: log delivery of hashicorp/aws 6.x", () => {
  it("judges delivery and retention per pool", async () => {
    const report = await checkReport(["--hcl", six, "--rule", "auth-event-logging", "--rule", "auth-log-retention"]);
    expect(verdicts(report, "auth-event-logging")).toEqual({
      pass_400_days: "PASS",
      pass_never_expires: "PASS",
      fail_30_days: "PASS",
      fail_no_delivery: "FAIL",
    });
    expect(verdicts(report, "auth-log-retention")).toEqual({
      pass_400_days: "PASS",
      pass_never_expires: "PASS",
      fail_30_days: "FAIL",
      fail_no_delivery: "NOT_APPLICABLE",
    });
  });

  it("is UNKNOWN with the provider's reason where the pinned version cannot express log delivery", async () => {
    const report = await checkReport(["--hcl", five, "--rule", "auth-event-logging"]);
    const results = report.results.filter(
      (r) => r.ruleId === "auth-event-logging" && r.resource.name === "unknown_no_delivery",
    );
    expect(results.map((r) => r.status)).toEqual(["UNKNOWN"]);
    expect(results[0]!.message).toMatch(/5\.100\.0/);
  });
});
