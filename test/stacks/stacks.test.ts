// The reference estates (stacks/): what each stack configures, checked on cdktf's synth output,
// and that both stacks are valid Terraform for hashicorp/aws 5.100.0 (terraform init + validate).
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, it, expect, afterAll } from "vitest";
import { Testing, type TerraformStack } from "cdktf";
import { buildApp, STACK_IDS } from "../../stacks/main.js";
import { firstUserFrame } from "../../checks/gate/source-locations.js";
import { terraformValidate } from "../support/terraform-cli-config.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const { compliant, legacy } = buildApp(Testing.app());

const synthCache = new Map<TerraformStack, { text: string; json: Json }>();
function synth(stack: TerraformStack): { text: string; json: Json } {
  let s = synthCache.get(stack);
  if (!s) {
    const text = Testing.synth(stack);
    s = { text, json: JSON.parse(text) };
    synthCache.set(stack, s);
  }
  return s;
}

/** resource[type] of a synthesized stack as [name, body] pairs. */
function resources(stack: TerraformStack, type: string): [string, Json][] {
  return Object.entries(synth(stack).json.resource?.[type] ?? {});
}

/** The single resource of `type` whose construct-derived name starts with `prefix`. */
function resource(stack: TerraformStack, type: string, prefix: string): Json {
  const matches = resources(stack, type).filter(([name]) => name.startsWith(prefix));
  expect(
    matches.map(([n]) => n),
    `${type} ${prefix}*`,
  ).toHaveLength(1);
  return (matches[0] as [string, Json])[1];
}

function dataSource(stack: TerraformStack, type: string, prefix: string): Json {
  const entries = Object.entries(synth(stack).json.data?.[type] ?? {}).filter(([n]) => n.startsWith(prefix));
  expect(entries, `data ${type} ${prefix}*`).toHaveLength(1);
  return (entries[0] as [string, Json])[1];
}

const ref = (type: string, attr: string) => new RegExp(`^\\$\\{${type}\\.[A-Za-z0-9_-]+\\.${attr}\\}$`);

const UNIT_SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };
/** Token lifetimes in seconds, with Cognito's defaults when token_validity_units is absent. */
function tokenSeconds(client: Json): { access: number; id: number; refresh: number } {
  const units = client.token_validity_units?.[0] ?? {};
  const s = (value: number, unit: string | undefined, dflt: string) => value * (UNIT_SECONDS[unit ?? dflt] ?? NaN);
  return {
    access: s(client.access_token_validity, units.access_token, "hours"),
    id: s(client.id_token_validity, units.id_token, "hours"),
    refresh: s(client.refresh_token_validity, units.refresh_token, "days"),
  };
}

const isSecureRedirect = (url: string) => {
  const u = new URL(url);
  return u.protocol === "https:" || (u.protocol === "http:" && ["localhost", "127.0.0.1"].includes(u.hostname));
};

describe("app", () => {
  it("has exactly the stacks shop-compliant and shop-legacy", () => {
    const app = Testing.app();
    buildApp(app);
    expect(app.node.children.map((c) => c.node.id).sort()).toEqual([STACK_IDS.compliant, STACK_IDS.legacy].sort());
    expect(STACK_IDS).toEqual({ compliant: "shop-compliant", legacy: "shop-legacy" });
  });

  it("configures the AWS provider for eu-west-1 by default", () => {
    for (const stack of [compliant, legacy]) {
      expect(synth(stack).json.provider.aws).toEqual([{ region: "eu-west-1" }]);
    }
  });

  it("takes an injected provider configuration (emulator endpoints, skip flags, dummy credentials)", () => {
    const injected = buildApp(Testing.app(), {
      provider: {
        accessKey: "test",
        secretKey: "test",
        skipCredentialsValidation: true,
        skipRequestingAccountId: true,
        endpoints: [{ cognitoidp: "http://127.0.0.1:5055", iam: "http://127.0.0.1:5055" }],
      },
    });
    const out = Testing.synth(injected.legacy);
    expect(
      Testing.toHaveProviderWithProperties(out, "aws", {
        region: "eu-west-1",
        access_key: "test",
        skip_credentials_validation: true,
        skip_requesting_account_id: true,
        endpoints: [{ cognitoidp: "http://127.0.0.1:5055" }],
      }),
    ).toBe(true);
  });
});

describe("shop-compliant", () => {
  const staffPool = () => resource(compliant, "aws_cognito_user_pool", "StaffPool_");
  const consumerPool = () => resource(compliant, "aws_cognito_user_pool", "ConsumerPool_");

  it("staff pool: workforce password policy, MFA ON with TOTP, Plus tier with enforced threat protection", () => {
    const pool = staffPool();
    expect(pool.tags["pci:audience"]).toBe("workforce");
    expect(pool.mfa_configuration).toBe("ON");
    expect(pool.software_token_mfa_configuration).toEqual({ enabled: true });
    expect(pool.sms_configuration).toBeUndefined();
    expect(pool.password_policy.minimum_length).toBeGreaterThanOrEqual(14);
    expect(pool.password_policy).toMatchObject({
      require_lowercase: true,
      require_uppercase: true,
      require_numbers: true,
      require_symbols: true,
      password_history_size: 24,
    });
    expect(pool.password_policy.temporary_password_validity_days).toBeLessThanOrEqual(7);
    expect(pool.user_pool_tier).toBe("PLUS");
    expect(pool.user_pool_add_ons).toEqual({ advanced_security_mode: "ENFORCED" });
    expect(pool.deletion_protection).toBe("ACTIVE");
    expect(pool.admin_create_user_config).toEqual({ allow_admin_create_user_only: true });
    expect(pool.account_recovery_setting.recovery_mechanism).toEqual([{ name: "admin_only", priority: 1 }]);
  });

  it("consumer pool: email sign-in, auto-verified email, TOTP MFA, consumer thresholds", () => {
    const pool = consumerPool();
    expect(pool.tags["pci:audience"]).toBe("consumer");
    expect(pool.username_attributes).toEqual(["email"]);
    expect(pool.auto_verified_attributes).toEqual(["email"]);
    expect(["ON", "OPTIONAL"]).toContain(pool.mfa_configuration);
    expect(pool.software_token_mfa_configuration).toEqual({ enabled: true });
    expect(pool.password_policy.minimum_length).toBeGreaterThanOrEqual(12);
    expect(pool.password_policy.require_numbers).toBe(true);
    expect(pool.user_pool_add_ons).toEqual({ advanced_security_mode: "ENFORCED" });
    expect(pool.user_pool_tier).toBe("PLUS");
    expect(pool.deletion_protection).toBe("ACTIVE");
    expect(pool.account_recovery_setting.recovery_mechanism).toEqual([{ name: "verified_email", priority: 1 }]);
    const cardData = /pan|card_number|cardnumber|ccnum|cvv|cvc|card_expiry|track/;
    for (const attr of pool.schema) expect(attr.name).not.toMatch(cardData);
  });

  it("pools have hosted domains and groups (admin on staff, customer on consumer)", () => {
    expect(resources(compliant, "aws_cognito_user_pool_domain")).toHaveLength(2);
    expect(resource(compliant, "aws_cognito_user_group", "StaffPool_Group-admin").user_pool_id).toMatch(
      /^\$\{aws_cognito_user_pool\.StaffPool_UserPool_[0-9A-F]+\.id\}$/,
    );
    expect(resource(compliant, "aws_cognito_user_group", "ConsumerPool_Group-customer").user_pool_id).toMatch(
      /^\$\{aws_cognito_user_pool\.ConsumerPool_UserPool_[0-9A-F]+\.id\}$/,
    );
  });

  it("resource server offers the shop scopes", () => {
    const rs = resource(compliant, "aws_cognito_resource_server", "ShopResourceServer");
    expect(rs.identifier).toBe("shop");
    expect(rs.scope.map((s: Json) => s.scope_name).sort()).toEqual(["checkout", "orders", "payment-methods"]);
  });

  it("Google and Facebook client secrets come from sensitive variables; email only where email_verified is mapped", () => {
    const variables = synth(compliant).json.variable;
    for (const provider of ["Google", "Facebook"]) {
      const idp = resource(compliant, "aws_cognito_identity_provider", `${provider}Federation_`);
      const varName = `${provider.toLowerCase()}_client_secret`;
      expect(idp.provider_details.client_secret).toBe(`\${var.${varName}}`);
      expect(variables[varName]).toMatchObject({ sensitive: true, type: "string" });
      // Facebook sends no email_verified claim, so the compliant estate does not map its email (RULES.md).
      if (provider === "Google")
        expect(idp.attribute_mapping).toMatchObject({ email: "email", email_verified: expect.any(String) });
      else expect(idp.attribute_mapping.email).toBeUndefined();
    }
    expect(
      Testing.toHaveResourceWithProperties(synth(compliant).text, "aws_cognito_identity_provider", {
        provider_name: "Google",
        attribute_mapping: { email_verified: "email_verified" },
      }),
    ).toBe(true);
  });

  it("app clients: code flow only, https redirects, SRP only, short tokens with units, rotation, hidden user existence", () => {
    const all = resources(compliant, "aws_cognito_user_pool_client");
    expect(all.map(([n]) => n.split("_")[0]).sort()).toEqual([
      "AdminClient",
      "MobileClient",
      "OrderSyncClient",
      "WebClient",
    ]);
    // The machine-to-machine client signs no user in: its own test below.
    const clients = all.filter(([n]) => !n.startsWith("OrderSyncClient"));
    for (const [name, c] of clients) {
      const staff = name.startsWith("AdminClient");
      expect(c.allowed_oauth_flows, name).toEqual(["code"]);
      for (const url of [...c.callback_urls, ...c.logout_urls])
        expect(isSecureRedirect(url), `${name} ${url}`).toBe(true);
      for (const flow of c.explicit_auth_flows)
        expect(["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]).toContain(flow);
      expect(c.token_validity_units, name).toHaveLength(1);
      const t = tokenSeconds(c);
      expect(t.access, name).toBeLessThanOrEqual(staff ? 15 * 60 : 60 * 60);
      expect(t.id, name).toBeLessThanOrEqual(staff ? 15 * 60 : 60 * 60);
      expect(t.refresh, name).toBeLessThanOrEqual(staff ? 12 * 3600 : 30 * 86400);
      expect(c.refresh_token_rotation, name).toEqual([expect.objectContaining({ feature: "ENABLED" })]);
      expect(c.auth_session_validity, name).toBeGreaterThanOrEqual(3);
      expect(c.auth_session_validity, name).toBeLessThanOrEqual(5);
      expect(c.enable_token_revocation, name).toBe(true);
      expect(c.prevent_user_existence_errors, name).toBe("ENABLED");
      expect(c.write_attributes, name).toBeDefined();
      expect(
        c.write_attributes.filter((a: string) => a.startsWith("custom:")),
        name,
      ).toEqual([]);
    }
    const staffTokens = tokenSeconds(resource(compliant, "aws_cognito_user_pool_client", "AdminClient"));
    expect(staffTokens).toEqual({ access: 900, id: 900, refresh: 12 * 3600 });
    const web = resource(compliant, "aws_cognito_user_pool_client", "WebClient");
    expect(web.generate_secret).toBe(false);
    expect(web.allowed_oauth_scopes).toEqual(
      expect.arrayContaining(["shop/orders", "shop/checkout", "shop/payment-methods"]),
    );
    expect(web.supported_identity_providers).toEqual(["COGNITO", "Google", "Facebook"]);
  });

  it("the machine-to-machine client: client_credentials only, a secret, no user sign-in, short access tokens", () => {
    const m2m = resource(compliant, "aws_cognito_user_pool_client", "OrderSyncClient");
    expect(m2m.allowed_oauth_flows).toEqual(["client_credentials"]);
    expect(m2m.generate_secret).toBe(true);
    for (const flow of m2m.explicit_auth_flows ?? ["unset"]) expect(flow).toBe("ALLOW_REFRESH_TOKEN_AUTH");
    expect(tokenSeconds(m2m).access).toBeLessThanOrEqual(60 * 60);
  });

  it("risk configuration on both pools: compromised credentials blocked on sign-in, high BLOCK, medium MFA", () => {
    const risks = resources(compliant, "aws_cognito_risk_configuration");
    expect(risks.map(([n]) => n.split("_")[0]).sort()).toEqual(["ConsumerPool", "StaffPool"]);
    for (const [, r] of risks) {
      expect(r.client_id).toBeUndefined();
      expect(r.compromised_credentials_risk_configuration.event_filter).toContain("SIGN_IN");
      expect(r.compromised_credentials_risk_configuration.actions).toEqual({ event_action: "BLOCK" });
      const actions = r.account_takeover_risk_configuration.actions;
      expect(actions.high_action.event_action).toBe("BLOCK");
      expect(actions.medium_action.event_action).toBe("MFA_REQUIRED");
      expect(actions.low_action.event_action).toBe("NO_ACTION");
    }
  });

  it("identity pool: no guests, no classic flow, roles bound through a roles attachment with Deny mapping", () => {
    const pool = resource(compliant, "aws_cognito_identity_pool", "CustomerIdentity_");
    expect(pool.allow_unauthenticated_identities).toBe(false);
    expect(pool.allow_classic_flow).toBe(false);
    expect(pool.cognito_identity_providers).toHaveLength(2);
    const attachment = resource(compliant, "aws_cognito_identity_pool_roles_attachment", "CustomerIdentity_");
    expect(attachment.identity_pool_id).toMatch(ref("aws_cognito_identity_pool", "id"));
    expect(attachment.roles.authenticated).toMatch(
      /^\$\{aws_iam_role\.CustomerIdentity_AuthenticatedRole_[0-9A-F]+\.arn\}$/,
    );
    expect(attachment.roles.unauthenticated).toMatch(/^\$\{aws_iam_role\.CustomerIdentity_GuestRole_[0-9A-F]+\.arn\}$/);
    expect(attachment.role_mapping).toEqual([
      expect.objectContaining({ type: "Token", ambiguous_role_resolution: "Deny" }),
    ]);
  });

  it("identity roles: trust pinned to the pool id and amr, one hour sessions, no managed policies", () => {
    const authRole = resource(compliant, "aws_iam_role", "CustomerIdentity_AuthenticatedRole_");
    expect(authRole.max_session_duration).toBe(3600);
    expect(authRole.assume_role_policy).toMatch(ref("data.aws_iam_policy_document", "json"));
    const trust = dataSource(compliant, "aws_iam_policy_document", "CustomerIdentity_AuthenticatedRole_TrustPolicy");
    expect(trust.statement[0].actions).toEqual(["sts:AssumeRoleWithWebIdentity"]);
    expect(trust.statement[0].condition).toEqual([
      {
        test: "StringEquals",
        variable: "cognito-identity.amazonaws.com:aud",
        values: [expect.stringMatching(ref("aws_cognito_identity_pool", "id"))],
      },
      { test: "ForAnyValue:StringLike", variable: "cognito-identity.amazonaws.com:amr", values: ["authenticated"] },
    ]);

    const guestRole = resource(compliant, "aws_iam_role", "CustomerIdentity_GuestRole_");
    expect(guestRole.max_session_duration).toBe(3600);
    expect(guestRole.assume_role_policy.startsWith("${jsonencode(")).toBe(true);
    expect(guestRole.assume_role_policy).toMatch(
      /"cognito-identity\.amazonaws\.com:aud" = aws_cognito_identity_pool\.CustomerIdentity_IdentityPool_[0-9A-F]+\.id/,
    );
    expect(guestRole.assume_role_policy).toContain('"cognito-identity.amazonaws.com:amr" = "unauthenticated"');
    expect(resources(compliant, "aws_iam_role_policy_attachment")).toEqual([]);
  });

  it("identity permissions: own S3 prefix and own DynamoDB items per identity; guests read the catalog only", () => {
    const pictures = JSON.parse(
      resource(compliant, "aws_iam_role_policy", "CustomerIdentity_AuthenticatedRole_ProfilePicturesPolicy").policy,
    );
    const objectStatement = pictures.Statement.find((s: Json) => s.Sid === "OwnProfilePictures");
    expect(objectStatement.Resource).toEqual([
      expect.stringMatching(
        /^\$\{aws_s3_bucket\.[A-Za-z0-9_]+\.arn\}\/private\/\$\$\{cognito-identity\.amazonaws\.com:sub\}\/\*$/,
      ),
    ]);
    for (const s of pictures.Statement) {
      for (const action of [s.Action].flat()) expect(action).not.toMatch(/(^\*$|:\*$)/);
    }
    const wishlist = dataSource(
      compliant,
      "aws_iam_policy_document",
      "CustomerIdentity_AuthenticatedRole_WishlistPolicyDocument",
    );
    expect(wishlist.statement[0].resources).toEqual([expect.stringMatching(ref("aws_dynamodb_table", "arn"))]);
    expect(wishlist.statement[0].condition).toEqual([
      {
        test: "ForAllValues:StringEquals",
        variable: "dynamodb:LeadingKeys",
        values: ["$${cognito-identity.amazonaws.com:sub}"],
      },
    ]);
    const guest = JSON.parse(
      resource(compliant, "aws_iam_role_policy", "CustomerIdentity_GuestRole_GuestPolicy").policy,
    );
    const guestActions = guest.Statement.flatMap((s: Json) => [s.Action].flat());
    expect(guestActions.length).toBeGreaterThan(0);
    for (const action of guestActions)
      expect(action).toMatch(/^[a-z0-9]+:(Get|List|Describe|Query|Scan|BatchGet)[A-Za-z]*$/);
    for (const s of guest.Statement) {
      expect(s.Condition).toEqual({
        "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": ["$${cognito-identity.amazonaws.com:sub}"] },
      });
    }
  });

  it("API: every non-OPTIONS method is behind the Cognito authorizer with a scope", () => {
    const authorizer = resource(compliant, "aws_api_gateway_authorizer", "ShopApi_CognitoAuthorizer");
    expect(authorizer.type).toBe("COGNITO_USER_POOLS");
    expect(authorizer.provider_arns).toEqual([
      expect.stringMatching(/^\$\{aws_cognito_user_pool\.ConsumerPool_UserPool_[0-9A-F]+\.arn\}$/),
    ]);
    const methods = resources(compliant, "aws_api_gateway_method");
    const secured = methods.filter(([, m]) => m.http_method !== "OPTIONS");
    expect(secured).toHaveLength(5);
    for (const [name, m] of secured) {
      expect(m.authorization, name).toBe("COGNITO_USER_POOLS");
      expect(m.authorizer_id, name).toMatch(ref("aws_api_gateway_authorizer", "id"));
      expect(m.authorization_scopes?.length, name).toBeGreaterThan(0);
    }
    expect(resource(compliant, "aws_api_gateway_method", "ShopApi_Method-POST-checkout").authorization_scopes).toEqual([
      "shop/checkout",
    ]);
    expect(
      resource(compliant, "aws_api_gateway_method", "ShopApi_Method-GET-payment-methods").authorization_scopes,
    ).toEqual(["shop/payment-methods"]);
    expect(resources(compliant, "aws_api_gateway_stage")).toHaveLength(1);
  });

  it("WAF: a regional web ACL is associated with both user pools", () => {
    expect(resource(compliant, "aws_wafv2_web_acl", "WebAcl").scope).toBe("REGIONAL");
    const targets = resources(compliant, "aws_wafv2_web_acl_association").map(([, a]) => a.resource_arn as string);
    expect(targets).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\$\{aws_cognito_user_pool\.ConsumerPool_UserPool_[0-9A-F]+\.arn\}$/),
        expect.stringMatching(/^\$\{aws_cognito_user_pool\.StaffPool_UserPool_[0-9A-F]+\.arn\}$/),
      ]),
    );
  });
});

describe("shop-legacy", () => {
  it("staff pool: no audience tag, weak passwords, optional SMS-only MFA, self sign-up, no deletion protection", () => {
    const pool = resource(legacy, "aws_cognito_user_pool", "StaffPool_");
    expect(pool.tags["pci:audience"]).toBeUndefined();
    expect(pool.password_policy).toMatchObject({ minimum_length: 8, require_symbols: false });
    expect(pool.password_policy.password_history_size).toBeUndefined();
    expect(pool.mfa_configuration).toBe("OPTIONAL");
    expect(pool.software_token_mfa_configuration).toBeUndefined();
    expect(pool.sms_configuration.sns_caller_arn).toMatch(ref("aws_iam_role", "arn"));
    expect(pool.admin_create_user_config).toEqual({ allow_admin_create_user_only: false });
    expect(pool.deletion_protection).toBe("INACTIVE");
    expect(pool.user_pool_add_ons).toEqual({ advanced_security_mode: "AUDIT" });
    expect(pool.account_recovery_setting.recovery_mechanism[0]).toEqual({ name: "verified_phone_number", priority: 1 });
  });

  it("consumer pool: MFA off, no threat protection, no recovery setting, no risk configuration; the staff pool's is weak", () => {
    const pool = resource(legacy, "aws_cognito_user_pool", "ConsumerPool_");
    expect(pool.tags["pci:audience"]).toBe("consumer");
    expect(pool.password_policy).toMatchObject({ minimum_length: 8, require_numbers: false });
    expect(pool.schema.map((a: Json) => a.name)).toContain("card_expiry");
    expect(pool.mfa_configuration).toBe("OFF");
    expect(pool.user_pool_add_ons).toBeUndefined();
    expect(pool.account_recovery_setting).toBeUndefined();
    expect(pool.deletion_protection).toBe("INACTIVE");
    const risks = resources(legacy, "aws_cognito_risk_configuration");
    expect(risks.map(([name]) => name.split("_")[0])).toEqual(["StaffPool"]);
    const [, staffRisk] = risks[0]!;
    expect(staffRisk.compromised_credentials_risk_configuration).toMatchObject({
      event_filter: ["PASSWORD_CHANGE"],
      actions: { event_action: "NO_ACTION" },
    });
    expect(staffRisk.account_takeover_risk_configuration.actions).toMatchObject({
      high_action: { event_action: "MFA_IF_CONFIGURED" },
      medium_action: { event_action: "NO_ACTION" },
    });
  });

  it("web client: 12-hour tokens without units, implicit grant, http callback, LEGACY errors, writable custom:tier", () => {
    const web = resource(legacy, "aws_cognito_user_pool_client", "WebClient");
    expect(web.access_token_validity).toBe(12);
    expect(web.id_token_validity).toBe(12);
    expect(web.token_validity_units).toBeUndefined();
    expect(tokenSeconds(web)).toEqual({ access: 12 * 3600, id: 12 * 3600, refresh: 90 * 86400 });
    expect(web.refresh_token_rotation).toBeUndefined();
    expect(web.allowed_oauth_flows).toContain("implicit");
    expect(web.callback_urls).toContain("http://staging.securecart.example/auth/callback");
    expect(web.prevent_user_existence_errors).toBe("LEGACY");
    expect(web.write_attributes).toContain("custom:tier");
    expect(web.auth_session_validity).toBe(15);
  });

  it("mobile and admin clients: password auth, no revocation, long refresh tokens", () => {
    const mobile = resource(legacy, "aws_cognito_user_pool_client", "MobileClient");
    expect(mobile.explicit_auth_flows).toContain("ALLOW_USER_PASSWORD_AUTH");
    expect(mobile.enable_token_revocation).toBe(false);
    expect(tokenSeconds(mobile).refresh).toBe(365 * 86400);
    const admin = resource(legacy, "aws_cognito_user_pool_client", "AdminClient");
    expect(tokenSeconds(admin)).toEqual({ access: 3600, id: 3600, refresh: 30 * 86400 });
    expect(admin.prevent_user_existence_errors).toBeUndefined();
  });

  it("federation: Facebook secret is a literal, Google maps email without email_verified", () => {
    const facebook = resource(legacy, "aws_cognito_identity_provider", "FacebookFederation_");
    expect(facebook.provider_details.client_secret).not.toMatch(/^\$\{var\./);
    expect(synth(legacy).json.variable.facebook_client_secret).toBeUndefined();
    const google = resource(legacy, "aws_cognito_identity_provider", "GoogleFederation_");
    expect(google.provider_details.client_secret).toBe("${var.google_client_secret}");
    expect(google.attribute_mapping.email).toBe("email");
    expect(google.attribute_mapping.email_verified).toBeUndefined();
  });

  it("identity pool: guests and classic flow on, ambiguous tokens get the authenticated role", () => {
    const pool = resource(legacy, "aws_cognito_identity_pool", "CustomerIdentity_");
    expect(pool.allow_unauthenticated_identities).toBe(true);
    expect(pool.allow_classic_flow).toBe(true);
    const attachment = resource(legacy, "aws_cognito_identity_pool_roles_attachment", "CustomerIdentity_");
    expect(attachment.roles).toHaveProperty("unauthenticated");
    expect(attachment.role_mapping).toEqual([
      expect.objectContaining({ ambiguous_role_resolution: "AuthenticatedRole" }),
    ]);
  });

  it("identity roles: guest writes and trusts any pool; authenticated role has dynamodb:* and AmazonS3FullAccess", () => {
    const guestRole = resource(legacy, "aws_iam_role", "CustomerIdentity_GuestRole_");
    expect(guestRole.assume_role_policy).not.toContain("cognito-identity.amazonaws.com:aud");
    expect(guestRole.assume_role_policy).toContain('"unauthenticated"');
    const guestPolicy = resource(legacy, "aws_iam_role_policy", "CustomerIdentity_GuestRole_GuestPolicy")
      .policy as string;
    expect(guestPolicy).toContain('"s3:PutObject"');
    expect(guestPolicy).toContain('"dynamodb:PutItem"');

    const authRole = resource(legacy, "aws_iam_role", "CustomerIdentity_AuthenticatedRole_");
    expect(authRole.max_session_duration).toBe(43200);
    const wishlist = dataSource(
      legacy,
      "aws_iam_policy_document",
      "CustomerIdentity_AuthenticatedRole_WishlistPolicyDocument",
    );
    expect(wishlist.statement).toEqual([expect.objectContaining({ actions: ["dynamodb:*"], resources: ["*"] })]);
    expect(
      Testing.toHaveResourceWithProperties(synth(legacy).text, "aws_iam_role_policy_attachment", {
        policy_arn: "arn:aws:iam::aws:policy/AmazonS3FullAccess",
      }),
    ).toBe(true);
  });

  it("API: the order-tracking route has no authorizer and checkout requires no scope", () => {
    const tracking = resource(legacy, "aws_api_gateway_method", "ShopApi_Method-GET-orders-orderId");
    expect(tracking.authorization).toBe("NONE");
    expect(tracking.authorizer_id).toBeUndefined();
    const checkout = resource(legacy, "aws_api_gateway_method", "ShopApi_Method-POST-checkout");
    expect(checkout.authorization).toBe("COGNITO_USER_POOLS");
    expect(checkout.authorization_scopes).toBeUndefined();
  });

  it("WAF protects the API stage but no user pool", () => {
    const targets = resources(legacy, "aws_wafv2_web_acl_association").map(([, a]) => a.resource_arn as string);
    expect(targets).toEqual([expect.stringMatching(ref("aws_api_gateway_stage", "arn"))]);
  });
});

describe("full synth", () => {
  const fullSynths = new Map<string, string>();
  const fullSynth = (stack: TerraformStack) => {
    const id = stack.node.id;
    let dir = fullSynths.get(id);
    if (!dir) {
      dir = Testing.fullSynth(stack);
      fullSynths.set(id, dir);
    }
    return join(dir, "stacks", id);
  };
  afterAll(() => {
    for (const dir of fullSynths.values()) rmSync(dir, { recursive: true, force: true });
  });

  it('records the stacks/*.ts line that created each resource in "//".metadata.stackTrace', () => {
    const tf = JSON.parse(readFileSync(join(fullSynth(compliant), "cdk.tf.json"), "utf8"));
    const [, pool] = Object.entries(tf.resource.aws_cognito_user_pool as Record<string, Json>).find(([n]) =>
      n.startsWith("StaffPool_"),
    ) as [string, Json];
    expect(pool["//"].metadata.path).toBe("shop-compliant/StaffPool/UserPool");
    const location = firstUserFrame(pool["//"].metadata.stackTrace);
    expect(location?.file).toMatch(/[\\/]stacks[\\/]user-pool\.ts$/);
    const source = readFileSync(new URL("../../stacks/user-pool.ts", import.meta.url), "utf8").split("\n");
    expect(source[(location?.line ?? 0) - 1]).toContain("new CognitoUserPool(");
  });

  it.each([STACK_IDS.compliant, STACK_IDS.legacy])(
    "%s passes terraform init + validate against hashicorp/aws 5.100.0",
    (id) => {
      const stack = id === STACK_IDS.compliant ? compliant : legacy;
      const result = terraformValidate(fullSynth(stack));
      const errors = result.diagnostics.filter((d) => d.severity === "error");
      expect(errors, JSON.stringify(errors, null, 2)).toEqual([]);
      expect(result.valid).toBe(true);
      expect(result.errorCount).toBe(0);
    },
    300_000,
  );
});
