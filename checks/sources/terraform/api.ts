// API Gateway REST routes with their authorizers, WAFv2 associations and log delivery
// configurations of a Terraform configuration or plan.

import { Attributes, type TerraformResource } from "./attributes.js";
import { poolLink } from "./cognito.js";
import type { ResourceIndex } from "./iam.js";
import { readLogDestination } from "./log-targets.js";
import {
  known,
  unknown,
  type ApiAuthorizer,
  type ApiRoute,
  type LogDelivery,
  type Term,
  type UserPool,
  type Value,
  type WafAssociation,
} from "../../model/index.js";

export interface ApiLinks {
  userPool(term: Term | null): UserPool | undefined;
  authorizer(term: Term | null): ApiAuthorizer | undefined;
}

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
    authorizerType: attrs.string("type", "TOKEN"),
    providerArns,
    userPools,
  };
}

export function readApiRoute(
  resource: TerraformResource,
  key: string,
  index: ResourceIndex,
  links: ApiLinks,
): ApiRoute {
  const attrs = Attributes.of(resource);
  const api = resolveRestApi(attrs.term("rest_api_id"), index);
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
    apiName: api
      ? Attributes.of(api).string("name")
      : unknown(`${resource.address}.rest_api_id does not refer to a REST API in this configuration`),
    path,
    httpMethod,
    authorizationType: attrs.string("authorization"),
    authorizationScopes: attrs.strings("authorization_scopes", []),
    authorizerRef,
    ...(authorizer ? { authorizer } : {}),
  };
}

function resolveRestApi(term: Term | null, index: ResourceIndex): TerraformResource | undefined {
  const address = term?.exactRef?.address;
  const resource = address ? index.get(address) : undefined;
  return resource?.type === "aws_api_gateway_rest_api" ? resource : undefined;
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
  return {
    kind: "WafAssociation",
    key,
    name: known(resource.address),
    provenance: resource.provenance,
    exists: known(true),
    resourceRef,
    webAclRef: attrs.term("web_acl_arn") ?? { text: "", refs: [] },
    ...(userPool ? { userPool } : {}),
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
