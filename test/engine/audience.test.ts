// An audience that cannot be read is unknown, never the default: the verdicts that depend on it are
// UNKNOWN with the reason, and those every audience agrees on stand. The estates come from the synth
// loader; the pool's tags are then made unknown, as a live scan whose DescribeUserPool failed leaves them.

import { describe, expect, it } from "vitest";
import { AudienceIndex } from "../../checks/engine/audience.js";
import { evaluate } from "../../checks/engine/evaluate.js";
import { loadPolicy } from "../../checks/engine/policy-pack.js";
import { unknown, type Estate } from "../../checks/model/index.js";
import { RULES_BY_ID } from "../../checks/rules/index.js";
import { client, consumerPool } from "../harness/cognito-fixtures.js";
import { estateOf } from "../harness/synth-fixture.js";

const REASON = "user pool eu-west-1_x could not be read: access denied (AccessDeniedException: not authorized)";

function withUnreadTags(estate: Estate): Estate {
  const pools = estate.userPools.map((pool) => ({ ...pool, tags: unknown(REASON) }));
  const byKey = new Map(pools.map((p) => [p.key, p]));
  return {
    ...estate,
    userPools: pools,
    userPoolClients: estate.userPoolClients.map((c) =>
      c.userPool ? { ...c, userPool: byKey.get(c.userPool.key)! } : c,
    ),
  };
}

const policy = loadPolicy("pci-dss-4.0.1", RULES_BY_ID);

describe("an audience that cannot be read", () => {
  const estate = estateOf((s) => {
    const pool = consumerPool(s, "shoppers", {
      passwordPolicy: { minimumLength: 8 },
      mfaConfiguration: "OFF",
      adminCreateUserConfig: { allowAdminCreateUserOnly: false },
    });
    client(s, "web", pool);
  });
  const faulted = withUnreadTags(estate);

  it("is unknown, with the reason, for the pool and what inherits from it", () => {
    const index = new AudienceIndex(faulted, policy.audience);
    const pool = faulted.userPools[0]!;
    expect(index.of(pool)).toMatchObject({ via: "unknown", declared: false });
    expect(index.of(pool).unknown).toBe(`the pci:audience tag of user pool shoppers cannot be read: ${REASON}`);
    expect(index.of(faulted.userPoolClients[0]!).via).toBe("unknown");
    expect(index.hasUnknown).toBe(true);
    expect(new AudienceIndex(estate, policy.audience).hasUnknown).toBe(false);
  });

  it("makes the verdicts that differ by audience UNKNOWN, keeps those every audience agrees on, and exempts no requirement", () => {
    const before = evaluate(estate, policy, RULES_BY_ID);
    const after = evaluate(faulted, policy, RULES_BY_ID);
    const verdict = (report: typeof before, ruleId: string) => report.results.find((r) => r.ruleId === ruleId);
    // 8 characters pass a consumer pool and fail a workforce one; self-signup is not applicable to consumers only.
    expect(verdict(before, "password-min-length")?.status).toBe("PASS");
    expect(verdict(before, "self-signup-disabled")?.status).toBe("NOT_APPLICABLE");
    for (const ruleId of ["password-min-length", "self-signup-disabled"]) {
      const result = verdict(after, ruleId)!;
      expect(result.status, ruleId).toBe("UNKNOWN");
      expect(result.message).toBe(
        `shoppers: the audience this verdict depends on cannot be determined: the pci:audience tag of user pool shoppers cannot be read: ${REASON}`,
      );
      expect(result.audience).toEqual({ audience: "workforce", declared: false, via: "unknown" });
      expect(result.controls.every((c) => c.applicable)).toBe(true);
    }
    // MFA off fails every audience: that verdict does not depend on the audience and stands.
    expect(verdict(before, "mfa-required")?.status).toBe("FAIL");
    expect(verdict(after, "mfa-required")?.status).toBe("FAIL");
    expect(after.audiences).toEqual([expect.objectContaining({ name: "shoppers", via: "unknown", declared: false })]);
    // No verdict improves because the audience is unknown.
    const statusBefore = new Map(before.results.map((r) => [`${r.ruleId}|${r.resource.key}`, r.status]));
    for (const result of after.results)
      if (result.status === "PASS" || result.status === "NOT_APPLICABLE")
        expect(statusBefore.get(`${result.ruleId}|${result.resource.key}`), result.ruleId).toBe(result.status);
  });
});
