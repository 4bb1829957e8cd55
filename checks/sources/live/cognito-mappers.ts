// Model objects from Cognito user pools API responses, one mapper per kind. Every value the API
// leaves out gets the same documented default as the configuration sources (the field tables).

import type {
  DcrConfigurationType,
  GetUserPoolMfaConfigCommandOutput,
  RiskConfigurationType,
  UserPoolClientType,
  UserPoolType,
} from "@aws-sdk/client-cognito-identity-provider";
import {
  COMPROMISED_CREDENTIALS_FIELDS,
  LAMBDA_TRIGGERS,
  PASSWORD_POLICY_FIELDS,
  USER_POOL_CLIENT_FIELDS,
  USER_POOL_FIELDS,
  USER_POOL_MFA_FIELDS,
} from "../../model/fields/index.js";
import {
  known,
  literalTerm,
  unknown,
  type DcrConfiguration,
  type Provenance,
  type RiskAction,
  type RiskConfiguration,
  type Term,
  type TriggerFunction,
  type UserPool,
  type UserPoolClient,
  type Value,
} from "../../model/index.js";
import { lambdaFunctionName } from "../../model/lambda-arn.js";
import { tokenValidity, type TokenField } from "../../model/token-validity.js";
import { fieldsFromApi } from "./fields.js";

export const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);
export const opt = <T>(value: T | undefined, fallback: T): Value<T> =>
  value === undefined ? known(fallback, "default") : known(value);

// provider_details keys whose values are secrets: the scanner never keeps them (they are only
// ever reported as held by the service), so no report can print one.
const SECRET_DETAIL = /secret|password|private_key/i;

export function providerDetails(details: Record<string, string>): Record<string, Term> {
  const out: Record<string, Term> = {};
  for (const [key, value] of Object.entries(details)) {
    out[key] = SECRET_DETAIL.test(key)
      ? { text: "(held by Amazon Cognito)", refs: [], opaque: "a secret held by the service, not read" }
      : literalTerm(value);
  }
  return out;
}

function triggerFromApi(arn: string | undefined): TriggerFunction | null {
  if (arn === undefined) return null;
  const name = lambdaFunctionName(arn);
  return {
    term: literalTerm(arn),
    functionName: name ? known(name) : unknown(`${arn} is not a Lambda function ARN`),
    arn,
  };
}

export function userPoolFromApi(
  id: string,
  listedName: string | undefined,
  region: string,
  described: Value<UserPoolType>,
  mfa: Value<GetUserPoolMfaConfigCommandOutput>,
): UserPool {
  // Only an ARN the API returned: one made up from the id would lack the account, and the WAF lookup would
  // find no web ACL for it and report WAF protection missing.
  const arn = described.known ? described.value.Arn : undefined;
  const provenance: Provenance = { source: "live", ...(arn ? { arn } : {}) };
  const from = <T>(read: (pool: UserPoolType) => Value<T>): Value<T> =>
    described.known ? read(described.value) : described;
  return {
    kind: "UserPool",
    key: `${region}/${id}`,
    name: described.known ? opt(described.value.Name ?? listedName, id) : listedName ? known(listedName) : described,
    provenance,
    id: known(id),
    tags: from((p) => opt(p.UserPoolTags, {})),
    passwordPolicy: fieldsFromApi(described, PASSWORD_POLICY_FIELDS),
    ...fieldsFromApi(described, USER_POOL_FIELDS),
    ...fieldsFromApi(mfa, USER_POOL_MFA_FIELDS),
    smsMfaConfigured: from((p) =>
      known(p.SmsConfiguration !== undefined || (mfa.known && mfa.value.SmsMfaConfiguration !== undefined)),
    ),
    emailMfaConfigured: mfa.known ? known(mfa.value.EmailMfaConfiguration !== undefined) : mfa,
    accountRecovery: from((p) =>
      known(
        p.AccountRecoverySetting?.RecoveryMechanisms
          ? p.AccountRecoverySetting.RecoveryMechanisms.map((m) => ({
              name: m.Name ?? "",
              priority: m.Priority ?? 0,
            })).sort((a, b) => a.priority - b.priority)
          : null,
      ),
    ),
    customAttributes: from((p) =>
      known(
        (p.SchemaAttributes ?? [])
          .filter((a) => a.Name?.startsWith("custom:") || a.Name?.startsWith("dev:custom:"))
          .map((a) => ({
            name: (a.Name ?? "").replace(/^(dev:)?custom:/, ""),
            dataType: a.AttributeDataType ?? "String",
            mutable: a.Mutable ?? true,
          })),
      ),
    ),
    lambdaTriggers: from((p) => {
      const triggers: Record<string, Term> = {};
      for (const [name, member] of Object.entries(LAMBDA_TRIGGERS)) {
        const arn = p.LambdaConfig?.[member];
        if (typeof arn === "string") triggers[name] = literalTerm(arn);
      }
      return known(triggers);
    }),
    preAuthenticationTrigger: from((p) => known(triggerFromApi(p.LambdaConfig?.PreAuthentication))),
    preTokenGenerationTrigger: from((p) =>
      known(triggerFromApi(p.LambdaConfig?.PreTokenGenerationConfig?.LambdaArn ?? p.LambdaConfig?.PreTokenGeneration)),
    ),
    smsExternalId: from((p) =>
      known(p.SmsConfiguration?.ExternalId ? literalTerm(p.SmsConfiguration.ExternalId) : null),
    ),
    dcrConfiguration: from((p) => dcrFromApi(p.DcrConfiguration)),
  };
}

/**
 * DcrConfiguration as the API reference defines its members: EnableStatus absent in a given
 * configuration turns registration on, OpenDcrEnabled defaults to false, OpenDcrGrantTypes to code only.
 */
export function dcrFromApi(dcr: DcrConfigurationType | undefined): Value<DcrConfiguration | null> {
  if (dcr === undefined) return known(null, "default");
  const status = dcr.EnableStatus ?? "Enabled";
  if (status !== "Enabled" && status !== "Disabled")
    return unknown(`DcrConfiguration.EnableStatus has an unexpected value ${JSON.stringify(status)}`);
  return known({
    enabled: status === "Enabled",
    openEnabled: dcr.OpenDcrEnabled ?? false,
    openGrantTypes: dcr.OpenDcrGrantTypes ?? ["code"],
  });
}

export function clientFromApi(
  pool: UserPool,
  clientId: string,
  listedName: string | undefined,
  detail: Value<UserPoolClientType>,
  sessions: Pick<UserPoolClient, "ssoSessionMaxValidityMinutes" | "clientSecrets">,
): UserPoolClient {
  const from = <T>(read: (c: UserPoolClientType) => Value<T>): Value<T> => (detail.known ? read(detail.value) : detail);
  const validity = (
    field: TokenField,
    amount: (c: UserPoolClientType) => number | undefined,
    unit: (c: UserPoolClientType) => string | undefined,
  ) =>
    from((c) => {
      const a = amount(c);
      const u = unit(c);
      return tokenValidity(field, a === undefined ? undefined : known(a), u === undefined ? undefined : known(u));
    });
  return {
    kind: "UserPoolClient",
    key: `${pool.key}/client/${clientId}`,
    name: detail.known ? opt(detail.value.ClientName ?? listedName, clientId) : listedName ? known(listedName) : detail,
    provenance: {
      source: "live",
      ...(pool.provenance.arn ? { arn: `${pool.provenance.arn}/client/${clientId}` } : {}),
    },
    userPoolRef: literalTerm(pool.id.known ? pool.id.value : ""),
    userPool: pool,
    accessTokenValidity: validity(
      "access_token",
      (c) => c.AccessTokenValidity,
      (c) => c.TokenValidityUnits?.AccessToken,
    ),
    idTokenValidity: validity(
      "id_token",
      (c) => c.IdTokenValidity,
      (c) => c.TokenValidityUnits?.IdToken,
    ),
    refreshTokenValidity: validity(
      "refresh_token",
      (c) => c.RefreshTokenValidity,
      (c) => c.TokenValidityUnits?.RefreshToken,
    ),
    ...fieldsFromApi(detail, USER_POOL_CLIENT_FIELDS),
    callbackUrls: from((c) => opt(c.CallbackURLs?.map(literalTerm), [])),
    logoutUrls: from((c) => opt(c.LogoutURLs?.map(literalTerm), [])),
    defaultRedirectUri: from((c) =>
      known(
        c.DefaultRedirectURI ? literalTerm(c.DefaultRedirectURI) : null,
        c.DefaultRedirectURI ? "configured" : "default",
      ),
    ),
    generateSecret: from((c) => known(c.ClientSecret !== undefined)),
    supportedIdentityProviders: from((c) => opt(c.SupportedIdentityProviders?.map(literalTerm), [])),
    ...sessions,
  };
}

/** A pool-wide risk configuration, or undefined when the pool has none; unknown when it could not be read. */
export function riskFromApi(pool: UserPool, risk: Value<RiskConfigurationType>): RiskConfiguration | undefined {
  const base = {
    kind: "RiskConfiguration" as const,
    key: `${pool.key}/risk`,
    name: known(`risk configuration of ${pool.name.known ? pool.name.value : pool.key}`),
    provenance: pool.provenance,
    userPoolRef: literalTerm(pool.id.known ? pool.id.value : ""),
    userPool: pool,
    clientRef: null,
  };
  if (!risk.known) return { ...base, compromisedCredentials: risk, accountTakeover: risk };
  const { CompromisedCredentialsRiskConfiguration: compromised, AccountTakeoverRiskConfiguration: takeover } =
    risk.value;
  if (!compromised && !takeover) return undefined;
  const action = (a: { EventAction?: string } | undefined): RiskAction | null =>
    (a?.EventAction as RiskAction | undefined) ?? null;
  return {
    ...base,
    compromisedCredentials: compromised ? compromisedFromApi(risk) : known(null, "default"),
    accountTakeover: known(
      takeover
        ? {
            low: action(takeover.Actions?.LowAction),
            medium: action(takeover.Actions?.MediumAction),
            high: action(takeover.Actions?.HighAction),
          }
        : null,
    ),
  };
}

function compromisedFromApi(risk: Value<RiskConfigurationType>): RiskConfiguration["compromisedCredentials"] {
  const { eventFilter, action } = fieldsFromApi(risk, COMPROMISED_CREDENTIALS_FIELDS);
  if (!eventFilter.known) return eventFilter;
  if (!action.known) return action;
  return known({ eventFilter: eventFilter.value, action: action.value });
}
