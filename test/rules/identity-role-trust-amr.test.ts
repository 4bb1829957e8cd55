import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/identity-role-trust-amr.js";
import { attachRoles, identityPool, role, webIdentityTrust } from "../harness/cognito-fixtures.js";
import { AMR, AUD, boundRole, groupWithRole } from "../harness/identity-role-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

RuleTester.run(rule, {
  valid: [
    { name: "pass_authenticated", stack: (s) => void boundRole(s, "pass_authenticated") },
    { name: "pass_guest", stack: (s) => void boundRole(s, "pass_guest", { as: "unauthenticated" }) },
    {
      name: "pass_group_role",
      stack: (s) => {
        const created = boundRole(s, "pass_group_role");
        groupWithRole(s, "admins", created.arn);
      },
    },
  ],
  invalid: [
    {
      name: "fail_missing_amr",
      stack: (s) =>
        void boundRole(s, "fail_missing_amr", { trustCondition: (id) => ({ StringEquals: { [AUD]: id } }) }),
      results: [
        {
          resource: "fail_missing_amr",
          status: "FAIL",
          messageId: "missingAmr",
          messageIncludes: '"authenticated" is required',
        },
      ],
    },
    {
      name: "fail_guest_role_trusts_authenticated",
      stack: (s) =>
        void boundRole(s, "fail_guest_role_trusts_authenticated", {
          as: "unauthenticated",
          trustCondition: (id) => ({
            StringEquals: { [AUD]: id },
            "ForAnyValue:StringLike": { [AMR]: "authenticated" },
          }),
        }),
      results: [
        {
          resource: "fail_guest_role_trusts_authenticated",
          status: "FAIL",
          messageId: "wrongAmr",
          messageIncludes: 'must require amr "unauthenticated"',
        },
      ],
    },
    {
      name: "fail_wildcard_amr",
      stack: (s) =>
        void boundRole(s, "fail_wildcard_amr", {
          trustCondition: (id) => ({ StringEquals: { [AUD]: id }, "ForAnyValue:StringLike": { [AMR]: "*" } }),
        }),
      results: [{ resource: "fail_wildcard_amr", status: "FAIL", messageId: "wrongAmr", messageIncludes: "against *" }],
    },
    {
      name: "fail_for_all_values",
      stack: (s) =>
        void boundRole(s, "fail_for_all_values", {
          trustCondition: (id) => ({
            StringEquals: { [AUD]: id },
            "ForAllValues:StringLike": { [AMR]: "authenticated" },
          }),
        }),
      results: [
        {
          resource: "fail_for_all_values",
          status: "FAIL",
          messageId: "wrongAmr",
          messageIncludes: "ForAllValues:StringLike",
        },
      ],
    },
    {
      name: "fail_mixed",
      stack: (s) => {
        const pool = identityPool(s, "mixed-identities", { allowGuests: true });
        const shared = role(s, {
          name: "fail_mixed",
          trustPolicy: JSON.stringify(webIdentityTrust({ StringEquals: { [AUD]: pool.id } })),
        });
        attachRoles(s, pool, { authenticated: shared, unauthenticated: shared });
      },
      results: [{ resource: "fail_mixed", status: "FAIL", messageId: "mixedBindings" }],
    },
    {
      name: "fail_group_role_guest_amr",
      stack: (s) => {
        const created = role(s, {
          name: "fail_group_role_guest_amr",
          trustPolicy: JSON.stringify(webIdentityTrust({ "ForAnyValue:StringLike": { [AMR]: "unauthenticated" } })),
        });
        groupWithRole(s, "support", created.arn);
      },
      results: [
        {
          resource: "fail_group_role_guest_amr",
          status: "FAIL",
          messageId: "wrongAmr",
          messageIncludes: "user pool group support",
        },
      ],
    },
    {
      name: "unknown_var_amr",
      stack: (s) => {
        const amr = new TerraformVariable(s, "amr", { type: "string" });
        boundRole(s, "unknown_var_amr", {
          trustCondition: (id) => ({
            StringEquals: { [AUD]: id },
            "ForAnyValue:StringLike": { [AMR]: amr.stringValue },
          }),
        });
      },
      results: [
        { resource: "unknown_var_amr", status: "UNKNOWN", messageId: "unresolvedAmr", messageIncludes: "var.amr" },
      ],
    },
    {
      name: "unknown_role_outside_configuration",
      stack: (s) =>
        void groupWithRole(s, "unknown_role_outside_configuration", "arn:aws:iam::111122223333:role/elsewhere"),
      results: [
        {
          resource: "unknown_role_outside_configuration",
          status: "UNKNOWN",
          messageId: "unresolvedRole",
          messageIncludes: "role/elsewhere",
        },
      ],
    },
  ],
});
