// The trust audience must be a reference to the identity pool the role is attached to, whichever
// way the policy was written: JSON.stringify with a token, Fn.jsonencode, or a policy document data source.

import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { Fn, TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import rule from "../../checks/rules/identity-role-trust-audience.js";
import { CognitoUserGroup } from "@cdktf/provider-aws/lib/cognito-user-group/index.js";
import { attachRoles, identityPool, role, userPool, webIdentityTrust } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

const AUD = "cognito-identity.amazonaws.com:aud";
const AMR = { "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" } };

/** A user pool group carrying a role (no identity pool of the stack hands it out) whose trust is given. */
function groupRole(scope: Construct, roleName: string, trust: string): void {
  const pool = userPool(scope, `${roleName}-pool`);
  const carried = role(scope, { name: roleName, trustPolicy: trust });
  new CognitoUserGroup(scope, `${roleName}-group`, { name: "admins", userPoolId: pool.id, roleArn: carried.arn });
}

/** An identity pool with an authenticated role whose trust policy the callback writes. */
function pooledRole(scope: Construct, roleName: string, trust: (poolId: string) => string): void {
  const pool = identityPool(scope, `${roleName}-identities`);
  attachRoles(scope, pool, { authenticated: role(scope, { name: roleName, trustPolicy: trust(pool.id) }) });
}

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_json_stringify",
      stack: (s) =>
        pooledRole(s, "pass_json_stringify", (poolId) =>
          JSON.stringify(webIdentityTrust({ StringEquals: { [AUD]: poolId }, ...AMR })),
        ),
    },
    {
      name: "pass_jsonencode",
      stack: (s) =>
        pooledRole(s, "pass_jsonencode", (poolId) =>
          Fn.jsonencode(webIdentityTrust({ StringEquals: { [AUD]: poolId }, ...AMR })),
        ),
    },
    {
      name: "pass_policy_document",
      stack: (s) =>
        pooledRole(
          s,
          "pass_policy_document",
          (poolId) =>
            new DataAwsIamPolicyDocument(s, "trust-doc", {
              statement: [
                {
                  effect: "Allow",
                  actions: ["sts:AssumeRoleWithWebIdentity"],
                  principals: [{ type: "Federated", identifiers: ["cognito-identity.amazonaws.com"] }],
                  condition: [
                    { test: "StringEquals", variable: AUD, values: [poolId] },
                    {
                      test: "ForAnyValue:StringLike",
                      variable: "cognito-identity.amazonaws.com:amr",
                      values: ["authenticated"],
                    },
                  ],
                },
              ],
            }).json,
        ),
    },
    {
      name: "pass_group_role_names_pool",
      stack: (s) =>
        groupRole(
          s,
          "pass_group_role_names_pool",
          JSON.stringify(
            webIdentityTrust({ StringEquals: { [AUD]: "eu-west-1:00000000-1111-2222-3333-444444444444" }, ...AMR }),
          ),
        ),
    },
  ],
  invalid: [
    {
      // RULES.md: group roles are judged by trust-audience too (issue 11).
      name: "fail_group_role_missing_aud",
      stack: (s) => groupRole(s, "fail_group_role_missing_aud", Fn.jsonencode(webIdentityTrust(AMR))),
      results: [{ resource: "fail_group_role_missing_aud", status: "FAIL", messageId: "missingAudience" }],
    },
    {
      name: "fail_missing_aud",
      stack: (s) => pooledRole(s, "fail_missing_aud", () => Fn.jsonencode(webIdentityTrust(AMR))),
      results: [{ resource: "fail_missing_aud", status: "FAIL", messageId: "missingAudience" }],
    },
    {
      name: "fail_no_condition_json",
      stack: (s) => pooledRole(s, "fail_no_condition_json", () => JSON.stringify(webIdentityTrust(undefined))),
      results: [{ resource: "fail_no_condition_json", status: "FAIL", messageId: "missingAudience" }],
    },
    {
      name: "fail_wildcard_aud",
      stack: (s) =>
        pooledRole(s, "fail_wildcard_aud", () =>
          JSON.stringify(webIdentityTrust({ StringLike: { [AUD]: "*" }, ...AMR })),
        ),
      results: [{ resource: "fail_wildcard_aud", status: "FAIL", messageId: "wildcardAudience" }],
    },
    {
      name: "fail_other_pool",
      stack: (s) => {
        const other = identityPool(s, "other-identities");
        pooledRole(s, "fail_other_pool", () =>
          Fn.jsonencode(webIdentityTrust({ StringEquals: { [AUD]: other.id }, ...AMR })),
        );
      },
      results: [
        { resource: "fail_other_pool", status: "FAIL", messageId: "otherPool", messageIncludes: "other-identities" },
      ],
    },
    {
      name: "fail_literal_other_pool_id",
      stack: (s) =>
        pooledRole(s, "fail_literal_other_pool_id", () =>
          JSON.stringify(
            webIdentityTrust({ StringEquals: { [AUD]: "eu-west-1:00000000-1111-2222-3333-444444444444" } }),
          ),
        ),
      results: [{ resource: "fail_literal_other_pool_id", status: "FAIL", messageId: "otherPool" }],
    },
    {
      name: "unknown_var_aud",
      stack: (s) => {
        const aud = new TerraformVariable(s, "trusted_pool", { type: "string" });
        pooledRole(s, "unknown_var_aud", () =>
          JSON.stringify(webIdentityTrust({ StringEquals: { [AUD]: aud.stringValue } })),
        );
      },
      results: [
        {
          resource: "unknown_var_aud",
          status: "UNKNOWN",
          messageId: "unresolvedAudience",
          messageIncludes: "var.trusted_pool",
        },
      ],
    },
  ],
});
