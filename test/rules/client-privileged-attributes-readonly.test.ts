import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/client-privileged-attributes-readonly.js";
import { client, consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

const attribute = (name: string, mutable: boolean) => ({
  name,
  attributeDataType: "String",
  mutable,
  stringAttributeConstraints: { minLength: "0", maxLength: "64" },
});
const withTier = (mutable = true) => ({ schema: [attribute("tier", mutable), attribute("loyalty_id", true)] });

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_explicit_without_tier",
      stack: (s) =>
        client(s, "pass_explicit_without_tier", consumerPool(s, "shoppers", withTier()), {
          writeAttributes: ["email", "name", "custom:loyalty_id"],
        }),
    },
    // Unset write_attributes: the standard attributes only (CreateUserPoolClient), whatever custom ones the pool has.
    {
      name: "pass_unset_mutable_tier",
      stack: (s) => client(s, "pass_unset_mutable_tier", consumerPool(s, "shoppers", withTier())),
    },
    // Whole words: "tier" is not a word of "frontier", nor "plan" of "planet".
    {
      name: "pass_not_whole_words",
      stack: (s) =>
        client(s, "pass_not_whole_words", userPool(s, "staff"), {
          writeAttributes: ["name", "custom:frontier", "custom:planet_name"],
        }),
    },
  ],
  invalid: [
    {
      name: "fail_lists_custom_tier",
      stack: (s) =>
        client(s, "fail_lists_custom_tier", consumerPool(s, "shoppers", withTier()), {
          writeAttributes: ["email", "name", "custom:tier"],
        }),
      results: [
        {
          resource: "fail_lists_custom_tier",
          status: "FAIL",
          messageId: "listed",
          messageIncludes: "lists custom:tier in write_attributes",
        },
      ],
    },
    {
      name: "fail_word_in_snake_and_camel_case",
      stack: (s) =>
        client(s, "fail_word_in_snake_and_camel_case", userPool(s, "staff"), {
          writeAttributes: ["name", "custom:loyalty_tier", "custom:loyaltyTier", "custom:ADMINRole", "custom:tier2"],
        }),
      results: [
        {
          resource: "fail_word_in_snake_and_camel_case",
          status: "FAIL",
          messageId: "listed",
          messageIncludes:
            "lists custom:loyalty_tier, custom:loyaltyTier, custom:ADMINRole, custom:tier2 in write_attributes",
        },
      ],
    },
    {
      name: "fail_entitlements_default_pattern",
      stack: (s) =>
        client(s, "fail_entitlements_default_pattern", userPool(s, "staff"), {
          writeAttributes: ["custom:userEntitlements"],
        }),
      results: [
        {
          resource: "fail_entitlements_default_pattern",
          status: "FAIL",
          messageId: "listed",
          messageIncludes: "custom:userEntitlements",
        },
      ],
    },
    {
      name: "fail_custom_pattern",
      options: { patterns: ["*_admin", "org_*"] },
      stack: (s) =>
        client(s, "fail_custom_pattern", userPool(s, "staff"), { writeAttributes: ["name", "custom:Org_Unit"] }),
      results: [
        { resource: "fail_custom_pattern", status: "FAIL", messageId: "listed", messageIncludes: "custom:Org_Unit" },
      ],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const writable = new TerraformVariable(s, "writable", { type: "list(string)" });
        client(s, "unknown_var", userPool(s, "staff"), { writeAttributes: writable.listValue });
      },
      results: [{ resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.writable" }],
    },
  ],
});
