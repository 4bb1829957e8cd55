import { USER_POOL_FIELDS } from "../model/fields/index.js";
import { defineRule, type NoOptions } from "../engine/rule.js";
import { valueRule } from "./utils/value-rule.js";
import { SOURCES } from "./utils/sources.js";

type MessageId = "pass" | "inactive";

export default defineRule<NoOptions, MessageId>({
  meta: {
    id: "deletion-protection",
    title: "User pools have deletion protection ACTIVE",
    description:
      "A user pool deleted by mistake or by an attacker takes every account, and Cognito's record of them, with it. deletion_protection = ACTIVE makes deletion a deliberate two-step change. It defaults to INACTIVE.",
    severity: "medium",
    pci: [],
    sources: [SOURCES.securityHubCognito6],
    resourceKinds: ["UserPool"],
    messages: {
      pass: "{{resource}} has deletion protection ACTIVE",
      inactive: "{{resource}} can be deleted in one step: deletion_protection is {{actual}}{{origin}}",
    },
    remediation: {
      summary: "Set deletion_protection to ACTIVE.",
      cdktf: `new CognitoUserPool(this, "Pool", {\n  name: "staff",\n  deletionProtection: "ACTIVE",\n});`,
    },
  },
  check(estate) {
    return valueRule(estate.userPools, {
      attribute: USER_POOL_FIELDS.deletionProtection.label,
      value: (pool) => pool.deletionProtection,
      compare: () => ({ equals: "ACTIVE" }),
      messages: { pass: "pass", fail: "inactive" },
    });
  },
});
