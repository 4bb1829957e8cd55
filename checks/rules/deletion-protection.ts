import { defineRule, evidenceOf, unknownFinding, type Finding, type NoOptions } from "../engine/rule.js";

type MessageId = "pass" | "inactive";

export default defineRule<NoOptions, MessageId>({
  meta: {
    id: "deletion-protection",
    title: "User pools have deletion protection ACTIVE",
    description:
      "A user pool deleted by mistake or by an attacker takes every account, and Cognito's record of them, with it. deletion_protection = ACTIVE makes deletion a deliberate two-step change. It defaults to INACTIVE.",
    severity: "medium",
    requirements: ["10.5.1", "12.10"],
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
    return estate.userPools.map((pool): Finding<MessageId> => {
      const actual = pool.deletionProtection;
      if (!actual.known) return unknownFinding(pool, "deletion_protection", actual);
      const evidence = [evidenceOf("deletion_protection", actual)];
      const data = { actual: actual.value, origin: actual.origin === "default" ? " (not set: the default)" : "" };
      return actual.value === "ACTIVE"
        ? { resource: pool, status: "PASS", messageId: "pass", data, evidence }
        : { resource: pool, status: "FAIL", messageId: "inactive", data, evidence };
    });
  },
});
