import { TerraformVariable } from "cdktf";
import { expect, it } from "vitest";
import rule from "../../checks/rules/refresh-token-rotation.js";
import { client, consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { runRule, RuleTester } from "../harness/rule-tester.js";

const rotation = {
  explicitAuthFlows: ["ALLOW_USER_SRP_AUTH"],
  refreshTokenRotation: [{ feature: "ENABLED", retryGracePeriodSeconds: 10 }],
};

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_consumer_rotated_30_days",
      stack: (s) =>
        client(s, "pass_consumer_rotated_30_days", consumerPool(s, "shoppers"), {
          refreshTokenValidity: 30,
          ...rotation,
        }),
    },
  ],
  invalid: [
    {
      name: "na_consumer_1_day",
      stack: (s) => client(s, "na_consumer_1_day", consumerPool(s, "shoppers"), { refreshTokenValidity: 1 }),
      results: [
        {
          resource: "na_consumer_1_day",
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          messageIncludes: "not longer than 24 hours",
        },
      ],
    },
    {
      name: "na_workforce",
      stack: (s) => client(s, "na_workforce", userPool(s, "staff"), { refreshTokenValidity: 30 }),
      results: [
        {
          resource: "na_workforce",
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          messageIncludes: "this client's pool is workforce",
        },
      ],
    },
    {
      name: "na_consumer_client_credentials",
      stack: (s) =>
        client(s, "na_consumer_client_credentials", consumerPool(s, "shoppers"), {
          generateSecret: true,
          allowedOauthFlowsUserPoolClient: true,
          allowedOauthFlows: ["client_credentials"],
          allowedOauthScopes: ["shop/orders"],
          explicitAuthFlows: [],
        }),
      results: [
        {
          resource: "na_consumer_client_credentials",
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          messageIncludes: "machine-to-machine client without user sign-in has no user session",
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
          messageId: "notRotated",
          messageIncludes:
            "90 days (refresh_token_validity = 90 with no token_validity_units.refresh_token, so days) without rotation (refresh_token_rotation.feature DISABLED (not set))",
        },
      ],
    },
    {
      name: "fail_consumer_default_30_days",
      stack: (s) => client(s, "fail_consumer_default_30_days", consumerPool(s, "shoppers")),
      results: [
        {
          resource: "fail_consumer_default_30_days",
          status: "FAIL",
          messageId: "notRotated",
          messageIncludes: "beyond 24 hours",
        },
      ],
    },
    {
      name: "fail_rotation_disabled",
      stack: (s) =>
        client(s, "fail_rotation_disabled", consumerPool(s, "shoppers"), {
          refreshTokenValidity: 7,
          refreshTokenRotation: [{ feature: "DISABLED" }],
        }),
      results: [
        {
          resource: "fail_rotation_disabled",
          status: "FAIL",
          messageId: "notRotated",
          messageIncludes: "(refresh_token_rotation.feature DISABLED);",
        },
      ],
    },
    {
      name: "fail_workforce_required_by_policy",
      audienceOptions: { workforce: { required: true } },
      stack: (s) => client(s, "fail_workforce_required_by_policy", userPool(s, "staff"), { refreshTokenValidity: 30 }),
      results: [{ resource: "fail_workforce_required_by_policy", status: "FAIL", messageId: "notRotated" }],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const feature = new TerraformVariable(s, "rotation", { type: "string" });
        client(s, "unknown_var", consumerPool(s, "shoppers"), {
          refreshTokenValidity: 30,
          explicitAuthFlows: ["ALLOW_USER_SRP_AUTH"],
          refreshTokenRotation: [{ feature: feature.stringValue }],
        });
      },
      results: [{ resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.rotation" }],
    },
  ],
});

it("refresh-token-rotation: workforce clients are NOT_APPLICABLE with the reason", () => {
  const [result] = runRule(rule, (s) => client(s, "admin", userPool(s, "staff"), { refreshTokenValidity: 30 }));
  expect(result?.status).toBe("NOT_APPLICABLE");
  expect(result?.message).toContain("this client's pool is workforce");
});
