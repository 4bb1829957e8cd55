// Cognito user pool resources of a Terraform configuration or plan, as model objects with the
// hashicorp/aws provider's and the Cognito API's defaults filled in.

import {
  COMPROMISED_CREDENTIALS_FIELDS,
  LAMBDA_TRIGGERS,
  PASSWORD_POLICY_FIELDS,
  USER_POOL_CLIENT_FIELDS,
  USER_POOL_FIELDS,
  USER_POOL_MFA_FIELDS,
  USER_GROUP_FIELDS,
} from "../../model/fields/index.js";
import { Attributes, type TerraformResource } from "./attributes.js";
import { readFields } from "./fields.js";
import type { ResourceIndex } from "./iam.js";
import { readTriggerFunction } from "./lambda-triggers.js";
import { tokenValidity, type TokenField } from "../../model/token-validity.js";
import {
  known,
  liveOnly,
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
  type UserPoolUser,
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

export function readUserPool(resource: TerraformResource, key: string, index?: ResourceIndex): UserPool {
  const attrs = Attributes.of(resource);
  return {
    kind: "UserPool",
    key,
    name: attrs.string("name"),
    provenance: resource.provenance,
    id: attrs.string("id").known ? attrs.string("id") : unknown("the user pool id is assigned by AWS at creation"),
    tags: attrs.map("tags", {}),
    passwordPolicy: readFields(attrs, PASSWORD_POLICY_FIELDS),
    ...readFields(attrs, USER_POOL_FIELDS),
    ...readFields(attrs, USER_POOL_MFA_FIELDS),
    smsMfaConfigured: known(
      attrs.block("sms_configuration") !== undefined,
      attrs.has("sms_configuration") ? "configured" : "default",
    ),
    emailMfaConfigured: known(
      attrs.block("email_mfa_configuration") !== undefined,
      attrs.has("email_mfa_configuration") ? "configured" : "default",
    ),
    accountRecovery: readAccountRecovery(attrs),
    customAttributes: readCustomAttributes(attrs),
    lambdaTriggers: readLambdaTriggers(attrs.block("lambda_config")),
    preAuthenticationTrigger: readTriggerFunction(attrs, "pre_authentication", index),
    preTokenGenerationTrigger: readTriggerFunction(attrs, "pre_token_generation", index),
    smsExternalId: known(attrs.block("sms_configuration")?.term("external_id") ?? null, "configured"),
    dcrConfiguration: liveOnly("the dynamic client registration configuration (DcrConfiguration)"),
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
  for (const trigger of Object.keys(LAMBDA_TRIGGERS)) {
    const term = lambda.term(trigger);
    if (term) triggers[trigger] = term;
  }
  // A versioned pre token generation trigger is the same trigger; the provider computes pre_token_generation from it.
  const versioned = lambda.block("pre_token_generation_config")?.term("lambda_arn");
  if (versioned && !triggers.pre_token_generation) triggers.pre_token_generation = versioned;
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
  return {
    kind: "UserPoolClient",
    key,
    name: attrs.string("name"),
    provenance: resource.provenance,
    ...pool,
    accessTokenValidity: readTokenValidity(attrs, "access_token"),
    idTokenValidity: readTokenValidity(attrs, "id_token"),
    refreshTokenValidity: readTokenValidity(attrs, "refresh_token"),
    ...readFields(attrs, USER_POOL_CLIENT_FIELDS),
    callbackUrls: attrs.terms("callback_urls", []),
    logoutUrls: attrs.terms("logout_urls", []),
    defaultRedirectUri: known(defaultRedirect, defaultRedirect ? "configured" : "default"),
    generateSecret: attrs.bool("generate_secret", false),
    supportedIdentityProviders: attrs.terms("supported_identity_providers", []),
    ssoSessionMaxValidityMinutes: liveOnly("the SSO session validity (SSOSession.MaxValidityMinutes)"),
    clientSecrets: liveOnly("the client secrets and their creation dates (ListUserPoolClientSecrets)"),
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
    // No hashicorp/aws version (5.100 to 6.66) has an attribute for it: a custom domain's policy is live only.
    securityPolicy: attrs.has("certificate_arn")
      ? unknown("the provider has no attribute for a custom domain's security policy; only the live scan reads it")
      : known(null),
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
    ...readFields(attrs, USER_GROUP_FIELDS),
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
    const { eventFilter, action: eventAction } = readFields(attrs, COMPROMISED_CREDENTIALS_FIELDS);
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

/** aws_cognito_user: its password and temporary_password, kept as terms so a literal is told from a reference. */
export function readUserPoolUser(resource: TerraformResource, key: string, links: CognitoLinks): UserPoolUser {
  const attrs = Attributes.of(resource);
  const passwords = ["password", "temporary_password"].flatMap((attribute) => {
    const term = attrs.term(attribute);
    return term && term.text !== "" ? [{ attribute, term }] : [];
  });
  return {
    kind: "UserPoolUser",
    key,
    name: attrs.string("username"),
    provenance: resource.provenance,
    ...poolLink(attrs, links),
    passwords: known(passwords),
  };
}
