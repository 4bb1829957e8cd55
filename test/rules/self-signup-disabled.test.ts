import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/self-signup-disabled.js";
import { consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { runRule, RuleTester } from "../harness/rule-tester.js";
import { expect, it } from "vitest";

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_admin_only",
      stack: (s) => userPool(s, "pass_admin_only", { adminCreateUserConfig: { allowAdminCreateUserOnly: true } }),
    },
  ],
  invalid: [
    {
      name: "na_consumer_self_signup",
      stack: (s) =>
        consumerPool(s, "na_consumer_self_signup", { adminCreateUserConfig: { allowAdminCreateUserOnly: false } }),
      results: [
        {
          resource: "na_consumer_self_signup",
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          messageIncludes: "consumer pools let shoppers register themselves",
        },
      ],
    },
    {
      name: "fail_self_signup",
      stack: (s) => userPool(s, "fail_self_signup", { adminCreateUserConfig: { allowAdminCreateUserOnly: false } }),
      results: [
        {
          resource: "fail_self_signup",
          status: "FAIL",
          messageId: "selfSignUp",
          messageIncludes: "on a workforce pool",
        },
      ],
    },
    {
      name: "fail_default",
      stack: (s) => userPool(s, "fail_default"),
      results: [{ resource: "fail_default", status: "FAIL", messageId: "selfSignUp", messageIncludes: "not set" }],
    },
    {
      name: "fail_business_customer",
      stack: (s) => userPool(s, "fail_business_customer", { tags: { "pci:audience": "business-customer" } }),
      results: [
        {
          resource: "fail_business_customer",
          status: "FAIL",
          messageId: "selfSignUp",
          messageIncludes: "business-customer",
        },
      ],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const adminOnly = new TerraformVariable(s, "admin_only", { type: "bool" });
        userPool(s, "unknown_var", { adminCreateUserConfig: { allowAdminCreateUserOnly: adminOnly.booleanValue } });
      },
      results: [
        { resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.admin_only" },
      ],
    },
  ],
});

it("self-signup-disabled: a consumer pool is NOT_APPLICABLE with the reason", () => {
  const [result] = runRule(rule, (s) => consumerPool(s, "shoppers"));
  expect(result?.status).toBe("NOT_APPLICABLE");
  expect(result?.message).toContain("consumer pools let shoppers register themselves");
});
