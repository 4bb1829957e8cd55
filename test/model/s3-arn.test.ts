import { describe, expect, it } from "vitest";
import { bucketOfArn } from "../../checks/model/s3-arn.js";

describe("bucketOfArn", () => {
  it.each([
    ["arn:aws:s3:::shop-auth-logs", "shop-auth-logs"],
    ["arn:aws-us-gov:s3:::gov-logs", "gov-logs"],
  ])("names the bucket of %s", (arn, bucket) => {
    expect(bucketOfArn(arn)).toBe(bucket);
  });

  it.each([
    "arn:aws:s3:::shop-auth-logs/cognito/*",
    "arn:aws:logs:eu-west-1:111122223333:log-group:x",
    "shop-auth-logs",
    "",
  ])("names no bucket for %j", (arn) => {
    expect(bucketOfArn(arn)).toBeUndefined();
  });
});
