import { Wafv2WebAcl } from "@cdktf/provider-aws/lib/wafv2-web-acl/index.js";
import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association/index.js";
import { TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import rule from "../../checks/rules/waf-protection.js";
import { userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

function webAcl(scope: Construct): Wafv2WebAcl {
  const visibilityConfig = { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: "edge" };
  return new Wafv2WebAcl(scope, "edge", {
    name: "edge",
    scope: "REGIONAL",
    defaultAction: { allow: {} },
    visibilityConfig,
  });
}

function associate(scope: Construct, id: string, resourceArn: string, acl: Wafv2WebAcl): void {
  new Wafv2WebAclAssociation(scope, id, { resourceArn, webAclArn: acl.arn });
}

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_associated",
      stack: (s) => {
        const pool = userPool(s, "pass_associated");
        associate(s, "pool-waf", pool.arn, webAcl(s));
      },
    },
  ],
  invalid: [
    {
      name: "fail_missing",
      stack: (s) => {
        const acl = webAcl(s);
        associate(s, "covered-waf", userPool(s, "covered").arn, acl);
        userPool(s, "fail_missing");
        // A WAF in front of an API stage does not protect the pool.
        associate(s, "api-waf", "arn:aws:apigateway:eu-west-1::/restapis/abc123/stages/prod", acl);
      },
      results: [{ resource: "fail_missing", status: "FAIL", messageId: "missing" }],
    },
    {
      name: "unknown_target_var",
      stack: (s) => {
        const target = new TerraformVariable(s, "protected_arn", { type: "string" });
        userPool(s, "unknown_target_var");
        associate(s, "var-waf", target.stringValue, webAcl(s));
      },
      results: [
        {
          resource: "unknown_target_var",
          status: "UNKNOWN",
          messageId: "unresolvedAssociation",
          messageIncludes: "var.protected_arn",
        },
      ],
    },
  ],
});
