// API Gateway v2 HTTP APIs (routes, JWT and Lambda authorizers) and the stages of both API kinds, of
// a Terraform configuration or plan. An HTTP API's JWT authorizer links to the user pool whose issuer
// URL it names and to the app clients its audience names.

import { apiOf, resolveApi, type ApiLinks, type KeyOf } from "./api.js";
import { Attributes, type TerraformResource } from "./attributes.js";
import type { ResourceIndex } from "./iam.js";
import {
  known,
  mapValue,
  parseRouteKey,
  unknown,
  type ApiAuthorizer,
  type ApiRoute,
  type ApiStage,
  type Term,
  type UserPool,
  type UserPoolClient,
  type Value,
} from "../../model/index.js";

export interface HttpApiLinks extends ApiLinks {
  issuerPool(term: Term | null): UserPool | undefined;
  client(term: Term | null): UserPoolClient | undefined;
}

const HTTP_API = "aws_apigatewayv2_api";

export function readHttpAuthorizer(resource: TerraformResource, key: string, links: HttpApiLinks): ApiAuthorizer {
  const attrs = Attributes.of(resource);
  const jwt = attrs.block("jwt_configuration");
  const authorizerType = attrs.string("authorizer_type");
  const isJwt = authorizerType.known && authorizerType.value === "JWT";
  const issuer: Value<Term | null> = !jwt
    ? isJwt
      ? unknown(`${resource.address}.jwt_configuration is not set`)
      : known(null, "default")
    : issuerOf(jwt);
  const audience = jwt ? jwt.terms("audience", []) : known([], "default");
  const pool = issuer.known ? links.issuerPool(issuer.value) : undefined;
  return {
    kind: "ApiAuthorizer",
    key,
    name: attrs.string("name"),
    provenance: resource.provenance,
    protocol: "HTTP",
    authorizerType,
    providerArns: known([], "default"),
    issuer,
    audience,
    userPools: pool ? [pool] : [],
    clients: audience.known
      ? audience.value.map((term) => links.client(term)).filter((c): c is UserPoolClient => c !== undefined)
      : [],
  };
}

function issuerOf(jwt: Attributes): Value<Term | null> {
  const term = jwt.term("issuer");
  if (term) return known(term);
  // Not set, or unreadable: the attribute read says which.
  const value = jwt.string("issuer");
  return value.known ? known(null) : value;
}

/** An HTTP API route, or undefined for a route of a WebSocket API (no HTTP method or path to judge). */
export function readHttpRoute(
  resource: TerraformResource,
  key: string,
  index: ResourceIndex,
  links: HttpApiLinks,
  keyOf: KeyOf,
): ApiRoute | undefined {
  const attrs = Attributes.of(resource);
  const api = resolveApi(attrs.term("api_id"), index, HTTP_API);
  const protocol = api ? Attributes.of(api).string("protocol_type") : undefined;
  if (protocol?.known && protocol.value === "WEBSOCKET") return undefined;
  const routeKey = attrs.string("route_key");
  const { httpMethod, path } = parseRouteKey(routeKey);
  const authorizerRef = attrs.term("authorizer_id");
  const authorizer = links.authorizer(authorizerRef);
  return {
    kind: "ApiRoute",
    key,
    // Named by its route key, as the console and GetRoutes name it.
    name: routeKey.known ? routeKey : known(resource.address),
    provenance: resource.provenance,
    protocol: "HTTP",
    ...apiOf(api, keyOf, `${resource.address}.api_id does not refer to an HTTP API in this configuration`),
    path,
    httpMethod,
    authorizationType: attrs.string("authorization_type", "NONE"),
    authorizationScopes: attrs.strings("authorization_scopes", []),
    authorizerRef,
    ...(authorizer ? { authorizer } : {}),
  };
}

/** A stage of a REST API (aws_api_gateway_stage) or an HTTP API (aws_apigatewayv2_stage). */
export function readApiStage(
  resource: TerraformResource,
  key: string,
  index: ResourceIndex,
  keyOf: KeyOf,
): ApiStage | undefined {
  const attrs = Attributes.of(resource);
  const rest = resource.type === "aws_api_gateway_stage";
  const api = rest
    ? resolveApi(attrs.term("rest_api_id"), index, "aws_api_gateway_rest_api")
    : resolveApi(attrs.term("api_id"), index, HTTP_API);
  const protocol = !rest && api ? Attributes.of(api).string("protocol_type") : undefined;
  if (protocol?.known && protocol.value === "WEBSOCKET") return undefined;
  const stageName = attrs.string(rest ? "stage_name" : "name");
  const owner = apiOf(
    api,
    keyOf,
    `${resource.address}.${rest ? "rest_api_id" : "api_id"} does not refer to ${rest ? "a REST" : "an HTTP"} API in this configuration`,
  );
  return {
    kind: "ApiStage",
    key,
    name: mapValue(stageName, (stage) => (owner.apiName.known ? `${owner.apiName.value}/${stage}` : stage)),
    provenance: resource.provenance,
    protocol: rest ? "REST" : "HTTP",
    ...owner,
    stageName,
  };
}
