import { AddUserPoolClientSecretCommand } from "@aws-sdk/client-cognito-identity-provider";
import rule from "../../checks/rules/m2m-client-secret-age.js";
import { CODE_CLIENT, liveClient, livePool, M2M_CLIENT } from "../harness/live-fixtures.js";
import { LiveRuleTester } from "../harness/live-rule-tester.js";

LiveRuleTester.run(rule, {
  valid: [
    {
      name: "pass_new_secret",
      setup: async (idp) => {
        await liveClient(idp, await livePool(idp, "services"), "pass_new_secret", M2M_CLIENT);
      },
    },
    {
      // 300 days on: younger than the default 365.
      name: "pass_within_a_year",
      daysLater: 300,
      setup: async (idp) => {
        await liveClient(idp, await livePool(idp, "services"), "pass_within_a_year", M2M_CLIENT);
      },
    },
  ],
  invalid: [
    {
      // A year and a month on, both secrets of a client mid-rotation are too old.
      name: "fail_two_secrets_too_old",
      daysLater: 400,
      setup: async (idp) => {
        const pool = await livePool(idp, "services");
        const client = await liveClient(idp, pool, "fail_two_secrets_too_old", M2M_CLIENT);
        await idp.send(new AddUserPoolClientSecretCommand({ UserPoolId: pool, ClientId: client }));
      },
      results: [
        {
          resource: "fail_two_secrets_too_old",
          status: "FAIL",
          messageId: "tooOld",
          messageIncludes: "days old (created ",
        },
      ],
    },
    {
      name: "fail_policy_90_days",
      daysLater: 100,
      options: { maxAgeDays: 90 },
      setup: async (idp) => {
        await liveClient(idp, await livePool(idp, "services"), "fail_policy_90_days", M2M_CLIENT);
      },
      results: [
        { resource: "fail_policy_90_days", status: "FAIL", messageId: "tooOld", messageIncludes: "within 90 days" },
      ],
    },
    {
      name: "na_user_client",
      setup: async (idp) => {
        await liveClient(idp, await livePool(idp, "staff"), "na_user_client", { ...CODE_CLIENT, GenerateSecret: true });
      },
      results: [{ resource: "na_user_client", status: "NOT_APPLICABLE", messageId: "notApplicable" }],
    },
    {
      name: "unknown_denied",
      denied: "ListUserPoolClientSecretsCommand",
      diagnostics: ["client secrets of app client"],
      setup: async (idp) => {
        await liveClient(idp, await livePool(idp, "services"), "unknown_denied", M2M_CLIENT);
      },
      results: [
        { resource: "unknown_denied", status: "UNKNOWN", messageId: "unknown", messageIncludes: "access denied" },
      ],
    },
  ],
});
