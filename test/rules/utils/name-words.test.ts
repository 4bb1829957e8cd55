import { describe, expect, it } from "vitest";
import { matchesWords, nameWords } from "../../../checks/rules/utils/name-words.js";

describe("whole-word matching of attribute names (RULES.md)", () => {
  it.each([
    ["loyalty_tier", ["loyalty", "tier"]],
    ["loyaltyTier", ["loyalty", "tier"]],
    ["tier2", ["tier", "2"]],
    ["ADMINRole", ["admin", "role"]],
    ["tenant-id.v2", ["tenant", "id", "v", "2"]],
    ["frontier", ["frontier"]],
  ])("%s is %j", (name, words) => expect(nameWords(name)).toEqual(words));

  it("a pattern matches a run of whole words, case-insensitively", () => {
    expect(matchesWords("loyalty_tier", "tier")).toBe(true);
    expect(matchesWords("loyaltyTier", "tier")).toBe(true);
    expect(matchesWords("frontier", "tier")).toBe(false);
    expect(matchesWords("tier2", "tier")).toBe(true);
    expect(matchesWords("ADMINRole", "admin")).toBe(true);
    expect(matchesWords("user_tenant_id", "tenant_id")).toBe(true);
    expect(matchesWords("tenant_name_id", "tenant_id")).toBe(false);
    expect(matchesWords("cardNumber", "card_number")).toBe(true);
    expect(matchesWords("x", "")).toBe(false);
  });
});
