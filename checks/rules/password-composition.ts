import { defineRule, evidenceOf, unknownFinding, type Finding } from "../engine/rule.js";

const CLASSES = [
  ["requireLowercase", "password_policy.require_lowercase", "lowercase letters"],
  ["requireUppercase", "password_policy.require_uppercase", "uppercase letters"],
  ["requireNumbers", "password_policy.require_numbers", "numbers"],
  ["requireSymbols", "password_policy.require_symbols", "symbols"],
] as const;

type MessageId = "pass" | "weak";

export default defineRule<{ requireAllClasses: boolean }, MessageId>({
  meta: {
    id: "password-composition",
    title: "User pool passwords must contain numbers and letters",
    description:
      "PCI DSS 8.3.6 asks for passwords that contain both numeric and alphabetic characters. With requireAllClasses, all four character classes are required.",
    severity: "medium",
    pci: [{ id: "8.3.6", relation: "meets" }],
    resourceKinds: ["UserPool"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          requireAllClasses: { type: "boolean", description: "Require lowercase, uppercase, numbers and symbols." },
        },
      },
      defaults: { requireAllClasses: false },
    },
    messages: {
      pass: "{{resource}} requires {{required}} in passwords",
      weak: "{{resource}} does not require {{missing}} in passwords",
    },
    remediation: {
      summary:
        "Set password_policy.require_numbers and require_lowercase or require_uppercase to true (all four with requireAllClasses).",
      cdktf: `passwordPolicy: { minimumLength: 14, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true }`,
    },
  },
  check(estate, context) {
    return estate.userPools.map((pool): Finding<MessageId> => {
      const { requireAllClasses } = context.options(pool);
      const policy = pool.passwordPolicy;
      for (const [field, attribute] of CLASSES) {
        const value = policy[field];
        if (!value.known) return unknownFinding(pool, attribute, value);
      }
      const on = (field: (typeof CLASSES)[number][0]) => policy[field].known && policy[field].value === true;
      const evidence = CLASSES.map(([field, attribute]) => evidenceOf(attribute, policy[field]));
      const missing: string[] = [];
      if (requireAllClasses) {
        for (const [field, , label] of CLASSES) if (!on(field)) missing.push(label);
      } else {
        if (!on("requireNumbers")) missing.push("numbers");
        if (!on("requireLowercase") && !on("requireUppercase")) missing.push("letters (lowercase or uppercase)");
      }
      const required = CLASSES.filter(([field]) => on(field))
        .map(([, , label]) => label)
        .join(", ");
      return missing.length === 0
        ? { resource: pool, status: "PASS", messageId: "pass", data: { required }, evidence }
        : { resource: pool, status: "FAIL", messageId: "weak", data: { missing: missing.join(" and ") }, evidence };
    });
  },
});
