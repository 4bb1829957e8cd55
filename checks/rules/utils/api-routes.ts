// API routes as several rules see them: which routes the pack's sensitive-route list covers (shared by
// mfa-on-sensitive-actions and api-waf-protection), and which user pools stand behind a route's
// authorizer, for REST COGNITO_USER_POOLS authorizers and HTTP API JWT authorizers alike.

import { wildcardMatch } from "../../iam/analysis.js";
import {
  cognitoIssuerPoolId,
  DEFAULT_ROUTE_KEY,
  isLiteral,
  type ApiRoute,
  type Unknown,
  type UserPool,
} from "../../model/index.js";

export interface SensitiveRoute {
  method: string;
  path: string;
  scopes: string[];
}

/** The reference shop's sensitive routes: placing orders, saved payment methods, order history. */
export const DEFAULT_SENSITIVE_ROUTES: SensitiveRoute[] = [
  { method: "*", path: "/checkout", scopes: ["shop/checkout"] },
  { method: "*", path: "/checkout/*", scopes: ["shop/checkout"] },
  { method: "*", path: "/payment-methods", scopes: ["shop/payment-methods"] },
  { method: "*", path: "/payment-methods/*", scopes: ["shop/payment-methods"] },
  { method: "*", path: "/orders", scopes: ["shop/orders"] },
  { method: "*", path: "/orders/*", scopes: ["shop/orders"] },
];

/** The JSON Schema of the `sensitiveRoutes` option, the same in every rule that takes it. */
export const SENSITIVE_ROUTES_SCHEMA = {
  type: "array",
  description:
    "Sensitive routes and the OAuth scopes that may grant them. Default: /checkout (shop/checkout), /payment-methods (shop/payment-methods) and /orders (shop/orders), each with its sub-paths, any method but OPTIONS.",
  items: {
    type: "object",
    additionalProperties: false,
    required: ["method", "path", "scopes"],
    properties: {
      method: {
        type: "string",
        minLength: 1,
        description: 'HTTP method, or "*" for any (OPTIONS is never sensitive).',
      },
      path: {
        type: "string",
        minLength: 1,
        description: 'Resource path; * matches any characters, / included ("/orders/*").',
      },
      scopes: {
        type: "array",
        minItems: 1,
        items: { type: "string", minLength: 1 },
        description: "OAuth scopes (resource-server/scope) the route's authorization_scopes must be drawn from.",
      },
    },
  },
} as const;

/**
 * Whether a route serves requests a sensitive-route pattern describes: a route of method ANY serves
 * every method, and an HTTP API's $default route serves every path no other route takes.
 */
export function routeServes(pattern: { method: string; path: string }, method: string, path: string): boolean {
  const methodServed =
    pattern.method === "*" || method.toUpperCase() === "ANY" || pattern.method.toUpperCase() === method.toUpperCase();
  return methodServed && (path === DEFAULT_ROUTE_KEY || wildcardMatch(pattern.path, path, false));
}

export type Sensitivity =
  | { readonly kind: "sensitive"; readonly method: string; readonly path: string; readonly scopes: readonly string[] }
  | { readonly kind: "not-sensitive" }
  | { readonly kind: "unknown"; readonly attribute: string; readonly value: Unknown };

/** Whether the pack's sensitive routes cover a route, with the scopes that may grant it; OPTIONS never is. */
export function sensitivityOf(route: ApiRoute, sensitiveRoutes: readonly SensitiveRoute[]): Sensitivity {
  if (!route.httpMethod.known) return { kind: "unknown", attribute: "http_method", value: route.httpMethod };
  const method = route.httpMethod.value.toUpperCase();
  if (method === "OPTIONS") return { kind: "not-sensitive" };
  const candidates = sensitiveRoutes.filter(
    (s) => s.method === "*" || method === "ANY" || s.method.toUpperCase() === method,
  );
  if (candidates.length === 0) return { kind: "not-sensitive" };
  if (!route.path.known) return { kind: "unknown", attribute: "resource path", value: route.path };
  const path = route.path.value;
  const matched = candidates.filter((s) => routeServes(s, method, path));
  if (matched.length === 0) return { kind: "not-sensitive" };
  return { kind: "sensitive", method, path, scopes: [...new Set(matched.flatMap((s) => s.scopes))] };
}

/** Authorization types that hand the route a user pool token: REST COGNITO_USER_POOLS, HTTP API JWT. */
export function isTokenAuthorization(route: ApiRoute, authorization: string): boolean {
  return route.protocol === "HTTP" ? authorization === "JWT" : authorization === "COGNITO_USER_POOLS";
}

export type AuthorizerPools =
  | { readonly kind: "pools"; readonly pools: readonly UserPool[] }
  | { readonly kind: "unknown"; readonly attribute: string; readonly value: Unknown }
  /** Some pool or issuer the authorizer names is not in the estate. */
  | { readonly kind: "unresolved"; readonly names: string }
  /** An HTTP API JWT authorizer whose issuer is not a Cognito user pool (another identity provider). */
  | { readonly kind: "foreign-issuer"; readonly issuer: string };

/** The user pools whose tokens a route's (resolved) authorizer accepts. */
export function authorizerPools(
  route: ApiRoute & { readonly authorizer: NonNullable<ApiRoute["authorizer"]> },
): AuthorizerPools {
  const authorizer = route.authorizer;
  if (authorizer.protocol === "HTTP") {
    const issuer = authorizer.issuer;
    if (!issuer.known) return { kind: "unknown", attribute: "authorizer jwt_configuration.issuer", value: issuer };
    const term = issuer.value;
    if (authorizer.userPools.length > 0) return { kind: "pools", pools: authorizer.userPools };
    if (term && isLiteral(term) && cognitoIssuerPoolId(term.text) === undefined)
      return { kind: "foreign-issuer", issuer: term.text };
    return { kind: "unresolved", names: term?.text ?? "(no issuer)" };
  }
  if (!authorizer.providerArns.known)
    return { kind: "unknown", attribute: "authorizer provider_arns", value: authorizer.providerArns };
  if (authorizer.userPools.length === 0 || authorizer.userPools.length < authorizer.providerArns.value.length)
    return { kind: "unresolved", names: authorizer.providerArns.value.map((a) => a.text).join(", ") };
  return { kind: "pools", pools: authorizer.userPools };
}
