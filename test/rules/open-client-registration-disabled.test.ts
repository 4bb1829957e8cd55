import rule from "../../checks/rules/open-client-registration-disabled.js";
import { livePool } from "../harness/live-fixtures.js";
import { LiveRuleTester } from "../harness/live-rule-tester.js";

LiveRuleTester.run(rule, {
  valid: [
    { name: "pass_no_dcr", setup: async (idp) => void (await livePool(idp, "pass_no_dcr")) },
    {
      // Open registration with its default grant (code only): no machine-to-machine client.
      name: "pass_open_code_only",
      setup: async (idp) =>
        void (await livePool(idp, "pass_open_code_only", { DcrConfiguration: { OpenDcrEnabled: true } })),
    },
    {
      name: "pass_disabled",
      setup: async (idp) =>
        void (await livePool(idp, "pass_disabled", {
          DcrConfiguration: {
            EnableStatus: "Disabled",
            OpenDcrEnabled: true,
            OpenDcrGrantTypes: ["client_credentials"],
          },
        })),
    },
  ],
  invalid: [
    {
      name: "fail_open_m2m",
      setup: async (idp) =>
        void (await livePool(idp, "fail_open_m2m", {
          DcrConfiguration: { OpenDcrEnabled: true, OpenDcrGrantTypes: ["code", "client_credentials"] },
        })),
      results: [{ resource: "fail_open_m2m", status: "FAIL", messageId: "open", messageIncludes: "without a token" }],
    },
    {
      name: "unknown_denied",
      denied: "DescribeUserPoolCommand",
      diagnostics: ["user pool"],
      setup: async (idp) => void (await livePool(idp, "unknown_denied")),
      results: [
        { resource: "unknown_denied", status: "UNKNOWN", messageId: "unknown", messageIncludes: "access denied" },
      ],
    },
  ],
});
