import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/api-methods-authorized.js";
import { TestApi, TestHttpApi } from "../harness/api-fixtures.js";
import { userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

const M = (id: string) => `aws_api_gateway_method.${id}`;
const R = (id: string) => `aws_apigatewayv2_route.${id}`;

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_cognito_and_iam",
      stack: (s) => {
        const api = new TestApi(s, "shop", userPool(s, "customers"));
        api.route({ id: "pass_cognito", method: "POST", path: "/checkout", scopes: ["shop/checkout"] });
        api.route({ id: "pass_iam", method: "GET", path: "/orders/{orderId}", authorization: "AWS_IAM" });
        // CORS preflight: not applicable.
        api.route({ id: "na_preflight", method: "OPTIONS", path: "/checkout", authorization: "NONE" });
      },
    },
    {
      name: "pass_listed_public",
      options: { publicRoutes: [{ method: "GET", path: "/catalog/*" }] },
      stack: (s) =>
        void new TestApi(s, "catalog").route({
          id: "pass_public",
          method: "GET",
          path: "/catalog/{itemId}",
          authorization: "NONE",
        }),
    },
    {
      name: "pass_http_api_jwt_and_iam",
      stack: (s) => {
        const api = new TestHttpApi(s, "shop-http", userPool(s, "customers"));
        api.route({ id: "pass_http_jwt", routeKey: "POST /checkout", scopes: ["shop/checkout"] });
        api.route({ id: "pass_http_default", routeKey: "$default" });
        api.route({ id: "pass_http_iam", routeKey: "ANY /orders/{proxy+}", authorization: "AWS_IAM" });
        api.route({ id: "na_http_preflight", routeKey: "OPTIONS /checkout", authorization: "NONE" });
      },
    },
    {
      // Authorization judged first: where the resource is defined does not matter to an authorized method.
      name: "pass_authorized_resource_elsewhere",
      stack: (s) => {
        const resource = new TerraformVariable(s, "orders_resource_id", { type: "string" });
        new TestApi(s, "shop", userPool(s, "customers")).route({
          id: "pass_authorized_resource_elsewhere",
          method: "GET",
          path: "/orders",
          resourceId: resource.stringValue,
          scopes: ["shop/orders"],
        });
      },
    },
  ],
  invalid: [
    {
      // RULES.md revision 2: the authorization type is judged first, so a NONE method whose resource is
      // defined elsewhere (a variable) fails; it was UNKNOWN while the path was asked for first.
      name: "fail_none_resource_elsewhere",
      stack: (s) => {
        const resource = new TerraformVariable(s, "orders_resource_id", { type: "string" });
        new TestApi(s, "shop").route({
          id: "fail_none_resource_elsewhere",
          method: "GET",
          path: "/orders",
          resourceId: resource.stringValue,
          authorization: "NONE",
        });
      },
      results: [
        {
          resource: M("fail_none_resource_elsewhere"),
          status: "FAIL",
          messageId: "unauthorized",
          messageIncludes: "GET (unknown path) of shop has authorization NONE",
        },
      ],
    },
    {
      // Only where a public-route pattern could cover the unknown path is the verdict UNKNOWN.
      name: "unknown_none_resource_elsewhere_public_pattern",
      options: { publicRoutes: [{ method: "GET", path: "/catalog/*" }] },
      stack: (s) => {
        const resource = new TerraformVariable(s, "catalog_resource_id", { type: "string" });
        const api = new TestApi(s, "catalog");
        api.route({
          id: "unknown_none_elsewhere",
          method: "GET",
          path: "/catalog",
          resourceId: resource.stringValue,
          authorization: "NONE",
        });
        // A POST is not covered by the GET-only pattern: FAIL whatever its path.
        api.route({
          id: "fail_post_elsewhere",
          method: "POST",
          path: "/catalog",
          resourceId: resource.stringValue,
          authorization: "NONE",
        });
      },
      results: [
        {
          resource: M("unknown_none_elsewhere"),
          status: "UNKNOWN",
          messageId: "unknown",
          messageIncludes: "var.catalog_resource_id",
        },
        { resource: M("fail_post_elsewhere"), status: "FAIL", messageId: "unauthorized" },
      ],
    },
    {
      name: "fail_http_api_routes",
      options: { publicRoutes: [{ method: "GET", path: "/catalog/*" }] },
      stack: (s) => {
        const api = new TestHttpApi(s, "shop-http", userPool(s, "customers"));
        api.route({ id: "pass_http_orders", routeKey: "GET /orders", scopes: ["shop/orders"] });
        api.route({ id: "fail_http_none", routeKey: "GET /orders/{orderId}", authorization: "NONE" });
        // The catch-all route serves every path, not only the public ones.
        api.route({ id: "fail_http_default_none", routeKey: "$default", authorization: "NONE" });
        // ANY serves POST too, which the GET-only public pattern does not cover.
        api.route({ id: "fail_http_any_catalog", routeKey: "ANY /catalog/{item}", authorization: "NONE" });
        api.route({ id: "pass_http_public", routeKey: "GET /catalog/{item}", authorization: "NONE" });
      },
      results: [
        {
          resource: R("fail_http_none"),
          status: "FAIL",
          messageId: "unauthorized",
          messageIncludes: "GET /orders/{orderId} of shop-http has authorization NONE",
        },
        { resource: R("fail_http_default_none"), status: "FAIL", messageId: "unauthorized" },
        { resource: R("fail_http_any_catalog"), status: "FAIL", messageId: "unauthorized" },
      ],
    },
    {
      name: "unknown_http_route_key_var",
      stack: (s) => {
        const key = new TerraformVariable(s, "route_key", { type: "string" });
        new TestHttpApi(s, "shop-http").route({
          id: "unknown_http_key",
          routeKey: key.stringValue,
          authorization: "NONE",
        });
      },
      results: [
        { resource: R("unknown_http_key"), status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.route_key" },
      ],
    },
    {
      name: "fail_public_order_tracking",
      stack: (s) => {
        const api = new TestApi(s, "shop", userPool(s, "customers"));
        api.route({ id: "pass_orders", method: "GET", path: "/orders", scopes: ["shop/orders"] });
        api.route({ id: "fail_order_tracking", method: "GET", path: "/orders/{orderId}", authorization: "NONE" });
      },
      results: [
        {
          resource: M("fail_order_tracking"),
          status: "FAIL",
          messageId: "unauthorized",
          messageIncludes: "GET /orders/{orderId} of shop has authorization NONE",
        },
      ],
    },
    {
      name: "fail_public_pattern_other_method",
      options: { publicRoutes: [{ method: "GET", path: "/catalog/*" }] },
      stack: (s) =>
        void new TestApi(s, "catalog").route({
          id: "fail_post_catalog",
          method: "POST",
          path: "/catalog/{itemId}",
          authorization: "NONE",
        }),
      results: [{ resource: M("fail_post_catalog"), status: "FAIL", messageId: "unauthorized" }],
    },
    {
      name: "unknown_authorization_var",
      stack: (s) => {
        const mode = new TerraformVariable(s, "auth_mode", { type: "string" });
        new TestApi(s, "shop").route({
          id: "unknown_authorization",
          method: "GET",
          path: "/orders",
          authorization: mode.stringValue,
        });
      },
      results: [
        {
          resource: M("unknown_authorization"),
          status: "UNKNOWN",
          messageId: "unknown",
          messageIncludes: "var.auth_mode",
        },
      ],
    },
  ],
});
