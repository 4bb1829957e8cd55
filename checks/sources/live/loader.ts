// Scans live regions read-only into the Estate, so every rule works unchanged on a live account.

import { setMaxListeners } from "node:events";
import { readApiRoutes, readWafAssociations } from "./api.js";
import { readHttpApis } from "./http-api.js";
import type { ClientFactory } from "./clients.js";
import { readUserPools } from "./cognito.js";
import { resolveLogDestinations } from "./log-groups.js";
import { identityPoolFromApi, readIdentityPools, readRoles, roleArnsOf, type LiveIdentityPool } from "./identity.js";
import { LiveReads, type ReadProgress, type ScanDeadline } from "./read.js";
import { emptyEstate, known, type Estate, type LoadDiagnostic, type WafAssociation } from "../../model/index.js";
import { RateLimiter } from "./rate-limit.js";

export interface ScanOptions {
  readonly regions: readonly string[];
  readonly progress?: ReadProgress;
  readonly limiter?: RateLimiter;
  /** Bounds the whole scan: past it, in-flight calls are aborted and the reads not done are failed reads. */
  readonly deadline?: ScanDeadline;
}

export async function scanAccount(clients: ClientFactory, options: ScanOptions): Promise<Estate> {
  // Every concurrent read (its SDK request, or its wait for a token) listens for the deadline: dozens at once is
  // the design, not a leak, so Node's warning past 10 listeners (on stderr, which must stay clean) is turned off.
  if (options.deadline) setMaxListeners(0, options.deadline.signal);
  const reads = new LiveReads(options.limiter ?? new RateLimiter(), options.progress, options.deadline);
  const estate = emptyEstate({ source: "live", scopes: [...options.regions], logDeliveryExpressible: known(true) });
  const liveIdentityPools: LiveIdentityPool[] = [];
  const groupRoleArns: string[] = [];
  // Regions, and the services within one, are read concurrently; each through forks taken in this order, so the
  // estate and its diagnostics come out as a one-after-another scan would have made them.
  const regional = await Promise.all(
    options.regions.map(async (region) => {
      const [onPools, onIdentity, onApi, onHttpApi, onWaf] = [
        reads.fork(),
        reads.fork(),
        reads.fork(),
        reads.fork(),
        reads.fork(),
      ];
      reads.progress({ kind: "region", name: region });
      const regionClients = clients.forRegion(region);
      let waf: Promise<WafAssociation[]> = Promise.resolve([]);
      const [pools, identity] = await Promise.all([
        readUserPools(regionClients.cognitoIdp, region, onPools, (described) => {
          waf = readWafAssociations(regionClients.wafv2, described, onWaf);
        }),
        readIdentityPools(regionClients.cognitoIdentity, region, onIdentity),
      ]);
      const [api, httpApi] = await Promise.all([
        readApiRoutes(regionClients.apiGateway, region, pools.pools, onApi),
        readHttpApis(regionClients.apiGatewayV2, region, pools.pools, pools.clients, onHttpApi),
      ]);
      return { pools, identity, api, httpApi, waf: await waf };
    }),
  );
  for (const { pools, identity, api, httpApi, waf } of regional) {
    estate.userPools.push(...pools.pools);
    estate.userPoolClients.push(...pools.clients);
    estate.identityProviders.push(...pools.identityProviders);
    estate.resourceServers.push(...pools.resourceServers);
    estate.riskConfigurations.push(...pools.riskConfigurations);
    estate.logDeliveries.push(...pools.logDeliveries);
    estate.userPoolDomains.push(...pools.domains);
    for (const group of pools.groups) if (group.roleArn) groupRoleArns.push(group.roleArn);
    estate.userGroups.push(...pools.groups.map(({ roleArn: _roleArn, ...group }) => group));
    liveIdentityPools.push(...identity.pools);
    estate.apiAuthorizers.push(...api.authorizers, ...httpApi.authorizers);
    estate.apiRoutes.push(...api.routes, ...httpApi.routes);
    estate.apiStages.push(...api.stages, ...httpApi.stages);
    estate.wafAssociations.push(...waf, ...api.stageWebAcls);
  }

  // Log destinations and roles at once: they share no quota.
  const [deliveries, roles] = await Promise.all([
    resolveLogDestinations(estate.logDeliveries, clients, reads.fork()),
    readRoles(clients.iam(), new Set([...liveIdentityPools.flatMap(roleArnsOf), ...groupRoleArns]), reads),
  ]);
  estate.logDeliveries = deliveries;
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
  // A scan cut short saw only part of the account, whichever reads the deadline happened to hit.
  const timedOut: LoadDiagnostic[] =
    reads.timedOutReads > 0 && options.deadline
      ? [
          {
            message: `${options.deadline.reason}: ${reads.timedOutReads} read${reads.timedOutReads === 1 ? " was" : "s were"} not done, and what they would have listed was not audited`,
            incomplete: true,
          },
        ]
      : [];
  return {
    ...estate,
    scopes: [account ? `account ${account}` : "account not determined (no resource read names it)", ...options.regions],
    diagnostics: [...reads.diagnostics, ...timedOut],
  };
}
