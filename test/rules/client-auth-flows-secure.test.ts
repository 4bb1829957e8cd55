import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/client-auth-flows-secure.js";
import { client, userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_srp",
      stack: (s) =>
        client(s, "pass_srp", userPool(s, "staff"), {
          explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        }),
    },
    { name: "pass_default_flows", stack: (s) => client(s, "pass_default_flows", userPool(s, "staff")) },
  ],
  invalid: [
    {
      name: "fail_user_password",
      stack: (s) =>
        client(s, "fail_user_password", userPool(s, "staff"), {
          explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        }),
      results: [
        {
          resource: "fail_user_password",
          status: "FAIL",
          messageId: "plainPassword",
          messageIncludes: "allows ALLOW_USER_PASSWORD_AUTH,",
        },
      ],
    },
    {
      name: "fail_legacy_names",
      stack: (s) =>
        client(s, "fail_legacy_names", userPool(s, "staff"), {
          explicitAuthFlows: ["ADMIN_NO_SRP_AUTH", "USER_PASSWORD_AUTH"],
        }),
      results: [
        {
          resource: "fail_legacy_names",
          status: "FAIL",
          messageId: "plainPassword",
          messageIncludes: "ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH",
        },
      ],
    },
    {
      name: "fail_admin_user_password",
      stack: (s) =>
        client(s, "fail_admin_user_password", userPool(s, "staff"), {
          explicitAuthFlows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        }),
      results: [
        {
          resource: "fail_admin_user_password",
          status: "FAIL",
          messageId: "plainPassword",
          messageIncludes: "ALLOW_ADMIN_USER_PASSWORD_AUTH",
        },
      ],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const flows = new TerraformVariable(s, "auth_flows", { type: "list(string)" });
        client(s, "unknown_var", userPool(s, "staff"), { explicitAuthFlows: flows.listValue });
      },
      results: [
        { resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.auth_flows" },
      ],
    },
  ],
});
