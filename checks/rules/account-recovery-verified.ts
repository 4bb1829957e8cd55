import { defineRule, evidenceOf, unknownFinding, type Finding } from "../engine/rule.js";

const VERIFIED_CHANNELS = new Set(["verified_email", "verified_phone_number", "admin_only"]);

type MessageId = "pass" | "notSet" | "unverified" | "sameAsMfa";

export default defineRule<{ separateFromMfa: boolean }, MessageId>({
  meta: {
    id: "account-recovery-verified",
    title:
      "Password recovery uses only verified channels (workforce: admin_only or a channel that is not an MFA factor)",
    description:
      "PCI DSS 8.3.3 asks that the user's identity be verified before an authentication factor is changed, which a password reset does. account_recovery_setting must be set (without it Cognito falls back to its legacy behaviour of SMS to a verified phone number before email) and list only verified channels. On workforce and business-customer pools recovery must be admin_only or go through a channel that is not also an MFA factor of the pool: one stolen phone or mailbox must not both reset the password and pass MFA.",
    severity: "medium",
    pci: [{ id: "8.3.3", relation: "meets" }],
    resourceKinds: ["UserPool"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          separateFromMfa: {
            type: "boolean",
            description: "Require recovery channels that are not MFA factors of the same pool (or admin_only).",
          },
        },
      },
      defaults: { separateFromMfa: true },
      audienceDefaults: { consumer: { separateFromMfa: false } },
    },
    messages: {
      pass: "{{resource}} recovers accounts through {{channels}}",
      notSet:
        "{{resource}} has no account_recovery_setting: Cognito falls back to its legacy recovery (SMS to a verified phone number before email)",
      unverified: "{{resource}} recovers accounts through {{channel}}, which is not a verified channel",
      sameAsMfa:
        "{{resource}} recovers accounts through {{channel}}, which is also its {{factor}} MFA factor: one compromised channel both resets the password and passes MFA; use admin_only or another channel",
    },
    remediation: {
      summary:
        "Set account_recovery_setting: admin_only for staff pools (or a verified channel that is not an MFA factor), verified_email for consumer pools.",
      cdktf: `new CognitoUserPool(this, "Pool", {\n  name: "staff",\n  accountRecoverySetting: { recoveryMechanism: [{ name: "admin_only", priority: 1 }] },\n});`,
    },
  },
  check(estate, context) {
    return estate.userPools.map((pool): Finding<MessageId> => {
      const { separateFromMfa } = context.options(pool);
      const recovery = pool.accountRecovery;
      if (!recovery.known) return unknownFinding(pool, "account_recovery_setting", recovery);
      const evidence = [
        evidenceOf("account_recovery_setting", recovery, (list) =>
          list ? list.map((m) => `${m.name} (${m.priority})`).join(", ") : "not set",
        ),
      ];
      if (recovery.value === null) return { resource: pool, status: "FAIL", messageId: "notSet", evidence };
      const channels = recovery.value.map((m) => m.name);
      const data = { channels: channels.join(", ") || "none" };
      const unverified = channels.find((c) => !VERIFIED_CHANNELS.has(c));
      if (unverified)
        return { resource: pool, status: "FAIL", messageId: "unverified", data: { channel: unverified }, evidence };
      if (!separateFromMfa || channels.includes("admin_only"))
        return { resource: pool, status: "PASS", messageId: "pass", data, evidence };
      for (const channel of channels) {
        const factor =
          channel === "verified_phone_number"
            ? (["SMS", pool.smsMfaConfigured, "sms_configuration"] as const)
            : channel === "verified_email"
              ? (["email", pool.emailMfaConfigured, "email_mfa_configuration"] as const)
              : undefined;
        if (!factor) continue;
        const [label, configured, attribute] = factor;
        if (configured.known && !configured.value) continue;
        const mfa = pool.mfaConfiguration;
        if (!mfa.known) return unknownFinding(pool, "mfa_configuration", mfa);
        if (mfa.value === "OFF") continue;
        if (!configured.known) return unknownFinding(pool, attribute, configured);
        evidence.push(evidenceOf("mfa_configuration", mfa), evidenceOf(attribute, configured));
        return { resource: pool, status: "FAIL", messageId: "sameAsMfa", data: { channel, factor: label }, evidence };
      }
      return { resource: pool, status: "PASS", messageId: "pass", data, evidence };
    });
  },
});
