import {
  conditionsOn,
  effectiveAllows,
  isReadOnlyActionPattern,
  parseConditionOperator,
  policyName,
  rolePolicies,
  termMatchesAny,
  wildcardMatch,
  type EffectiveAllow,
} from "../iam/analysis.js";
import { describeBindings, type RoleBindingRef } from "../iam/bindings.js";
import { checkBoundRoles } from "./utils/bound-roles.js";
import type { IamRole, Term } from "../model/index.js";
import { defineRule, unknownFinding, type Finding } from "../engine/rule.js";

const SUB = "${cognito-identity.amazonaws.com:sub}";

/** Actions on S3 objects: a statement granting any of them must name per-identity object prefixes. */
const S3_OBJECT_ACTIONS = [
  "s3:GetObject",
  "s3:GetObjectVersion",
  "s3:GetObjectAcl",
  "s3:GetObjectTagging",
  "s3:PutObject",
  "s3:PutObjectAcl",
  "s3:PutObjectTagging",
  "s3:DeleteObject",
  "s3:DeleteObjectVersion",
  "s3:RestoreObject",
  "s3:AbortMultipartUpload",
];
/** Item-level DynamoDB actions that dynamodb:LeadingKeys constrains. */
const DYNAMODB_ITEM_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:BatchWriteItem",
  "dynamodb:ConditionCheckItem",
  "dynamodb:PartiQLSelect",
  "dynamodb:PartiQLInsert",
  "dynamodb:PartiQLUpdate",
  "dynamodb:PartiQLDelete",
];
/** Reads every item whatever the key; a ForAllValues LeadingKeys condition holds vacuously for it. */
const DYNAMODB_SCAN = "dynamodb:Scan";

/** AWS-managed policies whose name alone says they grant unscoped S3 object or DynamoDB item access. */
const UNSCOPED_MANAGED = [
  /^AdministratorAccess$/,
  /^PowerUserAccess$/,
  /^Amazon(S3|DynamoDB)(FullAccess|ReadOnlyAccess)$/,
];

type Options = { sharedResources: string[] };

type MessageId =
  | "pass"
  | "s3Unscoped"
  | "dynamoDbUnscoped"
  | "dynamoDbScan"
  | "unscopedManagedPolicy"
  | "managedUnknown"
  | "unresolvedRole";

export default defineRule<Options, MessageId>({
  meta: {
    id: "identity-role-per-identity-scoping",
    title: "Identity pool roles scope S3 objects and DynamoDB items to the caller's identity",
    description:
      "Every user of an identity pool holds the same role, so without per-identity scoping one customer can read or overwrite another's data. S3 object access must be limited to a prefix containing ${cognito-identity.amazonaws.com:sub}; DynamoDB item access must carry a ForAllValues dynamodb:LeadingKeys condition on ${cognito-identity.amazonaws.com:sub}, and may not include dynamodb:Scan, which that condition cannot restrict.",
    severity: "high",
    pci: [
      { id: "7.2.1", relation: "meets" },
      { id: "7.2.2", relation: "meets" },
    ],
    resourceKinds: ["IamRole", "IdentityPool", "UserGroup"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          sharedResources: {
            type: "array",
            items: { type: "string", minLength: 1 },
            description:
              'ARN patterns of data every identity may read (a public catalog, e.g. "arn:aws:s3:::shop-assets/public/*"); read-only access to them need not be per identity. Default: none.',
          },
        },
      },
      defaults: { sharedResources: [] },
    },
    messages: {
      pass: "{{resource}} (bound as {{bindings}}) scopes S3 object and DynamoDB item access to the caller's identity, or grants none",
      s3Unscoped:
        "{{resource}} (bound as {{bindings}}) allows {{action}} on {{target}} in policy {{policy}}, which is not limited to a prefix containing {{sub}}",
      dynamoDbUnscoped:
        "{{resource}} (bound as {{bindings}}) allows {{action}} on {{target}} in policy {{policy}} without a ForAllValues dynamodb:LeadingKeys condition on {{sub}}",
      dynamoDbScan:
        "{{resource}} (bound as {{bindings}}) allows {{action}} (dynamodb:Scan) on {{target}} in policy {{policy}}; a scan reads every identity's items whatever dynamodb:LeadingKeys says",
      unscopedManagedPolicy:
        "{{resource}} (bound as {{bindings}}) has the AWS-managed policy {{policy}} attached, which grants S3 or DynamoDB access to every identity's data",
      managedUnknown:
        "{{resource}}: the AWS-managed policy {{policy}} is not part of the configuration, so whether it scopes data access per identity cannot be determined",
      unresolvedRole:
        "{{resource}}: role {{role}} bound to it is not defined in this configuration, so its permissions cannot be checked",
    },
    remediation: {
      summary:
        "Limit S3 object actions to arn:aws:s3:::<bucket>/<prefix>/${cognito-identity.amazonaws.com:sub}/* and add Condition ForAllValues:StringEquals dynamodb:LeadingKeys = ${cognito-identity.amazonaws.com:sub} to item actions (without dynamodb:Scan).",
      cdktf: `policy: JSON.stringify({ Version: "2012-10-17", Statement: [\n  { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: [\`\${bucket.arn}/private/$\${cognito-identity.amazonaws.com:sub}/*\`] },\n  { Effect: "Allow", Action: ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"], Resource: [table.arn],\n    Condition: { "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": ["$\${cognito-identity.amazonaws.com:sub}"] } } },\n] })`,
    },
  },
  check(estate, context) {
    return checkBoundRoles(estate, (role, bindings) => checkRole(role, bindings, context.options(role)));
  },
});

const grants = (patterns: readonly string[], actions: readonly string[]) =>
  patterns.find((p) => actions.some((a) => wildcardMatch(p, a)));

/** An object ARN whose key prefix, before any wildcard, contains the identity's sub. */
function scopedToIdentity(resource: Term): boolean {
  const at = resource.text.indexOf(SUB);
  if (at < 0) return false;
  const before = resource.text.slice(0, at);
  return before.includes("/") && !/[*?]/.test(before);
}

function leadingKeysScoped(allow: EffectiveAllow): boolean {
  return conditionsOn(allow.statement, "dynamodb:LeadingKeys").some((c) => {
    const op = parseConditionOperator(c.operator);
    const base = op.base.toLowerCase();
    return (
      op.set !== "ForAnyValue" &&
      !op.ifExists &&
      (base === "stringequals" || base === "stringlike") &&
      c.values.length > 0 &&
      c.values.every((v) => v.text === SUB)
    );
  });
}

function checkRole(role: IamRole, bindings: readonly RoleBindingRef[], options: Options): Finding<MessageId> {
  const data = { bindings: describeBindings(bindings), sub: SUB };
  const policies = rolePolicies(role);
  if (!policies.known) return unknownFinding(role, "policies", policies);
  // Every violation is collected and a write reported first: it is the more serious one.
  const failures: { finding: Finding<MessageId>; write: boolean }[] = [];
  for (const allow of effectiveAllows(policies.value.statements)) {
    const policy = policyName(allow.policy);
    const shownActions = allow.notAction ? `NotAction ${allow.statement.notActions?.join(", ")}` : undefined;
    const evidence = [
      {
        attribute: `policy ${policy}`,
        value: `Allow ${shownActions ?? allow.actions.join(", ")} on ${allow.resources.map((r) => r.text).join(", ")}`,
      },
    ];
    const readOnly = !allow.notAction && allow.actions.every(isReadOnlyActionPattern);
    const fail = (messageId: MessageId, action: string, target: string) =>
      failures.push({
        finding: {
          resource: role,
          status: "FAIL",
          messageId,
          data: { ...data, action: shownActions ?? action, target, policy },
          evidence,
        },
        write: !readOnly,
      });
    const s3 = grants(allow.actions, S3_OBJECT_ACTIONS);
    if (s3) {
      const bad = allow.notResource
        ? "every resource but NotResource"
        : allow.resources.find((r) => !scopedToIdentity(r) && !(readOnly && termMatchesAny(r, options.sharedResources)))
            ?.text;
      if (bad) fail("s3Unscoped", s3, bad);
    }
    const target = allow.notResource ? "every resource but NotResource" : allow.resources.map((r) => r.text).join(", ");
    const shared =
      readOnly && !allow.notResource && allow.resources.every((r) => termMatchesAny(r, options.sharedResources));
    const scan = grants(allow.actions, [DYNAMODB_SCAN]);
    const item = grants(allow.actions, DYNAMODB_ITEM_ACTIONS);
    if (scan && !shared) fail("dynamoDbScan", scan, target);
    else if (item && !shared && !leadingKeysScoped(allow)) fail("dynamoDbUnscoped", item, target);
  }
  const first = failures.find((f) => f.write) ?? failures[0];
  if (first) return first.finding;
  const unscoped = policies.value.managedByName.find((p) => UNSCOPED_MANAGED.some((re) => re.test(policyName(p))));
  if (unscoped)
    return {
      resource: role,
      status: "FAIL",
      messageId: "unscopedManagedPolicy",
      data: { ...data, policy: policyName(unscoped) },
      evidence: [{ attribute: "policy_arn", value: unscoped.arn ?? policyName(unscoped) }],
    };
  const opaque = policies.value.managedByName[0];
  if (opaque)
    return { resource: role, status: "UNKNOWN", messageId: "managedUnknown", data: { policy: policyName(opaque) } };
  return { resource: role, status: "PASS", messageId: "pass", data };
}
