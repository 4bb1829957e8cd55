import { describe, expect, it } from "vitest";
import { wildcardMatch } from "../../checks/iam/analysis.js";
import { compileGlob, globMatch } from "../../checks/iam/wildcard.js";

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
    const x = compileGlob("x*");
    expect([x.test("x"), x.test("xyz"), x.test("ax"), x.pattern]).toEqual([true, true, false, "x*"]);
  });

  it("keeps wildcardMatch's IAM defaults: case-insensitive unless the third argument is false", () => {
    expect(wildcardMatch("COGNITO-IDP:*", "cognito-idp:AdminGetUser")).toBe(true);
    expect(wildcardMatch("arn:aws:s3:::Bucket/*", "arn:aws:s3:::bucket/x", false)).toBe(false);
  });

  it("matches the edge cases of the two-pointer walk", () => {
    const cases: [string, string, boolean][] = [
      ["", "", true],
      ["", "a", false],
      ["*", "", true],
      ["**", "abc", true],
      ["a*", "a", true],
      ["*a", "ba", true],
      ["*a", "ab", false],
      ["a*b*c", "abbbc", true],
      ["a*b*c", "acb", false],
      ["*ab*ab", "xabyabab", true],
      ["a?c", "ac", false],
      ["?*", "", false],
      ["*?", "a", true],
      ["a\u0000b", "a\u0000b", true],
      ["a\u0000*", "a", false],
      ["prod-*", "prod-x\nstaff", true],
    ];
    for (const [pattern, value, expected] of cases)
      expect([pattern, value, globMatch(pattern, value)]).toEqual([pattern, value, expected]);
  });

  it("folds case of the pattern and the value alike, wildcards included", () => {
    const g = compileGlob("Pool-*-ADMIN?", { ignoreCase: true });
    expect([g.test("pool-eu-admin1"), g.test("POOL--ADMINS"), g.test("pool-eu-admin")]).toEqual([true, true, false]);
  });

  it("returns on a pattern that makes a backtracking RegExp exponential", () => {
    // Against a RegExp, `*L*L*-portal*` on 6,000 characters took minutes; the walk is O(n·m).
    const name = "L".repeat(6_000);
    expect(globMatch("*L*L*-portal*", name, { questionMark: false })).toBe(false);
    expect(globMatch("*L*L*-portal*", `${name}-portal`, { questionMark: false })).toBe(true);
    expect(globMatch("*a*a*a*a*a*a*a*b", "a".repeat(6_000))).toBe(false);
    expect(compileGlob("*?*?*?*?*x", { ignoreCase: true }).test("Y".repeat(6_000))).toBe(false);
  });
});
