import { CognitoUserPoolClient } from "@cdktf/provider-aws/lib/cognito-user-pool-client/index.js";
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
    {
      // Choice-based sign-in on a passwordless pool: no PASSWORD challenge to answer.
      name: "pass_user_auth_passwordless",
      stack: (s) =>
        client(
          s,
          "pass_user_auth_passwordless",
          userPool(s, "staff", { signInPolicy: { allowedFirstAuthFactors: ["EMAIL_OTP", "WEB_AUTHN"] } }),
          { explicitAuthFlows: ["ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] },
        ),
    },
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
      name: "fail_user_auth_password_default",
      stack: (s) =>
        client(s, "fail_user_auth_password_default", userPool(s, "staff"), {
          explicitAuthFlows: ["ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        }),
      results: [
        {
          resource: "fail_user_auth_password_default",
          status: "FAIL",
          messageId: "choicePassword",
          messageIncludes: "PASSWORD is a first factor of its user pool (not set: PASSWORD only by default)",
        },
      ],
    },
    {
      name: "fail_user_auth_password_listed",
      stack: (s) =>
        client(
          s,
          "fail_user_auth_password_listed",
          userPool(s, "staff", { signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "WEB_AUTHN"] } }),
          { explicitAuthFlows: ["ALLOW_USER_AUTH"] },
        ),
      results: [
        {
          resource: "fail_user_auth_password_listed",
          status: "FAIL",
          messageId: "choicePassword",
          messageIncludes: "allows ALLOW_USER_AUTH while PASSWORD is a first factor of its user pool:",
        },
      ],
    },
    {
      name: "unknown_user_auth_factors_var",
      stack: (s) => {
        const factors = new TerraformVariable(s, "first_factors", { type: "list(string)" });
        client(
          s,
          "unknown_user_auth_factors_var",
          userPool(s, "staff", { signInPolicy: { allowedFirstAuthFactors: factors.listValue } }),
          { explicitAuthFlows: ["ALLOW_USER_AUTH"] },
        );
      },
      results: [
        {
          resource: "unknown_user_auth_factors_var",
          status: "UNKNOWN",
          messageId: "unknown",
          messageIncludes: "var.first_factors",
        },
      ],
    },
    {
      name: "unknown_user_auth_pool_var",
      stack: (s) => {
        const poolId = new TerraformVariable(s, "pool_id", { type: "string" });
        new CognitoUserPoolClient(s, "unknown_user_auth_pool_var", {
          name: "unknown_user_auth_pool_var",
          userPoolId: poolId.stringValue,
          explicitAuthFlows: ["ALLOW_USER_AUTH"],
        });
      },
      results: [
        {
          resource: "unknown_user_auth_pool_var",
          status: "UNKNOWN",
          messageId: "poolUnresolved",
          messageIncludes: "var.pool_id",
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
