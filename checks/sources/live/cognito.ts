// User pools of one region, read with the Cognito user pools API into the model: pool, MFA,
// risk configuration, log delivery, clients, identity providers, groups, resource servers, domains.
// Pools and their reads run concurrently under the quota buckets; results keep the listing order.
// The mappers from responses to model objects are in cognito-mappers.ts.

import {
  DescribeIdentityProviderCommand,
  DescribeRiskConfigurationCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetLogDeliveryConfigurationCommand,
  GetUserPoolMfaConfigCommand,
  ListGroupsCommand,
  ListIdentityProvidersCommand,
  ListResourceServersCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  type CognitoIdentityProviderClient,
  type DescribeIdentityProviderCommandOutput,
  type DescribeUserPoolClientCommandOutput,
  type ProviderDescription,
  type UserPoolClientDescription,
} from "@aws-sdk/client-cognito-identity-provider";
import type { LiveReads } from "./read.js";
import {
  known,
  literalTerm,
  mapValue,
  type IdentityProvider,
  type LogDelivery,
  type ResourceServer,
  type RiskConfiguration,
  type UserGroup,
  type UserPool,
  type UserPoolClient,
  type UserPoolDomain,
  type Value,
} from "../../model/index.js";
import { USER_GROUP_FIELDS, USER_POOL_FIELDS } from "../../model/fields/index.js";
import { fieldsFromApi, missingRequired } from "./fields.js";
import {
  clientSecretsFromApi,
  readClientSessions,
  ssoSessionFromApi,
  type ClientSessionReads,
} from "./client-sessions.js";
import { clientFromApi, opt, orNull, providerDetails, riskFromApi, userPoolFromApi } from "./cognito-mappers.js";
import { readDomains } from "./domains.js";
import { logConfiguration } from "./log-groups.js";

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

const emptySet = (): LivePoolSet => ({
  pools: [],
  clients: [],
  identityProviders: [],
  groups: [],
  resourceServers: [],
  riskConfigurations: [],
  logDeliveries: [],
  domains: [],
});

/**
 * `whenListed` gets, once the pools are listed, one promise per pool (in listing order) of its UserPool as soon as
 * that pool is described: reads that need only the pool (its web ACL) start then, not after the last pool.
 */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export async function readUserPools(
  client: CognitoIdentityProviderClient,
  region: string,
  reads: LiveReads,
  whenListed: (pools: readonly Promise<UserPool>[]) => void = () => undefined,
): Promise<LivePoolSet & { readonly listFailure?: string }> {
  const ids = await reads.paginate(
    `user pools of ${region}`,
    "UserPoolRead",
    "",
    (NextToken, o) => client.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken }), o),
    (p) => p.UserPools,
    (p) => p.NextToken,
  );
  if (!ids.known) {
    whenListed([]);
    return { ...emptySet(), listFailure: ids.reason };
  }
  // Every pool at once: the token buckets, not the order of the calls, hold the scan to the quotas.
  const listed = ids.value.filter((summary) => summary.Id);
  const described = listed.map(() => deferred<UserPool>());
  whenListed(described.map((d) => d.promise));
  const sets = await Promise.all(
    listed.map((summary, i) =>
      readPool(client, region, summary.Id!, summary.Name, reads.fork(), described[i]!.resolve).catch(
        (error: unknown) => {
          // Not expected (reads become unknown values, never throw), but a waiting web ACL read must not hang on it.
          described[i]!.reject(error);
          throw error;
        },
      ),
    ),
  );
  // In listing order, whichever pool finished first.
  const set = emptySet();
  for (const one of sets)
    for (const key of Object.keys(set) as (keyof LivePoolSet)[]) set[key].push(...(one[key] as never[]));
  return set;
}

async function readPool(
  client: CognitoIdentityProviderClient,
  region: string,
  id: string,
  listedName: string | undefined,
  reads: LiveReads,
  whenDescribed: (pool: UserPool) => void,
): Promise<LivePoolSet> {
  const set = emptySet();
  reads.progress({ kind: "pool", name: listedName ?? id });
  // One fork per read, taken in the order the reads used to be sent one after another: the report's order.
  const [onPool, onMfa, onRisk, onLogs, onClients, onProviders, onGroups, onServers, onDomains] = Array.from(
    { length: 9 },
    () => reads.fork(),
  ) as [LiveReads, LiveReads, LiveReads, LiveReads, LiveReads, LiveReads, LiveReads, LiveReads, LiveReads];
  const describing = onPool.read(
    `user pool ${id}`,
    "UserPoolRead",
    "",
    (o) => client.send(new DescribeUserPoolCommand({ UserPoolId: id }), o),
    {
      required: (d) => (d.UserPool ? missingRequired(d.UserPool, USER_POOL_FIELDS) : "UserPool"),
      // Domain and CustomDomain name the pool's domains: no other read finds them.
      hides: "its domains",
    },
  );
  const readingMfa = onMfa.read(
    `MFA configuration of user pool ${id}`,
    "UserPoolRead",
    "",
    (o) => client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: id }), o),
    { required: (m) => (m.MfaConfiguration ? undefined : "MfaConfiguration") },
  );
  const readingRisk = onRisk.read(
    `risk configuration of user pool ${id}`,
    "UserPoolRead",
    "",
    (o) => client.send(new DescribeRiskConfigurationCommand({ UserPoolId: id }), o),
    { required: (r) => (r.RiskConfiguration ? undefined : "RiskConfiguration") },
  );
  const readingLogs = onLogs.read(`log delivery configuration of user pool ${id}`, "UserPoolRead", "", (o) =>
    client.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: id }), o),
  );
  const readingClients = readClients(client, id, onClients);
  const readingProviders = readProviders(client, id, onProviders);
  const readingGroups = onGroups.paginate(
    `groups of user pool ${id}`,
    "UserPoolResourceRead",
    id,
    (NextToken, o) => client.send(new ListGroupsCommand({ UserPoolId: id, Limit: 60, NextToken }), o),
    (p) => p.Groups,
    (p) => p.NextToken,
  );
  const readingServers = onServers.paginate(
    `resource servers of user pool ${id}`,
    "UserPoolResourceRead",
    id,
    (NextToken, o) => client.send(new ListResourceServersCommand({ UserPoolId: id, MaxResults: 50, NextToken }), o),
    (p) => p.ResourceServers,
    (p) => p.NextToken,
  );

  const [described, mfa] = await Promise.all([describing, readingMfa]);
  const pool = userPoolFromApi(
    id,
    listedName,
    region,
    mapValue(described, (d) => d.UserPool ?? {}),
    mfa,
  );
  set.pools.push(pool);
  whenDescribed(pool);

  set.domains.push(
    ...(await readDomains(
      client,
      pool,
      id,
      mapValue(described, (d) => d.UserPool),
      onDomains,
    )),
  );

  // A pool without a risk configuration still gets RiskConfiguration (with its UserPoolId only).
  const risk = await readingRisk;
  const riskConfiguration = riskFromApi(pool, risk.known ? known(risk.value.RiskConfiguration ?? {}) : risk);
  if (riskConfiguration) set.riskConfigurations.push(riskConfiguration);

  const logs = await readingLogs;
  const configurations = mapValue(logs, (l) =>
    (l.LogDeliveryConfiguration?.LogConfigurations ?? []).map(logConfiguration),
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

  for (const { summary, detail, session, secrets } of await readingClients) {
    set.clients.push(
      clientFromApi(
        pool,
        summary.ClientId!,
        summary.ClientName,
        mapValue(detail, (d) => d.UserPoolClient ?? {}),
        { ssoSessionMaxValidityMinutes: ssoSessionFromApi(session), clientSecrets: clientSecretsFromApi(secrets) },
      ),
    );
  }

  for (const { summary, detail } of await readingProviders) {
    const name = summary.ProviderName!;
    const provider = detail.known ? detail.value.IdentityProvider : undefined;
    set.identityProviders.push({
      kind: "IdentityProvider",
      key: `${pool.key}/idp/${name}`,
      name: known(name),
      provenance: {
        ...pool.provenance,
        ...(pool.provenance.arn ? { arn: `${pool.provenance.arn}/idp/${name}` } : {}),
      },
      userPoolRef: literalTerm(id),
      userPool: pool,
      providerType: detail.known ? opt(provider?.ProviderType ?? summary.ProviderType, "") : detail,
      providerDetails: detail.known ? known(providerDetails(provider?.ProviderDetails ?? {})) : detail,
      attributeMapping: detail.known ? known(provider?.AttributeMapping ?? {}) : detail,
    });
  }

  const groups = await readingGroups;
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
      ...fieldsFromApi(known(group), USER_GROUP_FIELDS),
    });
  }

  const servers = await readingServers;
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
  return set;
}

/**
 * The app clients of a pool, each described concurrently, with its session configuration and secrets
 * (in listing order in the result and the diagnostics).
 */
async function readClients(
  client: CognitoIdentityProviderClient,
  id: string,
  reads: LiveReads,
): Promise<
  ({ summary: UserPoolClientDescription; detail: Value<DescribeUserPoolClientCommandOutput> } & ClientSessionReads)[]
> {
  const summaries = await reads.paginate(
    `app clients of user pool ${id}`,
    "UserPoolClientRead",
    id,
    (NextToken, o) => client.send(new ListUserPoolClientsCommand({ UserPoolId: id, MaxResults: 60, NextToken }), o),
    (p) => p.UserPoolClients,
    (p) => p.NextToken,
  );
  const listed = (summaries.known ? summaries.value : []).filter((summary) => summary.ClientId);
  const forks = listed.map(() => [reads.fork(), reads.fork(), reads.fork()] as const);
  return Promise.all(
    listed.map(async (summary, i) => {
      const [onDetail, onSession, onSecrets] = forks[i]!;
      const describing = onDetail.read(
        `app client ${summary.ClientId}`,
        "UserPoolClientRead",
        id,
        (o) => client.send(new DescribeUserPoolClientCommand({ UserPoolId: id, ClientId: summary.ClientId }), o),
        { required: (d) => (d.UserPoolClient ? undefined : "UserPoolClient") },
      );
      const sessions = await readClientSessions(client, id, summary.ClientId!, describing, onSession, onSecrets);
      return { summary, detail: await describing, ...sessions };
    }),
  );
}

/** The identity providers of a pool, each described concurrently. */
async function readProviders(
  client: CognitoIdentityProviderClient,
  id: string,
  reads: LiveReads,
): Promise<{ summary: ProviderDescription; detail: Value<DescribeIdentityProviderCommandOutput> }[]> {
  const providers = await reads.paginate(
    `identity providers of user pool ${id}`,
    "UserPoolResourceRead",
    id,
    (NextToken, o) => client.send(new ListIdentityProvidersCommand({ UserPoolId: id, MaxResults: 60, NextToken }), o),
    (p) => p.Providers,
    (p) => p.NextToken,
  );
  const listed = (providers.known ? providers.value : []).filter((summary) => summary.ProviderName);
  const forks = listed.map(() => reads.fork());
  return Promise.all(
    listed.map(async (summary, i) => ({
      summary,
      detail: await forks[i]!.read(
        `identity provider ${summary.ProviderName} of user pool ${id}`,
        "UserPoolResourceRead",
        id,
        (o) =>
          client.send(new DescribeIdentityProviderCommand({ UserPoolId: id, ProviderName: summary.ProviderName }), o),
        { required: (d) => (d.IdentityProvider ? undefined : "IdentityProvider") },
      ),
    })),
  );
}
