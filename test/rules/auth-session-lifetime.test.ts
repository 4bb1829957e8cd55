import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/auth-session-lifetime.js";
import { client, userPool } from "../harness/cognito-fixtures.js";
import { m2mClient } from "../harness/client-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

RuleTester.run(rule, {
  valid: [
    { name: "pass_default_3", stack: (s) => client(s, "pass_default_3", userPool(s, "staff")) },
    { name: "pass_5", stack: (s) => client(s, "pass_5", userPool(s, "staff"), { authSessionValidity: 5 }) },
  ],
  invalid: [
    {
      // A machine-to-machine client without user sign-in has no user session.
      name: "na_m2m_auth_session",
      stack: (s) => m2mClient(s, "na_m2m_auth_session", userPool(s, "staff"), { authSessionValidity: 15 }),
      results: [
        {
          resource: "na_m2m_auth_session",
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          messageIncludes: "machine-to-machine client without user sign-in has no user session",
        },
      ],
    },
    {
      name: "fail_15",
      stack: (s) => client(s, "fail_15", userPool(s, "staff"), { authSessionValidity: 15 }),
      results: [
        {
          resource: "fail_15",
          status: "FAIL",
          messageId: "tooLong",
          messageIncludes: "open for 15 minutes between challenges; at most 5",
        },
      ],
    },
    {
      name: "fail_5_by_option",
      options: { maxMinutes: 3 },
      stack: (s) => client(s, "fail_5_by_option", userPool(s, "staff"), { authSessionValidity: 5 }),
      results: [{ resource: "fail_5_by_option", status: "FAIL", messageId: "tooLong", messageIncludes: "at most 3" }],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const minutes = new TerraformVariable(s, "session", { type: "number" });
        client(s, "unknown_var", userPool(s, "staff"), { authSessionValidity: minutes.numberValue });
      },
      results: [{ resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.session" }],
    },
  ],
});
