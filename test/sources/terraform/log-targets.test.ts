// A log destination's target is found through indexes built once per scope, as the per-destination
// scan they replace found it: a literal ARN names the first managed resource of that name (a data
// source of the same name is not one), and a bucket's lifecycle configurations, named by reference
// or by literal bucket name, all count.

import { describe, expect, it } from "vitest";
import { Attributes, type TerraformResource } from "../../../checks/sources/terraform/attributes.js";
import { ResourceIndex } from "../../../checks/sources/terraform/iam.js";
import { readLogDestination } from "../../../checks/sources/terraform/log-targets.js";

// Configuration-mode resources as a cdktf synth gives them (strings are templates).
const resource = (
  type: string,
  name: string,
  values: Record<string, unknown>,
  mode: "managed" | "data" = "managed",
): TerraformResource => {
  const address = `${mode === "data" ? "data." : ""}${type}.${name}`;
  return { mode, type, address, values, attributeMode: "config", provenance: { source: "synth", address } };
};
const logGroup = (name: string, groupName: string, retention?: number, mode?: "managed" | "data") =>
  resource(
    "aws_cloudwatch_log_group",
    name,
    { name: groupName, ...(retention === undefined ? {} : { retention_in_days: retention }) },
    mode,
  );
const destination = (block: Record<string, unknown>) =>
  new Attributes(block, "config", "aws_cognito_log_delivery_configuration.logs.log_configurations");
const toGroup = (arn: string) => destination({ cloud_watch_logs_configuration: [{ log_group_arn: arn }] });
const toBucket = (arn: string) => destination({ s3_configuration: [{ bucket_arn: arn }] });
const expiring = (bucket: string, days: number) => ({
  bucket,
  rule: [{ id: "expire", status: "Enabled", expiration: [{ days }] }],
});

describe("readLogDestination", () => {
  const groups = [
    logGroup("data_auth", "/cognito/auth", 1, "data"),
    ...Array.from({ length: 50 }, (_, i) => logGroup(`other${i}`, `/cognito/other${i}`, 30)),
    logGroup("auth", "/cognito/auth", 365),
    logGroup("auth_again", "/cognito/auth", 7),
  ];
  const index = new ResourceIndex(groups);

  it.each([
    "arn:aws:logs:eu-west-1:111122223333:log-group:/cognito/auth",
    "arn:aws:logs:eu-west-1:111122223333:log-group:/cognito/auth:*",
  ])("takes the first managed log group named by literal ARN %s", (arn) => {
    const { destination: block, target } = readLogDestination(toGroup(arn), index);
    expect(block).toBe("cloud_watch_logs_configuration");
    expect(target).toMatchObject({ kind: "cloudwatch-logs", target: "aws_cloudwatch_log_group.auth" });
    expect(target?.retentionDays).toEqual({ known: true, value: 365, origin: "configured" });
  });

  it("finds each log group of many by its own name", () => {
    for (const i of [0, 17, 49]) {
      const { target } = readLogDestination(
        toGroup(`arn:aws:logs:eu-west-1:111122223333:log-group:/cognito/other${i}`),
        index,
      );
      expect(target?.target).toBe(`aws_cloudwatch_log_group.other${i}`);
    }
  });

  it("resolves a reference to the log group by address", () => {
    const { target } = readLogDestination(toGroup("${aws_cloudwatch_log_group.auth_again.arn}"), index);
    expect(target?.target).toBe("aws_cloudwatch_log_group.auth_again");
    expect(target?.retentionDays).toEqual({ known: true, value: 7, origin: "configured" });
  });

  it.each([
    "arn:aws:logs:eu-west-1:111122223333:log-group:/cognito/missing",
    "arn:aws:logs:eu-west-1:111122223333:log-group:/cognito/auth:log-stream:x",
  ])("leaves the retention unknown for %s, no log group of this configuration", (arn) => {
    const { target } = readLogDestination(toGroup(arn), index);
    expect(target?.target).toBeUndefined();
    expect(target?.retentionDays).toMatchObject({ known: false });
  });

  it("reads a bucket's lifecycle configurations named by reference and by literal name", () => {
    const buckets = new ResourceIndex([
      resource("aws_s3_bucket", "logs", { bucket: "shop-auth-logs" }),
      resource("aws_s3_bucket", "other", { bucket: "other-logs" }),
      resource("aws_s3_bucket_lifecycle_configuration", "by_ref", expiring("${aws_s3_bucket.logs.id}", 400)),
      resource("aws_s3_bucket_lifecycle_configuration", "by_name", expiring("shop-auth-logs", 380)),
      resource("aws_s3_bucket_lifecycle_configuration", "other", expiring("other-logs", 5)),
      resource("aws_s3_bucket_lifecycle_configuration", "data", expiring("shop-auth-logs", 1), "data"),
    ]);
    const { target } = readLogDestination(toBucket("arn:aws:s3:::shop-auth-logs"), buckets);
    expect(target?.target).toBe("aws_s3_bucket.logs");
    expect(target?.retentionDays).toEqual({ known: true, value: 380, origin: "configured" });
    const other = readLogDestination(toBucket("${aws_s3_bucket.other.arn}"), buckets).target;
    expect(other?.retentionDays).toEqual({ known: true, value: 5, origin: "configured" });
  });
});
