import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/api-methods-authorized.js";
import { TestApi } from "../harness/api-fixtures.js";
import { userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

const M = (id: string) => `aws_api_gateway_method.${id}`;

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
  ],
  invalid: [
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
