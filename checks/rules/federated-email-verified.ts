import { defineRule, evidenceOf, unknownFinding, type Finding, type NoOptions } from "../engine/rule.js";

const SOCIAL_AND_OIDC = ["Google", "Facebook", "LoginWithAmazon", "SignInWithApple", "OIDC"];
/** Providers whose tokens carry no email_verified claim: their email is never known to be verified. */
const NO_VERIFIED_CLAIM = ["Facebook", "LoginWithAmazon"];

type MessageId = "pass" | "passNoEmail" | "emailWithoutVerified" | "noVerifiedClaim";

export default defineRule<NoOptions, MessageId>({
  meta: {
    id: "federated-email-verified",
    title: "Social and OIDC providers that map email also map email_verified",
    description:
      "When a federated provider maps email but not email_verified, Cognito treats the provider's email as unverified state it cannot judge, and an attacker who registers a victim's address at a lax provider can be linked to, or recover, the victim's existing account. Mapping email_verified carries the provider's verification through. Facebook and Login with Amazon issue no email_verified claim, so mapping their email to the email attribute fails whatever else is mapped.",
    severity: "high",
    pci: [{ id: "8.3.3", relation: "meets" }],
    resourceKinds: ["IdentityProvider"],
    messages: {
      pass: "{{resource}} maps email together with email_verified (from {{source}})",
      passNoEmail: "{{resource}} does not map email",
      emailWithoutVerified:
        "{{resource}} maps email (from {{source}}) but not email_verified, so an unverified provider email can take over an existing account",
      noVerifiedClaim:
        "{{resource}} maps email (from {{source}}), but {{type}} issues no email_verified claim, so the email is never known to be verified; do not map it to the email attribute",
    },
    remediation: {
      summary:
        "Add email_verified to the provider's attribute_mapping (Google/OIDC: email_verified claim), or stop mapping email from providers that do not verify it (Facebook, Login with Amazon: map it to a custom attribute instead).",
      cdktf: `new CognitoIdentityProvider(this, "Google", {\n  userPoolId: pool.id, providerName: "Google", providerType: "Google",\n  providerDetails: { client_id: "...", client_secret: secret.stringValue, authorize_scopes: "openid email" },\n  attributeMapping: { username: "sub", email: "email", email_verified: "email_verified" },\n});`,
    },
  },
  check(estate) {
    return estate.identityProviders.map((provider): Finding<MessageId> => {
      const type = provider.providerType;
      if (!type.known) return unknownFinding(provider, "provider_type", type);
      if (!SOCIAL_AND_OIDC.includes(type.value))
        return {
          resource: provider,
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          data: { reason: `${type.value} is not a social or OIDC provider` },
        };
      const mapping = provider.attributeMapping;
      if (!mapping.known) return unknownFinding(provider, "attribute_mapping", mapping);
      const evidence = [evidenceOf("attribute_mapping", mapping, (m) => Object.keys(m).sort().join(", "))];
      const email = mapping.value.email;
      if (email === undefined) return { resource: provider, status: "PASS", messageId: "passNoEmail", evidence };
      if (NO_VERIFIED_CLAIM.includes(type.value))
        return {
          resource: provider,
          status: "FAIL",
          messageId: "noVerifiedClaim",
          data: { source: email, type: type.value },
          evidence,
        };
      const verified = mapping.value.email_verified;
      return verified === undefined
        ? { resource: provider, status: "FAIL", messageId: "emailWithoutVerified", data: { source: email }, evidence }
        : { resource: provider, status: "PASS", messageId: "pass", data: { source: verified }, evidence };
    });
  },
});
