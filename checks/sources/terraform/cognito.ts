// Cognito user pool resources of a Terraform configuration or plan, as model objects with the
// hashicorp/aws provider's and the Cognito API's defaults filled in.

import { Attributes, type TerraformResource } from "./attributes.js";
import { tokenValidity, type TokenField } from "../../model/token-validity.js";
import {
  known,
  mapValue,
  unknown,
  type AccountTakeoverActions,
  type CustomAttribute,
  type IamRole,
  type IdentityProvider,
  type RecoveryMechanism,
  type ResourceServer,
  type RiskAction,
  type RiskConfiguration,
  type Term,
  type TokenValidity,
  type UserGroup,
  type UserPool,
  type UserPoolClient,
  type UserPoolDomain,
  type Value,
} from "../../model/index.js";

export interface CognitoLinks {
  userPool(term: Term | null): UserPool | undefined;
  role(term: Term | null): IamRole | undefined;
}

/** The user_pool_id reference of a resource and the pool it resolves to, spread into model objects. */
export function poolLink(
  attrs: Attributes,
  links: Pick<CognitoLinks, "userPool">,
): { userPoolRef: Term; userPool?: UserPool } {
  const userPoolRef = attrs.term("user_pool_id") ?? { text: "", refs: [] };
  const userPool = links.userPool(userPoolRef);
  return userPool ? { userPoolRef, userPool } : { userPoolRef };
}

// Standard attributes of a user pool schema; any other schema entry is a custom attribute.
const STANDARD_ATTRIBUTES = new Set([
  "address",
  "birthdate",
  "email",
  "email_verified",
  "family_name",
  "gender",
  "given_name",
  "locale",
  "middle_name",
  "name",
  "nickname",
  "phone_number",
  "phone_number_verified",
  "picture",
  "preferred_username",
  "profile",
  "sub",
  "updated_at",
  "website",
  "zoneinfo",
]);

const LAMBDA_TRIGGERS = [
  "create_auth_challenge",
  "custom_message",
  "define_auth_challenge",
  "post_authentication",
  "post_confirmation",
  "pre_authentication",
  "pre_sign_up",
  "pre_token_generation",
  "user_migration",
  "verify_auth_challenge_response",
];

export function readUserPool(resource: TerraformResource, key: string): UserPool {
  const attrs = Attributes.of(resource);
  const policy = attrs.block("password_policy");
  // Without a password_policy block Cognito applies its default policy: 8 characters, all four
  // character classes, temporary passwords valid for 7 days, no history.
  const passwordPolicy = policy
    ? {
        minimumLength: policy.number("minimum_length", 8),
        requireLowercase: policy.bool("require_lowercase", false),
        requireUppercase: policy.bool("require_uppercase", false),
        requireNumbers: policy.bool("require_numbers", false),
        requireSymbols: policy.bool("require_symbols", false),
        temporaryPasswordValidityDays: policy.number("temporary_password_validity_days", 7),
        passwordHistorySize: policy.number("password_history_size", 0),
      }
    : attrs.isDynamic("password_policy")
      ? (Object.fromEntries(
          [
            "minimumLength",
            "requireLowercase",
            "requireUppercase",
            "requireNumbers",
            "requireSymbols",
            "temporaryPasswordValidityDays",
            "passwordHistorySize",
          ].map((k) => [k, unknown(`${attrs.describe("password_policy")} is computed by an expression`)]),
        ) as unknown as UserPool["passwordPolicy"])
      : {
          minimumLength: known(8, "default"),
          requireLowercase: known(true, "default"),
          requireUppercase: known(true, "default"),
          requireNumbers: known(true, "default"),
          requireSymbols: known(true, "default"),
          temporaryPasswordValidityDays: known(7, "default"),
          passwordHistorySize: known(0, "default"),
        };

  const mfa = attrs.string("mfa_configuration", "OFF");
  const addOns = attrs.block("user_pool_add_ons");
  const adminCreate = attrs.block("admin_create_user_config");
  const signInPolicy = attrs.block("sign_in_policy");
  const firstFactors = signInPolicy?.strings("allowed_first_auth_factors", []) ?? known([], "default");
  const lambda = attrs.block("lambda_config");

  return {
    kind: "UserPool",
    key,
    name: attrs.string("name"),
    provenance: resource.provenance,
    id: attrs.string("id").known ? attrs.string("id") : unknown("the user pool id is assigned by AWS at creation"),
    tags: attrs.map("tags", {}),
    passwordPolicy,
    mfaConfiguration:
      mfa.known && !["OFF", "ON", "OPTIONAL"].includes(mfa.value)
        ? unknown(`${attrs.describe("mfa_configuration")} has an unexpected value ${JSON.stringify(mfa.value)}`)
        : (mfa as Value<"OFF" | "ON" | "OPTIONAL">),
    softwareTokenMfaEnabled:
      attrs.block("software_token_mfa_configuration")?.bool("enabled") ?? known(false, "default"),
    smsMfaConfigured: known(
      attrs.block("sms_configuration") !== undefined,
      attrs.has("sms_configuration") ? "configured" : "default",
    ),
    emailMfaConfigured: known(
      attrs.block("email_mfa_configuration") !== undefined,
      attrs.has("email_mfa_configuration") ? "configured" : "default",
    ),
    webAuthnConfigured: mapValue(
      firstFactors,
      (factors) => factors.includes("WEB_AUTHN") || attrs.block("web_authn_configuration") !== undefined,
    ),
    tier: attrs.string("user_pool_tier", "ESSENTIALS"),
    advancedSecurityMode: addOns ? addOns.string("advanced_security_mode") : known("OFF", "default"),
    customAuthSecurityMode:
      addOns?.block("advanced_security_additional_flows")?.string("custom_auth_mode") ?? known(null, "default"),
    deletionProtection: attrs.string("deletion_protection", "INACTIVE"),
    allowAdminCreateUserOnly: adminCreate
      ? adminCreate.bool("allow_admin_create_user_only", false)
      : known(false, "default"),
    accountRecovery: readAccountRecovery(attrs),
    customAttributes: readCustomAttributes(attrs),
    lambdaTriggers: readLambdaTriggers(lambda),
    usernameAttributes: attrs.strings("username_attributes", []),
    autoVerifiedAttributes: attrs.strings("auto_verified_attributes", []),
    smsExternalId: known(attrs.block("sms_configuration")?.term("external_id") ?? null, "configured"),
  };
}

function readAccountRecovery(attrs: Attributes): Value<readonly RecoveryMechanism[] | null> {
  if (attrs.isDynamic("account_recovery_setting"))
    return unknown(`${attrs.describe("account_recovery_setting")} is computed by an expression`);
  const setting = attrs.block("account_recovery_setting");
  if (!setting) return known(null, "default");
  const mechanisms: RecoveryMechanism[] = [];
  for (const mechanism of setting.blocks("recovery_mechanism")) {
    const name = mechanism.string("name");
    const priority = mechanism.number("priority");
    if (!name.known) return name;
    if (!priority.known) return priority;
    mechanisms.push({ name: name.value, priority: priority.value });
  }
  return known(mechanisms.sort((a, b) => a.priority - b.priority));
}

function readCustomAttributes(attrs: Attributes): Value<readonly CustomAttribute[]> {
  if (attrs.isDynamic("schema")) return unknown(`${attrs.describe("schema")} is computed by an expression`);
  const custom: CustomAttribute[] = [];
  for (const entry of attrs.blocks("schema")) {
    const name = entry.string("name");
    if (!name.known) return name;
    if (STANDARD_ATTRIBUTES.has(name.value)) continue;
    const dataType = entry.string("attribute_data_type");
    const mutable = entry.bool("mutable", false);
    custom.push({
      name: name.value.replace(/^custom:/, ""),
      dataType: dataType.known ? dataType.value : "String",
      mutable: mutable.known ? mutable.value : true,
    });
  }
  return known(custom, attrs.has("schema") ? "configured" : "default");
}

function readLambdaTriggers(lambda: Attributes | undefined): Value<Readonly<Record<string, Term>>> {
  const triggers: Record<string, Term> = {};
  if (!lambda) return known(triggers, "default");
  for (const trigger of LAMBDA_TRIGGERS) {
    const term = lambda.term(trigger);
    if (term) triggers[trigger] = term;
  }
  return known(triggers);
}

/** Reads one token validity: token_validity_units defaults to hours, hours and days. */
function readTokenValidity(attrs: Attributes, field: TokenField): Value<TokenValidity> {
  const units = attrs.block("token_validity_units");
  const unit = units?.has(field) ? units.string(field) : undefined;
  const amount = attrs.has(`${field}_validity`) ? attrs.number(`${field}_validity`) : undefined;
  return tokenValidity(field, amount, unit);
}

export function readUserPoolClient(resource: TerraformResource, key: string, links: CognitoLinks): UserPoolClient {
  const attrs = Attributes.of(resource);
  const pool = poolLink(attrs, links);
  const defaultRedirect = attrs.term("default_redirect_uri");
  const optionalList = (field: string): Value<readonly string[] | null> =>
    attrs.has(field) ? attrs.strings(field) : known(null, "default");
  return {
    kind: "UserPoolClient",
    key,
    name: attrs.string("name"),
    provenance: resource.provenance,
    ...pool,
    accessTokenValidity: readTokenValidity(attrs, "access_token"),
    idTokenValidity: readTokenValidity(attrs, "id_token"),
    refreshTokenValidity: readTokenValidity(attrs, "refresh_token"),
    authSessionValidityMinutes: attrs.number("auth_session_validity", 3),
    enableTokenRevocation: attrs.bool("enable_token_revocation", true),
    preventUserExistenceErrors: attrs.string("prevent_user_existence_errors", "LEGACY"),
    refreshTokenRotation: attrs.block("refresh_token_rotation")?.string("feature") ?? known("DISABLED", "default"),
    allowedOAuthFlows: attrs.strings("allowed_oauth_flows", []),
    allowedOAuthScopes: attrs.strings("allowed_oauth_scopes", []),
    callbackUrls: attrs.terms("callback_urls", []),
    logoutUrls: attrs.terms("logout_urls", []),
    defaultRedirectUri: known(defaultRedirect, defaultRedirect ? "configured" : "default"),
    // The API's documented default when ExplicitAuthFlows is left out.
    explicitAuthFlows: attrs.strings("explicit_auth_flows", [
      "ALLOW_REFRESH_TOKEN_AUTH",
      "ALLOW_USER_SRP_AUTH",
      "ALLOW_CUSTOM_AUTH",
    ]),
    readAttributes: optionalList("read_attributes"),
    writeAttributes: optionalList("write_attributes"),
    generateSecret: attrs.bool("generate_secret", false),
    supportedIdentityProviders: attrs.terms("supported_identity_providers", []),
  };
}

export function readUserPoolDomain(resource: TerraformResource, key: string, links: CognitoLinks): UserPoolDomain {
  const attrs = Attributes.of(resource);
  const pool = poolLink(attrs, links);
  return {
    kind: "UserPoolDomain",
    key,
    name: attrs.string("domain"),
    provenance: resource.provenance,
    ...pool,
    customDomain: known(attrs.has("certificate_arn")),
  };
}

export function readIdentityProvider(resource: TerraformResource, key: string, links: CognitoLinks): IdentityProvider {
  const attrs = Attributes.of(resource);
  const pool = poolLink(attrs, links);
  return {
    kind: "IdentityProvider",
    key,
    name: attrs.string("provider_name"),
    provenance: resource.provenance,
    ...pool,
    providerType: attrs.string("provider_type"),
    providerDetails: attrs.termMap("provider_details"),
    attributeMapping: attrs.map("attribute_mapping", {}),
  };
}

export function readUserGroup(resource: TerraformResource, key: string, links: CognitoLinks): UserGroup {
  const attrs = Attributes.of(resource);
  const pool = poolLink(attrs, links);
  const roleRef = attrs.term("role_arn");
  const role = links.role(roleRef);
  return {
    kind: "UserGroup",
    key,
    name: attrs.string("name"),
    provenance: resource.provenance,
    ...pool,
    roleRef,
    ...(role ? { role } : {}),
    precedence: attrs.has("precedence") ? attrs.number("precedence") : known(null, "default"),
  };
}

export function readResourceServer(resource: TerraformResource, key: string, links: CognitoLinks): ResourceServer {
  const attrs = Attributes.of(resource);
  const pool = poolLink(attrs, links);
  const scopes: string[] = [];
  for (const scope of attrs.blocks("scope")) {
    const name = scope.string("scope_name");
    if (name.known) scopes.push(name.value);
  }
  return {
    kind: "ResourceServer",
    key,
    name: attrs.string("name"),
    provenance: resource.provenance,
    ...pool,
    identifier: attrs.string("identifier"),
    scopes: known(scopes),
  };
}

export function readRiskConfiguration(
  resource: TerraformResource,
  key: string,
  links: CognitoLinks,
): RiskConfiguration {
  const attrs = Attributes.of(resource);
  const pool = poolLink(attrs, links);
  const compromised = attrs.block("compromised_credentials_risk_configuration");
  const takeover = attrs.block("account_takeover_risk_configuration");
  const action = (block: Attributes | undefined, name: string): RiskAction | null => {
    const value = block?.block("actions")?.block(name)?.string("event_action");
    return value?.known ? (value.value as RiskAction) : null;
  };
  let compromisedValue: RiskConfiguration["compromisedCredentials"] = known(null, "default");
  if (compromised) {
    const eventFilter = compromised.strings("event_filter", ["SIGN_IN", "PASSWORD_CHANGE", "SIGN_UP"]);
    const eventAction =
      compromised.block("actions")?.string("event_action") ?? unknown("compromised credentials actions are not set");
    compromisedValue = !eventFilter.known
      ? eventFilter
      : !eventAction.known
        ? eventAction
        : known({ eventFilter: eventFilter.value, action: eventAction.value });
  }
  // An event_action set from a variable is unknown, not absent: absent (null) means no action for that risk level.
  const unknownAction = ["low_action", "medium_action", "high_action"]
    .map((name) => takeover?.block("actions")?.block(name)?.string("event_action"))
    .find((value): value is Exclude<Value<string>, { known: true }> => value !== undefined && !value.known);
  const takeoverValue: Value<AccountTakeoverActions | null> = !takeover
    ? known(null, "default")
    : (unknownAction ??
      known({
        low: action(takeover, "low_action"),
        medium: action(takeover, "medium_action"),
        high: action(takeover, "high_action"),
      }));
  const clientRef = attrs.term("client_id");
  return {
    kind: "RiskConfiguration",
    key,
    name: known(pool.userPool?.name.known ? `risk configuration of ${pool.userPool.name.value}` : resource.address),
    provenance: resource.provenance,
    ...pool,
    clientRef,
    compromisedCredentials: compromisedValue,
    accountTakeover: takeoverValue,
  };
}
