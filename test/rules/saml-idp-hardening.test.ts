import { CognitoIdentityProvider } from "@cdktf/provider-aws/lib/cognito-identity-provider/index.js";
import { TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import rule from "../../checks/rules/saml-idp-hardening.js";
import { userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

const HARDENED = {
  MetadataURL: "https://idp.example.com/saml/metadata",
  RequestSigningAlgorithm: "rsa-sha256",
  IDPSignout: "true",
};

function provider(scope: Construct, name: string, details: Record<string, string>, type = "SAML"): void {
  const pool = userPool(scope, `${name}-pool`);
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
        }),
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
      name: "fail_no_metadata",
      stack: (s) => provider(s, "fail_no_metadata", { RequestSigningAlgorithm: "rsa-sha256", IDPSignout: "true" }),
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
