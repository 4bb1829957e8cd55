// User pools of one region, read with the Cognito user pools API into the model: pool, MFA,
// risk configuration, log delivery, clients, identity providers, groups, resource servers, domain.
// Every value the API leaves out gets the same documented default as the configuration sources.

import {
  DescribeIdentityProviderCommand,
  DescribeRiskConfigurationCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  GetLogDeliveryConfigurationCommand,
  GetUserPoolMfaConfigCommand,
  ListGroupsCommand,
  ListIdentityProvidersCommand,
  ListResourceServersCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  type CognitoIdentityProviderClient,
  type GetUserPoolMfaConfigCommandOutput,
  type RiskConfigurationType,
  type UserPoolClientType,
  type UserPoolType,
} from "@aws-sdk/client-cognito-identity-provider";
import type { LiveReads } from "./read.js";
import {
  known,
  literalTerm,
  mapValue,
  type IdentityProvider,
  type LogDelivery,
  type Provenance,
  type ResourceServer,
  type RiskAction,
  type RiskConfiguration,
  type Term,
  type UserGroup,
  type UserPool,
  type UserPoolClient,
  type UserPoolDomain,
  type Value,
} from "../../model/index.js";
import {
  COMPROMISED_CREDENTIALS_FIELDS,
  LAMBDA_TRIGGERS,
  PASSWORD_POLICY_FIELDS,
  USER_POOL_CLIENT_FIELDS,
  USER_POOL_FIELDS,
  USER_POOL_MFA_FIELDS,
} from "../../model/fields/index.js";
import { tokenValidity, type TokenField } from "../../model/token-validity.js";
import { fieldsFromApi } from "./fields.js";

export interface LivePoolSet {
  readonly pools: UserPool[];
  readonly clients: UserPoolClient[];
  readonly identityProviders: IdentityProvider[];
  readonly groups: (UserGroup & { readonly roleArn: string | null })[];
  readonly resourceServers: ResourceServer[];
  readonly riskConfigurations: RiskConfiguration[];
  readonly logDeliveries: LogDelivery[];
  readonly domains: UserPoolDomain[];
}

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);
const opt = <T>(value: T | undefined, fallback: T): Value<T> =>
  value === undefined ? known(fallback, "default") : known(value);

// provider_details keys whose values are secrets: the scanner never keeps them (they are only
// ever reported as held by the service), so no report can print one.
const SECRET_DETAIL = /secret|password|private_key/i;

export async function readUserPools(
  client: CognitoIdentityProviderClient,
  region: string,
  reads: LiveReads,
): Promise<LivePoolSet & { readonly listFailure?: string }> {
  const set: LivePoolSet = {
    pools: [],
    clients: [],
    identityProviders: [],
    groups: [],
    resourceServers: [],
    riskConfigurations: [],
    logDeliveries: [],
    domains: [],
  };
  const ids = await reads.paginate(
    `user pools of ${region}`,
    "UserPoolRead",
    "",
    (NextToken) => client.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken })),
    (p) => p.UserPools,
    (p) => p.NextToken,
  );
  if (!ids.known) return { ...set, listFailure: ids.reason };
  for (const summary of ids.value) {
    if (!summary.Id) continue;
    await readPool(client, region, summary.Id, summary.Name, reads, set);
  }
  return set;
}

async function readPool(
  client: CognitoIdentityProviderClient,
  region: string,
  id: string,
  listedName: string | undefined,
  reads: LiveReads,
  set: LivePoolSet,
): Promise<void> {
  reads.progress({ kind: "pool", name: listedName ?? id });
  const described = await reads.read(
    `user pool ${id}`,
    "UserPoolRead",
    "",
    () => client.send(new DescribeUserPoolCommand({ UserPoolId: id })),
    { required: (d) => (d.UserPool ? undefined : "UserPool") },
  );
  const mfa = await reads.read(
    `MFA configuration of user pool ${id}`,
    "UserPoolRead",
    "",
    () => client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: id })),
    { required: (m) => (m.MfaConfiguration ? undefined : "MfaConfiguration") },
  );
  const pool = userPoolFromApi(
    id,
    listedName,
    region,
    mapValue(described, (d) => d.UserPool ?? {}),
    mfa,
  );
  set.pools.push(pool);

  for (const domain of described.known
    ? [described.value.UserPool?.Domain, described.value.UserPool?.CustomDomain].filter((d): d is string => Boolean(d))
    : []) {
    const detail = await reads.read(`domain ${domain} of user pool ${id}`, "UserPoolRead", "", () =>
      client.send(new DescribeUserPoolDomainCommand({ Domain: domain })),
    );
    set.domains.push({
      kind: "UserPoolDomain",
      key: `${pool.key}/domain/${domain}`,
      name: known(domain),
      provenance: pool.provenance,
      userPoolRef: literalTerm(id),
      userPool: pool,
      customDomain: detail.known
        ? known(detail.value.DomainDescription?.CustomDomainConfig?.CertificateArn !== undefined)
        : detail,
    });
  }

  const risk = await reads.read(`risk configuration of user pool ${id}`, "UserPoolRead", "", () =>
    client.send(new DescribeRiskConfigurationCommand({ UserPoolId: id })),
  );
  const riskConfiguration = riskFromApi(pool, risk.known ? known(risk.value.RiskConfiguration ?? {}) : risk);
  if (riskConfiguration) set.riskConfigurations.push(riskConfiguration);

  const logs = await reads.read(`log delivery configuration of user pool ${id}`, "UserPoolRead", "", () =>
    client.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: id })),
  );
  const configurations = mapValue(logs, (l) =>
    (l.LogDeliveryConfiguration?.LogConfigurations ?? []).map((c) => ({
      eventSource: c.EventSource ?? "",
      logLevel: c.LogLevel ?? "",
      destination: c.CloudWatchLogsConfiguration
        ? "cloud_watch_logs_configuration"
        : c.FirehoseConfiguration
          ? "firehose_configuration"
          : c.S3Configuration
            ? "s3_configuration"
            : "",
    })),
  );
  if (!configurations.known || configurations.value.length > 0) {
    set.logDeliveries.push({
      kind: "LogDelivery",
      key: `${pool.key}/log-delivery`,
      name: known(`log delivery of ${pool.name.known ? pool.name.value : id}`),
      provenance: pool.provenance,
      userPoolRef: literalTerm(id),
      userPool: pool,
      configurations,
    });
  }

  const clientSummaries = await reads.paginate(
    `app clients of user pool ${id}`,
    "UserPoolClientRead",
    id,
    (NextToken) => client.send(new ListUserPoolClientsCommand({ UserPoolId: id, MaxResults: 60, NextToken })),
    (p) => p.UserPoolClients,
    (p) => p.NextToken,
  );
  for (const summary of clientSummaries.known ? clientSummaries.value : []) {
    if (!summary.ClientId) continue;
    const detail = await reads.read(
      `app client ${summary.ClientId}`,
      "UserPoolClientRead",
      id,
      () => client.send(new DescribeUserPoolClientCommand({ UserPoolId: id, ClientId: summary.ClientId })),
      { required: (d) => (d.UserPoolClient ? undefined : "UserPoolClient") },
    );
    set.clients.push(
      clientFromApi(
        pool,
        summary.ClientId,
        summary.ClientName,
        mapValue(detail, (d) => d.UserPoolClient ?? {}),
      ),
    );
  }

  const providers = await reads.paginate(
    `identity providers of user pool ${id}`,
    "UserPoolResourceRead",
    id,
    (NextToken) => client.send(new ListIdentityProvidersCommand({ UserPoolId: id, MaxResults: 60, NextToken })),
    (p) => p.Providers,
    (p) => p.NextToken,
  );
  for (const summary of providers.known ? providers.value : []) {
    if (!summary.ProviderName) continue;
    const detail = await reads.read(
      `identity provider ${summary.ProviderName} of user pool ${id}`,
      "UserPoolResourceRead",
      id,
      () => client.send(new DescribeIdentityProviderCommand({ UserPoolId: id, ProviderName: summary.ProviderName })),
    );
    const provider = detail.known ? detail.value.IdentityProvider : undefined;
    set.identityProviders.push({
      kind: "IdentityProvider",
      key: `${pool.key}/idp/${summary.ProviderName}`,
      name: known(summary.ProviderName),
      provenance: { ...pool.provenance, arn: `${pool.provenance.arn}/idp/${summary.ProviderName}` },
      userPoolRef: literalTerm(id),
      userPool: pool,
      providerType: detail.known ? opt(provider?.ProviderType ?? summary.ProviderType, "") : detail,
      providerDetails: detail.known ? known(providerDetails(provider?.ProviderDetails ?? {})) : detail,
      attributeMapping: detail.known ? known(provider?.AttributeMapping ?? {}) : detail,
    });
  }

  const groups = await reads.paginate(
    `groups of user pool ${id}`,
    "UserPoolResourceRead",
    id,
    (NextToken) => client.send(new ListGroupsCommand({ UserPoolId: id, Limit: 60, NextToken })),
    (p) => p.Groups,
    (p) => p.NextToken,
  );
  for (const group of groups.known ? groups.value : []) {
    set.groups.push({
      kind: "UserGroup",
      key: `${pool.key}/group/${group.GroupName ?? ""}`,
      name: known(group.GroupName ?? ""),
      provenance: pool.provenance,
      userPoolRef: literalTerm(id),
      userPool: pool,
      roleRef: group.RoleArn ? literalTerm(group.RoleArn) : null,
      roleArn: group.RoleArn ?? null,
      precedence: known(orNull(group.Precedence)),
    });
  }

  const servers = await reads.paginate(
    `resource servers of user pool ${id}`,
    "UserPoolResourceRead",
    id,
    (NextToken) => client.send(new ListResourceServersCommand({ UserPoolId: id, MaxResults: 50, NextToken })),
    (p) => p.ResourceServers,
    (p) => p.NextToken,
  );
  for (const server of servers.known ? servers.value : []) {
    set.resourceServers.push({
      kind: "ResourceServer",
      key: `${pool.key}/resource-server/${server.Identifier ?? ""}`,
      name: known(server.Name ?? server.Identifier ?? ""),
      provenance: pool.provenance,
      userPoolRef: literalTerm(id),
      userPool: pool,
      identifier: known(server.Identifier ?? ""),
      scopes: known((server.Scopes ?? []).map((s) => s.ScopeName ?? "")),
    });
  }
}

function providerDetails(details: Record<string, string>): Record<string, Term> {
  const out: Record<string, Term> = {};
  for (const [key, value] of Object.entries(details)) {
    out[key] = SECRET_DETAIL.test(key)
      ? { text: "(held by Amazon Cognito)", refs: [], opaque: "a secret held by the service, not read" }
      : literalTerm(value);
  }
  return out;
}

export function userPoolFromApi(
  id: string,
  listedName: string | undefined,
  region: string,
  described: Value<UserPoolType>,
  mfa: Value<GetUserPoolMfaConfigCommandOutput>,
): UserPool {
  const arn = described.known ? described.value.Arn : undefined;
  const provenance: Provenance = { source: "live", arn: arn ?? `arn:aws:cognito-idp:${region}::userpool/${id}` };
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
    webAuthnConfigured: from((p) =>
      known((p.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? []).includes("WEB_AUTHN")),
    ),
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
    smsExternalId: from((p) =>
      known(p.SmsConfiguration?.ExternalId ? literalTerm(p.SmsConfiguration.ExternalId) : null),
    ),
  };
}

export function clientFromApi(
  pool: UserPool,
  clientId: string,
  listedName: string | undefined,
  detail: Value<UserPoolClientType>,
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
    provenance: { source: "live", arn: `${pool.provenance.arn}/client/${clientId}` },
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
  };
}

/** A pool-wide risk configuration, or undefined when the pool has none; unknown when it could not be read. */
function riskFromApi(pool: UserPool, risk: Value<RiskConfigurationType>): RiskConfiguration | undefined {
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
