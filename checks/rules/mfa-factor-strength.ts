import { defineRule, evidenceOf, unknownFinding, type Finding, type NoOptions } from "../engine/rule.js";
import { passkeyIsSecondFactor } from "./utils/sign-in.js";
import { SOURCES } from "./utils/sources.js";

type MessageId = "pass" | "smsOnly" | "noFactor";

export default defineRule<NoOptions, MessageId>({
  meta: {
    id: "mfa-factor-strength",
    title: "User pools with MFA offer a factor other than SMS (TOTP, email OTP or passkeys as MFA)",
    description:
      "SMS codes can be intercepted or redirected by SIM swap, so a pool whose only MFA factor is SMS is not resistant to replay (NIST SP 800-63B calls SMS a restricted authenticator; PCI DSS 8.5.1). A pool with MFA ON or OPTIONAL must enable TOTP, email OTP (Essentials or Plus tier) or passkeys as a second factor (WebAuthn FactorConfiguration MULTI_FACTOR_WITH_USER_VERIFICATION). That last setting has no Terraform attribute: from configuration, a pool whose only non-SMS candidate is passkeys is UNKNOWN. Pools with MFA OFF are left to mfa-required.",
    severity: "medium",
    pci: [{ id: "8.5.1", relation: "supports" }],
    sources: [SOURCES.nistSmsRestricted],
    resourceKinds: ["UserPool"],
    messages: {
      pass: "{{resource}} offers {{factors}} as MFA factors",
      smsOnly:
        "{{resource}} has MFA {{mfa}} with SMS as its only factor; enable TOTP, email OTP or passkeys as a second factor",
      noFactor: "{{resource}} has MFA {{mfa}} but enables no MFA factor (no TOTP, email OTP, passkeys as MFA or SMS)",
    },
    remediation: {
      summary:
        "Enable software_token_mfa_configuration (TOTP), or email MFA on the Essentials/Plus tier, or passkeys as a second factor (FactorConfiguration MULTI_FACTOR_WITH_USER_VERIFICATION).",
      cdktf: `new CognitoUserPool(this, "Pool", {\n  name: "staff",\n  mfaConfiguration: "ON",\n  softwareTokenMfaConfiguration: { enabled: true },\n});`,
    },
  },
  check(estate) {
    return estate.userPools.map((pool): Finding<MessageId> => {
      const mfa = pool.mfaConfiguration;
      if (!mfa.known) return unknownFinding(pool, "mfa_configuration", mfa);
      if (mfa.value === "OFF")
        return {
          resource: pool,
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          data: { reason: "MFA is OFF (see mfa-required)" },
        };
      const checks = [
        ["software_token_mfa_configuration.enabled", pool.softwareTokenMfaEnabled, "TOTP"],
        ["email_mfa_configuration", pool.emailMfaConfigured, "email OTP"],
        ["WebAuthnConfiguration.FactorConfiguration", passkeyIsSecondFactor(pool), "passkeys"],
        ["sms_configuration", pool.smsMfaConfigured, "SMS"],
      ] as const;
      const evidence = [
        evidenceOf("mfa_configuration", mfa),
        ...checks.map(([attribute, value]) => evidenceOf(attribute, value)),
        evidenceOf("user_pool_tier", pool.tier),
      ];
      const factors: string[] = [];
      let undetermined: Finding<MessageId> | undefined;
      for (const [attribute, value, label] of checks) {
        if (!value.known) {
          undetermined ??= unknownFinding(pool, attribute, value);
          continue;
        }
        if (!value.value) continue;
        if (label === "email OTP") {
          // Email MFA needs the Essentials or Plus tier; on Lite it is not offered.
          if (!pool.tier.known) {
            undetermined ??= unknownFinding(pool, "user_pool_tier", pool.tier);
            continue;
          }
          if (pool.tier.value === "LITE") continue;
        }
        factors.push(label);
      }
      const strong = factors.filter((f) => f !== "SMS");
      if (strong.length > 0)
        return { resource: pool, status: "PASS", messageId: "pass", data: { factors: factors.join(", ") }, evidence };
      if (undetermined) return { ...undetermined, evidence };
      return factors.includes("SMS")
        ? { resource: pool, status: "FAIL", messageId: "smsOnly", data: { mfa: mfa.value }, evidence }
        : { resource: pool, status: "FAIL", messageId: "noFactor", data: { mfa: mfa.value }, evidence };
    });
  },
});
