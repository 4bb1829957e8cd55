import { defineRule, evidenceOf, unknownFinding, type Finding } from "../engine/rule.js";
import { defaultNote } from "./utils/value-rule.js";

type MfaSetting = "ON" | "OPTIONAL" | "OFF";

type MessageId = "pass" | "notRequired";

export default defineRule<{ allowed: MfaSetting[] }, MessageId>({
  meta: {
    id: "mfa-required",
    title: "User pools require multi-factor authentication (ON; ON or OPTIONAL on consumer pools)",
    description:
      "PCI DSS 8.4 requires MFA for access into the cardholder data environment. Workforce pools must set mfa_configuration ON; consumer pools may offer it as OPTIONAL.",
    severity: "high",
    pci: [
      { id: "8.4.2", relation: "meets" },
      { id: "8.4.1", relation: "meets", audiences: ["workforce"] },
    ],
    resourceKinds: ["UserPool"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          allowed: {
            type: "array",
            minItems: 1,
            uniqueItems: true,
            items: { enum: ["ON", "OPTIONAL", "OFF"] },
            description: "Accepted mfa_configuration values.",
          },
        },
      },
      defaults: { allowed: ["ON"] },
      audienceDefaults: { consumer: { allowed: ["ON", "OPTIONAL"] } },
    },
    messages: {
      pass: "{{resource}} has MFA {{actual}}",
      notRequired: "{{resource}} has MFA {{actual}}{{origin}}; expected {{expected}}",
    },
    remediation: {
      summary: "Set mfa_configuration to ON with a TOTP factor (software_token_mfa_configuration.enabled = true).",
      cdktf: `new CognitoUserPool(this, "Pool", {\n  name: "staff",\n  mfaConfiguration: "ON",\n  softwareTokenMfaConfiguration: { enabled: true },\n});`,
    },
  },
  check(estate, context) {
    return estate.userPools.map((pool): Finding<MessageId> => {
      const { allowed } = context.options(pool);
      const actual = pool.mfaConfiguration;
      if (!actual.known) return unknownFinding(pool, "mfa_configuration", actual);
      const evidence = [evidenceOf("mfa_configuration", actual)];
      const data = {
        actual: actual.value,
        expected: allowed.join(" or "),
        origin: defaultNote(actual),
      };
      return allowed.includes(actual.value)
        ? { resource: pool, status: "PASS", messageId: "pass", data, evidence }
        : { resource: pool, status: "FAIL", messageId: "notRequired", data, evidence };
    });
  },
});
