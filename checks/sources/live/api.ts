// API Gateway REST routes with their authorizers and stages (with the web ACL each stage names), and
// the WAFv2 web ACL of each user pool, read from one region.

import {
  GetAuthorizersCommand,
  GetResourcesCommand,
  GetRestApisCommand,
  GetStagesCommand,
  type APIGatewayClient,
} from "@aws-sdk/client-api-gateway";
import { GetWebACLForResourceCommand, type WAFV2Client } from "@aws-sdk/client-wafv2";
import type { LiveReads } from "./read.js";
import {
  known,
  literalTerm,
  unknown,
  type ApiAuthorizer,
  type ApiRoute,
  type ApiStage,
  type UserPool,
  type WafAssociation,
} from "../../model/index.js";

export async function readApiRoutes(
  client: APIGatewayClient,
  region: string,
  pools: readonly UserPool[],
  reads: LiveReads,
): Promise<{
  authorizers: ApiAuthorizer[];
  routes: ApiRoute[];
  stages: ApiStage[];
  stageWebAcls: WafAssociation[];
  listFailure?: string;
}> {
  // By the id at the end of the ARN, which the listing gives even when the pool's own ARN could not be read.
  const poolsById = new Map(pools.map((p) => [p.id.known ? p.id.value : "", p]));
  const poolOf = (arn: string) => poolsById.get(/:userpool\/([^/]+)$/.exec(arn)?.[1] ?? "");
  const apis = await reads.paginate(
    `REST APIs of ${region}`,
    "Default",
    "apigateway",
    (position, o) => client.send(new GetRestApisCommand({ limit: 500, position }), o),
    (p) => p.items,
    (p) => p.position,
  );
  if (!apis.known) return { authorizers: [], routes: [], stages: [], stageWebAcls: [], listFailure: apis.reason };
  const authorizers: ApiAuthorizer[] = [];
  const routes: ApiRoute[] = [];
  const stages: ApiStage[] = [];
  const stageWebAcls: WafAssociation[] = [];
  for (const api of apis.value) {
    if (!api.id) continue;
    reads.progress({ kind: "api", name: api.name ?? api.id });
    const apiArn = `arn:aws:apigateway:${region}::/restapis/${api.id}`;
    const found = await reads.paginate(
      `authorizers of REST API ${api.id}`,
      "Default",
      "apigateway",
      (position, o) => client.send(new GetAuthorizersCommand({ restApiId: api.id, limit: 500, position }), o),
      (p) => p.items,
      (p) => p.position,
    );
    const byId = new Map<string, ApiAuthorizer>();
    for (const authorizer of found.known ? found.value : []) {
      const object: ApiAuthorizer = {
        kind: "ApiAuthorizer",
        key: `${apiArn}/authorizers/${authorizer.id ?? ""}`,
        name: known(authorizer.name ?? authorizer.id ?? ""),
        provenance: { source: "live", arn: `${apiArn}/authorizers/${authorizer.id ?? ""}` },
        protocol: "REST",
        authorizerType: known(authorizer.type ?? "TOKEN"),
        providerArns: known((authorizer.providerARNs ?? []).map(literalTerm)),
        issuer: known(null),
        audience: known([]),
        userPools: (authorizer.providerARNs ?? []).map(poolOf).filter((p): p is UserPool => p !== undefined),
        clients: [],
      };
      authorizers.push(object);
      if (authorizer.id) byId.set(authorizer.id, object);
    }
    const resources = await reads.paginate(
      `resources of REST API ${api.id}`,
      "Default",
      "apigateway",
      (position, o) =>
        client.send(new GetResourcesCommand({ restApiId: api.id, embed: ["methods"], limit: 500, position }), o),
      (p) => p.items,
      (p) => p.position,
    );
    for (const resource of resources.known ? resources.value : []) {
      for (const [httpMethod, method] of Object.entries(resource.resourceMethods ?? {})) {
        const path = resource.path ?? "/";
        const authorizer = method.authorizerId ? byId.get(method.authorizerId) : undefined;
        routes.push({
          kind: "ApiRoute",
          key: `${apiArn}/resources/${resource.id ?? ""}/methods/${httpMethod}`,
          name: known(`${httpMethod} ${path}`),
          provenance: { source: "live", arn: `${apiArn}/resources/${resource.id ?? ""}/methods/${httpMethod}` },
          protocol: "REST",
          apiKey: known(apiArn),
          apiName: known(api.name ?? api.id),
          path: known(path),
          httpMethod: known(method.httpMethod ?? httpMethod),
          authorizationType: known(method.authorizationType ?? "NONE"),
          authorizationScopes: known(method.authorizationScopes ?? []),
          authorizerRef: method.authorizerId ? literalTerm(method.authorizerId) : null,
          ...(authorizer ? { authorizer } : {}),
        });
      }
    }
    // GetStages is not paginated; a failure hides the stages, so it is a failed listing.
    const listed = await reads.read(
      `stages of REST API ${api.id}`,
      "Default",
      "apigateway",
      (o) => client.send(new GetStagesCommand({ restApiId: api.id }), o),
      { listing: true, required: (r) => (r.item === undefined ? "item" : undefined) },
    );
    for (const stage of listed.known ? (listed.value.item ?? []) : []) {
      const arn = `${apiArn}/stages/${stage.stageName ?? ""}`;
      const object: ApiStage = {
        kind: "ApiStage",
        key: arn,
        name: known(`${api.name ?? api.id}/${stage.stageName ?? ""}`),
        provenance: { source: "live", arn },
        protocol: "REST",
        // Without its API's resources the stage's routes are not known: no rule may read it as serving none.
        apiKey: resources.known
          ? known(apiArn)
          : unknown(`the routes of REST API ${api.id} are not known (${resources.reason})`),
        apiName: known(api.name ?? api.id),
        stageName: known(stage.stageName ?? ""),
      };
      stages.push(object);
      // The stage names its web ACL (webAclArn), as GetWebACLForResource would.
      if (stage.webAclArn)
        stageWebAcls.push({
          kind: "WafAssociation",
          key: `${arn}/web-acl`,
          name: known(stage.webAclArn),
          provenance: { source: "live", arn: stage.webAclArn },
          exists: known(true),
          resourceRef: literalTerm(arn),
          webAclRef: literalTerm(stage.webAclArn),
          apiStage: object,
        });
    }
  }
  return { authorizers, routes, stages, stageWebAcls };
}

/**
 * The web ACL of each user pool. A pool without one gets no association (waf-protection reports it
 * missing); a pool whose web ACL could not be read gets one whose existence is unknown, with the reason.
 */
export async function readWafAssociations(
  client: WAFV2Client,
  pools: readonly (UserPool | Promise<UserPool>)[],
  reads: LiveReads,
): Promise<WafAssociation[]> {
  // Each pool as soon as it is described, through a fork taken in pool order: the result and diagnostics keep it.
  const forks = pools.map(() => reads.fork());
  const found = await Promise.all(
    pools.map(async (described, i): Promise<WafAssociation | undefined> => {
      const pool = await described;
      const arn = pool.provenance.arn;
      if (!arn) {
        // Without the pool's ARN its web ACL cannot be asked for: whether it has one is unknown, not "none". The
        // ARN comes from DescribeUserPool, as the tags do, so their reason is the describe's.
        return {
          kind: "WafAssociation",
          key: `${pool.key}/web-acl`,
          name: known(`web ACL of ${pool.key}`),
          provenance: pool.provenance,
          resourceRef: literalTerm(""),
          userPool: pool,
          exists: unknown(
            `the ARN of user pool ${pool.key}, which the web ACL lookup needs, is not known: ${pool.tags.known ? "DescribeUserPool returned no Arn" : pool.tags.reason}`,
          ),
          webAclRef: literalTerm(""),
        };
      }
      const acl = await forks[i]!.read(`web ACL of user pool ${pool.key}`, "Default", "wafv2", (o) =>
        client.send(new GetWebACLForResourceCommand({ ResourceArn: arn }), o),
      );
      const base = {
        kind: "WafAssociation" as const,
        key: `${pool.key}/web-acl`,
        resourceRef: literalTerm(arn),
        userPool: pool,
      };
      if (!acl.known) {
        return {
          ...base,
          name: known(`web ACL of ${pool.key}`),
          provenance: pool.provenance,
          exists: acl,
          webAclRef: literalTerm(""),
        };
      }
      const web = acl.value.WebACL;
      if (!web?.ARN) return undefined;
      return {
        ...base,
        name: known(web.Name ?? web.ARN),
        provenance: { source: "live", arn: web.ARN },
        exists: known(true),
        webAclRef: literalTerm(web.ARN),
      };
    }),
  );
  return found.filter((a): a is WafAssociation => a !== undefined);
}
