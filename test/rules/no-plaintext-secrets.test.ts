import { CognitoIdentityProvider } from "@cdktf/provider-aws/lib/cognito-identity-provider/index.js";
import { DataAwsSecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version/index.js";
import { CognitoIdentityPool } from "@cdktf/provider-aws/lib/cognito-identity-pool/index.js";
import { CognitoUser } from "@cdktf/provider-aws/lib/cognito-user/index.js";
import { CognitoUserGroup } from "@cdktf/provider-aws/lib/cognito-user-group/index.js";
import { Fn, TerraformVariable, Token } from "cdktf";
import type { Construct } from "constructs";
import { expect, it } from "vitest";
import rule from "../../checks/rules/no-plaintext-secrets.js";
import { attachRoles, identityPool, role, userPool, webIdentityTrust } from "../harness/cognito-fixtures.js";
import { runRule, RuleTester } from "../harness/rule-tester.js";

const SECRET = "5f0e3c9a71d24b8e96a4c2d7e1b08f35";
const KEY_BODY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";
const ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
const SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const CERTIFICATE = "MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBa";
/** Inline SAML metadata: the IdP's signing certificate, and, when `withKey`, a private key pasted in by mistake. */
const samlMetadata = (withKey: boolean) =>
  `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com"><IDPSSODescriptor><KeyDescriptor use="signing"><X509Certificate>-----BEGIN CERTIFICATE-----\n${CERTIFICATE}\n-----END CERTIFICATE-----</X509Certificate></KeyDescriptor>${withKey ? `<!-- -----BEGIN RSA PRIVATE KEY-----\n${KEY_BODY}\n-----END RSA PRIVATE KEY----- -->` : ""}</IDPSSODescriptor></EntityDescriptor>`;

function provider(scope: Construct, name: string, type: string, details: Record<string, string>): void {
  // Named without a verdict prefix: the pool's own (tags) result is not the point of the case.
  const pool = userPool(scope, `pool-${name}`);
  new CognitoIdentityProvider(scope, name, {
    userPoolId: pool.id,
    providerName: name,
    providerType: type,
    providerDetails: details,
    attributeMapping: { email: "email" },
  });
}

/** An identity pool (named without a verdict prefix) handing out the role `name` with this description. */
function describedRole(scope: Construct, name: string, description: string | undefined): void {
  const pool = identityPool(scope, "shoppers");
  const created = role(scope, { name, trustPolicy: JSON.stringify(webIdentityTrust({})) });
  if (description !== undefined) created.description = description;
  attachRoles(scope, pool, { authenticated: created });
}

/** A user group `name` (in a pool named without a verdict prefix) with this description. */
function describedGroup(scope: Construct, name: string, description: string | undefined): void {
  const pool = userPool(scope, `pool-${name}`);
  new CognitoUserGroup(scope, name, {
    userPoolId: pool.id,
    name,
    ...(description !== undefined ? { description } : {}),
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
      name: "pass_role_description",
      stack: (s) => describedRole(s, "pass_role_description", "Signed-in shoppers (key rotation runbook: KB-1042)"),
    },
    {
      name: "pass_role_without_description",
      stack: (s) => describedRole(s, "pass_role_without_description", undefined),
    },
    {
      name: "pass_group_description",
      stack: (s) => describedGroup(s, "pass_group_description", "Store staff (access review: KB-2210)"),
    },
    {
      name: "pass_group_without_description",
      stack: (s) => describedGroup(s, "pass_group_without_description", undefined),
    },
    {
      name: "pass_user_password_variable",
      stack: (s) => {
        const pool = userPool(s, "staff");
        const password = new TerraformVariable(s, "admin_password", { type: "string", sensitive: true });
        new CognitoUser(s, "admin", {
          userPoolId: pool.id,
          username: "pass_user_password_variable",
          password: password.stringValue,
        });
      },
    },
    {
      name: "pass_user_without_password",
      stack: (s) => {
        const pool = userPool(s, "staff");
        new CognitoUser(s, "admin", { userPoolId: pool.id, username: "pass_user_without_password" });
      },
    },
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
    {
      name: "pass_saml_inline_metadata",
      stack: (s) => provider(s, "pass_saml_inline_metadata", "SAML", { MetadataFile: samlMetadata(false) }),
    },
    {
      name: "pass_tags",
      stack: (s) =>
        userPool(s, "pass_tags", {
          tags: {
            team: "payments",
            "cost-center": "CC-1234",
            "pci:audience": "workforce",
            "aws-key-rotation": "90d",
            // 40 characters of hex under a name that does not say "secret": a commit id, not a key.
            "git-commit": "3f786850e387550fdab836ed7e6dc881de23001b",
          },
        }),
    },
  ],
  invalid: [
    {
      name: "fail_access_key_in_group_description",
      stack: (s) =>
        describedGroup(s, "fail_access_key_in_group_description", `Staff; the kiosk signs in with ${ACCESS_KEY}`),
      results: [
        {
          resource: "fail_access_key_in_group_description",
          status: "FAIL",
          messageId: "secretInDescription",
          messageIncludes: "its description holds an AWS access key id (20 characters)",
        },
      ],
    },
    {
      name: "fail_access_key_in_role_description",
      stack: (s) => describedRole(s, "fail_access_key_in_role_description", `Shoppers; CI deploys with ${ACCESS_KEY}`),
      results: [
        {
          resource: "fail_access_key_in_role_description",
          status: "FAIL",
          messageId: "secretInDescription",
          messageIncludes: "its description holds an AWS access key id (20 characters)",
        },
      ],
    },
    {
      name: "fail_secret_key_in_role_description",
      stack: (s) =>
        describedRole(s, "fail_secret_key_in_role_description", `legacy: aws_secret_access_key=${SECRET_ACCESS_KEY}`),
      results: [
        {
          resource: "fail_secret_key_in_role_description",
          status: "FAIL",
          messageId: "secretInDescription",
          messageIncludes: "an AWS secret access key (40 characters)",
        },
      ],
    },
    {
      name: "fail_user_literal_password",
      stack: (s) => {
        const pool = userPool(s, "staff");
        new CognitoUser(s, "admin", {
          userPoolId: pool.id,
          username: "fail_user_literal_password",
          temporaryPassword: "Welcome-2026!",
        });
      },
      results: [
        {
          resource: "fail_user_literal_password",
          status: "FAIL",
          messageId: "literalPassword",
          messageIncludes: "temporary_password is a literal value of 13 characters",
        },
      ],
    },
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
          messageId: "embeddedSecret",
          messageIncludes: "provider_details.private_key holds a private key block",
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
      name: "fail_saml_private_key",
      stack: (s) => provider(s, "fail_saml_private_key", "SAML", { MetadataFile: samlMetadata(true) }),
      results: [
        {
          resource: "fail_saml_private_key",
          status: "FAIL",
          messageId: "embeddedSecret",
          messageIncludes: "provider_details.MetadataFile holds a private key block",
        },
      ],
    },
    {
      name: "fail_access_key_in_tags",
      stack: (s) => userPool(s, "fail_access_key_in_tags", { tags: { team: "payments", deployer: ACCESS_KEY } }),
      results: [
        {
          resource: "fail_access_key_in_tags",
          status: "FAIL",
          messageId: "secretInTags",
          messageIncludes: 'tags["deployer"] holds an AWS access key id (20 characters)',
        },
      ],
    },
    {
      name: "fail_access_key_as_tag_key",
      stack: (s) => userPool(s, "fail_access_key_as_tag_key", { tags: { [ACCESS_KEY]: "ci" } }),
      results: [
        {
          resource: "fail_access_key_as_tag_key",
          status: "FAIL",
          messageId: "secretInTags",
          messageIncludes: "tag #1 in key order (its key) holds an AWS access key id",
        },
      ],
    },
    {
      name: "fail_secret_key_in_identity_pool_tags",
      stack: (s) =>
        new CognitoIdentityPool(s, "fail_secret_key_in_identity_pool_tags", {
          identityPoolName: "fail_secret_key_in_identity_pool_tags",
          tags: { aws_secret_access_key: SECRET_ACCESS_KEY },
        }),
      results: [
        {
          resource: "fail_secret_key_in_identity_pool_tags",
          status: "FAIL",
          messageId: "secretInTags",
          messageIncludes: "an AWS secret access key (40 characters)",
        },
      ],
    },
    {
      name: "unknown_saml_metadata_file",
      stack: (s) => provider(s, "unknown_saml_metadata_file", "SAML", { MetadataFile: Fn.file("idp-metadata.xml") }),
      results: [
        {
          resource: "unknown_saml_metadata_file",
          status: "UNKNOWN",
          messageId: "metadataFromFile",
          messageIncludes: 'read with file("idp-metadata.xml")',
        },
      ],
    },
    {
      name: "unknown_group_description_var",
      stack: (s) => {
        const text = new TerraformVariable(s, "group_description", { type: "string" });
        describedGroup(s, "unknown_group_description_var", text.stringValue);
      },
      results: [
        {
          resource: "unknown_group_description_var",
          status: "UNKNOWN",
          messageId: "unknown",
          messageIncludes: "var.group_description",
        },
      ],
    },
    {
      name: "unknown_role_description_var",
      stack: (s) => {
        const text = new TerraformVariable(s, "role_description", { type: "string" });
        describedRole(s, "unknown_role_description_var", text.stringValue);
      },
      results: [
        {
          resource: "unknown_role_description_var",
          status: "UNKNOWN",
          messageId: "unknown",
          messageIncludes: "var.role_description",
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
  const results = runRule(rule, literalFacebook).filter((r) => r.status !== "PASS");
  expect(results).toHaveLength(1);
  expect(JSON.stringify(results)).not.toContain(SECRET);
  expect(JSON.stringify(results)).not.toContain(SECRET.slice(0, 8));
});

it("reports keys in metadata and tags by where, kind and length, with the value masked", () => {
  const results = runRule(rule, (s) => {
    provider(s, "fail_saml_key", "SAML", { MetadataFile: samlMetadata(true) });
    userPool(s, "fail_tagged", { tags: { deployer: ACCESS_KEY, [ACCESS_KEY]: "x" } });
    new CognitoIdentityPool(s, "fail_ip", {
      identityPoolName: "fail_ip",
      tags: { aws_secret_access_key: SECRET_ACCESS_KEY },
    });
  }).filter((r) => r.status === "FAIL");
  expect(results.map((r) => r.resource.name).sort()).toEqual(["fail_ip", "fail_saml_key", "fail_tagged"]);
  const text = JSON.stringify(results);
  for (const secret of [
    KEY_BODY,
    KEY_BODY.slice(0, 12),
    ACCESS_KEY,
    ACCESS_KEY.slice(4),
    SECRET_ACCESS_KEY,
    SECRET_ACCESS_KEY.slice(0, 10),
  ])
    expect(text).not.toContain(secret);
  const described = runRule(rule, (s) => describedRole(s, "fail_described", `deployer ${ACCESS_KEY}`));
  const leak = described.find((r) => r.resource.name === "fail_described")!;
  expect(leak.evidence).toEqual([{ attribute: "description", value: "an AWS access key id: AKIA****************" }]);
  expect(JSON.stringify(described)).not.toContain(ACCESS_KEY.slice(4));
  const tagged = results.find((r) => r.resource.name === "fail_tagged")!;
  expect(tagged.evidence).toEqual([
    { attribute: "tag #1 in key order (its key)", value: "an AWS access key id: AKIA****************" },
    { attribute: 'tags["deployer"]', value: "an AWS access key id: AKIA****************" },
  ]);
});

it("a user's literal password is reported by length, never printed", () => {
  const results = runRule(rule, (s) => {
    const pool = userPool(s, "staff");
    new CognitoUser(s, "admin", { userPoolId: pool.id, username: "admin", password: "Correct-Horse-Battery-1" });
  });
  const failed = results.find((r) => r.status === "FAIL");
  expect(failed?.message).toContain("23 characters");
  expect(JSON.stringify(results)).not.toContain("Correct-Horse-Battery-1");
});
