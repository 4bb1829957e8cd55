// API Gateway REST routes with their authorizers, WAFv2 associations and log delivery
// configurations of a Terraform configuration or plan (HTTP APIs and stages: http-api.ts).

import { Attributes, type TerraformResource } from "./attributes.js";
import { poolLink } from "./cognito.js";
import type { ResourceIndex } from "./iam.js";
import { readLogDestination } from "./log-targets.js";
import {
  known,
  unknown,
  type ApiAuthorizer,
  type ApiRoute,
  type ApiStage,
  type LogDelivery,
  type Term,
  type UserPool,
  type Value,
  type WafAssociation,
} from "../../model/index.js";

export interface ApiLinks {
  userPool(term: Term | null): UserPool | undefined;
  authorizer(term: Term | null): ApiAuthorizer | undefined;
  apiStage(term: Term | null): ApiStage | undefined;
}

/** The estate key of a resource of the same scope (the API a route or stage belongs to). */
export type KeyOf = (resource: TerraformResource) => string;

export function readApiAuthorizer(resource: TerraformResource, key: string, links: ApiLinks): ApiAuthorizer {
  const attrs = Attributes.of(resource);
  const providerArns = attrs.terms("provider_arns", []);
  const userPools = providerArns.known
    ? providerArns.value.map((arn) => links.userPool(arn)).filter((p): p is UserPool => p !== undefined)
    : [];
  return {
    kind: "ApiAuthorizer",
    key,
    name: attrs.string("name"),
    provenance: resource.provenance,
    protocol: "REST",
    authorizerType: attrs.string("type", "TOKEN"),
    providerArns,
    issuer: known(null),
    audience: known([]),
    userPools,
    clients: [],
  };
}

export function readApiRoute(
  resource: TerraformResource,
  key: string,
  index: ResourceIndex,
  links: ApiLinks,
  keyOf: KeyOf,
): ApiRoute {
  const attrs = Attributes.of(resource);
  const api = resolveApi(attrs.term("rest_api_id"), index, "aws_api_gateway_rest_api");
  const authorizerRef = attrs.term("authorizer_id");
  const authorizer = links.authorizer(authorizerRef);
  const path = resourcePath(attrs.term("resource_id"), index, 0);
  const httpMethod = attrs.string("http_method");
  return {
    kind: "ApiRoute",
    key,
    // Named as the live API names it ("GET /orders"), so findings read the same from every source.
    name: httpMethod.known && path.known ? known(`${httpMethod.value} ${path.value}`) : known(resource.address),
    provenance: resource.provenance,
    protocol: "REST",
    ...apiOf(api, keyOf, `${resource.address}.rest_api_id does not refer to a REST API in this configuration`),
    path,
    httpMethod,
    authorizationType: attrs.string("authorization"),
    authorizationScopes: attrs.strings("authorization_scopes", []),
    authorizerRef,
    ...(authorizer ? { authorizer } : {}),
  };
}

/** The API resource of the given type an api_id / rest_api_id reference names. */
export function resolveApi(term: Term | null, index: ResourceIndex, type: string): TerraformResource | undefined {
  const address = term?.exactRef?.address;
  const resource = address ? index.get(address) : undefined;
  return resource?.type === type ? resource : undefined;
}

/** The key and name of a route's or stage's API, or why they are unknown. */
export function apiOf(
  api: TerraformResource | undefined,
  keyOf: KeyOf,
  reason: string,
): { apiKey: Value<string>; apiName: Value<string> } {
  return api
    ? { apiKey: known(keyOf(api)), apiName: Attributes.of(api).string("name") }
    : { apiKey: unknown(reason), apiName: unknown(reason) };
}

/** Full path of an API Gateway resource, following parent_id references up to the API's root. */
function resourcePath(term: Term | null, index: ResourceIndex, depth: number): Value<string> {
  const ref = term?.exactRef;
  if (!ref)
    return unknown(`the API resource ${term?.text ?? "(none)"} is not a reference to a resource in this configuration`);
  if (ref.attribute === "root_resource_id") return known("/");
  const resource = index.get(ref.address);
  if (!resource || resource.type !== "aws_api_gateway_resource")
    return unknown(`${ref.address} is not an API Gateway resource in this configuration`);
  if (depth > 64) return unknown(`the API resource chain of ${ref.address} is too deep`);
  const attrs = Attributes.of(resource);
  const part = attrs.string("path_part");
  if (!part.known) return part;
  const parent = resourcePath(attrs.term("parent_id"), index, depth + 1);
  if (!parent.known) return parent;
  return known(parent.value === "/" ? `/${part.value}` : `${parent.value}/${part.value}`);
}

export function readWafAssociation(resource: TerraformResource, key: string, links: ApiLinks): WafAssociation {
  const attrs = Attributes.of(resource);
  const resourceRef = attrs.term("resource_arn") ?? { text: "", refs: [] };
  const userPool = links.userPool(resourceRef);
  const apiStage = links.apiStage(resourceRef);
  return {
    kind: "WafAssociation",
    key,
    name: known(resource.address),
    provenance: resource.provenance,
    exists: known(true),
    resourceRef,
    webAclRef: attrs.term("web_acl_arn") ?? { text: "", refs: [] },
    ...(userPool ? { userPool } : {}),
    ...(apiStage ? { apiStage } : {}),
  };
}

export function readLogDelivery(
  resource: TerraformResource,
  key: string,
  index: ResourceIndex,
  links: ApiLinks,
): LogDelivery {
  const attrs = Attributes.of(resource);
  const pool = poolLink(attrs, links);
  const configurations = attrs.blocks("log_configurations").map((config) => {
    const text = (v: Value<string>) => (v.known ? v.value : "");
    return {
      eventSource: text(config.string("event_source")),
      logLevel: text(config.string("log_level")),
      ...readLogDestination(config, index),
    };
  });
  return {
    kind: "LogDelivery",
    key,
    name: known(resource.address),
    provenance: resource.provenance,
    ...pool,
    configurations: known(configurations),
  };
}
