import { describe, expect, it } from "vitest";
import { parseLogGroupArn } from "../../checks/model/log-group-arn.js";

describe("parseLogGroupArn", () => {
  it.each([
    [
      "arn:aws:logs:eu-west-1:111122223333:log-group:/aws/cognito/shop",
      { partition: "aws", region: "eu-west-1", account: "111122223333", name: "/aws/cognito/shop" },
    ],
    [
      "arn:aws:logs:eu-west-1:111122223333:log-group:/aws/cognito/shop:*",
      { partition: "aws", region: "eu-west-1", account: "111122223333", name: "/aws/cognito/shop" },
    ],
    [
      "arn:aws-us-gov:logs:us-gov-west-1:111122223333:log-group:gov_logs.v1#a",
      { partition: "aws-us-gov", region: "us-gov-west-1", account: "111122223333", name: "gov_logs.v1#a" },
    ],
    [
      "arn:aws-cn:logs:cn-north-1:111122223333:log-group:cn-logs",
      { partition: "aws-cn", region: "cn-north-1", account: "111122223333", name: "cn-logs" },
    ],
  ])("reads %s", (arn, parts) => {
    expect(parseLogGroupArn(arn)).toEqual(parts);
  });

  it.each([
    ["a log stream", "arn:aws:logs:eu-west-1:111122223333:log-group:shop:log-stream:one"],
    ["a suffix other than :*", "arn:aws:logs:eu-west-1:111122223333:log-group:shop:x"],
    ["no Region", "arn:aws:logs::111122223333:log-group:shop"],
    ["no account", "arn:aws:logs:eu-west-1::log-group:shop"],
    ["an account that is not 12 digits", "arn:aws:logs:eu-west-1:1111:log-group:shop"],
    ["no name", "arn:aws:logs:eu-west-1:111122223333:log-group:"],
    ["only the :* suffix", "arn:aws:logs:eu-west-1:111122223333:log-group::*"],
    ["another service", "arn:aws:s3:::shop-logs"],
    ["an unknown partition", "arn:gcp:logs:eu-west-1:111122223333:log-group:shop"],
    ["a bare name", "/aws/cognito/shop"],
    ["empty text", ""],
  ])("reads no log group from %s", (_what, arn) => {
    expect(parseLogGroupArn(arn)).toBeUndefined();
  });
});
