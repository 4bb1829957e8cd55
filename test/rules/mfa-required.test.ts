import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/mfa-required.js";
import { consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

const totp = { softwareTokenMfaConfiguration: { enabled: true } };

RuleTester.run(rule, {
  valid: [
    { name: "pass_on_totp", stack: (s) => userPool(s, "pass_on_totp", { mfaConfiguration: "ON", ...totp }) },
    {
      name: "pass_consumer_optional",
      stack: (s) => consumerPool(s, "pass_consumer_optional", { mfaConfiguration: "OPTIONAL", ...totp }),
    },
  ],
  invalid: [
    {
      name: "fail_optional_workforce",
      stack: (s) => userPool(s, "fail_optional_workforce", { mfaConfiguration: "OPTIONAL", ...totp }),
      results: [
        {
          resource: "fail_optional_workforce",
          status: "FAIL",
          messageId: "notRequired",
          messageIncludes: "expected ON",
        },
      ],
    },
    {
      name: "fail_default_off",
      stack: (s) => consumerPool(s, "fail_default_off"),
      results: [{ resource: "fail_default_off", status: "FAIL", messageId: "notRequired", messageIncludes: "not set" }],
    },
    {
      name: "fail_consumer_on_required_by_policy",
      audienceOptions: { consumer: { allowed: ["ON"] } },
      stack: (s) => consumerPool(s, "fail_consumer_on_required_by_policy", { mfaConfiguration: "OPTIONAL", ...totp }),
      results: [{ resource: "fail_consumer_on_required_by_policy", status: "FAIL", messageId: "notRequired" }],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const mfa = new TerraformVariable(s, "mfa", { type: "string" });
        userPool(s, "unknown_var", { mfaConfiguration: mfa.stringValue, ...totp });
      },
      results: [{ resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.mfa" }],
    },
  ],
});
