// API Gateway v2 HTTP APIs of one region: routes, JWT and Lambda authorizers, and stages
// (GetApis, GetRoutes, GetAuthorizers, GetStages). WebSocket APIs are skipped: they have no HTTP
// routes. The SDK module is imported here on first use, so a configuration check never loads it.

import type { ApiGatewayV2Client } from "@aws-sdk/client-apigatewayv2";
import type { CallOptions, LiveReads } from "./read.js";
import {
  cognitoIssuerPoolId,
  known,
  unknown,
  literalTerm,
  parseRouteKey,
  type ApiAuthorizer,
  type ApiRoute,
  type ApiStage,
  type UserPool,
  type UserPoolClient,
} from "../../model/index.js";

export interface HttpApiObjects {
  authorizers: ApiAuthorizer[];
  routes: ApiRoute[];
  stages: ApiStage[];
}

export async function readHttpApis(
  client: () => Promise<ApiGatewayV2Client>,
  region: string,
  pools: readonly UserPool[],
  clients: readonly UserPoolClient[],
  reads: LiveReads,
): Promise<HttpApiObjects> {
  const sdk = await import("@aws-sdk/client-apigatewayv2");
  const v2 = await client();
  const poolsById = new Map(pools.map((p) => [p.id.known ? p.id.value : "", p]));
  // A live client's key ends with its client id.
  const clientsById = new Map(clients.map((c) => [c.key.slice(c.key.lastIndexOf("/") + 1), c]));
  const apis = await reads.paginate(
    `HTTP APIs of ${region}`,
    "Default",
    "apigateway",
    (NextToken, o) => v2.send(new sdk.GetApisCommand({ MaxResults: "500", NextToken }), o),
    (p) => p.Items,
    (p) => p.NextToken,
  );
  const out: HttpApiObjects = { authorizers: [], routes: [], stages: [] };
  if (!apis.known) return out;
  for (const api of apis.value) {
    if (!api.ApiId || api.ProtocolType === "WEBSOCKET") continue;
    const ApiId = api.ApiId;
    reads.progress({ kind: "api", name: api.Name ?? ApiId });
    const apiArn = `arn:aws:apigateway:${region}::/apis/${ApiId}`;
    const apiName = known(api.Name ?? ApiId);
    const list = <P, T>(
      what: string,
      page: (token: string | undefined, o: CallOptions) => Promise<P>,
      items: (p: P) => T[] | undefined,
      next: (p: P) => string | undefined,
    ) => reads.paginate(`${what} of HTTP API ${ApiId}`, "Default", "apigateway", page, items, next);

    const found = await list(
      "authorizers",
      (NextToken, o) => v2.send(new sdk.GetAuthorizersCommand({ ApiId, MaxResults: "500", NextToken }), o),
      (p) => p.Items,
      (p) => p.NextToken,
    );
    const byId = new Map<string, ApiAuthorizer>();
    for (const authorizer of found.known ? found.value : []) {
      const arn = `${apiArn}/authorizers/${authorizer.AuthorizerId ?? ""}`;
      const jwt = authorizer.JwtConfiguration;
      const poolId = jwt?.Issuer ? cognitoIssuerPoolId(jwt.Issuer) : undefined;
      const pool = poolId === undefined ? undefined : poolsById.get(poolId);
      const audience = jwt?.Audience ?? [];
      const object: ApiAuthorizer = {
        kind: "ApiAuthorizer",
        key: arn,
        name: known(authorizer.Name ?? authorizer.AuthorizerId ?? ""),
        provenance: { source: "live", arn },
        protocol: "HTTP",
        authorizerType: known(authorizer.AuthorizerType ?? "REQUEST"),
        providerArns: known([]),
        issuer: known(jwt?.Issuer ? literalTerm(jwt.Issuer) : null),
        audience: known(audience.map(literalTerm)),
        userPools: pool ? [pool] : [],
        clients: audience.map((id) => clientsById.get(id)).filter((c): c is UserPoolClient => c !== undefined),
      };
      out.authorizers.push(object);
      if (authorizer.AuthorizerId) byId.set(authorizer.AuthorizerId, object);
    }

    const routes = await list(
      "routes",
      (NextToken, o) => v2.send(new sdk.GetRoutesCommand({ ApiId, MaxResults: "500", NextToken }), o),
      (p) => p.Items,
      (p) => p.NextToken,
    );
    for (const route of routes.known ? routes.value : []) {
      const arn = `${apiArn}/routes/${route.RouteId ?? ""}`;
      const routeKey = known(route.RouteKey ?? "");
      const authorizer = route.AuthorizerId ? byId.get(route.AuthorizerId) : undefined;
      out.routes.push({
        kind: "ApiRoute",
        key: arn,
        name: routeKey,
        provenance: { source: "live", arn },
        protocol: "HTTP",
        apiKey: known(apiArn),
        apiName,
        ...parseRouteKey(routeKey),
        authorizationType: known(route.AuthorizationType ?? "NONE"),
        authorizationScopes: known(route.AuthorizationScopes ?? []),
        authorizerRef: route.AuthorizerId ? literalTerm(route.AuthorizerId) : null,
        ...(authorizer ? { authorizer } : {}),
      });
    }

    const stages = await list(
      "stages",
      (NextToken, o) => v2.send(new sdk.GetStagesCommand({ ApiId, MaxResults: "500", NextToken }), o),
      (p) => p.Items,
      (p) => p.NextToken,
    );
    for (const stage of stages.known ? stages.value : []) {
      const arn = `${apiArn}/stages/${stage.StageName ?? ""}`;
      out.stages.push({
        kind: "ApiStage",
        key: arn,
        name: known(`${apiName.value}/${stage.StageName ?? ""}`),
        provenance: { source: "live", arn },
        protocol: "HTTP",
        // Without its API's routes the stage's routes are not known: no rule may read it as serving none.
        apiKey: routes.known
          ? known(apiArn)
          : unknown(`the routes of HTTP API ${ApiId} are not known (${routes.reason})`),
        apiName,
        stageName: known(stage.StageName ?? ""),
      });
    }
  }
  return out;
}
