import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/access-token-lifetime.js";
import { client, consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { m2mClient } from "../harness/client-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

const minutes = { tokenValidityUnits: [{ accessToken: "minutes", idToken: "minutes", refreshToken: "hours" }] };

RuleTester.run(rule, {
  valid: [
    {
      // A machine-to-machine client without user sign-in: 60 minutes, even on a workforce pool.
      name: "pass_m2m_60_minutes",
      stack: (s) =>
        m2mClient(s, "pass_m2m_60_minutes", userPool(s, "staff"), {
          accessTokenValidity: 60,
          tokenValidityUnits: [{ accessToken: "minutes" }],
        }),
    },
    {
      name: "pass_15_minutes",
      stack: (s) => client(s, "pass_15_minutes", userPool(s, "staff"), { accessTokenValidity: 15, ...minutes }),
    },
    {
      name: "pass_consumer_60_minutes",
      stack: (s) =>
        client(s, "pass_consumer_60_minutes", consumerPool(s, "shoppers"), { accessTokenValidity: 60, ...minutes }),
    },
    {
      name: "pass_consumer_1_hour_default_unit",
      stack: (s) =>
        client(s, "pass_consumer_1_hour_default_unit", consumerPool(s, "shoppers"), { accessTokenValidity: 1 }),
    },
  ],
  invalid: [
    {
      name: "fail_m2m_default_2_hours",
      stack: (s) => m2mClient(s, "fail_m2m_default_2_hours", userPool(s, "staff"), { accessTokenValidity: 2 }),
      results: [
        {
          resource: "fail_m2m_default_2_hours",
          status: "FAIL",
          messageId: "tooLong",
          messageIncludes: "at most 60 minutes",
        },
      ],
    },
    {
      // Also signs users in (SRP): the workforce pool's 15 minutes apply.
      name: "fail_m2m_with_user_sign_in",
      stack: (s) =>
        m2mClient(s, "fail_m2m_with_user_sign_in", userPool(s, "staff"), {
          explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
          accessTokenValidity: 60,
          tokenValidityUnits: [{ accessToken: "minutes" }],
        }),
      results: [
        {
          resource: "fail_m2m_with_user_sign_in",
          status: "FAIL",
          messageId: "tooLong",
          messageIncludes: "at most 15 minutes",
        },
      ],
    },
    {
      // Whether the client signs users in is unknown, and only the pool's limit fails it.
      name: "unknown_m2m_flows_var",
      stack: (s) => {
        const flows = new TerraformVariable(s, "auth_flows", { type: "list(string)" });
        m2mClient(s, "unknown_m2m_flows_var", userPool(s, "staff"), {
          explicitAuthFlows: flows.listValue,
          accessTokenValidity: 60,
          tokenValidityUnits: [{ accessToken: "minutes" }],
        });
      },
      results: [
        {
          resource: "unknown_m2m_flows_var",
          status: "UNKNOWN",
          messageId: "unknown",
          messageIncludes: "var.auth_flows",
        },
      ],
    },
    {
      // 12 with no token_validity_units is 12 hours, not 12 minutes: it fails the consumer 60-minute threshold.
      name: "fail_12_no_units",
      stack: (s) => client(s, "fail_12_no_units", consumerPool(s, "shoppers"), { accessTokenValidity: 12 }),
      results: [{ resource: "fail_12_no_units", status: "FAIL", messageId: "tooLong", messageIncludes: "12 hours" }],
    },
    {
      name: "fail_default_60_minutes_workforce",
      stack: (s) => client(s, "fail_default_60_minutes_workforce", userPool(s, "staff")),
      results: [
        {
          resource: "fail_default_60_minutes_workforce",
          status: "FAIL",
          messageId: "tooLong",
          messageIncludes: "Cognito's default",
        },
      ],
    },
    {
      name: "fail_30_minutes_workforce",
      stack: (s) =>
        client(s, "fail_30_minutes_workforce", userPool(s, "staff"), { accessTokenValidity: 30, ...minutes }),
      results: [
        {
          resource: "fail_30_minutes_workforce",
          status: "FAIL",
          messageId: "tooLong",
          messageIncludes: "at most 15 minutes",
        },
      ],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const validity = new TerraformVariable(s, "access_validity", { type: "number" });
        client(s, "unknown_var", userPool(s, "staff"), { accessTokenValidity: validity.numberValue, ...minutes });
      },
      results: [
        { resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.access_validity" },
      ],
    },
  ],
});
