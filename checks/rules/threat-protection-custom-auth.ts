import { defineRule, evidenceOf, unknownFinding, type Finding, type NoOptions } from "../engine/rule.js";
import { SOURCES } from "./utils/sources.js";

const CUSTOM_AUTH_TRIGGERS = ["define_auth_challenge", "create_auth_challenge", "verify_auth_challenge_response"];

type MessageId = "pass" | "notEnforced";

export default defineRule<NoOptions, MessageId>({
  meta: {
    id: "threat-protection-custom-auth",
    title: "User pools with custom authentication enforce threat protection on it (custom_auth_mode ENFORCED)",
    description:
      "advanced_security_mode covers password and SRP sign-in only. A pool with custom authentication Lambda triggers (define/create/verify auth challenge) needs user_pool_add_ons.advanced_security_additional_flows.custom_auth_mode = ENFORCED, or those sign-ins escape risk analysis (PCI DSS 8.3.9).",
    severity: "medium",
    pci: [{ id: "8.3.9", relation: "supports" }],
    sources: [SOURCES.securityHubCognito4],
    resourceKinds: ["UserPool"],
    messages: {
      pass: "{{resource}} enforces threat protection on custom authentication ({{triggers}})",
      notEnforced:
        "{{resource}} has custom authentication triggers ({{triggers}}) but custom_auth_mode is {{actual}}; it must be ENFORCED",
    },
    remediation: {
      summary: "Set user_pool_add_ons.advanced_security_additional_flows.custom_auth_mode to ENFORCED (Plus tier).",
      cdktf: `userPoolAddOns: {\n  advancedSecurityMode: "ENFORCED",\n  advancedSecurityAdditionalFlows: { customAuthMode: "ENFORCED" },\n}`,
    },
  },
  check(estate) {
    return estate.userPools.map((pool): Finding<MessageId> => {
      const triggers = pool.lambdaTriggers;
      if (!triggers.known) return unknownFinding(pool, "lambda_config", triggers);
      const custom = CUSTOM_AUTH_TRIGGERS.filter((name) => triggers.value[name] !== undefined);
      if (custom.length === 0)
        return {
          resource: pool,
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          data: { reason: "no custom authentication Lambda triggers are configured" },
        };
      const mode = pool.customAuthSecurityMode;
      if (!mode.known)
        return unknownFinding(pool, "user_pool_add_ons.advanced_security_additional_flows.custom_auth_mode", mode);
      const evidence = [
        evidenceOf("lambda_config", triggers, (t) => Object.keys(t).join(", ")),
        evidenceOf("custom_auth_mode", mode, (v) => v ?? "not set"),
      ];
      const data = { triggers: custom.join(", "), actual: mode.value ?? "not set" };
      return mode.value === "ENFORCED"
        ? { resource: pool, status: "PASS", messageId: "pass", data, evidence }
        : { resource: pool, status: "FAIL", messageId: "notEnforced", data, evidence };
    });
  },
});
