import { effectiveAllows, escalationGranted, policyName, rolePolicies } from "../iam/analysis.js";
import { describeBindings, type RoleBindingRef } from "../iam/bindings.js";
import { checkBoundRoles } from "./utils/bound-roles.js";
import type { IamRole } from "../model/index.js";
import { defineRule, unknownFinding, type Finding, type NoOptions } from "../engine/rule.js";

/** AWS-managed policies whose name alone says they grant IAM, Lambda or Cognito administration. */
const ESCALATING_MANAGED = [
  /^AdministratorAccess$/,
  /^PowerUserAccess$/,
  /^IAMFullAccess$/,
  /^AmazonCognitoPowerUser$/,
  /^AWSLambda_?FullAccess$/,
  /^AmazonAPIGatewayAdministrator$/,
  /^AWSWAFFullAccess$/,
  /^AWSCloudFormationFullAccess$/,
];

type MessageId = "pass" | "escalation" | "escalatingManagedPolicy" | "managedUnknown" | "unresolvedRole";

export default defineRule<NoOptions, MessageId>({
  meta: {
    id: "identity-role-no-privilege-escalation",
    title: "Identity pool roles cannot escalate privileges or change the auth estate",
    description:
      "End users hold the credentials of identity pool and group roles. iam:* / iam:PassRole, sts:AssumeRole, cognito-identity:SetIdentityPoolRoles, cognito-idp:Admin* and pool administration, lambda:UpdateFunctionCode (Cognito triggers), API Gateway and WAF writes let them widen their own access or change the estate. Deny statements that fully override an Allow are taken into account.",
    severity: "critical",
    pci: [
      { id: "7.2.1", relation: "meets" },
      { id: "7.2.2", relation: "meets" },
    ],
    resourceKinds: ["IamRole", "IdentityPool", "UserGroup"],
    messages: {
      pass: "{{resource}} (bound as {{bindings}}) grants no IAM, STS, Cognito administration, Lambda or other write access to the estate",
      escalation:
        "{{resource}} (bound as {{bindings}}) allows {{action}} (through {{pattern}}) in policy {{policy}}, which lets its holders escalate privileges or change the estate",
      escalatingManagedPolicy:
        "{{resource}} (bound as {{bindings}}) has the AWS-managed policy {{policy}} attached, which grants administration of IAM, Lambda or Cognito",
      managedUnknown:
        "{{resource}}: the AWS-managed policy {{policy}} is not part of the configuration, so whether it grants privilege escalation cannot be determined",
      unresolvedRole:
        "{{resource}}: role {{role}} bound to it is not defined in this configuration, so its permissions cannot be checked",
    },
    remediation: {
      summary:
        "Remove IAM, STS, Cognito administration, Lambda and other estate-changing actions from roles that identity pools or user pool groups hand out; run such operations from a backend with its own role.",
      cdktf: `new IamRolePolicy(this, "ShopperAccess", {\n  role: role.id,\n  policy: JSON.stringify({ Version: "2012-10-17", Statement: [{\n    Effect: "Allow",\n    Action: ["s3:GetObject", "s3:PutObject"],\n    Resource: [\`\${bucket.arn}/private/$\${cognito-identity.amazonaws.com:sub}/*\`],\n  }] }),\n});`,
    },
  },
  check(estate) {
    return checkBoundRoles(estate, checkRole);
  },
});

function checkRole(role: IamRole, bindings: readonly RoleBindingRef[]): Finding<MessageId> {
  const data = { bindings: describeBindings(bindings) };
  const policies = rolePolicies(role);
  if (!policies.known) return unknownFinding(role, "policies", policies);
  for (const allow of effectiveAllows(policies.value.statements)) {
    for (const pattern of allow.actions) {
      const action = escalationGranted(pattern);
      if (!action) continue;
      const policy = policyName(allow.policy);
      const shown = allow.notAction ? `NotAction ${allow.statement.notActions?.join(", ")}` : pattern;
      return {
        resource: role,
        status: "FAIL",
        messageId: "escalation",
        data: { ...data, action, pattern: shown, policy },
        evidence: [
          {
            attribute: `policy ${policy}`,
            value: `Allow ${shown} on ${allow.resources.map((r) => r.text).join(", ")}`,
          },
        ],
      };
    }
  }
  const escalating = policies.value.managedByName.find((p) => ESCALATING_MANAGED.some((re) => re.test(policyName(p))));
  if (escalating)
    return {
      resource: role,
      status: "FAIL",
      messageId: "escalatingManagedPolicy",
      data: { ...data, policy: policyName(escalating) },
      evidence: [{ attribute: "policy_arn", value: escalating.arn ?? policyName(escalating) }],
    };
  const opaque = policies.value.managedByName[0];
  if (opaque)
    return { resource: role, status: "UNKNOWN", messageId: "managedUnknown", data: { policy: policyName(opaque) } };
  return { resource: role, status: "PASS", messageId: "pass", data };
}
