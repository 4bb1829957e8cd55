// API Gateway routes, authorizers and stages in front of the pools (REST APIs and HTTP APIs), and
// the WAF associations that protect pools and REST stages.

import type { UserPool, UserPoolClient } from "./cognito.js";
import type { ModelObjectBase } from "./object.js";
import { known, unknown, type Term, type Value } from "./values.js";

/** REST APIs (API Gateway v1: methods on resources) or HTTP APIs (API Gateway v2: route keys). */
export type ApiProtocol = "REST" | "HTTP";

/** The method and path an HTTP API route key "$default" stands for: every method, every path. */
export const DEFAULT_ROUTE_KEY = "$default";

const COGNITO_ISSUER = /^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com\/([\w-]+_[0-9A-Za-z]+)$/;

/** The pool id of a Cognito user pool's issuer URL (https://cognito-idp.<region>.amazonaws.com/<pool id>), if it is one. */
export function cognitoIssuerPoolId(url: string): string | undefined {
  return COGNITO_ISSUER.exec(url)?.[1];
}

/** "GET /orders" as method and path; "$default" as every method on every path. */
export function parseRouteKey(routeKey: Value<string>): { httpMethod: Value<string>; path: Value<string> } {
  if (!routeKey.known) return { httpMethod: routeKey, path: routeKey };
  if (routeKey.value === DEFAULT_ROUTE_KEY) return { httpMethod: known("ANY"), path: known(DEFAULT_ROUTE_KEY) };
  const match = /^([A-Za-z]+) (\/\S*)$/.exec(routeKey.value);
  if (!match) {
    const reason = `route key ${JSON.stringify(routeKey.value)} is not "METHOD /path" or "$default"`;
    return { httpMethod: unknown(reason), path: unknown(reason) };
  }
  return { httpMethod: known(match[1]!.toUpperCase()), path: known(match[2]!) };
}

export interface ApiAuthorizer extends ModelObjectBase<"ApiAuthorizer"> {
  readonly protocol: ApiProtocol;
  /** REST: TOKEN, REQUEST, COGNITO_USER_POOLS; HTTP: JWT, REQUEST. */
  readonly authorizerType: Value<string>;
  /** REST COGNITO_USER_POOLS authorizers: the pools' ARNs; empty for other authorizers. */
  readonly providerArns: Value<readonly Term[]>;
  /** HTTP JWT authorizers: the token issuer URL; null for other authorizers. */
  readonly issuer: Value<Term | null>;
  /** HTTP JWT authorizers: the accepted aud (or client_id) values; empty for other authorizers. */
  readonly audience: Value<readonly Term[]>;
  /** The pools behind it: by provider ARN (REST), or the pool whose issuer URL the JWT issuer is (HTTP). */
  readonly userPools: readonly UserPool[];
  /** HTTP JWT authorizers: the app clients its audience names. */
  readonly clients: readonly UserPoolClient[];
}

export interface ApiRoute extends ModelObjectBase<"ApiRoute"> {
  readonly protocol: ApiProtocol;
  /** The key of the API the route belongs to, shared with its stages; unknown when the API is not in the estate. */
  readonly apiKey: Value<string>;
  readonly apiName: Value<string>;
  /** The resource path; "$default" for the catch-all route of an HTTP API. */
  readonly path: Value<string>;
  /** The HTTP method; ANY for a route that serves every method. */
  readonly httpMethod: Value<string>;
  /** REST: NONE, COGNITO_USER_POOLS, AWS_IAM, CUSTOM; HTTP: NONE, JWT, AWS_IAM, CUSTOM. */
  readonly authorizationType: Value<string>;
  readonly authorizationScopes: Value<readonly string[]>;
  readonly authorizerRef: Term | null;
  readonly authorizer?: ApiAuthorizer;
}

/** A deployed stage of an API: it serves the routes of its API. */
export interface ApiStage extends ModelObjectBase<"ApiStage"> {
  readonly protocol: ApiProtocol;
  readonly apiKey: Value<string>;
  readonly apiName: Value<string>;
  readonly stageName: Value<string>;
}

export interface WafAssociation extends ModelObjectBase<"WafAssociation"> {
  /** Known true for an association found; unknown when the resource's web ACL could not be read. */
  readonly exists: Value<true>;
  readonly resourceRef: Term;
  readonly webAclRef: Term;
  readonly userPool?: UserPool;
  /** A REST API stage the association protects. */
  readonly apiStage?: ApiStage;
}
