import { defineRule, unknownFinding, type Finding, type NoOptions } from "../engine/rule.js";
import { USER_POOL_MFA_FIELDS } from "../model/fields/index.js";
import { allowsFirstFactor, firstFactorEvidence, userVerificationEvidence } from "./utils/sign-in.js";
import { defaultNote } from "./utils/value-rule.js";

type MessageId = "pass" | "preferred";

const USER_VERIFICATION = USER_POOL_MFA_FIELDS.passkeyUserVerification.label;

export default defineRule<NoOptions, MessageId>({
  meta: {
    id: "passkey-user-verification-required",
    title:
      "Pools that sign in with passkeys require user verification (web_authn_configuration.user_verification required)",
    description:
      "A passkey with user verification (a PIN or biometric on the authenticator) is a phishing-resistant multi-factor authenticator. With user_verification preferred, Cognito's default, an authenticator that cannot verify the user signs in as possession alone: one factor. Applies where WEB_AUTHN is a first factor.",
    severity: "medium",
    pci: [{ id: "8.4.2", relation: "supports", audiences: ["workforce"] }],
    resourceKinds: ["UserPool"],
    messages: {
      pass: "{{resource}} signs in with passkeys that require user verification",
      preferred:
        "{{resource}} signs in with passkeys whose user verification is {{actual}}{{origin}}: an authenticator without it signs in as possession alone",
    },
    remediation: {
      summary: "Set web_authn_configuration.user_verification to required.",
      cdktf: `new CognitoUserPool(this, "Pool", {\n  name: "staff",\n  signInPolicy: { allowedFirstAuthFactors: ["WEB_AUTHN"] },\n  webAuthnConfiguration: { relyingPartyId: "auth.example.com", userVerification: "required" },\n});`,
    },
  },
  check(estate) {
    return estate.userPools.map((pool): Finding<MessageId> => {
      const webAuthn = allowsFirstFactor(pool, "WEB_AUTHN");
      if (!webAuthn.known) return unknownFinding(pool, "sign_in_policy.allowed_first_auth_factors", webAuthn);
      if (!webAuthn.value)
        return {
          resource: pool,
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          data: { reason: "WEB_AUTHN is not a first factor" },
        };
      const verification = pool.passkeyUserVerification;
      if (!verification.known) return unknownFinding(pool, USER_VERIFICATION, verification);
      const evidence = [firstFactorEvidence(pool), userVerificationEvidence(pool)];
      return verification.value === "required"
        ? { resource: pool, status: "PASS", messageId: "pass", evidence }
        : {
            resource: pool,
            status: "FAIL",
            messageId: "preferred",
            data: { actual: verification.value, origin: defaultNote(verification) },
            evidence,
          };
    });
  },
});
