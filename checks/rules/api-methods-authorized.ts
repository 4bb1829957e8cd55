import { wildcardMatch } from "../iam/analysis.js";
import type { ApiRoute } from "../model/index.js";
import { defineRule, evidenceOf, unknownFinding, type Finding } from "../engine/rule.js";

export interface RoutePattern {
  method: string;
  path: string;
}

type Options = { publicRoutes: RoutePattern[]; authorizationTypes: string[] };

/** Whether a route matches "METHOD path" patterns: method or "*", path with * wildcards ("/catalog/*"). */
export function routeMatches(pattern: RoutePattern, method: string, path: string): boolean {
  return (
    (pattern.method === "*" || pattern.method.toUpperCase() === method.toUpperCase()) &&
    wildcardMatch(pattern.path, path, false)
  );
}

type MessageId = "pass" | "passPublic" | "unauthorized";

export default defineRule<Options, MessageId>({
  meta: {
    id: "api-methods-authorized",
    title:
      "Every API Gateway method has an authorizer, except CORS preflight and the routes the policy lists as public",
    description:
      "An API Gateway method or HTTP API route with authorization NONE answers anyone on the internet. Every method other than OPTIONS (CORS preflight) must use a COGNITO_USER_POOLS (REST), JWT (HTTP API), AWS_IAM or CUSTOM authorizer unless the policy lists its route as public. The default lists no public route, so the shop's /orders, /checkout and /payment-methods routes must all be authorized.",
    severity: "high",
    pci: [{ id: "7.2.1", relation: "meets" }],
    resourceKinds: ["ApiRoute"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          publicRoutes: {
            type: "array",
            description:
              'Routes that may be called without authorization, e.g. { "method": "GET", "path": "/catalog/*" }. Default: none.',
            items: {
              type: "object",
              additionalProperties: false,
              required: ["method", "path"],
              properties: {
                method: { type: "string", minLength: 1, description: 'HTTP method, or "*" for any.' },
                path: {
                  type: "string",
                  minLength: 1,
                  description: 'Resource path; * matches any characters, / included ("/catalog/*").',
                },
              },
            },
          },
          authorizationTypes: {
            type: "array",
            minItems: 1,
            items: { enum: ["COGNITO_USER_POOLS", "JWT", "AWS_IAM", "CUSTOM"] },
            description:
              "Accepted authorization types: COGNITO_USER_POOLS on REST APIs, JWT on HTTP APIs, AWS_IAM and CUSTOM on both.",
          },
        },
      },
      defaults: { publicRoutes: [], authorizationTypes: ["COGNITO_USER_POOLS", "JWT", "AWS_IAM", "CUSTOM"] },
    },
    messages: {
      pass: "{{resource}}: {{method}} {{path}} of {{api}} requires {{authorization}} authorization",
      passPublic: "{{resource}}: {{method}} {{path}} of {{api}} is listed as a public route",
      unauthorized:
        "{{resource}}: {{method}} {{path}} of {{api}} has authorization {{authorization}}, so anyone can call it",
    },
    remediation: {
      summary:
        "Set authorization to COGNITO_USER_POOLS (with authorizer_id and authorization_scopes), AWS_IAM or CUSTOM, or list the route as public in the policy if it is meant to be.",
      cdktf: `new ApiGatewayMethod(this, "GetOrder", {\n  restApiId: api.id, resourceId: orderResource.id, httpMethod: "GET",\n  authorization: "COGNITO_USER_POOLS",\n  authorizerId: authorizer.id,\n  authorizationScopes: ["shop/orders"],\n});`,
    },
  },
  check(estate, context) {
    return estate.apiRoutes.map((route) => checkRoute(route, context.options(route)));
  },
});

function checkRoute(route: ApiRoute, options: Options): Finding<MessageId> {
  const method = route.httpMethod.known ? route.httpMethod.value.toUpperCase() : undefined;
  if (method === "OPTIONS")
    return {
      resource: route,
      status: "NOT_APPLICABLE",
      messageId: "notApplicable",
      data: { reason: "OPTIONS methods answer CORS preflight requests, which carry no credentials" },
    };
  const path = route.path.known ? route.path.value : undefined;
  const api = route.apiName.known ? route.apiName.value : "the API";
  const data = { method: method ?? "(unknown method)", path: path ?? "(unknown path)", api };
  // The authorization type first: an authorized route passes and a NONE route fails wherever its
  // path is, unless the path or method is unknown and a public-route pattern could cover it.
  const authorization = route.authorizationType;
  if (!authorization.known) return unknownFinding(route, "authorization", authorization);
  const evidence = [evidenceOf("authorization", authorization)];
  const judged = { ...data, authorization: authorization.value };
  if (options.authorizationTypes.includes(authorization.value))
    return { resource: route, status: "PASS", messageId: "pass", data: judged, evidence };
  // An unknown method may be OPTIONS (CORS preflight), which needs no authorizer.
  if (!route.httpMethod.known) return unknownFinding(route, "http_method", route.httpMethod);
  const verb = route.httpMethod.value.toUpperCase();
  if (!route.path.known) {
    const couldBePublic = options.publicRoutes.some((p) => p.method === "*" || p.method.toUpperCase() === verb);
    if (couldBePublic) return unknownFinding(route, "resource path", route.path);
    return { resource: route, status: "FAIL", messageId: "unauthorized", data: judged, evidence };
  }
  const knownPath = route.path.value;
  if (options.publicRoutes.some((pattern) => routeMatches(pattern, verb, knownPath)))
    return { resource: route, status: "PASS", messageId: "passPublic", data };
  return { resource: route, status: "FAIL", messageId: "unauthorized", data: judged, evidence };
}
