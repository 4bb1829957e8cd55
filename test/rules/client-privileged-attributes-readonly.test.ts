import { CognitoUserPoolClient } from "@cdktf/provider-aws/lib/cognito-user-pool-client/index.js";
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
    // Unset write_attributes, but the pool has no authorization-relevant custom attribute.
    {
      name: "pass_unset_no_privileged",
      stack: (s) =>
        client(s, "pass_unset_no_privileged", userPool(s, "staff", { schema: [attribute("employee_id", true)] })),
    },
    // Immutable custom:tier on an admin-only pool: set once by administrators, never by users.
    {
      name: "pass_unset_immutable_admin_only",
      stack: (s) =>
        client(
          s,
          "pass_unset_immutable_admin_only",
          userPool(s, "staff", { ...withTier(false), adminCreateUserConfig: { allowAdminCreateUserOnly: true } }),
        ),
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
      name: "fail_unset_mutable_tier",
      stack: (s) => client(s, "fail_unset_mutable_tier", consumerPool(s, "shoppers", withTier())),
      results: [
        {
          resource: "fail_unset_mutable_tier",
          status: "FAIL",
          messageId: "allWritable",
          messageIncludes: "including custom:tier of its user pool",
        },
      ],
    },
    {
      // Immutable attributes are written once, at sign-up, by whoever signs up.
      name: "fail_unset_immutable_self_signup",
      stack: (s) =>
        client(
          s,
          "fail_unset_immutable_self_signup",
          consumerPool(s, "shoppers", { schema: [attribute("role", false)] }),
        ),
      results: [
        {
          resource: "fail_unset_immutable_self_signup",
          status: "FAIL",
          messageId: "allWritable",
          messageIncludes: "custom:role (immutable) of its user pool, which users set themselves at self sign-up",
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
    {
      name: "unknown_pool_var",
      stack: (s) => {
        const poolId = new TerraformVariable(s, "pool_id", { type: "string" });
        new CognitoUserPoolClient(s, "unknown_pool_var", { name: "unknown_pool_var", userPoolId: poolId.stringValue });
      },
      results: [
        {
          resource: "unknown_pool_var",
          status: "UNKNOWN",
          messageId: "poolUnresolved",
          messageIncludes: "var.pool_id",
        },
      ],
    },
  ],
});
