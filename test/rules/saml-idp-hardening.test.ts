import { CognitoIdentityProvider } from "@cdktf/provider-aws/lib/cognito-identity-provider/index.js";
import { TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import rule from "../../checks/rules/saml-idp-hardening.js";
import { consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

const HARDENED = {
  MetadataURL: "https://idp.example.com/saml/metadata",
  RequestSigningAlgorithm: "rsa-sha256",
  IDPSignout: "true",
  EncryptedResponses: "true",
};

function provider(
  scope: Construct,
  name: string,
  details: Record<string, string>,
  type = "SAML",
  pools = userPool,
): void {
  const pool = pools(scope, `${name}-pool`);
  new CognitoIdentityProvider(scope, name, {
    userPoolId: pool.id,
    providerName: name,
    providerType: type,
    providerDetails: details,
    attributeMapping: { email: "email" },
  });
}

RuleTester.run(rule, {
  valid: [
    { name: "pass_https_metadata", stack: (s) => provider(s, "pass_https_metadata", HARDENED) },
    {
      name: "pass_inline_metadata",
      stack: (s) =>
        provider(s, "pass_inline_metadata", {
          MetadataFile: "<md:EntityDescriptor/>",
          RequestSigningAlgorithm: "rsa-sha256",
          IDPSignout: "true",
          EncryptedResponses: "true",
        }),
    },
    {
      name: "pass_idp_init_false",
      stack: (s) => provider(s, "pass_idp_init_false", { ...HARDENED, IDPInit: "false" }),
    },
    {
      name: "pass_consumer_unencrypted",
      stack: (s) => {
        const { EncryptedResponses: _omitted, ...details } = HARDENED;
        provider(s, "pass_consumer_unencrypted", details, "SAML", consumerPool);
      },
    },
    {
      name: "pass_encryption_not_required",
      options: { requireEncryptedResponses: false },
      stack: (s) => provider(s, "pass_encryption_not_required", { ...HARDENED, EncryptedResponses: "false" }),
    },
  ],
  invalid: [
    {
      name: "na_google",
      stack: (s) => provider(s, "na_google", { client_id: "id", authorize_scopes: "email" }, "Google"),
      results: [
        {
          resource: "na_google",
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          messageIncludes: "Google is not a SAML provider",
        },
      ],
    },
    {
      name: "fail_http_metadata",
      stack: (s) =>
        provider(s, "fail_http_metadata", { ...HARDENED, MetadataURL: "http://idp.example.com/saml/metadata" }),
      results: [
        {
          resource: "fail_http_metadata",
          status: "FAIL",
          messageId: "insecureMetadataUrl",
          messageIncludes: "http://idp.example.com",
        },
      ],
    },
    {
      name: "fail_unsigned",
      stack: (s) => provider(s, "fail_unsigned", { MetadataURL: HARDENED.MetadataURL, IDPSignout: "true" }),
      results: [
        { resource: "fail_unsigned", status: "FAIL", messageId: "unsignedRequests", messageIncludes: "not set" },
      ],
    },
    {
      name: "fail_no_signout",
      stack: (s) => provider(s, "fail_no_signout", { ...HARDENED, IDPSignout: "false" }),
      results: [
        { resource: "fail_no_signout", status: "FAIL", messageId: "noSignout", messageIncludes: "IDPSignout = false" },
      ],
    },
    {
      name: "fail_idp_initiated",
      stack: (s) => provider(s, "fail_idp_initiated", { ...HARDENED, IDPInit: "true" }),
      results: [
        {
          resource: "fail_idp_initiated",
          status: "FAIL",
          messageId: "idpInitiated",
          messageIncludes: "IDPInit = true",
        },
      ],
    },
    {
      name: "fail_unencrypted_workforce",
      stack: (s) => {
        const { EncryptedResponses: _omitted, ...details } = HARDENED;
        provider(s, "fail_unencrypted_workforce", details);
      },
      results: [
        {
          resource: "fail_unencrypted_workforce",
          status: "FAIL",
          messageId: "unencryptedResponses",
          messageIncludes: "EncryptedResponses = not set",
        },
      ],
    },
    {
      name: "fail_encryption_false",
      stack: (s) => provider(s, "fail_encryption_false", { ...HARDENED, EncryptedResponses: "false" }),
      results: [{ resource: "fail_encryption_false", status: "FAIL", messageId: "unencryptedResponses" }],
    },
    {
      name: "unknown_idp_init_var",
      stack: (s) => {
        const init = new TerraformVariable(s, "idp_init", { type: "string" });
        provider(s, "unknown_idp_init_var", { ...HARDENED, IDPInit: init.stringValue });
      },
      results: [
        {
          resource: "unknown_idp_init_var",
          status: "UNKNOWN",
          messageId: "unresolvedDetail",
          messageIncludes: "var.idp_init",
        },
      ],
    },
    {
      name: "fail_no_metadata",
      stack: (s) =>
        provider(s, "fail_no_metadata", {
          RequestSigningAlgorithm: "rsa-sha256",
          IDPSignout: "true",
          EncryptedResponses: "true",
        }),
      results: [{ resource: "fail_no_metadata", status: "FAIL", messageId: "missingMetadata" }],
    },
    {
      name: "unknown_metadata_var",
      stack: (s) => {
        const url = new TerraformVariable(s, "metadata_url", { type: "string" });
        provider(s, "unknown_metadata_var", { ...HARDENED, MetadataURL: url.stringValue });
      },
      results: [
        {
          resource: "unknown_metadata_var",
          status: "UNKNOWN",
          messageId: "unresolvedDetail",
          messageIncludes: "var.metadata_url",
        },
      ],
    },
  ],
});
