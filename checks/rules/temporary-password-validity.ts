import { PASSWORD_POLICY_FIELDS } from "../model/fields/index.js";
import { defineRule } from "../engine/rule.js";
import { valueRule } from "./utils/value-rule.js";

type MessageId = "pass" | "tooLong";

export default defineRule<{ maxDays: number }, MessageId>({
  meta: {
    id: "temporary-password-validity",
    title: "Temporary passwords expire within 7 days",
    description:
      "PCI DSS 8.3.5 asks that first-use passwords set by an administrator be changed on first use; a temporary password that stays valid for weeks is a standing credential. password_policy.temporary_password_validity_days defaults to 7.",
    severity: "medium",
    pci: [{ id: "8.3.5", relation: "supports" }],
    resourceKinds: ["UserPool"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          maxDays: {
            type: "integer",
            minimum: 1,
            maximum: 365,
            description: "Longest acceptable temporary_password_validity_days.",
          },
        },
      },
      defaults: { maxDays: 7 },
    },
    messages: {
      pass: "{{resource}} expires temporary passwords after {{actual}} days{{origin}} (at most {{expected}})",
      tooLong:
        "{{resource}} keeps temporary passwords valid for {{actual}} days; at most {{expected}} days are allowed",
    },
    remediation: {
      summary: "Set password_policy.temporary_password_validity_days to 7 or less (1 to 3 for staff).",
      cdktf: `passwordPolicy: { minimumLength: 14, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true, temporaryPasswordValidityDays: 1 }`,
    },
  },
  check(estate, context) {
    return valueRule(estate.userPools, {
      attribute: PASSWORD_POLICY_FIELDS.temporaryPasswordValidityDays.label,
      value: (pool) => pool.passwordPolicy.temporaryPasswordValidityDays,
      compare: (pool) => ({ atMost: context.options(pool).maxDays }),
      messages: { pass: "pass", fail: "tooLong" },
      defaultNote: " (not set: Cognito's default)",
    });
  },
});
