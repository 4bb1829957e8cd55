// mfa-on-sensitive-actions on HTTP API (API Gateway v2) routes: a JWT authorizer whose issuer is a
// user pool of the estate counts as a Cognito authorizer (RULES.md revision 2); the REST cases are in
// mfa-on-sensitive-actions.test.ts.

import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/mfa-on-sensitive-actions.js";
import { TestHttpApi } from "../harness/api-fixtures.js";
import { consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

const R = (id: string) => `aws_apigatewayv2_route.${id}`;
const MFA_ON = { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } } as const;

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_http_jwt_issuer_is_pool",
      stack: (s) => {
        const api = new TestHttpApi(s, "shop-http", userPool(s, "staff", MFA_ON));
        api.route({ id: "pass_http_checkout", routeKey: "POST /checkout", scopes: ["shop/checkout"] });
        api.route({ id: "pass_http_orders_proxy", routeKey: "ANY /orders/{proxy+}", scopes: ["shop/orders"] });
        // Not sensitive: not reported.
        api.route({ id: "catalog", routeKey: "GET /catalog", authorization: "NONE" });
      },
    },
    {
      name: "pass_http_issuer_from_endpoint",
      stack: (s) => {
        const pool = userPool(s, "staff", MFA_ON);
        new TestHttpApi(s, "shop-http", `https://${pool.endpoint}`).route({
          id: "pass_http_endpoint_issuer",
          routeKey: "GET /payment-methods",
          scopes: ["shop/payment-methods"],
        });
      },
    },
  ],
  invalid: [
    {
      name: "fail_http_foreign_issuer",
      stack: (s) =>
        void new TestHttpApi(s, "shop-http", "https://login.example.com/").route({
          id: "fail_http_foreign",
          routeKey: "POST /checkout",
          scopes: ["shop/checkout"],
        }),
      results: [
        {
          resource: R("fail_http_foreign"),
          status: "FAIL",
          messageId: "notCognito",
          messageIncludes: "JWT from issuer https://login.example.com/",
        },
      ],
    },
    {
      name: "fail_http_routes",
      stack: (s) => {
        const api = new TestHttpApi(s, "shop-http", consumerPool(s, "legacy-customers"));
        api.route({ id: "fail_http_none", routeKey: "GET /orders", authorization: "NONE" });
        api.route({ id: "fail_http_no_scope", routeKey: "POST /checkout" });
        // The catch-all route serves the sensitive paths too; its pool has MFA off.
        api.route({ id: "fail_http_default", routeKey: "$default", scopes: ["shop/orders"] });
      },
      results: [
        { resource: R("fail_http_none"), status: "FAIL", messageId: "notCognito", messageIncludes: "NONE" },
        { resource: R("fail_http_no_scope"), status: "FAIL", messageId: "noScope" },
        {
          resource: R("fail_http_default"),
          status: "FAIL",
          messageId: "weakPool",
          messageIncludes: "has MFA OFF",
        },
      ],
    },
    {
      name: "unknown_http_issuer",
      stack: (s) => {
        const issuer = new TerraformVariable(s, "issuer", { type: "string" });
        new TestHttpApi(s, "shop-http", issuer.stringValue).route({
          id: "unknown_http_issuer_var",
          routeKey: "POST /checkout",
          scopes: ["shop/checkout"],
        });
        new TestHttpApi(s, "other-http", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_outside").route({
          id: "unknown_http_issuer_outside",
          routeKey: "POST /checkout",
          scopes: ["shop/checkout"],
        });
      },
      results: [
        {
          resource: R("unknown_http_issuer_var"),
          status: "UNKNOWN",
          messageId: "unresolvedPool",
          messageIncludes: "var.issuer",
        },
        {
          resource: R("unknown_http_issuer_outside"),
          status: "UNKNOWN",
          messageId: "unresolvedPool",
          messageIncludes: "eu-west-1_outside",
        },
      ],
    },
  ],
});
