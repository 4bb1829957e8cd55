import rule from "../../checks/rules/sso-session-lifetime.js";
import { CODE_CLIENT, liveClient, livePool, M2M_CLIENT, ssoSession } from "../harness/live-fixtures.js";
import { LiveRuleTester } from "../harness/live-rule-tester.js";

LiveRuleTester.run(rule, {
  valid: [
    {
      name: "pass_set_to_15",
      setup: async (idp) => {
        const pool = await livePool(idp, "staff");
        await ssoSession(idp, pool, await liveClient(idp, pool, "pass_set_to_15", CODE_CLIENT), 15);
      },
    },
    {
      // Consumer pools allow 60 minutes: the default passes.
      name: "pass_consumer_default",
      setup: async (idp) => {
        const pool = await livePool(idp, "shoppers", { audience: "consumer" });
        await liveClient(idp, pool, "pass_consumer_default", CODE_CLIENT);
      },
    },
  ],
  invalid: [
    {
      name: "fail_default_60",
      setup: async (idp) => {
        const pool = await livePool(idp, "staff");
        await liveClient(idp, pool, "fail_default_60", CODE_CLIENT);
      },
      results: [
        {
          resource: "fail_default_60",
          status: "FAIL",
          messageId: "tooLong",
          messageIncludes: "for 60 minutes without a new sign-in; at most 15",
        },
      ],
    },
    {
      name: "fail_consumer_one_day",
      setup: async (idp) => {
        const pool = await livePool(idp, "shoppers", { audience: "consumer" });
        await ssoSession(idp, pool, await liveClient(idp, pool, "fail_consumer_one_day", CODE_CLIENT), 1440);
      },
      results: [
        { resource: "fail_consumer_one_day", status: "FAIL", messageId: "tooLong", messageIncludes: "at most 60" },
      ],
    },
    {
      name: "na_no_managed_login",
      setup: async (idp) => {
        const pool = await livePool(idp, "staff");
        await liveClient(idp, pool, "na_no_managed_login", {
          ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        });
        await liveClient(idp, pool, "na_m2m", M2M_CLIENT);
      },
      results: [
        {
          resource: "na_no_managed_login",
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          messageIncludes: "managed login",
        },
        {
          resource: "na_m2m",
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          messageIncludes: "no user session",
        },
      ],
    },
    {
      name: "unknown_denied",
      denied: "GetUserPoolClientSessionConfigurationCommand",
      diagnostics: ["session configuration of app client"],
      setup: async (idp) => {
        const pool = await livePool(idp, "staff");
        await liveClient(idp, pool, "unknown_denied", CODE_CLIENT);
      },
      results: [
        { resource: "unknown_denied", status: "UNKNOWN", messageId: "unknown", messageIncludes: "access denied" },
      ],
    },
  ],
});
