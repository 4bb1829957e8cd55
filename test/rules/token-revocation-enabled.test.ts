import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/token-revocation-enabled.js";
import { client, userPool } from "../harness/cognito-fixtures.js";
import { m2mClient } from "../harness/client-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_enabled",
      stack: (s) => client(s, "pass_enabled", userPool(s, "staff"), { enableTokenRevocation: true }),
    },
    { name: "pass_default", stack: (s) => client(s, "pass_default", userPool(s, "staff")) },
  ],
  invalid: [
    {
      // A machine-to-machine client without user sign-in has no user session.
      name: "na_m2m_revocation",
      stack: (s) => m2mClient(s, "na_m2m_revocation", userPool(s, "staff"), { enableTokenRevocation: false }),
      results: [
        {
          resource: "na_m2m_revocation",
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          messageIncludes: "machine-to-machine client without user sign-in has no user session",
        },
      ],
    },
    {
      name: "fail_disabled",
      stack: (s) => client(s, "fail_disabled", userPool(s, "staff"), { enableTokenRevocation: false }),
      results: [
        {
          resource: "fail_disabled",
          status: "FAIL",
          messageId: "disabled",
          messageIncludes: "enable_token_revocation is false",
        },
      ],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const revocation = new TerraformVariable(s, "revocation", { type: "bool" });
        client(s, "unknown_var", userPool(s, "staff"), { enableTokenRevocation: revocation.booleanValue });
      },
      results: [
        { resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.revocation" },
      ],
    },
  ],
});
