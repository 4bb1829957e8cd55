import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/refresh-token-lifetime.js";
import { client, consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

const hours = { tokenValidityUnits: [{ accessToken: "minutes", idToken: "minutes", refreshToken: "hours" }] };

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_12_hours",
      stack: (s) => client(s, "pass_12_hours", userPool(s, "staff"), { refreshTokenValidity: 12, ...hours }),
    },
    {
      name: "pass_consumer_30_days_default",
      stack: (s) => client(s, "pass_consumer_30_days_default", consumerPool(s, "shoppers")),
    },
    {
      name: "pass_consumer_7_days",
      stack: (s) => client(s, "pass_consumer_7_days", consumerPool(s, "shoppers"), { refreshTokenValidity: 7 }),
    },
  ],
  invalid: [
    {
      // A machine-to-machine client (client credentials, no user sign-in flow) gets no refresh token.
      name: "na_client_credentials",
      stack: (s) =>
        client(s, "na_client_credentials", userPool(s, "staff"), {
          generateSecret: true,
          allowedOauthFlowsUserPoolClient: true,
          allowedOauthFlows: ["client_credentials"],
          allowedOauthScopes: ["shop/orders"],
          explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
        }),
      results: [
        {
          resource: "na_client_credentials",
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          messageIncludes: "machine-to-machine client without user sign-in has no user session",
        },
      ],
    },
    {
      name: "fail_default_30_days_workforce",
      stack: (s) => client(s, "fail_default_30_days_workforce", userPool(s, "staff")),
      results: [
        {
          resource: "fail_default_30_days_workforce",
          status: "FAIL",
          messageId: "tooLong",
          messageIncludes: "30 days (refresh_token_validity not set: Cognito's default); at most 12 hours",
        },
      ],
    },
    {
      name: "fail_consumer_90_days",
      stack: (s) => client(s, "fail_consumer_90_days", consumerPool(s, "shoppers"), { refreshTokenValidity: 90 }),
      results: [
        {
          resource: "fail_consumer_90_days",
          status: "FAIL",
          messageId: "tooLong",
          messageIncludes:
            "90 days (refresh_token_validity = 90 with no token_validity_units.refresh_token, so days); at most 720 hours",
        },
      ],
    },
    {
      // A client credentials client that also keeps the default user sign-in flows does get refresh tokens.
      name: "fail_client_credentials_with_srp",
      stack: (s) =>
        client(s, "fail_client_credentials_with_srp", userPool(s, "staff"), {
          generateSecret: true,
          allowedOauthFlowsUserPoolClient: true,
          allowedOauthFlows: ["client_credentials"],
          allowedOauthScopes: ["shop/orders"],
        }),
      results: [{ resource: "fail_client_credentials_with_srp", status: "FAIL", messageId: "tooLong" }],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const validity = new TerraformVariable(s, "refresh_validity", { type: "number" });
        client(s, "unknown_var", userPool(s, "staff"), { refreshTokenValidity: validity.numberValue, ...hours });
      },
      results: [
        { resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.refresh_validity" },
      ],
    },
  ],
});
