import { describe, expect, it } from "vitest";
import { wordPattern, wordPatterns, wordsOf } from "../../../checks/rules/utils/word-match.js";

describe("wordsOf: the words of an attribute name (RULES.md)", () => {
  it.each([
    ["loyalty_tier", ["loyalty", "tier"]],
    ["loyaltyTier", ["loyalty", "tier"]],
    ["tier2", ["tier", "2"]],
    ["ADMINRole", ["admin", "role"]],
    ["is-admin.flag", ["is", "admin", "flag"]],
    ["tenantID", ["tenant", "id"]],
    ["frontier", ["frontier"]],
    ["custom:role", ["custom", "role"]],
  ])("%s is %j", (name, words) => {
    expect(wordsOf(name)).toEqual(words);
  });
});

describe("wordPattern: a run of whole words, case-insensitive", () => {
  it.each([
    ["tier", "loyalty_tier", true],
    ["tier", "loyaltyTier", true],
    ["tier", "frontier", false],
    ["tier", "tier2", true],
    ["tier", "TIER", true],
    ["admin", "ADMINRole", true],
    ["role", "ADMINRole", true],
    ["tenant_id", "tenantId", true],
    ["tenant_id", "tenant", false],
    ["tenant_id", "id_tenant", false],
    ["plan", "planet", false],
    ["plan", "billing_plan", true],
    ["perm*", "user_permissions", true],
    ["is_admin", "isAdmin", true],
  ])("%s against %s: %s", (pattern, name, expected) => {
    expect(wordPattern(pattern).test(name)).toBe(expected);
  });
});

describe("plain words (wildcards: false, as no-cardholder-data-attributes matches)", () => {
  it.each([
    ["loyalty_tier", ["loyalty", "tier"]],
    ["tenant-id.v2", ["tenant", "id", "v", "2"]],
    ["card*number", ["card", "number"]],
  ])("%s is %j", (name, words) => {
    expect(wordsOf(name, { wildcards: false })).toEqual(words);
  });

  it.each([
    ["tier", "loyalty_tier", true],
    ["tier", "frontier", false],
    ["tenant_id", "user_tenant_id", true],
    ["tenant_id", "tenant_name_id", false],
    ["card_number", "cardNumber", true],
    ["card*", "cardholder", false],
    ["card*", "card", true],
    ["", "x", false],
  ])("%s against %s: %s", (pattern, name, expected) => {
    expect(wordPattern(pattern, { wildcards: false }).test(name)).toBe(expected);
  });
});

describe("wordPatterns: a list tried in order against a name split once", () => {
  it("gives the first pattern of the list that matches, or undefined", () => {
    const list = ["frontier", "tier", "loyalty_tier"];
    expect(wordPatterns(list).first("loyaltyTier")?.pattern).toBe("tier");
    expect(wordPatterns(list).first("frontiers")).toBeUndefined();
  });

  it("drops a prefix from the patterns, case-insensitively", () => {
    const list = ["CUSTOM:role", "custom:tier", "plan"];
    const prepared = wordPatterns(list, { dropPrefix: "custom:" });
    expect(prepared.first("admin_role")?.pattern).toBe("role");
    expect(prepared.first("billing_plan")?.pattern).toBe("plan");
    expect(wordPatterns(list).first("admin_role")).toBeUndefined();
  });

  it("prepares a list once per variant: the same list with other options is prepared apart", () => {
    const list = ["card*"];
    expect(wordPatterns(list).first("cardholder")?.pattern).toBe("card*");
    expect(wordPatterns(list, { wildcards: false }).first("cardholder")).toBeUndefined();
    expect(wordPatterns(list)).toBe(wordPatterns(list));
  });
});
