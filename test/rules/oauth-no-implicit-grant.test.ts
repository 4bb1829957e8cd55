import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/oauth-no-implicit-grant.js";
import { client, userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

const oauth = (flows: string[]) => ({
  allowedOauthFlowsUserPoolClient: true,
  allowedOauthFlows: flows,
  allowedOauthScopes: ["openid"],
  callbackUrls: ["https://www.example.com/cb"],
});

RuleTester.run(rule, {
  valid: [
    { name: "pass_code", stack: (s) => client(s, "pass_code", userPool(s, "staff"), oauth(["code"])) },
    { name: "pass_no_oauth", stack: (s) => client(s, "pass_no_oauth", userPool(s, "staff")) },
  ],
  invalid: [
    {
      name: "fail_code_and_implicit",
      stack: (s) => client(s, "fail_code_and_implicit", userPool(s, "staff"), oauth(["code", "implicit"])),
      results: [
        {
          resource: "fail_code_and_implicit",
          status: "FAIL",
          messageId: "implicit",
          messageIncludes: "allowed_oauth_flows: code, implicit",
        },
      ],
    },
    {
      name: "fail_implicit_only",
      stack: (s) => client(s, "fail_implicit_only", userPool(s, "staff"), oauth(["implicit"])),
      results: [{ resource: "fail_implicit_only", status: "FAIL", messageId: "implicit" }],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const flows = new TerraformVariable(s, "flows", { type: "list(string)" });
        client(s, "unknown_var", userPool(s, "staff"), { ...oauth([]), allowedOauthFlows: flows.listValue });
      },
      results: [{ resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.flows" }],
    },
  ],
});
