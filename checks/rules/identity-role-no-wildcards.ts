import {
  effectiveAllows,
  isReadOnlyActionPattern,
  isServiceWildcard,
  policyName,
  rolePolicies,
} from "../iam/analysis.js";
import { describeBindings, type RoleBindingRef } from "../iam/bindings.js";
import { checkBoundRoles } from "./utils/bound-roles.js";
import type { IamRole } from "../model/index.js";
import { defineRule, unknownFinding, type Finding, type NoOptions } from "../engine/rule.js";

/** AWS-managed policies whose name alone says they grant service wildcards ("*", "s3:*"). */
const WILDCARD_MANAGED = [/^AdministratorAccess$/, /^PowerUserAccess$/, /FullAccess$/];

type MessageId =
  "pass" | "wildcardAction" | "writeOnAnyResource" | "broadManagedPolicy" | "managedUnknown" | "unresolvedRole";

export default defineRule<NoOptions, MessageId>({
  meta: {
    id: "identity-role-no-wildcards",
    title: 'Identity pool roles grant no wildcard actions ("*", "service:*") and no writes on Resource "*"',
    description:
      'Roles handed out by identity pools (and user pool groups) give end users AWS credentials. An Allow of Action "*" or "service:*" (or NotAction) grants more than any app needs, and a write action on Resource "*" reaches every resource of that type in the account. Deny statements that fully override an Allow are taken into account.',
    severity: "high",
    pci: [
      { id: "7.2.1", relation: "meets" },
      { id: "7.2.2", relation: "meets" },
      { id: "7.2.5", relation: "meets" },
    ],
    resourceKinds: ["IamRole", "IdentityPool", "UserGroup"],
    messages: {
      pass: '{{resource}} (bound as {{bindings}}) grants no wildcard action and no write on Resource "*"',
      wildcardAction: "{{resource}} (bound as {{bindings}}) allows {{action}} in policy {{policy}}",
      writeOnAnyResource:
        '{{resource}} (bound as {{bindings}}) allows the write action {{action}} on Resource "*" in policy {{policy}}',
      broadManagedPolicy:
        "{{resource}} (bound as {{bindings}}) has the AWS-managed policy {{policy}} attached, which grants service-wide wildcard actions",
      managedUnknown:
        "{{resource}}: the AWS-managed policy {{policy}} is not part of the configuration, so whether it grants wildcards cannot be determined",
      unresolvedRole:
        "{{resource}}: role {{role}} bound to it is not defined in this configuration, so its permissions cannot be checked",
    },
    remediation: {
      summary:
        "List the exact actions the app needs and scope write actions to the resources (ARNs, per-identity prefixes) it uses; replace broad AWS-managed policies with such an inline policy.",
      cdktf: `new IamRolePolicy(this, "Wishlists", {\n  role: role.id,\n  policy: JSON.stringify({ Version: "2012-10-17", Statement: [{\n    Effect: "Allow",\n    Action: ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"],\n    Resource: [table.arn],\n    Condition: { "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": ["$\${cognito-identity.amazonaws.com:sub}"] } },\n  }] }),\n});`,
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
    const policy = policyName(allow.policy);
    const evidence = [
      {
        attribute: `policy ${policy}`,
        value: `Allow ${allow.notAction ? `NotAction ${allow.statement.notActions?.join(", ")}` : allow.actions.join(", ")} on ${allow.notResource ? `NotResource ${allow.statement.notResources?.map((r) => r.text).join(", ")}` : allow.resources.map((r) => r.text).join(", ")}`,
      },
    ];
    if (allow.notAction)
      return {
        resource: role,
        status: "FAIL",
        messageId: "wildcardAction",
        data: { ...data, action: `every action except ${allow.statement.notActions?.join(", ")} (NotAction)`, policy },
        evidence,
      };
    const wildcard = allow.actions.find(isServiceWildcard);
    if (wildcard)
      return {
        resource: role,
        status: "FAIL",
        messageId: "wildcardAction",
        data: { ...data, action: `Action "${wildcard}"`, policy },
        evidence,
      };
    if (allow.resources.some((r) => r.text.trim() === "*")) {
      const write = allow.actions.find((a) => !isReadOnlyActionPattern(a));
      if (write)
        return {
          resource: role,
          status: "FAIL",
          messageId: "writeOnAnyResource",
          data: { ...data, action: write, policy },
          evidence,
        };
    }
  }
  const broad = policies.value.managedByName.find((p) => WILDCARD_MANAGED.some((re) => re.test(policyName(p))));
  if (broad)
    return {
      resource: role,
      status: "FAIL",
      messageId: "broadManagedPolicy",
      data: { ...data, policy: policyName(broad) },
      evidence: [{ attribute: "policy_arn", value: broad.arn ?? policyName(broad) }],
    };
  const opaque = policies.value.managedByName[0];
  if (opaque)
    return { resource: role, status: "UNKNOWN", messageId: "managedUnknown", data: { policy: policyName(opaque) } };
  return { resource: role, status: "PASS", messageId: "pass", data };
}
