import { Wafv2WebAcl } from "@cdktf/provider-aws/lib/wafv2-web-acl/index.js";
import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association/index.js";
import { ApiGatewayStage } from "@cdktf/provider-aws/lib/api-gateway-stage/index.js";
import { TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import rule from "../../checks/rules/api-waf-protection.js";
import { restStage, TestApi, TestHttpApi } from "../harness/api-fixtures.js";
import { userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

const S = (id: string) => `aws_api_gateway_stage.${id}`;
const H = (id: string) => `aws_apigatewayv2_stage.${id}`;

function webAcl(scope: Construct): Wafv2WebAcl {
  const visibilityConfig = { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: "api" };
  return new Wafv2WebAcl(scope, "api-acl", {
    name: "api",
    scope: "REGIONAL",
    defaultAction: { allow: {} },
    visibilityConfig,
  });
}

/** A REST API serving one route at `path`, deployed to a stage named `stageId`. */
function restApi(scope: Construct, name: string, stageId: string, path: string): ApiGatewayStage {
  const api = new TestApi(scope, name, userPool(scope, `${name}-users`));
  const method = api.route({ id: `${name}-method`, method: "POST", path, scopes: ["shop/checkout"] });
  return restStage(scope, stageId, api, [method]);
}

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_rest_stage_with_web_acl",
      stack: (s) => {
        const stage = restApi(s, "shop", "pass_rest_stage", "/checkout");
        new Wafv2WebAclAssociation(s, "stage-waf", { resourceArn: stage.arn, webAclArn: webAcl(s).arn });
      },
    },
  ],
  invalid: [
    {
      name: "fail_rest_stage_without_web_acl",
      stack: (s) => {
        restApi(s, "shop", "fail_rest_stage", "/checkout");
        // Not deployed: an API without a stage gets no result.
        new TestApi(s, "draft", userPool(s, "draft-users")).route({
          id: "draft-method",
          method: "POST",
          path: "/checkout",
          scopes: ["shop/checkout"],
        });
      },
      results: [
        {
          resource: S("fail_rest_stage"),
          status: "FAIL",
          messageId: "missing",
          messageIncludes: "serves sensitive route POST /checkout",
        },
      ],
    },
    {
      name: "na_stage_without_sensitive_route",
      stack: (s) => void restApi(s, "catalog", "na_catalog_stage", "/catalog"),
      results: [{ resource: S("na_catalog_stage"), status: "NOT_APPLICABLE", messageId: "notApplicable" }],
    },
    {
      name: "unknown_http_api_stage",
      stack: (s) => {
        const api = new TestHttpApi(s, "shop-http", userPool(s, "customers"));
        api.route({ id: "http-checkout", routeKey: "POST /checkout", scopes: ["shop/checkout"] });
        api.stage("unknown_http_stage");
        const catalog = new TestHttpApi(s, "catalog-http");
        catalog.route({ id: "http-catalog", routeKey: "GET /catalog", authorization: "NONE" });
        catalog.stage("na_http_catalog_stage");
      },
      results: [
        {
          resource: H("unknown_http_stage"),
          status: "UNKNOWN",
          messageId: "httpApi",
          messageIncludes: "verify the CloudFront distribution in front of it",
        },
        { resource: H("na_http_catalog_stage"), status: "NOT_APPLICABLE", messageId: "notApplicable" },
      ],
    },
    {
      name: "unknown_stage_api_elsewhere",
      stack: (s) => {
        const apiId = new TerraformVariable(s, "rest_api_id", { type: "string" });
        new ApiGatewayStage(s, "unknown_stage_api_var", {
          restApiId: apiId.stringValue,
          deploymentId: "abc123",
          stageName: "prod",
        });
      },
      results: [
        {
          resource: S("unknown_stage_api_var"),
          status: "UNKNOWN",
          messageId: "unresolvedApi",
          messageIncludes: "var.rest_api_id",
        },
      ],
    },
    {
      name: "unknown_association_target_var",
      stack: (s) => {
        restApi(s, "shop", "unknown_stage_association", "/checkout");
        const target = new TerraformVariable(s, "protected_arn", { type: "string" });
        new Wafv2WebAclAssociation(s, "var-waf", { resourceArn: target.stringValue, webAclArn: webAcl(s).arn });
      },
      results: [
        {
          resource: S("unknown_stage_association"),
          status: "UNKNOWN",
          messageId: "unresolvedAssociation",
          messageIncludes: "var.protected_arn",
        },
      ],
    },
  ],
});
