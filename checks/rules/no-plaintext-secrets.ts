import { renderRef } from "../model/index.js";
import { wildcardMatch } from "../iam/analysis.js";
import { isLiteral, type IdentityProvider, type Term } from "../model/index.js";
import { defineRule, unknownFinding, type Finding } from "../engine/rule.js";

type Options = { secretKeys: string[] };

/** Why a value is not a literal, for messages: the reference or expression it comes from. Never the value. */
function sourceOf(term: Term): string {
  return term.refs.length > 0 ? term.refs.map(renderRef).join(", ") : "an expression";
}

type MessageId = "pass" | "passNoSecrets" | "literalSecret";

export default defineRule<Options, MessageId>({
  meta: {
    id: "no-plaintext-secrets",
    title: "No client secret, private key or password is written as a literal in the configuration",
    description:
      "A client secret, private key or password written into provider_details of an identity provider ends up in source control, the synthesized cdk.tf.json, plans and state. It must come from a variable, a secret store or another reference. Findings never print the secret: they give its length only. App clients have no secret input (Cognito generates it) and SMS/email configurations hold no secret (an SMS external_id is an identifier, not a secret), so identity providers are where literal secrets can appear.",
    severity: "critical",
    pci: [
      { id: "8.6.2", relation: "meets" },
      { id: "8.3.2", relation: "supports" },
    ],
    resourceKinds: ["IdentityProvider"],
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
    },
    remediation: {
      summary:
        "Read the secret from a sensitive Terraform variable (TF_VAR_...) or a secret store (aws_secretsmanager_secret_version data source) instead of writing it into the code, and rotate the exposed secret.",
      cdktf: `const secret = new TerraformVariable(this, "google_client_secret", { type: "string", sensitive: true });\nnew CognitoIdentityProvider(this, "Google", {\n  userPoolId: pool.id, providerName: "Google", providerType: "Google",\n  providerDetails: { client_id: "...", client_secret: secret.stringValue, authorize_scopes: "openid email" },\n});`,
    },
  },
  check(estate, context) {
    return estate.identityProviders.map((provider) => checkProvider(provider, context.options(provider)));
  },
});

function checkProvider(provider: IdentityProvider, options: Options): Finding<MessageId> {
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
  if (!provider.providerDetails.known) return unknownFinding(provider, "provider_details", provider.providerDetails);
  const secrets = Object.entries(provider.providerDetails.value).filter(([key]) =>
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
