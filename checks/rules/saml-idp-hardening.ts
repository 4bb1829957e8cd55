import { isLiteral, type IdentityProvider, type Term } from "../model/index.js";
import { defineRule, unknownFinding, type Finding } from "../engine/rule.js";

/** provider_details keys are matched case-insensitively: the API names them MetadataURL, IDPSignout... */
function detail(details: Readonly<Record<string, Term>>, key: string): Term | undefined {
  const found = Object.keys(details).find((k) => k.toLowerCase() === key.toLowerCase());
  return found === undefined ? undefined : details[found];
}

type MessageId =
  | "pass"
  | "insecureMetadataUrl"
  | "missingMetadata"
  | "unsignedRequests"
  | "noSignout"
  | "idpInitiated"
  | "unencryptedResponses"
  | "unresolvedDetail";

type Options = { requestSigningAlgorithm: string; requireEncryptedResponses: boolean };

export default defineRule<Options, MessageId>({
  meta: {
    id: "saml-idp-hardening",
    title:
      "SAML identity providers use https or inline metadata, sign requests (rsa-sha256), enable IdP sign-out, refuse IdP-initiated sign-in and take encrypted responses",
    description:
      "A SAML provider whose MetadataURL is plain http lets a network attacker swap the IdP's signing certificate. Unsigned authentication requests can be forged or altered, and without IDPSignout a user signed out of the app keeps a live IdP session. IdP-initiated sign-in (IDPInit) accepts assertions Cognito never asked for, which it cannot bind to a request, so a captured assertion can be replayed into a session. Unencrypted responses (EncryptedResponses) expose the assertion's attributes to whatever sees the browser's traffic; required by default on workforce and business-customer pools, an option on consumer pools.",
    severity: "high",
    pci: [{ id: "8.3.2", relation: "supports" }],
    resourceKinds: ["IdentityProvider"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          requestSigningAlgorithm: {
            type: "string",
            enum: ["rsa-sha256"],
            description: "Required provider_details.RequestSigningAlgorithm.",
          },
          requireEncryptedResponses: {
            type: "boolean",
            description: "Require provider_details.EncryptedResponses = true.",
          },
        },
      },
      defaults: { requestSigningAlgorithm: "rsa-sha256", requireEncryptedResponses: true },
      audienceDefaults: { consumer: { requireEncryptedResponses: false } },
    },
    messages: {
      pass: "{{resource}} reads metadata from {{metadata}}, signs requests with {{algorithm}} and enables IdP sign-out",
      insecureMetadataUrl: "{{resource}} reads its SAML metadata from {{url}}, which is not https",
      missingMetadata: "{{resource}} sets neither MetadataURL nor MetadataFile",
      unsignedRequests:
        "{{resource}} does not sign SAML requests with {{expected}} (RequestSigningAlgorithm = {{actual}})",
      noSignout: "{{resource}} does not enable IdP sign-out (IDPSignout = {{actual}})",
      idpInitiated:
        "{{resource}} accepts IdP-initiated sign-in (IDPInit = {{actual}}), whose assertions Cognito cannot bind to a request it made",
      unencryptedResponses:
        "{{resource}} does not take encrypted SAML responses (EncryptedResponses = {{actual}}), so assertions cross the browser readable",
      unresolvedDetail: "{{resource}}: provider_details.{{key}} comes from {{value}}, which is not known before apply",
    },
    remediation: {
      summary:
        "Give the SAML provider an https MetadataURL (or inline MetadataFile), RequestSigningAlgorithm = rsa-sha256, IDPSignout = true, EncryptedResponses = true, and leave IDPInit unset (or false).",
      cdktf: `new CognitoIdentityProvider(this, "Okta", {\n  userPoolId: pool.id, providerName: "Okta", providerType: "SAML",\n  providerDetails: {\n    MetadataURL: "https://example.okta.com/app/abc/sso/saml/metadata",\n    RequestSigningAlgorithm: "rsa-sha256",\n    IDPSignout: "true",\n    EncryptedResponses: "true",\n  },\n  attributeMapping: { email: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress" },\n});`,
    },
  },
  check(estate, context) {
    return estate.identityProviders.map((provider): Finding<MessageId> => {
      const type = provider.providerType;
      if (!type.known) return unknownFinding(provider, "provider_type", type);
      if (type.value !== "SAML")
        return {
          resource: provider,
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          data: { reason: `${type.value} is not a SAML provider` },
        };
      if (!provider.providerDetails.known)
        return unknownFinding(provider, "provider_details", provider.providerDetails);
      return checkSaml(provider, provider.providerDetails.value, context.options(provider));
    });
  },
});

function checkSaml(
  provider: IdentityProvider,
  details: Readonly<Record<string, Term>>,
  options: Options,
): Finding<MessageId> {
  const expected = options.requestSigningAlgorithm;
  const url = detail(details, "MetadataURL");
  const file = detail(details, "MetadataFile");
  const signing = detail(details, "RequestSigningAlgorithm");
  const signout = detail(details, "IDPSignout");
  const idpInit = detail(details, "IDPInit");
  const encrypted = detail(details, "EncryptedResponses");
  const evidence = [
    { attribute: "provider_details.MetadataURL", value: url?.text ?? "not set" },
    { attribute: "provider_details.MetadataFile", value: file ? "inline metadata" : "not set" },
    { attribute: "provider_details.RequestSigningAlgorithm", value: signing?.text ?? "not set" },
    { attribute: "provider_details.IDPSignout", value: signout?.text ?? "not set" },
    { attribute: "provider_details.IDPInit", value: idpInit?.text ?? "not set" },
    { attribute: "provider_details.EncryptedResponses", value: encrypted?.text ?? "not set" },
  ];
  const unresolved = (key: string, term: Term): Finding<MessageId> => ({
    resource: provider,
    status: "UNKNOWN",
    messageId: "unresolvedDetail",
    data: { key, value: term.text },
    evidence,
  });
  let pending: Finding<MessageId> | undefined;

  if (url) {
    if (!isLiteral(url)) {
      // A URL assembled from references is https only if its literal start says so.
      if (!/^https:\/\//i.test(url.text)) pending ??= unresolved("MetadataURL", url);
    } else if (!/^https:\/\//i.test(url.text)) {
      return {
        resource: provider,
        status: "FAIL",
        messageId: "insecureMetadataUrl",
        data: { url: url.text },
        evidence,
      };
    }
  } else if (!file) {
    return { resource: provider, status: "FAIL", messageId: "missingMetadata", evidence };
  }
  if (!signing)
    return {
      resource: provider,
      status: "FAIL",
      messageId: "unsignedRequests",
      data: { expected, actual: "not set" },
      evidence,
    };
  if (!isLiteral(signing)) pending ??= unresolved("RequestSigningAlgorithm", signing);
  else if (signing.text.toLowerCase() !== expected)
    return {
      resource: provider,
      status: "FAIL",
      messageId: "unsignedRequests",
      data: { expected, actual: signing.text },
      evidence,
    };
  if (!signout)
    return { resource: provider, status: "FAIL", messageId: "noSignout", data: { actual: "not set" }, evidence };
  if (!isLiteral(signout)) pending ??= unresolved("IDPSignout", signout);
  else if (signout.text.toLowerCase() !== "true")
    return { resource: provider, status: "FAIL", messageId: "noSignout", data: { actual: signout.text }, evidence };
  // IDPInit absent is false: Cognito accepts only SP-initiated sign-in unless it is set.
  if (idpInit) {
    if (!isLiteral(idpInit)) pending ??= unresolved("IDPInit", idpInit);
    else if (idpInit.text.toLowerCase() !== "false")
      return {
        resource: provider,
        status: "FAIL",
        messageId: "idpInitiated",
        data: { actual: idpInit.text },
        evidence,
      };
  }
  if (options.requireEncryptedResponses) {
    if (!encrypted)
      return {
        resource: provider,
        status: "FAIL",
        messageId: "unencryptedResponses",
        data: { actual: "not set" },
        evidence,
      };
    if (!isLiteral(encrypted)) pending ??= unresolved("EncryptedResponses", encrypted);
    else if (encrypted.text.toLowerCase() !== "true")
      return {
        resource: provider,
        status: "FAIL",
        messageId: "unencryptedResponses",
        data: { actual: encrypted.text },
        evidence,
      };
  }
  return (
    pending ?? {
      resource: provider,
      status: "PASS",
      messageId: "pass",
      data: { metadata: url ? url.text : "inline metadata (MetadataFile)", algorithm: signing.text },
      evidence,
    }
  );
}
