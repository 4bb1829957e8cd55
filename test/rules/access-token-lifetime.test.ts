import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/access-token-lifetime.js";
import { client, consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

const minutes = { tokenValidityUnits: [{ accessToken: "minutes", idToken: "minutes", refreshToken: "hours" }] };

RuleTester.run(rule, {
  valid: [
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
