import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/m2m-client-no-user-flows.js";
import { client, userPool } from "../harness/cognito-fixtures.js";
import { m2mClient } from "../harness/client-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

RuleTester.run(rule, {
  valid: [
    { name: "pass_m2m", stack: (s) => m2mClient(s, "pass_m2m", userPool(s, "staff")) },
    {
      name: "pass_m2m_beside_web",
      stack: (s) => {
        const pool = userPool(s, "staff");
        m2mClient(s, "pass_m2m_beside_web", pool);
        client(s, "web", pool, { explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] });
      },
    },
  ],
  invalid: [
    {
      name: "fail_default_flows",
      stack: (s) => {
        const pool = userPool(s, "staff");
        m2mClient(s, "fail_default_flows", pool, { explicitAuthFlows: undefined });
      },
      results: [
        {
          resource: "fail_default_flows",
          status: "FAIL",
          messageId: "userFlows",
          messageIncludes: "ALLOW_USER_SRP_AUTH, ALLOW_CUSTOM_AUTH (explicit_auth_flows not set: AWS's default flows)",
        },
      ],
    },
    {
      name: "fail_srp_too",
      stack: (s) =>
        m2mClient(s, "fail_srp_too", userPool(s, "staff"), {
          explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        }),
      results: [
        { resource: "fail_srp_too", status: "FAIL", messageId: "userFlows", messageIncludes: "ALLOW_USER_SRP_AUTH" },
      ],
    },
    {
      name: "fail_code_too",
      stack: (s) =>
        m2mClient(s, "fail_code_too", userPool(s, "staff"), {
          allowedOauthFlows: ["code", "client_credentials"],
          callbackUrls: ["https://admin.example.com/callback"],
        }),
      results: [{ resource: "fail_code_too", status: "FAIL", messageId: "userFlows", messageIncludes: "through code" }],
    },
    {
      name: "na_user_client",
      stack: (s) =>
        client(s, "na_user_client", userPool(s, "staff"), {
          allowedOauthFlowsUserPoolClient: true,
          allowedOauthFlows: ["code"],
          allowedOauthScopes: ["openid"],
          callbackUrls: ["https://shop.example.com/callback"],
        }),
      results: [{ resource: "na_user_client", status: "NOT_APPLICABLE", messageId: "notApplicable" }],
    },
    {
      name: "unknown_flows_var",
      stack: (s) => {
        const flows = new TerraformVariable(s, "oauth_flows", { type: "list(string)" });
        m2mClient(s, "unknown_flows_var", userPool(s, "staff"), { allowedOauthFlows: flows.listValue });
      },
      results: [
        { resource: "unknown_flows_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.oauth_flows" },
      ],
    },
    {
      name: "unknown_explicit_var",
      stack: (s) => {
        const flows = new TerraformVariable(s, "auth_flows", { type: "list(string)" });
        m2mClient(s, "unknown_explicit_var", userPool(s, "staff"), { explicitAuthFlows: flows.listValue });
      },
      results: [
        {
          resource: "unknown_explicit_var",
          status: "UNKNOWN",
          messageId: "unknown",
          messageIncludes: "var.auth_flows",
        },
      ],
    },
  ],
});
