import {
  indexRiskConfigurations,
  missingRiskFinding,
  RISK_LOOKUP_MESSAGES,
  type RiskLookupMessageId,
} from "./utils/risk-configurations.js";
import { defineRule, evidenceOf, unknownFinding, type Finding } from "../engine/rule.js";
import { allowsFirstFactor, describeFirstFactors, firstFactorEvidence, firstFactors } from "./utils/sign-in.js";
import { defaultNote } from "./utils/value-rule.js";

type MfaSetting = "OFF" | "OPTIONAL" | "ON";

type MessageId = RiskLookupMessageId | "pass" | "notEnforced";

export default defineRule<{ passwordOnlyWhen: MfaSetting[] }, MessageId>({
  meta: {
    id: "password-only-needs-risk-analysis",
    title: "Pools where a password can be the only factor enforce threat protection with a risk configuration",
    description:
      "PCI DSS 8.3.9 (and 8.3.10.1 for business customers) requires that a password used as the only factor be changed every 90 days or that the security posture of the account be analysed dynamically. Cognito cannot expire passwords, so where PASSWORD is a first factor and MFA is OFF threat protection must be ENFORCED with a risk configuration for the pool. By default MFA OPTIONAL counts too: accounts that never enrolled a factor sign in with the password alone. A pool without PASSWORD as a first factor is not applicable.",
    severity: "high",
    pci: [
      { id: "8.3.9", relation: "meets", audiences: ["workforce"] },
      { id: "8.3.10.1", relation: "meets", audiences: ["business-customer"] },
    ],
    resourceKinds: ["UserPool"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          passwordOnlyWhen: {
            type: "array",
            uniqueItems: true,
            items: { enum: ["OFF", "OPTIONAL", "ON"] },
            description:
              "mfa_configuration values under which a password may be the only factor (OPTIONAL: users who never enrolled).",
          },
        },
      },
      defaults: { passwordOnlyWhen: ["OFF", "OPTIONAL"] },
    },
    messages: {
      ...RISK_LOOKUP_MESSAGES,
      pass: "{{resource}} has MFA {{mfa}} and stands in for password rotation with threat protection ENFORCED and a risk configuration",
      notEnforced:
        "{{resource}} has MFA {{mfa}}, so a password can be the only factor, and Cognito cannot expire passwords; threat protection is {{mode}}{{origin}}, it must be ENFORCED (user_pool_tier PLUS) to analyse each sign-in",
    },
    remediation: {
      summary:
        "Require MFA (mfa_configuration ON), or set user_pool_tier PLUS, advanced_security_mode ENFORCED and add an aws_cognito_risk_configuration for the pool.",
      cdktf: `new CognitoUserPool(this, "Pool", {\n  name: "shoppers",\n  userPoolTier: "PLUS",\n  userPoolAddOns: { advancedSecurityMode: "ENFORCED" },\n});\nnew CognitoRiskConfiguration(this, "Risk", { userPoolId: pool.id, compromisedCredentialsRiskConfiguration: { actions: { eventAction: "BLOCK" } } });`,
    },
  },
  check(estate, context) {
    const index = indexRiskConfigurations(estate);
    return estate.userPools.map((pool): Finding<MessageId> => {
      const { passwordOnlyWhen } = context.options(pool);
      const password = allowsFirstFactor(pool, "PASSWORD");
      if (!password.known) return unknownFinding(pool, "sign_in_policy.allowed_first_auth_factors", password);
      if (!password.value)
        return {
          resource: pool,
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          data: { reason: `PASSWORD is not a first factor (${describeFirstFactors(firstFactors(pool))})` },
        };
      const mfa = pool.mfaConfiguration;
      if (!mfa.known) return unknownFinding(pool, "mfa_configuration", mfa);
      if (!passwordOnlyWhen.includes(mfa.value))
        return {
          resource: pool,
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          data: { reason: `MFA is ${mfa.value}, so a password is never the only factor` },
        };
      const mode = pool.advancedSecurityMode;
      if (!mode.known) return unknownFinding(pool, "user_pool_add_ons.advanced_security_mode", mode);
      const evidence = [
        firstFactorEvidence(pool),
        evidenceOf("mfa_configuration", mfa),
        evidenceOf("user_pool_add_ons.advanced_security_mode", mode),
      ];
      if (mode.value !== "ENFORCED") {
        return {
          resource: pool,
          status: "FAIL",
          messageId: "notEnforced",
          data: {
            mfa: mfa.value,
            mode: mode.value,
            origin: defaultNote(mode, " (user_pool_add_ons not set)"),
          },
          evidence,
        };
      }
      if (!index.poolWide(pool)) return { ...missingRiskFinding(pool, index), evidence };
      return { resource: pool, status: "PASS", messageId: "pass", data: { mfa: mfa.value }, evidence };
    });
  },
});
