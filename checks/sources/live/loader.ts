// Scans live regions read-only into the Estate, so every rule works unchanged on a live account.

import type { DescribeIdentityPoolCommandOutput } from "@aws-sdk/client-cognito-identity";
import { readApiRoutes, readWafAssociations } from "./api.js";
import type { ClientFactory } from "./clients.js";
import { readUserPools } from "./cognito.js";
import { readIdentityPools, readRoles, roleArnsOf, type LiveIdentityPool } from "./identity.js";
import { LiveReads, type ReadProgress } from "./read.js";
import {
  known,
  literalTerm,
  mapValue,
  type Estate,
  type IamRole,
  type IdentityPool,
  type IdentityPoolProvider,
  type UserPool,
  type UserPoolClient,
} from "../../model/index.js";
import { RateLimiter } from "./rate-limit.js";

export interface ScanOptions {
  readonly regions: readonly string[];
  readonly progress?: ReadProgress;
  readonly limiter?: RateLimiter;
}

export async function scanAccount(clients: ClientFactory, options: ScanOptions): Promise<Estate> {
  const reads = new LiveReads(options.limiter ?? new RateLimiter(), options.progress);
  const estate = {
    source: "live" as const,
    inputs: [],
    scopes: [...options.regions],
    userPools: [] as UserPool[],
    userPoolClients: [] as UserPoolClient[],
    userPoolDomains: [] as Estate["userPoolDomains"][number][],
    identityProviders: [] as Estate["identityProviders"][number][],
    userGroups: [] as Estate["userGroups"][number][],
    resourceServers: [] as Estate["resourceServers"][number][],
    riskConfigurations: [] as Estate["riskConfigurations"][number][],
    identityPools: [] as IdentityPool[],
    iamRoles: [] as IamRole[],
    apiAuthorizers: [] as Estate["apiAuthorizers"][number][],
    apiRoutes: [] as Estate["apiRoutes"][number][],
    wafAssociations: [] as Estate["wafAssociations"][number][],
    logDeliveries: [] as Estate["logDeliveries"][number][],
    logDeliveryExpressible: known(true as const),
  };
  const liveIdentityPools: LiveIdentityPool[] = [];
  const groupRoleArns: string[] = [];
  for (const region of options.regions) {
    reads.progress({ kind: "region", name: region });
    const regional = clients.forRegion(region);
    const pools = await readUserPools(regional.cognitoIdp, region, reads);
    estate.userPools.push(...pools.pools);
    estate.userPoolClients.push(...pools.clients);
    estate.identityProviders.push(...pools.identityProviders);
    estate.resourceServers.push(...pools.resourceServers);
    estate.riskConfigurations.push(...pools.riskConfigurations);
    estate.logDeliveries.push(...pools.logDeliveries);
    estate.userPoolDomains.push(...pools.domains);
    for (const group of pools.groups) if (group.roleArn) groupRoleArns.push(group.roleArn);
    estate.userGroups.push(...pools.groups.map(({ roleArn: _roleArn, ...group }) => group));

    const identity = await readIdentityPools(regional.cognitoIdentity, region, reads);
    liveIdentityPools.push(...identity.pools);

    const api = await readApiRoutes(regional.apiGateway, region, pools.pools, reads);
    estate.apiAuthorizers.push(...api.authorizers);
    estate.apiRoutes.push(...api.routes);

    estate.wafAssociations.push(...(await readWafAssociations(regional.wafv2, pools.pools, reads)));
  }

  const roles = await readRoles(
    clients.iam(),
    new Set([...liveIdentityPools.flatMap(roleArnsOf), ...groupRoleArns]),
    reads,
  );
  estate.iamRoles.push(...roles.values());
  estate.userGroups = estate.userGroups.map((group) => {
    const role = group.roleRef ? roles.get(group.roleRef.text) : undefined;
    return role ? { ...group, role } : group;
  });
  const poolsById = new Map(estate.userPools.map((p) => [p.id.known ? p.id.value : "", p]));
  const clientsById = new Map(estate.userPoolClients.map((c) => [c.key.slice(c.key.lastIndexOf("/") + 1), c]));
  estate.identityPools.push(
    ...liveIdentityPools.map((pool) => identityPoolFromApi(pool, poolsById, clientsById, roles)),
  );
  // The account, as the ARNs read name it: the evidence report scopes the scan to account and regions.
  const arns = [...estate.userPools, ...estate.iamRoles].map((o) => o.provenance.arn ?? "");
  const account = arns
    .map((arn) => /^arn:aws[\w-]*:[^:]+:[^:]*:(\d{12}):/.exec(arn)?.[1])
    .find((id) => id !== undefined);
  return {
    ...estate,
    scopes: [account ? `account ${account}` : "account not determined (no resource read names it)", ...options.regions],
    diagnostics: reads.diagnostics,
  };
}

function identityPoolFromApi(
  pool: LiveIdentityPool,
  poolsById: ReadonlyMap<string, UserPool>,
  clientsById: ReadonlyMap<string, UserPoolClient>,
  roles: ReadonlyMap<string, IamRole>,
): IdentityPool {
  const d = pool.described;
  const from = <T>(read: (v: DescribeIdentityPoolCommandOutput) => T) => mapValue(d, read);
  const binding = (arn: string | undefined) =>
    arn ? { roleRef: literalTerm(arn), ...(roles.get(arn) ? { role: roles.get(arn)! } : {}) } : null;
  return {
    kind: "IdentityPool",
    key: `${pool.region}/${pool.id}`,
    name: d.known ? known(d.value.IdentityPoolName ?? pool.name ?? pool.id) : pool.name ? known(pool.name) : d,
    provenance: { source: "live", arn: `arn:aws:cognito-identity:${pool.region}::identitypool/${pool.id}` },
    id: known(pool.id),
    tags: from((v) => v.IdentityPoolTags ?? {}),
    allowUnauthenticatedIdentities: from((v) => v.AllowUnauthenticatedIdentities ?? false),
    allowClassicFlow: d.known
      ? d.value.AllowClassicFlow === undefined
        ? known(false, "default")
        : known(d.value.AllowClassicFlow)
      : d,
    providers: from((v) =>
      (v.CognitoIdentityProviders ?? []).map((p): IdentityPoolProvider => {
        const userPool = poolsById.get((p.ProviderName ?? "").slice((p.ProviderName ?? "").lastIndexOf("/") + 1));
        const client = clientsById.get(p.ClientId ?? "");
        return {
          clientIdRef: literalTerm(p.ClientId ?? ""),
          providerNameRef: literalTerm(p.ProviderName ?? ""),
          ...(client ? { client } : {}),
          ...(userPool ? { userPool } : {}),
          serverSideTokenCheck: p.ServerSideTokenCheck ?? false,
        };
      }),
    ),
    roles: mapValue(pool.roles, (r) => ({
      authenticated: binding(r.Roles?.authenticated),
      unauthenticated: binding(r.Roles?.unauthenticated),
      mappings: Object.entries(r.RoleMappings ?? {}).map(([provider, mapping]) => ({
        identityProvider: literalTerm(provider),
        type: mapping.Type ?? "",
        ambiguousRoleResolution: known(
          mapping.AmbiguousRoleResolution ?? null,
          mapping.AmbiguousRoleResolution ? "configured" : "default",
        ),
        rules: (mapping.RulesConfiguration?.Rules ?? []).map((rule) => ({
          claim: rule.Claim ?? "",
          matchType: rule.MatchType ?? "",
          value: rule.Value ?? "",
          roleRef: literalTerm(rule.RoleARN ?? ""),
          ...(rule.RoleARN && roles.get(rule.RoleARN) ? { role: roles.get(rule.RoleARN)! } : {}),
        })),
      })),
    })),
  };
}
