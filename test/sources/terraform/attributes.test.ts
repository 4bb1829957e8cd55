// The attribute reader every Terraform source shares. Configuration resources come from real cdktf
// synths (cdk.tf.json read the way the synth loader reads it); planned values from the committed
// real plan of the legacy reference stack (test/fixtures/plans/shop-legacy.json), paired with their
// configuration expressions the way the plan loader pairs them. Small literal objects only where a
// shape is hard to get from either (an HCL references-only expression, a sensitive literal).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CognitoIdentityProvider } from "@cdktf/provider-aws/lib/cognito-identity-provider/index.js";
import { TerraformVariable } from "cdktf";
import { describe, expect, it } from "vitest";
import { known } from "../../../checks/model/index.js";
import { Attributes, type TerraformResource } from "../../../checks/sources/terraform/attributes.js";
import { client, userPool } from "../../harness/cognito-fixtures.js";
import { synthFixture, type StackBuilder } from "../../harness/synth-fixture.js";

type Json = Record<string, unknown>;

/** The resources of a synthesized fixture as TerraformResources in config mode, by address. */
function synthResources(build: StackBuilder): Map<string, TerraformResource> {
  const document = JSON.parse(readFileSync(join(synthFixture(build), "stacks", "fixture", "cdk.tf.json"), "utf8")) as {
    resource: Record<string, Record<string, Json>>;
  };
  const resources = new Map<string, TerraformResource>();
  for (const [type, byName] of Object.entries(document.resource))
    for (const [name, body] of Object.entries(byName)) {
      const { "//": _comment, ...values } = body;
      const address = `${type}.${name}`;
      resources.set(address, {
        mode: "managed",
        type,
        address,
        values,
        attributeMode: "config",
        provenance: { source: "synth", address },
      });
    }
  return resources;
}

function synthAttributes(build: StackBuilder, address: string): Attributes {
  const resource = synthResources(build).get(address);
  if (!resource) throw new Error(`${address} not synthesized`);
  return Attributes.of(resource);
}

const PLAN = JSON.parse(
  readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "plans", "shop-legacy.json"), "utf8"),
) as {
  resource_changes: { address: string; type: string; change: Json }[];
  configuration: { root_module: { resources: { address: string; expressions: Json }[] } };
};

/** A resource of the real plan in values mode, with after_unknown, after_sensitive and its configuration expressions. */
function planResource(address: string, withExpressions = true): TerraformResource {
  const change = PLAN.resource_changes.find((c) => c.address === address);
  const config = PLAN.configuration.root_module.resources.find((r) => r.address === address);
  if (!change || !config) throw new Error(`${address} not in the plan`);
  return {
    mode: "managed",
    type: change.type,
    address,
    values: change.change.after as Json,
    attributeMode: "values",
    unknownAfterApply: change.change.after_unknown,
    sensitiveValues: change.change.after_sensitive,
    ...(withExpressions ? { expressions: config.expressions } : {}),
    provenance: { source: "plan", address },
  };
}

const POOL = "aws_cognito_user_pool.staff";

describe("Attributes in config mode (synth)", () => {
  it("reads strings, numbers and booleans as configured", () => {
    const attributes = synthAttributes(
      (s) =>
        void userPool(s, "staff", {
          mfaConfiguration: "ON",
          passwordPolicy: { minimumLength: 14, requireSymbols: true },
        }),
      POOL,
    );
    expect(attributes.string("mfa_configuration")).toEqual(known("ON"));
    const policy = attributes.block("password_policy")!;
    expect(policy.number("minimum_length")).toEqual(known(14));
    expect(policy.bool("require_symbols")).toEqual(known(true));
    expect(policy.describe("minimum_length")).toBe(`${POOL}.password_policy.minimum_length`);
  });

  it("reads a template as unknown, naming the reference it comes from", () => {
    const attributes = synthAttributes((s) => {
      const length = new TerraformVariable(s, "min_length", { type: "number" });
      userPool(s, "staff", { passwordPolicy: { minimumLength: length.numberValue } });
    }, POOL);
    const length = attributes.block("password_policy")!.number("minimum_length");
    expect(length).toEqual({
      known: false,
      reason: `${POOL}.password_policy.minimum_length is set from var.min_length, which is known only at plan or apply`,
    });
    expect(attributes.block("password_policy")!.term("minimum_length")?.exactRef).toEqual({
      address: "var.min_length",
      attribute: "",
    });
  });

  it("gives the default with origin default for a value left out, and unknown without a default", () => {
    const attributes = synthAttributes((s) => void userPool(s, "staff"), POOL);
    expect(attributes.has("mfa_configuration")).toBe(false);
    expect(attributes.string("mfa_configuration", "OFF")).toEqual(known("OFF", "default"));
    expect(attributes.strings("alias_attributes", [])).toEqual(known([], "default"));
    expect(attributes.map("tags", {})).toEqual(known({}, "default"));
    expect(attributes.string("mfa_configuration")).toEqual({
      known: false,
      reason: `${POOL}.mfa_configuration is not set and has no default`,
    });
    expect(attributes.block("password_policy")).toBeUndefined();
  });

  it("reads an unexpected value as unknown with the value in the reason", () => {
    const attributes = synthAttributes((s) => {
      const pool = userPool(s, "staff", { passwordPolicy: { minimumLength: 12 } });
      pool.addOverride("password_policy.minimum_length", "twelve");
      pool.addOverride("deletion_protection", 1);
    }, POOL);
    expect(attributes.block("password_policy")!.number("minimum_length")).toEqual({
      known: false,
      reason: `${POOL}.password_policy.minimum_length has an unexpected value "twelve"`,
    });
    expect(attributes.bool("deletion_protection")).toEqual({
      known: false,
      reason: `${POOL}.deletion_protection has an unexpected value 1`,
    });
    // Numbers written as strings are numbers; "true"/"false" are booleans.
    const strings = synthAttributes((s) => {
      const pool = userPool(s, "staff");
      pool.addOverride("password_policy", { minimum_length: "16", require_numbers: "false" });
    }, POOL).block("password_policy")!;
    expect(strings.number("minimum_length")).toEqual(known(16));
    expect(strings.bool("require_numbers")).toEqual(known(false));
  });

  it("reads a block written as an object or as a one-element array, and every block of a list", () => {
    const object = synthAttributes((s) => void userPool(s, "staff", { passwordPolicy: { minimumLength: 12 } }), POOL);
    expect(object.raw("password_policy")).not.toBeInstanceOf(Array);
    expect(object.block("password_policy")!.number("minimum_length")).toEqual(known(12));

    const array = synthAttributes((s) => {
      const pool = userPool(s, "staff");
      pool.addOverride("password_policy", [{ minimum_length: 10 }]);
      pool.addOverride("schema", [
        { name: "email", attribute_data_type: "String" },
        { name: "tier", attribute_data_type: "String" },
      ]);
    }, POOL);
    expect(array.block("password_policy")!.number("minimum_length")).toEqual(known(10));
    expect(array.blocks("schema").map((b) => b.string("name"))).toEqual([known("email"), known("tier")]);
    expect(array.blocks("schema")[1]!.describe("name")).toBe(`${POOL}.schema.name`);
  });

  it("tells a block written as an expression (isDynamic) from a block", () => {
    const attributes = synthAttributes((s) => {
      const policy = new TerraformVariable(s, "password_policy", { type: "any" });
      const pool = userPool(s, "staff", { passwordPolicy: { minimumLength: 12 } });
      pool.addOverride("password_policy", policy.value);
    }, POOL);
    expect(attributes.isDynamic("password_policy")).toBe(true);
    expect(attributes.blocks("password_policy")).toEqual([]);
    const plain = synthAttributes((s) => void userPool(s, "staff", { passwordPolicy: { minimumLength: 12 } }), POOL);
    expect(plain.isDynamic("password_policy")).toBe(false);
    expect(plain.isDynamic("account_recovery_setting")).toBe(false);
  });

  it("keeps references in lists as terms, and strings() of a list holding a reference is unknown", () => {
    const resources = synthResources((s) => {
      const pool = userPool(s, "staff");
      const google = new CognitoIdentityProvider(s, "google", {
        userPoolId: pool.id,
        providerName: "Google",
        providerType: "Google",
        providerDetails: { client_id: "id", client_secret: "${var.google_secret}", authorize_scopes: "email" },
      });
      client(s, "web", pool, { supportedIdentityProviders: ["COGNITO", google.providerName] });
    });
    const web = Attributes.of(resources.get("aws_cognito_user_pool_client.web")!);
    const terms = web.terms("supported_identity_providers");
    expect(terms.known && terms.value.map((t) => [t.text, t.refs])).toEqual([
      ["COGNITO", []],
      [
        "${aws_cognito_identity_provider.google.provider_name}",
        [{ address: "aws_cognito_identity_provider.google", attribute: "provider_name" }],
      ],
    ]);
    expect(web.strings("supported_identity_providers")).toEqual({
      known: false,
      reason:
        "aws_cognito_user_pool_client.web.supported_identity_providers holds ${aws_cognito_identity_provider.google.provider_name}, which is known only at plan or apply",
    });
    expect(web.term("user_pool_id")?.exactRef).toEqual({ address: "aws_cognito_user_pool.staff", attribute: "id" });

    const google = Attributes.of(resources.get("aws_cognito_identity_provider.google")!);
    const details = google.termMap("provider_details");
    expect(details.known && details.value.client_secret?.exactRef).toEqual({
      address: "var.google_secret",
      attribute: "",
    });
    expect(google.map("provider_details")).toEqual({
      known: false,
      reason: "aws_cognito_identity_provider.google.provider_details.client_secret is set from var.google_secret",
    });
  });

  it("reads a whole list set from an expression as unknown, naming it", () => {
    const attributes = synthAttributes((s) => {
      const flows = new TerraformVariable(s, "flows", { type: "list(string)" });
      client(s, "web", userPool(s, "staff"), { explicitAuthFlows: flows.listValue });
    }, "aws_cognito_user_pool_client.web");
    expect(attributes.strings("explicit_auth_flows")).toEqual({
      known: false,
      reason: "aws_cognito_user_pool_client.web.explicit_auth_flows is set from var.flows",
    });
  });

  it("makes references inside a module absolute with the reference prefix", () => {
    const resource = synthResources((s) => void client(s, "web", userPool(s, "staff"))).get(
      "aws_cognito_user_pool_client.web",
    )!;
    const attributes = Attributes.of({ ...resource, referencePrefix: 'module.tenant["eu"].' });
    expect(attributes.term("user_pool_id")?.exactRef).toEqual({
      address: 'module.tenant["eu"].aws_cognito_user_pool.staff',
      attribute: "id",
    });
  });
});

describe("Attributes in values mode (plan)", () => {
  const WEB = "aws_cognito_user_pool_client.WebClient_B18267F7";
  const GOOGLE = "aws_cognito_identity_provider.GoogleFederation_Provider_8603D63D";
  const RISK = "aws_cognito_risk_configuration.StaffPool_ThreatProtection_RiskConfiguration_77732F03";

  it("reads planned strings as plain text, never as templates", () => {
    const resource = planResource(WEB);
    const attributes = Attributes.of({ ...resource, values: { ...resource.values, name: "${var.not_a_template}" } });
    expect(attributes.string("name")).toEqual(known("${var.not_a_template}"));
    expect(attributes.term("name")).toEqual({ text: "${var.not_a_template}", refs: [] });
    expect(attributes.number("refresh_token_validity")).toEqual(known(90));
    expect(attributes.strings("explicit_auth_flows")).toEqual(
      known(["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"]),
    );
  });

  it("reads a value unknown after apply from its configuration expression, as the reference", () => {
    const attributes = Attributes.of(planResource(WEB));
    expect(attributes.raw("user_pool_id")).toBe("${aws_cognito_user_pool.ConsumerPool_UserPool_74BEAF0C.id}");
    expect(attributes.term("user_pool_id")?.exactRef).toEqual({
      address: "aws_cognito_user_pool.ConsumerPool_UserPool_74BEAF0C",
      attribute: "id",
    });
    expect(attributes.string("user_pool_id").known).toBe(false);
    // Unknown and left out of the configuration: not set, so a default applies.
    expect(attributes.has("client_secret")).toBe(false);
    expect(attributes.bool("enable_token_revocation", true)).toEqual(known(true, "default"));
  });

  it("says why a value unknown after apply cannot be read when the plan has no expressions", () => {
    const attributes = Attributes.of(planResource(WEB, false));
    expect(attributes.source("user_pool_id")).toEqual({ reason: `${WEB}.user_pool_id is known only after apply` });
    expect(attributes.has("user_pool_id")).toBe(true);
    expect(attributes.source("client_secret")).toEqual({ reason: `${WEB}.client_secret is sensitive` });
  });

  it("never reads a sensitive value from the plan: the expression, or a reason", () => {
    const google = Attributes.of(planResource(GOOGLE));
    expect(planResource(GOOGLE).values.provider_details).toMatchObject({ client_secret: "placeholder" });
    const details = google.termMap("provider_details");
    expect(details.known && details.value.client_secret).toMatchObject({
      text: "${var.google_client_secret}",
      exactRef: { address: "var.google_client_secret", attribute: "" },
    });
    expect(JSON.stringify(details)).not.toContain("placeholder");
    // The attribute mapping is not sensitive: read from the plan.
    expect(google.map("attribute_mapping")).toEqual(
      known({ email: "email", name: "name", picture: "picture", username: "sub" }),
    );

    const withoutExpressions = Attributes.of(planResource(GOOGLE, false));
    expect(withoutExpressions.termMap("provider_details")).toEqual({
      known: false,
      reason: `${GOOGLE}.provider_details is sensitive`,
    });
    expect(withoutExpressions.raw("provider_details")).toBeUndefined();
  });

  it("pairs nested plan blocks with their expressions and unknown shapes", () => {
    const risk = Attributes.of(planResource(RISK));
    const takeover = risk.block("account_takeover_risk_configuration")!;
    const notify = takeover.block("notify_configuration")!;
    expect(notify.string("from")).toEqual(known("security-alerts@securecart.example"));
    expect(notify.term("source_arn")?.exactRef).toEqual({
      address: "aws_ses_email_identity.SecurityNotificationsSender",
      attribute: "arn",
    });
    expect(takeover.block("actions")!.block("high_action")!.string("event_action")).toEqual(known("MFA_IF_CONFIGURED"));
    expect(notify.describe("from")).toBe(`${RISK}.account_takeover_risk_configuration.notify_configuration.from`);
  });

  it("takes an expression known only by its references (HCL) as that reference, presumed", () => {
    const attributes = new Attributes(
      { user_pool_id: null },
      "values",
      "aws_cognito_user_pool_client.c",
      { user_pool_id: true },
      { user_pool_id: { references: ["aws_cognito_user_pool.p.id", "aws_cognito_user_pool.p"] } },
    );
    expect(attributes.source("user_pool_id")).toEqual({
      raw: "${aws_cognito_user_pool.p.id}",
      mode: "config",
      presumed: ["aws_cognito_user_pool.p.id"],
    });
  });

  it("reads a sensitive literal through its constant expression, not from the plan", () => {
    const attributes = new Attributes(
      { client_secret: "hunter2" },
      "values",
      "aws_cognito_identity_provider.p",
      {},
      { client_secret: { constant_value: "${var.secret}", references: ["var.secret"] } },
      { client_secret: true },
    );
    expect(attributes.term("client_secret")?.exactRef).toEqual({ address: "var.secret", attribute: "" });
    expect(attributes.string("client_secret")).toEqual({
      known: false,
      reason:
        "aws_cognito_identity_provider.p.client_secret is set from var.secret, which is known only at plan or apply",
    });
  });
});
