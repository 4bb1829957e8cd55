import { defineRule, evidenceOf, unknownFinding, type Finding } from "../engine/rule.js";
import {
  describeFirstFactors,
  firstFactorEvidence,
  firstFactors,
  oneTimeCodeFirstFactors,
  onlyPhishingResistant,
  userVerificationEvidence,
} from "./utils/sign-in.js";
import { defaultNote } from "./utils/value-rule.js";

type MfaSetting = "ON" | "OPTIONAL" | "OFF";

type MessageId = "pass" | "phishingResistant" | "notRequired" | "oneTimeCode";

type Options = { allowed: MfaSetting[]; oneTimeCodeFirstFactor: boolean };

export default defineRule<Options, MessageId>({
  meta: {
    id: "mfa-required",
    title: "User pools require multi-factor authentication (ON; ON or OPTIONAL on consumer pools)",
    description:
      "PCI DSS 8.4 requires MFA for access into the cardholder data environment: every first factor a pool allows must be followed by a second factor or be multi-factor itself. Workforce pools must set mfa_configuration ON, unless every first factor is a passkey with user verification required (phishing-resistant, so 8.4.2 does not apply); consumer pools may offer MFA as OPTIONAL. A one-time code (EMAIL_OTP, SMS_OTP) as first factor signs in with one factor whatever mfa_configuration says, so it fails on workforce and business-customer pools.",
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
          oneTimeCodeFirstFactor: {
            type: "boolean",
            description:
              "Whether a one-time code (EMAIL_OTP, SMS_OTP) may be a first factor; it signs in with one factor. Default false, true on consumer pools.",
          },
        },
      },
      defaults: { allowed: ["ON"], oneTimeCodeFirstFactor: false },
      audienceDefaults: { consumer: { allowed: ["ON", "OPTIONAL"], oneTimeCodeFirstFactor: true } },
    },
    messages: {
      pass: "{{resource}} has MFA {{actual}} for first factors {{factors}}",
      phishingResistant:
        "{{resource}} signs in only with passkeys that require user verification (phishing-resistant multi-factor)",
      notRequired: "{{resource}} has MFA {{actual}}{{origin}} for first factors {{factors}}; expected {{expected}}",
      oneTimeCode:
        "{{resource}} allows {{codes}} as a first factor: a one-time code signs in with one factor, whatever mfa_configuration says",
    },
    remediation: {
      summary: "Set mfa_configuration to ON with a TOTP factor (software_token_mfa_configuration.enabled = true).",
      cdktf: `new CognitoUserPool(this, "Pool", {\n  name: "staff",\n  mfaConfiguration: "ON",\n  softwareTokenMfaConfiguration: { enabled: true },\n});`,
    },
  },
  check(estate, context) {
    return estate.userPools.map((pool): Finding<MessageId> => {
      const { allowed, oneTimeCodeFirstFactor } = context.options(pool);
      const factors = firstFactors(pool);
      if (!factors.known) return unknownFinding(pool, "sign_in_policy.allowed_first_auth_factors", factors);
      const codes = oneTimeCodeFirstFactors(pool);
      const evidence = [firstFactorEvidence(pool), evidenceOf("mfa_configuration", pool.mfaConfiguration)];
      if (!oneTimeCodeFirstFactor && codes.known && codes.value.length > 0)
        return {
          resource: pool,
          status: "FAIL",
          messageId: "oneTimeCode",
          data: { codes: codes.value.join(", ") },
          evidence,
        };
      const phishingResistant = onlyPhishingResistant(pool);
      if (!phishingResistant.known)
        return unknownFinding(pool, "web_authn_configuration.user_verification", phishingResistant);
      if (phishingResistant.value)
        return {
          resource: pool,
          status: "PASS",
          messageId: "phishingResistant",
          evidence: [...evidence, userVerificationEvidence(pool)],
        };
      const actual = pool.mfaConfiguration;
      if (!actual.known) return unknownFinding(pool, "mfa_configuration", actual);
      const data = {
        actual: actual.value,
        expected: allowed.join(" or "),
        origin: defaultNote(actual),
        factors: describeFirstFactors(factors),
      };
      return allowed.includes(actual.value)
        ? { resource: pool, status: "PASS", messageId: "pass", data, evidence }
        : { resource: pool, status: "FAIL", messageId: "notRequired", data, evidence };
    });
  },
});
