import { CognitoIdentityPool } from "@cdktf/provider-aws/lib/cognito-identity-pool/index.js";
import { CognitoUserGroup } from "@cdktf/provider-aws/lib/cognito-user-group/index.js";
import { TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import rule from "../../checks/rules/identity-role-session-duration.js";
import { client, consumerPool, role, webIdentityTrust } from "../harness/cognito-fixtures.js";
import { AMR, boundRole, groupWithRole } from "../harness/identity-role-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

/** A role carried by a group of a user pool that an identity pool federates (token-based role mapping). */
function groupRoleFederated(
  scope: Construct,
  roleName: string,
  classicFlow: boolean,
  maxSessionDuration: number,
): void {
  const pool = consumerPool(scope, `${roleName}-users`);
  const web = client(scope, `${roleName}-web`, pool);
  new CognitoIdentityPool(scope, `${roleName}-identities`, {
    identityPoolName: `${roleName}-identities`,
    allowClassicFlow: classicFlow,
    cognitoIdentityProviders: [{ clientId: web.id, providerName: pool.endpoint }],
  });
  const created = role(scope, {
    name: roleName,
    trustPolicy: JSON.stringify(webIdentityTrust({ "ForAnyValue:StringLike": { [AMR]: "authenticated" } })),
  });
  created.maxSessionDuration = maxSessionDuration;
  new CognitoUserGroup(scope, `${roleName}-group`, { name: "support", userPoolId: pool.id, roleArn: created.arn });
}

RuleTester.run(rule, {
  valid: [
    { name: "pass_default", stack: (s) => void boundRole(s, "pass_default", { classicFlow: true }) },
    {
      name: "pass_one_hour",
      stack: (s) => void boundRole(s, "pass_one_hour", { maxSessionDuration: 3600, classicFlow: true }),
    },
    {
      name: "pass_option",
      options: { maxSessionDurationSeconds: 7200 },
      stack: (s) => void boundRole(s, "pass_option", { maxSessionDuration: 7200, classicFlow: true }),
    },
  ],
  invalid: [
    {
      name: "fail_twelve_hours",
      stack: (s) => void boundRole(s, "fail_twelve_hours", { maxSessionDuration: 43200, classicFlow: true }),
      results: [{ resource: "fail_twelve_hours", status: "FAIL", messageId: "tooLong", messageIncludes: "43200 s" }],
    },
    {
      name: "fail_group_role",
      stack: (s) => groupRoleFederated(s, "fail_group_role", true, 7200),
      results: [
        {
          resource: "fail_group_role",
          status: "FAIL",
          messageId: "tooLong",
          messageIncludes: "classic flow allowed by fail_group_role-identities",
        },
      ],
    },
    {
      name: "na_enhanced_flow_only",
      stack: (s) => void boundRole(s, "na_enhanced_flow_only", { maxSessionDuration: 43200 }),
      results: [
        {
          resource: "na_enhanced_flow_only",
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          messageIncludes: "enhanced flow",
        },
      ],
    },
    {
      name: "na_group_enhanced_only",
      stack: (s) => groupRoleFederated(s, "na_group_enhanced_only", false, 43200),
      results: [{ resource: "na_group_enhanced_only", status: "NOT_APPLICABLE", messageId: "notApplicable" }],
    },
    {
      name: "na_group_not_handed_out",
      stack: (s) => {
        const created = role(s, { name: "na_group_not_handed_out", trustPolicy: JSON.stringify(webIdentityTrust({})) });
        created.maxSessionDuration = 43200;
        groupWithRole(s, "staff", created.arn);
      },
      results: [
        {
          resource: "na_group_not_handed_out",
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          messageIncludes: "no identity pool of this configuration hands it out",
        },
      ],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const duration = new TerraformVariable(s, "session_seconds", { type: "number" });
        boundRole(s, "unknown_var", { maxSessionDuration: duration.numberValue, classicFlow: true });
      },
      results: [
        { resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.session_seconds" },
      ],
    },
    {
      name: "unknown_classic_flow",
      stack: (s) => {
        const classic = new TerraformVariable(s, "classic", { type: "bool" });
        boundRole(s, "unknown_classic_flow", {
          maxSessionDuration: 7200,
          classicFlow: classic.booleanValue,
        });
      },
      results: [
        { resource: "unknown_classic_flow", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.classic" },
      ],
    },
    {
      name: "unknown_unresolved",
      stack: (s) => void groupWithRole(s, "unknown_unresolved", "arn:aws:iam::111122223333:role/outside"),
      results: [{ resource: "unknown_unresolved", status: "UNKNOWN", messageId: "unresolvedRole" }],
    },
  ],
});
