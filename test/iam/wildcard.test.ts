import { describe, expect, it } from "vitest";
import { wildcardMatch } from "../../checks/iam/analysis.js";
import { globMatch, globRegExp } from "../../checks/iam/wildcard.js";

describe("the one glob matcher", () => {
  it("matches * across any run and ? as one character, anchored at both ends", () => {
    expect(globMatch("s3:Get*", "s3:GetObject")).toBe(true);
    expect(globMatch("s3:Get?bject", "s3:GetObject")).toBe(true);
    expect(globMatch("s3:Get", "s3:GetObject")).toBe(false);
    expect(globMatch("*Object", "s3:GetObjects")).toBe(false);
  });

  it("is case-sensitive unless told otherwise", () => {
    expect(globMatch("S3:get*", "s3:GetObject")).toBe(false);
    expect(globMatch("S3:get*", "s3:GetObject", { ignoreCase: true })).toBe(true);
  });

  it("takes ? literally for selectors, and regular expression characters always literally", () => {
    expect(globMatch("pool?", "pool1", { questionMark: false })).toBe(false);
    expect(globMatch("pool?", "pool?", { questionMark: false })).toBe(true);
    expect(globMatch("a.b+(c)[d]$^{e}|\\", "a.b+(c)[d]$^{e}|\\")).toBe(true);
    expect(globMatch("a.b", "axb")).toBe(false);
    expect(globRegExp("x*").source).toBe("^x.*$");
  });

  it("keeps wildcardMatch's IAM defaults: case-insensitive unless the third argument is false", () => {
    expect(wildcardMatch("COGNITO-IDP:*", "cognito-idp:AdminGetUser")).toBe(true);
    expect(wildcardMatch("arn:aws:s3:::Bucket/*", "arn:aws:s3:::bucket/x", false)).toBe(false);
  });
});
