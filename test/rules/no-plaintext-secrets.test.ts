import { CognitoIdentityProvider } from "@cdktf/provider-aws/lib/cognito-identity-provider/index.js";
import { DataAwsSecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version/index.js";
import { TerraformVariable, Token } from "cdktf";
import type { Construct } from "constructs";
import { expect, it } from "vitest";
import rule from "../../checks/rules/no-plaintext-secrets.js";
import { userPool } from "../harness/cognito-fixtures.js";
import { runRule, RuleTester } from "../harness/rule-tester.js";

const SECRET = "5f0e3c9a71d24b8e96a4c2d7e1b08f35";

function provider(scope: Construct, name: string, type: string, details: Record<string, string>): void {
  const pool = userPool(scope, `${name}-pool`);
  new CognitoIdentityProvider(scope, name, {
    userPoolId: pool.id,
    providerName: name,
    providerType: type,
    providerDetails: details,
    attributeMapping: { email: "email" },
  });
}

const literalFacebook = (s: Construct) =>
  provider(s, "fail_literal_client_secret", "Facebook", {
    client_id: "918273645501234",
    client_secret: SECRET,
    authorize_scopes: "email",
  });

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_variable",
      stack: (s) => {
        const secret = new TerraformVariable(s, "google_secret", { type: "string", sensitive: true });
        provider(s, "pass_variable", "Google", {
          client_id: "abc.apps.googleusercontent.com",
          client_secret: secret.stringValue,
          authorize_scopes: "openid email",
        });
      },
    },
    {
      name: "pass_secrets_manager",
      stack: (s) => {
        const version = new DataAwsSecretsmanagerSecretVersion(s, "oidc-secret", { secretId: "oidc/client-secret" });
        provider(s, "pass_secrets_manager", "OIDC", {
          client_id: "shop",
          client_secret: version.secretString,
          oidc_issuer: "https://login.example.com",
          attributes_request_method: "GET",
          authorize_scopes: "openid",
        });
      },
    },
    {
      name: "pass_saml_no_secret",
      stack: (s) => provider(s, "pass_saml_no_secret", "SAML", { MetadataURL: "https://idp.example.com/metadata" }),
    },
  ],
  invalid: [
    {
      name: "fail_literal_client_secret",
      stack: literalFacebook,
      results: [
        {
          resource: "fail_literal_client_secret",
          status: "FAIL",
          messageId: "literalSecret",
          messageIncludes: `a literal value of ${SECRET.length} characters`,
        },
      ],
    },
    {
      name: "fail_apple_private_key",
      stack: (s) =>
        provider(s, "fail_apple_private_key", "SignInWithApple", {
          client_id: "com.example.shop",
          team_id: "TEAM123456",
          key_id: "KEY1234567",
          private_key: "-----BEGIN PRIVATE KEY-----\nMIGT...\n-----END PRIVATE KEY-----",
          authorize_scopes: "email",
        }),
      results: [
        {
          resource: "fail_apple_private_key",
          status: "FAIL",
          messageId: "literalSecret",
          messageIncludes: "provider_details.private_key",
        },
      ],
    },
    {
      name: "fail_custom_key_option",
      options: { secretKeys: ["client_secret", "api_token"] },
      stack: (s) =>
        provider(s, "fail_custom_key_option", "OIDC", {
          client_id: "shop",
          api_token: "tok-123",
          oidc_issuer: "https://login.example.com",
          attributes_request_method: "GET",
          authorize_scopes: "openid",
        }),
      results: [
        {
          resource: "fail_custom_key_option",
          status: "FAIL",
          messageId: "literalSecret",
          messageIncludes: "api_token",
        },
      ],
    },
    {
      name: "unknown_details_var",
      stack: (s) => {
        const details = new TerraformVariable(s, "provider_details", { type: "map(string)" });
        provider(s, "unknown_details_var", "Google", Token.asStringMap(details.value));
      },
      results: [
        {
          resource: "unknown_details_var",
          status: "UNKNOWN",
          messageId: "unknown",
          messageIncludes: "var.provider_details",
        },
      ],
    },
  ],
});

it("never prints the secret in messages or evidence", () => {
  const results = runRule(rule, literalFacebook);
  expect(results).toHaveLength(1);
  expect(JSON.stringify(results)).not.toContain(SECRET);
  expect(JSON.stringify(results)).not.toContain(SECRET.slice(0, 8));
});
