import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/id-token-lifetime.js";
import { client, consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { m2mClient } from "../harness/client-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

const minutes = { tokenValidityUnits: [{ accessToken: "minutes", idToken: "minutes", refreshToken: "hours" }] };

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_15_minutes",
      stack: (s) => client(s, "pass_15_minutes", userPool(s, "staff"), { idTokenValidity: 15, ...minutes }),
    },
    {
      name: "pass_consumer_60_minutes",
      stack: (s) =>
        client(s, "pass_consumer_60_minutes", consumerPool(s, "shoppers"), { idTokenValidity: 60, ...minutes }),
    },
    { name: "pass_consumer_default", stack: (s) => client(s, "pass_consumer_default", consumerPool(s, "shoppers")) },
  ],
  invalid: [
    {
      // A machine-to-machine client without user sign-in has no user session.
      name: "na_m2m_id_token",
      stack: (s) => m2mClient(s, "na_m2m_id_token", userPool(s, "staff"), { idTokenValidity: 24 }),
      results: [
        {
          resource: "na_m2m_id_token",
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          messageIncludes: "machine-to-machine client without user sign-in has no user session",
        },
      ],
    },
    {
      // 12 with no token_validity_units is 12 hours.
      name: "fail_12_no_units",
      stack: (s) => client(s, "fail_12_no_units", consumerPool(s, "shoppers"), { idTokenValidity: 12 }),
      results: [
        {
          resource: "fail_12_no_units",
          status: "FAIL",
          messageId: "tooLong",
          messageIncludes: "12 hours (id_token_validity = 12 with no token_validity_units.id_token, so hours)",
        },
      ],
    },
    {
      name: "fail_default_workforce",
      stack: (s) => client(s, "fail_default_workforce", userPool(s, "staff")),
      results: [
        {
          resource: "fail_default_workforce",
          status: "FAIL",
          messageId: "tooLong",
          messageIncludes: "60 minutes (id_token_validity not set: Cognito's default)",
        },
      ],
    },
    {
      name: "fail_1_hour_workforce",
      stack: (s) =>
        client(s, "fail_1_hour_workforce", userPool(s, "staff"), {
          idTokenValidity: 1,
          tokenValidityUnits: [{ idToken: "hours" }],
        }),
      results: [
        {
          resource: "fail_1_hour_workforce",
          status: "FAIL",
          messageId: "tooLong",
          messageIncludes: "1 hour; at most 15 minutes",
        },
      ],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const validity = new TerraformVariable(s, "id_validity", { type: "number" });
        client(s, "unknown_var", userPool(s, "staff"), { idTokenValidity: validity.numberValue, ...minutes });
      },
      results: [
        { resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.id_validity" },
      ],
    },
  ],
});
