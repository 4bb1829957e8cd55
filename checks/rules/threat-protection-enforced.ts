import { defineRule, evidenceOf, unknownFinding, type Finding, type NoOptions } from "../engine/rule.js";
import { defaultNote } from "./utils/value-rule.js";
import { SOURCES } from "./utils/sources.js";

type MessageId = "pass" | "notEnforced" | "tierTooLow";

export default defineRule<NoOptions, MessageId>({
  meta: {
    id: "threat-protection-enforced",
    title: "User pools enforce threat protection (advanced_security_mode ENFORCED, Plus tier)",
    description:
      "Threat protection analyses every sign-in for compromised credentials and account-takeover risk (it supports the dynamic analysis of PCI DSS 8.3.9; Security Hub Cognito.1). AUDIT only logs; ENFORCED acts. It needs user_pool_tier PLUS.",
    severity: "high",
    pci: [{ id: "8.3.9", relation: "supports" }],
    sources: [SOURCES.securityHubCognito1],
    resourceKinds: ["UserPool"],
    messages: {
      pass: "{{resource}} enforces threat protection (advanced_security_mode ENFORCED, tier PLUS)",
      notEnforced:
        "{{resource}} has threat protection {{actual}}{{origin}}; it must be ENFORCED, which needs user_pool_tier PLUS{{tierNote}}",
      tierTooLow:
        "{{resource}} sets advanced_security_mode ENFORCED but its tier is {{tier}}{{tierOrigin}}: threat protection needs user_pool_tier PLUS",
    },
    remediation: {
      summary: "Set user_pool_tier to PLUS and user_pool_add_ons.advanced_security_mode to ENFORCED.",
      cdktf: `new CognitoUserPool(this, "Pool", {\n  name: "staff",\n  userPoolTier: "PLUS",\n  userPoolAddOns: { advancedSecurityMode: "ENFORCED" },\n});`,
    },
  },
  check(estate) {
    return estate.userPools.map((pool): Finding<MessageId> => {
      const mode = pool.advancedSecurityMode;
      if (!mode.known) return unknownFinding(pool, "user_pool_add_ons.advanced_security_mode", mode);
      const evidence = [
        evidenceOf("user_pool_add_ons.advanced_security_mode", mode),
        evidenceOf("user_pool_tier", pool.tier),
      ];
      const tier = pool.tier;
      const tierOrigin = defaultNote(tier, " (user_pool_tier not set: Cognito's default)");
      if (mode.value !== "ENFORCED") {
        const tierNote =
          tier.known && tier.value !== "PLUS" ? `; this pool is on the ${tier.value} tier${tierOrigin}` : "";
        return {
          resource: pool,
          status: "FAIL",
          messageId: "notEnforced",
          data: {
            actual: mode.value,
            origin: defaultNote(mode, " (user_pool_add_ons not set)"),
            tierNote,
          },
          evidence,
        };
      }
      if (!tier.known) return unknownFinding(pool, "user_pool_tier", tier);
      if (tier.value !== "PLUS")
        return {
          resource: pool,
          status: "FAIL",
          messageId: "tierTooLow",
          data: { tier: tier.value, tierOrigin },
          evidence,
        };
      return { resource: pool, status: "PASS", messageId: "pass", evidence };
    });
  },
});
