import { policyName, wildcardMatch } from "../iam/analysis.js";
import { describeBindings, type RoleBindingRef } from "../iam/bindings.js";
import { checkBoundRoles } from "./utils/bound-roles.js";
import type { IamRole } from "../model/index.js";
import { defineRule, unknownFinding, type Finding } from "../engine/rule.js";

type Options = { forbiddenPolicies: string[] };

type MessageId = "pass" | "broadManagedPolicy" | "unresolvedRole";

export default defineRule<Options, MessageId>({
  meta: {
    id: "identity-role-no-broad-managed-policies",
    title: "Identity pool roles carry no broad AWS-managed policy (AdministratorAccess, PowerUserAccess, *FullAccess)",
    description:
      "AWS-managed policies are written for administrators, not for the end users who hold identity pool and user pool group roles. AdministratorAccess, PowerUserAccess and *FullAccess grant whole services; the policy name alone settles it.",
    severity: "high",
    pci: [{ id: "7.2.2", relation: "meets" }],
    resourceKinds: ["IamRole", "IdentityPool", "UserGroup"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          forbiddenPolicies: {
            type: "array",
            items: { type: "string", minLength: 1 },
            description:
              "AWS-managed policy names (IAM wildcards * and ? allowed, case-sensitive) that may not be attached to identity roles.",
          },
        },
      },
      defaults: { forbiddenPolicies: ["AdministratorAccess", "PowerUserAccess", "*FullAccess", "*FullAccess_v2"] },
    },
    messages: {
      pass: "{{resource}} (bound as {{bindings}}) has no broad AWS-managed policy attached{{managed}}",
      broadManagedPolicy: "{{resource}} (bound as {{bindings}}) has the broad AWS-managed policy {{policy}} attached",
      unresolvedRole:
        "{{resource}}: role {{role}} bound to it is not defined in this configuration, so its policies cannot be checked",
    },
    remediation: {
      summary:
        "Detach the AWS-managed policy and grant the few actions the app needs in an inline or customer-managed policy scoped to its resources.",
      cdktf: `// Instead of new IamRolePolicyAttachment(this, "S3", { role: role.name, policyArn: "arn:aws:iam::aws:policy/AmazonS3FullAccess" }):\nnew IamRolePolicy(this, "Pictures", {\n  role: role.id,\n  policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"],\n    Resource: [\`\${bucket.arn}/private/$\${cognito-identity.amazonaws.com:sub}/*\`] }] }),\n});`,
    },
  },
  check(estate, context) {
    return checkBoundRoles(estate, (role, bindings) => checkRole(role, bindings, context.options(role)));
  },
});

function checkRole(role: IamRole, bindings: readonly RoleBindingRef[], options: Options): Finding<MessageId> {
  const data = { bindings: describeBindings(bindings) };
  if (!role.policies.known) return unknownFinding(role, "policies", role.policies);
  const managed = role.policies.value.filter((p) => p.kind === "aws-managed");
  const broad = managed.find((p) =>
    options.forbiddenPolicies.some((pattern) => wildcardMatch(pattern, policyName(p), false)),
  );
  const evidence = managed.map((p) => ({ attribute: "AWS-managed policy", value: p.arn ?? policyName(p) }));
  if (broad)
    return {
      resource: role,
      status: "FAIL",
      messageId: "broadManagedPolicy",
      data: { ...data, policy: policyName(broad) },
      evidence,
    };
  return {
    resource: role,
    status: "PASS",
    messageId: "pass",
    data: { ...data, managed: managed.length > 0 ? ` (AWS-managed: ${managed.map(policyName).join(", ")})` : "" },
    evidence,
  };
}
