import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/password-history.js";
import { consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

const policy = (passwordHistorySize?: number) => ({
  passwordPolicy: {
    minimumLength: 14,
    requireLowercase: true,
    requireUppercase: true,
    requireNumbers: true,
    requireSymbols: true,
    ...(passwordHistorySize !== undefined ? { passwordHistorySize } : {}),
  },
});

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_history_4",
      stack: (s) => userPool(s, "pass_history_4", { userPoolTier: "ESSENTIALS", ...policy(4) }),
    },
    {
      name: "pass_history_24_plus",
      stack: (s) => userPool(s, "pass_history_24_plus", { userPoolTier: "PLUS", ...policy(24) }),
    },
    {
      name: "pass_history_2_by_option",
      options: { minimumHistory: 2 },
      stack: (s) => userPool(s, "pass_history_2_by_option", policy(2)),
    },
  ],
  invalid: [
    {
      name: "fail_no_history",
      stack: (s) => userPool(s, "fail_no_history", policy()),
      results: [
        {
          resource: "fail_no_history",
          status: "FAIL",
          messageId: "tooShort",
          messageIncludes: "history of 0 (not set: no history)",
        },
      ],
    },
    {
      name: "fail_no_password_policy",
      stack: (s) => consumerPool(s, "fail_no_password_policy"),
      results: [
        { resource: "fail_no_password_policy", status: "FAIL", messageId: "tooShort", messageIncludes: "at least 4" },
      ],
    },
    {
      name: "fail_history_3",
      stack: (s) => userPool(s, "fail_history_3", policy(3)),
      results: [
        { resource: "fail_history_3", status: "FAIL", messageId: "tooShort", messageIncludes: "history of 3;" },
      ],
    },
    {
      name: "fail_lite_tier",
      stack: (s) => userPool(s, "fail_lite_tier", { userPoolTier: "LITE", ...policy(5) }),
      results: [
        { resource: "fail_lite_tier", status: "FAIL", messageId: "tierTooLow", messageIncludes: "tier is LITE" },
      ],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const size = new TerraformVariable(s, "history", { type: "number" });
        userPool(s, "unknown_var", { passwordPolicy: { minimumLength: 14, passwordHistorySize: size.numberValue } });
      },
      results: [{ resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.history" }],
    },
  ],
});
