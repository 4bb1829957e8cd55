import { renderRef } from "../model/index.js";
import { wildcardMatch } from "../iam/analysis.js";
import { identityRoleBindings } from "../iam/bindings.js";
import {
  isLiteral,
  type IamRole,
  type IdentityPool,
  type IdentityProvider,
  type Term,
  type UserGroup,
  type UserPool,
  type UserPoolUser,
} from "../model/index.js";
import { defineRule, unknownFinding, type Evidence, type Finding } from "../engine/rule.js";
import { findSecrets, type SecretKind } from "./utils/secret-patterns.js";

type Options = { secretKeys: string[] };

/** Why a value is not a literal, for messages: the reference or expression it comes from. Never the value. */
function sourceOf(term: Term): string {
  return term.refs.length > 0 ? term.refs.map(renderRef).join(", ") : "an expression";
}

type MessageId =
  | "pass"
  | "passNoSecrets"
  | "literalSecret"
  | "embeddedSecret"
  | "passTags"
  | "secretInTags"
  | "metadataFromFile"
  | "passDescription"
  | "secretInDescription"
  | "passUser"
  | "literalPassword";

const KIND_TEXT: Readonly<Record<SecretKind, string>> = {
  "private-key": "a private key block",
  "access-key-id": "an AWS access key id",
  "secret-access-key": "an AWS secret access key",
};

export default defineRule<Options, MessageId>({
  meta: {
    id: "no-plaintext-secrets",
    title: "No client secret, private key, password or AWS key is written as a literal in the configuration",
    description:
      "A secret written into the configuration ends up in source control, the synthesized cdk.tf.json, plans and state (PCI DSS 8.6.2: system account credentials are not hard coded in configuration files or source code). The rule finds literal secret-bearing provider_details of identity providers (client_secret, Sign in with Apple's private_key), a private key block (-----BEGIN ... PRIVATE KEY-----) anywhere in provider details, a SAML provider's inline metadata included (metadata read with file() is judged on the file's content where the HCL source reads it, from the directory Terraform runs in or path.module; a file that cannot be read is UNKNOWN), the password or temporary_password of a user declared in the configuration (aws_cognito_user), and AWS access keys (AKIA/ASIA...) or secret access keys in the tags of user pools and identity pools or in the description of an IAM role that an identity pool or a group hands out, or of a user group. A variable or secret-store reference passes; a metadata URL holds nothing secret; an SMS configuration's external_id is an identifier, not a credential. Findings say where and how long, never the value.",
    severity: "critical",
    pci: [
      { id: "8.6.2", relation: "meets" },
      { id: "8.3.2", relation: "supports" },
    ],
    resourceKinds: ["IdentityProvider", "UserPool", "IdentityPool", "UserPoolUser", "IamRole"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          secretKeys: {
            type: "array",
            minItems: 1,
            items: { type: "string", minLength: 1 },
            description: "provider_details keys holding secrets (case-insensitive, * and ? wildcards).",
          },
        },
      },
      defaults: { secretKeys: ["client_secret", "private_key", "*password*", "*secret*", "*private_key*"] },
    },
    messages: {
      pass: "{{resource}}: secret-bearing provider details ({{keys}}) come from references, not literals",
      passNoSecrets: "{{resource}} holds no secret-bearing provider detail",
      literalSecret:
        "{{resource}}: provider_details.{{key}} is a literal value of {{length}} characters written in the configuration; read it from a sensitive variable or a secret store",
      embeddedSecret:
        "{{resource}}: provider_details.{{key}} holds {{what}} ({{length}} characters) written in the configuration; remove it and rotate the key",
      passTags: "{{resource}}: no AWS key or private key in its tags",
      secretInTags:
        "{{resource}}: {{where}} holds {{what}} ({{length}} characters); remove it from the tags and rotate it",
      passDescription: "{{resource}}: no AWS key or private key in its description",
      secretInDescription:
        "{{resource}}: its description holds {{what}} ({{length}} characters); remove it from the description and rotate it",
      passUser: "{{resource}}: {{attributes}}",
      literalPassword:
        "{{resource}}: {{attribute}} is a literal value of {{length}} characters written in the configuration; read it from a sensitive variable or a secret store, and rotate it",
      metadataFromFile:
        "{{resource}}: provider_details.{{key}} is read with {{expression}}, whose content is not in the configuration; whether it holds a private key cannot be told",
    },
    remediation: {
      summary:
        "Read the secret from a sensitive Terraform variable (TF_VAR_...) or a secret store (aws_secretsmanager_secret_version data source) instead of writing it into the code, never put keys in tags or SAML metadata, and rotate the exposed secret.",
      cdktf: `const secret = new TerraformVariable(this, "google_client_secret", { type: "string", sensitive: true });\nnew CognitoIdentityProvider(this, "Google", {\n  userPoolId: pool.id, providerName: "Google", providerType: "Google",\n  providerDetails: { client_id: "...", client_secret: secret.stringValue, authorize_scopes: "openid email" },\n});`,
    },
  },
  check(estate, context) {
    return [
      ...estate.identityProviders.map((provider) => checkProvider(provider, context.options(provider))),
      ...estate.userPools.map(checkTags),
      ...estate.identityPools.map(checkTags),
      ...estate.userPoolUsers.map(checkUser),
      // The roles both a configuration and a live scan see: those an identity pool or a group hands out.
      ...[...identityRoleBindings(estate).roles.keys()].map(checkDescription),
      ...estate.userGroups.map(checkDescription),
    ];
  },
});

/** A private key block or an AWS key in any provider detail: a leak whatever the source. */
function embedded(provider: IdentityProvider, details: Readonly<Record<string, Term>>): Finding<MessageId> | undefined {
  for (const [key, term] of Object.entries(details)) {
    const found = findSecrets(term.text)[0];
    if (found)
      return {
        resource: provider,
        status: "FAIL",
        messageId: "embeddedSecret",
        data: { key, what: KIND_TEXT[found.kind], length: found.length },
        evidence: [{ attribute: `provider_details.${key}`, value: `${KIND_TEXT[found.kind]}: ${found.masked}` }],
      };
  }
  return undefined;
}

function checkProvider(provider: IdentityProvider, options: Options): Finding<MessageId> {
  if (!provider.providerDetails.known) return unknownFinding(provider, "provider_details", provider.providerDetails);
  const details = provider.providerDetails.value;
  const leak = embedded(provider, details);
  if (leak) return leak;
  // Inline SAML metadata read from a file: the file's content, not the configuration, holds the key if any.
  const fromFile = Object.entries(details).find(([, term]) => /\bfile\(/.test(term.opaque ?? ""));
  if (fromFile)
    return {
      resource: provider,
      status: "UNKNOWN",
      messageId: "metadataFromFile",
      data: { key: fromFile[0], expression: fromFile[1].opaque ?? "file()" },
      evidence: [{ attribute: `provider_details.${fromFile[0]}`, value: `from ${fromFile[1].opaque ?? "file()"}` }],
    };
  // The live API returns every secret the same way, so it cannot tell a literal in code from a variable.
  if (provider.provenance.source === "live") {
    return {
      resource: provider,
      status: "NOT_APPLICABLE",
      messageId: "notApplicable",
      data: {
        reason:
          "a live account cannot show whether the secret was written as a literal in code; this rule audits synthesized, planned and HCL configuration",
      },
    };
  }
  const secrets = Object.entries(details).filter(([key]) =>
    options.secretKeys.some((pattern) => wildcardMatch(pattern, key)),
  );
  if (secrets.length === 0) return { resource: provider, status: "PASS", messageId: "passNoSecrets" };
  const evidence = secrets.map(([key, term]) => ({
    attribute: `provider_details.${key}`,
    value: isLiteral(term) ? `a literal value of ${term.text.length} characters` : `from ${sourceOf(term)}`,
  }));
  const literal = secrets.find(([, term]) => isLiteral(term) && term.text.length > 0);
  if (literal)
    return {
      resource: provider,
      status: "FAIL",
      messageId: "literalSecret",
      data: { key: literal[0], length: literal[1].text.length },
      evidence,
    };
  return {
    resource: provider,
    status: "PASS",
    messageId: "pass",
    data: { keys: secrets.map(([key]) => key).join(", ") },
    evidence,
  };
}

function checkTags(resource: UserPool | IdentityPool): Finding<MessageId> {
  if (!resource.tags.known) return unknownFinding(resource, "tags", resource.tags);
  // In key order, so "tag #n" names the same tag whatever order the source listed them in.
  const entries = Object.entries(resource.tags.value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const evidence: Evidence[] = [];
  let first: { where: string; what: string; length: number } | undefined;
  entries.forEach(([key, value], index) => {
    const inKey = findSecrets(key)[0];
    // A key that is itself a secret is named by position: printing it would print the secret.
    const where = inKey ? `tag #${index + 1} in key order (its key)` : `tags["${key}"]`;
    for (const found of [...(inKey ? [inKey] : []), ...findSecrets(value, key)]) {
      evidence.push({ attribute: where, value: `${KIND_TEXT[found.kind]}: ${found.masked}` });
      first ??= { where, what: KIND_TEXT[found.kind], length: found.length };
    }
  });
  if (first) return { resource, status: "FAIL", messageId: "secretInTags", data: first, evidence };
  return { resource, status: "PASS", messageId: "passTags" };
}

/** An IAM role's or a user group's description: both are free text that a key gets pasted into. */
function checkDescription(resource: IamRole | UserGroup): Finding<MessageId> {
  if (!resource.description.known) return unknownFinding(resource, "description", resource.description);
  const found = resource.description.value === null ? [] : findSecrets(resource.description.value);
  const first = found[0];
  if (!first) return { resource, status: "PASS", messageId: "passDescription" };
  return {
    resource,
    status: "FAIL",
    messageId: "secretInDescription",
    data: { what: KIND_TEXT[first.kind], length: first.length },
    evidence: found.map((f) => ({ attribute: "description", value: `${KIND_TEXT[f.kind]}: ${f.masked}` })),
  };
}

function checkUser(user: UserPoolUser): Finding<MessageId> {
  if (!user.passwords.known) return unknownFinding(user, "password", user.passwords);
  const evidence = user.passwords.value.map(({ attribute, term }) => ({
    attribute,
    value: isLiteral(term) ? `a literal value of ${term.text.length} characters` : `from ${sourceOf(term)}`,
  }));
  const literal = user.passwords.value.find(({ term }) => isLiteral(term));
  if (literal)
    return {
      resource: user,
      status: "FAIL",
      messageId: "literalPassword",
      data: { attribute: literal.attribute, length: literal.term.text.length },
      evidence,
    };
  return {
    resource: user,
    status: "PASS",
    messageId: "passUser",
    data: {
      attributes:
        user.passwords.value.length === 0
          ? "no password in the configuration"
          : `${user.passwords.value.map((p) => p.attribute).join(" and ")} come from references, not literals`,
    },
    evidence,
  };
}
