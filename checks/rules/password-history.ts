import { defineRule, evidenceOf, unknownFinding, type Finding } from "../engine/rule.js";
import { defaultNote } from "./utils/value-rule.js";

type MessageId = "pass" | "tooShort" | "tierTooLow";

export default defineRule<{ minimumHistory: number }, MessageId>({
  meta: {
    id: "password-history",
    title: "User pools refuse the last 4 passwords (password_history_size >= 4)",
    description:
      "PCI DSS 8.3.7 forbids a new password equal to any of the last four. Cognito enforces it with password_policy.password_history_size, which needs the Essentials or Plus tier; without it (or on the Lite tier) a user may reuse the same password forever.",
    severity: "medium",
    pci: [{ id: "8.3.7", relation: "meets" }],
    resourceKinds: ["UserPool"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          minimumHistory: {
            type: "integer",
            minimum: 1,
            maximum: 24,
            description: "Smallest acceptable password_policy.password_history_size.",
          },
        },
      },
      defaults: { minimumHistory: 4 },
    },
    messages: {
      pass: "{{resource}} refuses the last {{actual}} passwords (at least {{expected}})",
      tooShort:
        "{{resource}} keeps a password history of {{actual}}{{origin}}; at least {{expected}} previous passwords must be refused",
      tierTooLow:
        "{{resource}} sets password_history_size = {{actual}}, but its tier is {{tier}}: password history needs the Essentials or Plus tier",
    },
    remediation: {
      summary: "Set password_policy.password_history_size to 4 or more, on a pool of the Essentials or Plus tier.",
      cdktf: `new CognitoUserPool(this, "Pool", {\n  name: "staff",\n  userPoolTier: "ESSENTIALS",\n  passwordPolicy: { minimumLength: 14, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true, passwordHistorySize: 4 },\n});`,
    },
  },
  check(estate, context) {
    return estate.userPools.map((pool): Finding<MessageId> => {
      const { minimumHistory } = context.options(pool);
      const actual = pool.passwordPolicy.passwordHistorySize;
      if (!actual.known) return unknownFinding(pool, "password_policy.password_history_size", actual);
      const evidence = [
        evidenceOf("password_policy.password_history_size", actual),
        evidenceOf("user_pool_tier", pool.tier),
      ];
      const data = {
        actual: actual.value,
        expected: minimumHistory,
        origin: defaultNote(actual, " (not set: no history)"),
      };
      if (actual.value < minimumHistory)
        return { resource: pool, status: "FAIL", messageId: "tooShort", data, evidence };
      if (!pool.tier.known) return unknownFinding(pool, "user_pool_tier", pool.tier);
      if (pool.tier.value === "LITE")
        return {
          resource: pool,
          status: "FAIL",
          messageId: "tierTooLow",
          data: { ...data, tier: pool.tier.value },
          evidence,
        };
      return { resource: pool, status: "PASS", messageId: "pass", data, evidence };
    });
  },
});
