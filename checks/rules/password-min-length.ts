import { PASSWORD_POLICY_FIELDS } from "../model/fields/index.js";
import { defineRule } from "../engine/rule.js";
import { valueRule } from "./utils/value-rule.js";

type MessageId = "pass" | "tooShort";

export default defineRule<{ minimumLength: number }, MessageId>({
  meta: {
    id: "password-min-length",
    title: "User pool passwords are at least 12 characters (8 on consumer pools)",
    description:
      "PCI DSS 8.3.6 asks for passwords of at least 12 characters. A user pool without a password policy gets Cognito's default of 8.",
    severity: "high",
    pci: [{ id: "8.3.6", relation: "meets" }],
    resourceKinds: ["UserPool"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          minimumLength: {
            type: "integer",
            minimum: 6,
            maximum: 99,
            description: "Smallest acceptable password_policy.minimum_length.",
          },
        },
      },
      defaults: { minimumLength: 12 },
      audienceDefaults: { consumer: { minimumLength: 8 } },
    },
    messages: {
      pass: "{{resource}} requires passwords of at least {{actual}} characters (minimum {{expected}})",
      tooShort: "{{resource}} accepts passwords of {{actual}} characters{{origin}}; at least {{expected}} are required",
    },
    remediation: {
      summary: "Set password_policy.minimum_length to 12 or more (8 or more on consumer pools).",
      cdktf: `new CognitoUserPool(this, "Pool", {\n  name: "staff",\n  passwordPolicy: { minimumLength: 14, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true },\n});`,
    },
  },
  check(estate, context) {
    return valueRule(estate.userPools, {
      attribute: PASSWORD_POLICY_FIELDS.minimumLength.label,
      value: (pool) => pool.passwordPolicy.minimumLength,
      compare: (pool) => ({ atLeast: context.options(pool).minimumLength }),
      messages: { pass: "pass", fail: "tooShort" },
      defaultNote: " (Cognito's default, no password policy set)",
    });
  },
});
