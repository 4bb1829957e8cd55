import { CognitoIdentityProvider } from "@cdktf/provider-aws/lib/cognito-identity-provider/index.js";
import { TerraformVariable, Token } from "cdktf";
import type { Construct } from "constructs";
import rule from "../../checks/rules/federated-email-verified.js";
import { userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

function provider(scope: Construct, name: string, type: string, attributeMapping: Record<string, string>): void {
  const pool = userPool(scope, `${name}-pool`);
  const details: Record<string, string> =
    type === "SAML"
      ? { MetadataURL: "https://idp.example.com/metadata" }
      : type === "OIDC"
        ? {
            client_id: "shop",
            oidc_issuer: "https://login.example.com",
            attributes_request_method: "GET",
            authorize_scopes: "openid email",
          }
        : { client_id: "id", authorize_scopes: "email" };
  new CognitoIdentityProvider(scope, name, {
    userPoolId: pool.id,
    providerName: name,
    providerType: type,
    providerDetails: details,
    attributeMapping,
  });
}

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_google_verified",
      stack: (s) =>
        provider(s, "pass_google_verified", "Google", {
          username: "sub",
          email: "email",
          email_verified: "email_verified",
        }),
    },
    {
      name: "pass_oidc_no_email",
      stack: (s) => provider(s, "pass_oidc_no_email", "OIDC", { username: "sub", name: "name" }),
    },
    {
      name: "pass_facebook_no_email",
      stack: (s) => provider(s, "pass_facebook_no_email", "Facebook", { username: "id", name: "name" }),
    },
  ],
  invalid: [
    {
      name: "na_saml",
      stack: (s) =>
        provider(s, "na_saml", "SAML", { email: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress" }),
      results: [
        {
          resource: "na_saml",
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          messageIncludes: "SAML is not a social or OIDC provider",
        },
      ],
    },
    {
      name: "fail_google_email_only",
      stack: (s) => provider(s, "fail_google_email_only", "Google", { username: "sub", email: "email", name: "name" }),
      results: [
        {
          resource: "fail_google_email_only",
          status: "FAIL",
          messageId: "emailWithoutVerified",
          messageIncludes: "not email_verified",
        },
      ],
    },
    {
      name: "fail_oidc_email_only",
      stack: (s) => provider(s, "fail_oidc_email_only", "OIDC", { username: "sub", email: "mail" }),
      results: [
        {
          resource: "fail_oidc_email_only",
          status: "FAIL",
          messageId: "emailWithoutVerified",
          messageIncludes: "from mail",
        },
      ],
    },
    {
      name: "fail_facebook_email",
      stack: (s) =>
        provider(s, "fail_facebook_email", "Facebook", {
          username: "id",
          email: "email",
          email_verified: "email_verified",
        }),
      results: [
        {
          resource: "fail_facebook_email",
          status: "FAIL",
          messageId: "noVerifiedClaim",
          messageIncludes: "Facebook issues no email_verified claim",
        },
      ],
    },
    {
      name: "fail_amazon_email",
      stack: (s) => provider(s, "fail_amazon_email", "LoginWithAmazon", { username: "user_id", email: "email" }),
      results: [{ resource: "fail_amazon_email", status: "FAIL", messageId: "noVerifiedClaim" }],
    },
    {
      name: "unknown_mapping_var",
      stack: (s) => {
        const mapping = new TerraformVariable(s, "attribute_mapping", { type: "map(string)" });
        provider(s, "unknown_mapping_var", "Google", Token.asStringMap(mapping.value));
      },
      results: [
        {
          resource: "unknown_mapping_var",
          status: "UNKNOWN",
          messageId: "unknown",
          messageIncludes: "var.attribute_mapping",
        },
      ],
    },
  ],
});
