// User pools of one region, read with the Cognito user pools API into the model: pool, MFA,
// risk configuration, log delivery, clients, identity providers, groups, resource servers, domain.
// The mappers from responses to model objects are in cognito-mappers.ts.

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
} from "../../model/index.js";
import { clientFromApi, opt, orNull, providerDetails, riskFromApi, userPoolFromApi } from "./cognito-mappers.js";

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
    (NextToken, o) => client.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken }), o),
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
    (o) => client.send(new DescribeUserPoolCommand({ UserPoolId: id }), o),
    { required: (d) => (d.UserPool ? undefined : "UserPool") },
  );
  const mfa = await reads.read(
    `MFA configuration of user pool ${id}`,
    "UserPoolRead",
    "",
    (o) => client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: id }), o),
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
    const detail = await reads.read(
      `domain ${domain} of user pool ${id}`,
      "UserPoolRead",
      "",
      (o) => client.send(new DescribeUserPoolDomainCommand({ Domain: domain }), o),
      { required: (d) => (d.DomainDescription ? undefined : "DomainDescription") },
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

  // A pool without a risk configuration still gets RiskConfiguration (with its UserPoolId only).
  const risk = await reads.read(
    `risk configuration of user pool ${id}`,
    "UserPoolRead",
    "",
    (o) => client.send(new DescribeRiskConfigurationCommand({ UserPoolId: id }), o),
    { required: (r) => (r.RiskConfiguration ? undefined : "RiskConfiguration") },
  );
  const riskConfiguration = riskFromApi(pool, risk.known ? known(risk.value.RiskConfiguration ?? {}) : risk);
  if (riskConfiguration) set.riskConfigurations.push(riskConfiguration);

  const logs = await reads.read(`log delivery configuration of user pool ${id}`, "UserPoolRead", "", (o) =>
    client.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: id }), o),
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
    (NextToken, o) => client.send(new ListUserPoolClientsCommand({ UserPoolId: id, MaxResults: 60, NextToken }), o),
    (p) => p.UserPoolClients,
    (p) => p.NextToken,
  );
  for (const summary of clientSummaries.known ? clientSummaries.value : []) {
    if (!summary.ClientId) continue;
    const detail = await reads.read(
      `app client ${summary.ClientId}`,
      "UserPoolClientRead",
      id,
      (o) => client.send(new DescribeUserPoolClientCommand({ UserPoolId: id, ClientId: summary.ClientId }), o),
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
    (NextToken, o) => client.send(new ListIdentityProvidersCommand({ UserPoolId: id, MaxResults: 60, NextToken }), o),
    (p) => p.Providers,
    (p) => p.NextToken,
  );
  for (const summary of providers.known ? providers.value : []) {
    if (!summary.ProviderName) continue;
    const detail = await reads.read(
      `identity provider ${summary.ProviderName} of user pool ${id}`,
      "UserPoolResourceRead",
      id,
      (o) =>
        client.send(new DescribeIdentityProviderCommand({ UserPoolId: id, ProviderName: summary.ProviderName }), o),
      { required: (d) => (d.IdentityProvider ? undefined : "IdentityProvider") },
    );
    const provider = detail.known ? detail.value.IdentityProvider : undefined;
    set.identityProviders.push({
      kind: "IdentityProvider",
      key: `${pool.key}/idp/${summary.ProviderName}`,
      name: known(summary.ProviderName),
      provenance: {
        ...pool.provenance,
        ...(pool.provenance.arn ? { arn: `${pool.provenance.arn}/idp/${summary.ProviderName}` } : {}),
      },
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
    (NextToken, o) => client.send(new ListGroupsCommand({ UserPoolId: id, Limit: 60, NextToken }), o),
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
    (NextToken, o) => client.send(new ListResourceServersCommand({ UserPoolId: id, MaxResults: 50, NextToken }), o),
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
