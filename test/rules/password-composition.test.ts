import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/password-composition.js";
import { userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_numbers_lowercase",
      stack: (s) =>
        userPool(s, "pass_numbers_lowercase", {
          passwordPolicy: { minimumLength: 12, requireNumbers: true, requireLowercase: true },
        }),
    },
    { name: "pass_default_policy", stack: (s) => userPool(s, "pass_default_policy") },
    {
      name: "pass_all_classes",
      options: { requireAllClasses: true },
      stack: (s) =>
        userPool(s, "pass_all_classes", {
          passwordPolicy: {
            minimumLength: 12,
            requireNumbers: true,
            requireLowercase: true,
            requireUppercase: true,
            requireSymbols: true,
          },
        }),
    },
  ],
  invalid: [
    {
      name: "fail_no_numbers",
      stack: (s) =>
        userPool(s, "fail_no_numbers", {
          passwordPolicy: { minimumLength: 12, requireLowercase: true, requireUppercase: true },
        }),
      results: [{ resource: "fail_no_numbers", status: "FAIL", messageId: "weak", messageIncludes: "numbers" }],
    },
    {
      name: "fail_no_letters",
      stack: (s) => userPool(s, "fail_no_letters", { passwordPolicy: { minimumLength: 12, requireNumbers: true } }),
      results: [{ resource: "fail_no_letters", status: "FAIL", messageId: "weak", messageIncludes: "letters" }],
    },
    {
      name: "fail_no_symbols_all_classes",
      options: { requireAllClasses: true },
      stack: (s) =>
        userPool(s, "fail_no_symbols_all_classes", {
          passwordPolicy: { minimumLength: 12, requireNumbers: true, requireLowercase: true, requireUppercase: true },
        }),
      results: [
        { resource: "fail_no_symbols_all_classes", status: "FAIL", messageId: "weak", messageIncludes: "symbols" },
      ],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const numbers = new TerraformVariable(s, "require_numbers", { type: "bool" });
        userPool(s, "unknown_var", {
          passwordPolicy: { minimumLength: 12, requireNumbers: numbers.booleanValue, requireLowercase: true },
        });
      },
      results: [
        { resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.require_numbers" },
      ],
    },
  ],
});
