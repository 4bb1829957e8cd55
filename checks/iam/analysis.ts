// IAM policy analysis shared by the identity-pool and identity-role rules: action and resource
// wildcard matching, and which statements grant what. Which roles are bound where: bindings.ts.

import type {
  AttachedPolicy,
  IamRole,
  PolicyCondition,
  PolicyDocument,
  PolicyStatement,
  Term,
  Value,
} from "../model/index.js";
import { known, literalTerm, unknown } from "../model/index.js";
import { isReadOnlyAction } from "./access-levels.js";
import { globMatch } from "./wildcard.js";

/** IAM wildcard match (* and ?), case-insensitive as IAM actions are. */
export function wildcardMatch(pattern: string, value: string, caseInsensitive = true): boolean {
  return globMatch(pattern, value, { ignoreCase: caseInsensitive });
}

/** Whether a statement's Action/NotAction grants the action. */
export function statementCoversAction(statement: PolicyStatement, action: string): boolean {
  if (statement.actions) return statement.actions.some((pattern) => wildcardMatch(pattern, action));
  if (statement.notActions) return !statement.notActions.some((pattern) => wildcardMatch(pattern, action));
  return false;
}

/**
 * Whether an action pattern only ever grants reads (access level List or Read in the IAM action
 * dataset): "s3:GetObject", "dynamodb:PartiQLSelect", "s3:Get*" are; "s3:*", "*", "s3:Put*",
 * "sts:GetFederationToken" and "cognito-identity:GetId" are not.
 */
export function isReadOnlyActionPattern(pattern: string): boolean {
  return isReadOnlyAction(pattern);
}

export interface EffectiveStatement {
  readonly statement: PolicyStatement;
  readonly policy: AttachedPolicy;
}

/** Every statement of every policy attached to a role, or unknown with the first reason a policy could not be read. */
export function roleStatements(role: IamRole): Value<readonly EffectiveStatement[]> {
  if (!role.policies.known) return role.policies;
  const statements: EffectiveStatement[] = [];
  for (const policy of role.policies.value) {
    if (!policy.document.known) {
      const name = policy.name.known ? policy.name.value : "(unnamed)";
      return unknown(`policy ${name} of the role cannot be read: ${policy.document.reason}`);
    }
    for (const statement of policy.document.value.statements) statements.push({ statement, policy });
  }
  return known(statements);
}

export function termMatchesAny(term: Term, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => wildcardMatch(pattern, term.text, false) || pattern === term.text);
}

// ---------------------------------------------------------------------------------------------
// Condition operators
// ---------------------------------------------------------------------------------------------

export interface ConditionOperator {
  /** "ForAnyValue", "ForAllValues" or null for a single-valued operator. */
  readonly set: "ForAnyValue" | "ForAllValues" | null;
  /** The operator without set prefix and IfExists suffix, e.g. "StringEquals", "StringLike". */
  readonly base: string;
  readonly ifExists: boolean;
}

export function parseConditionOperator(operator: string): ConditionOperator {
  const match = /^(?:(ForAnyValue|ForAllValues):)?(.*?)(IfExists)?$/i.exec(operator.trim());
  const setText = match?.[1]?.toLowerCase();
  return {
    set: setText === "foranyvalue" ? "ForAnyValue" : setText === "forallvalues" ? "ForAllValues" : null,
    base: match?.[2] ?? operator,
    ifExists: match?.[3] !== undefined,
  };
}

/** The conditions of a statement on one key (condition keys are compared lower-cased). */
export function conditionsOn(statement: PolicyStatement, key: string): readonly PolicyCondition[] {
  const lower = key.toLowerCase();
  return statement.conditions.filter((condition) => condition.key === lower);
}

// ---------------------------------------------------------------------------------------------
// Known actions: writes to the estate itself and privilege escalation
// ---------------------------------------------------------------------------------------------

/**
 * Actions that let an identity widen its own access or change the auth estate: IAM and STS role
 * plumbing, Cognito pool and identity-pool administration, Lambda code (Cognito triggers run with
 * their own role), API Gateway and WAF changes. Matched against a statement's action patterns with
 * IAM wildcards in both directions ("iam:*" grants iam:PassRole; "cognito-idp:Admin*" grants
 * cognito-idp:AdminSetUserPassword).
 */
export const PRIVILEGE_ESCALATION_ACTIONS: readonly string[] = [
  "iam:PassRole",
  "iam:CreateRole",
  "iam:DeleteRole",
  "iam:UpdateRole",
  "iam:UpdateAssumeRolePolicy",
  "iam:AttachRolePolicy",
  "iam:DetachRolePolicy",
  "iam:PutRolePolicy",
  "iam:DeleteRolePolicy",
  "iam:CreatePolicy",
  "iam:CreatePolicyVersion",
  "iam:SetDefaultPolicyVersion",
  "iam:CreateUser",
  "iam:CreateAccessKey",
  "iam:CreateLoginProfile",
  "iam:UpdateLoginProfile",
  "iam:AttachUserPolicy",
  "iam:PutUserPolicy",
  "iam:AttachGroupPolicy",
  "iam:PutGroupPolicy",
  "iam:AddUserToGroup",
  "iam:CreateServiceLinkedRole",
  "iam:PutRolePermissionsBoundary",
  "iam:DeleteRolePermissionsBoundary",
  "sts:AssumeRole",
  "sts:GetFederationToken",
  "cognito-identity:SetIdentityPoolRoles",
  "cognito-identity:UpdateIdentityPool",
  "cognito-identity:CreateIdentityPool",
  "cognito-identity:DeleteIdentityPool",
  "cognito-identity:SetPrincipalTagAttributeMap",
  "cognito-idp:AdminAddUserToGroup",
  "cognito-idp:AdminCreateUser",
  "cognito-idp:AdminSetUserPassword",
  "cognito-idp:AdminResetUserPassword",
  "cognito-idp:AdminUpdateUserAttributes",
  "cognito-idp:AdminInitiateAuth",
  "cognito-idp:AdminRespondToAuthChallenge",
  "cognito-idp:AdminSetUserMFAPreference",
  "cognito-idp:AdminSetUserSettings",
  "cognito-idp:AdminConfirmSignUp",
  "cognito-idp:AdminEnableUser",
  "cognito-idp:AdminDisableUser",
  "cognito-idp:AdminDeleteUser",
  "cognito-idp:AdminLinkProviderForUser",
  "cognito-idp:AdminRemoveUserFromGroup",
  "cognito-idp:AdminUserGlobalSignOut",
  "cognito-idp:AdminUpdateAuthEventFeedback",
  "cognito-idp:AdminUpdateDeviceStatus",
  "cognito-idp:UpdateUserPool",
  "cognito-idp:UpdateUserPoolClient",
  "cognito-idp:CreateUserPoolClient",
  "cognito-idp:DeleteUserPool",
  "cognito-idp:SetRiskConfiguration",
  "cognito-idp:SetUserPoolMfaConfig",
  "cognito-idp:CreateGroup",
  "cognito-idp:UpdateGroup",
  "cognito-idp:CreateIdentityProvider",
  "cognito-idp:UpdateIdentityProvider",
  "cognito-idp:SetLogDeliveryConfiguration",
  "lambda:UpdateFunctionCode",
  "lambda:UpdateFunctionConfiguration",
  "lambda:CreateFunction",
  "lambda:AddPermission",
  "lambda:PublishLayerVersion",
  "apigateway:PUT",
  "apigateway:PATCH",
  "apigateway:POST",
  "apigateway:DELETE",
  "wafv2:AssociateWebACL",
  "wafv2:DisassociateWebACL",
  "wafv2:UpdateWebACL",
  "wafv2:DeleteWebACL",
];

/** Services whose write actions change the estate itself; a write pattern on them counts even when not listed above. */
const ESTATE_SERVICES = ["iam", "cognito-idp", "cognito-identity", "lambda", "wafv2"];

/**
 * The escalation a single action pattern grants: the first listed action it covers, or, for a write
 * pattern on an estate service ("iam:Tag*", "cognito-idp:Admin*"), the pattern itself. Undefined when none.
 */
export function escalationGranted(pattern: string): string | undefined {
  // Matching a pattern against the whole list costs ~150 glob matches, and estates repeat their patterns.
  if (escalations.has(pattern)) return escalations.get(pattern);
  if (escalations.size >= ESCALATIONS_LIMIT) escalations.clear();
  const granted = escalationOf(pattern);
  escalations.set(pattern, granted);
  return granted;
}

const ESCALATIONS_LIMIT = 4096;
const escalations = new Map<string, string | undefined>();

function escalationOf(pattern: string): string | undefined {
  const listed = PRIVILEGE_ESCALATION_ACTIONS.find(
    (action) => wildcardMatch(pattern, action) || wildcardMatch(action, pattern),
  );
  if (listed) return listed;
  const service = pattern.split(":")[0]?.toLowerCase();
  // Admin reads (cognito-idp:AdminGetUser, AdminListGroupsForUser) are reads: the dataset says so.
  if (service && ESTATE_SERVICES.includes(service) && !isReadOnlyAction(pattern)) return pattern;
  return undefined;
}

/** Whether the pattern grants every action ("*") or every action of a service ("s3:*"). */
export function isServiceWildcard(pattern: string): boolean {
  const [service, verb] = pattern.split(":");
  return pattern.trim() === "*" || (service !== undefined && verb !== undefined && /^\*+$/.test(verb));
}

// ---------------------------------------------------------------------------------------------
// Policies of a role: inline, customer-managed and AWS-managed
// ---------------------------------------------------------------------------------------------

const allow = (actions: string[], resources = ["*"]): PolicyStatement => ({
  effect: "Allow",
  actions,
  resources: resources.map(literalTerm),
  conditions: [],
});

/**
 * Documents of a few AWS-managed policies whose content is small and stable (as published by AWS),
 * so rules can judge them without reading the account. Every other AWS-managed policy is known by
 * name only.
 */
const AWS_MANAGED_DOCUMENTS: Readonly<Record<string, PolicyDocument>> = {
  AdministratorAccess: { statements: [allow(["*"])] },
  AmazonS3FullAccess: { statements: [allow(["s3:*", "s3-object-lambda:*"])] },
  AmazonS3ReadOnlyAccess: {
    statements: [allow(["s3:Get*", "s3:List*", "s3:Describe*", "s3-object-lambda:Get*", "s3-object-lambda:List*"])],
  },
};

export interface RolePolicies {
  /** Statements of every policy whose document is known (inline, customer-managed, and the AWS-managed ones above). */
  readonly statements: readonly EffectiveStatement[];
  /** AWS-managed policies known by name only: each rule decides whether the name settles its question. */
  readonly managedByName: readonly AttachedPolicy[];
}

export function policyName(policy: AttachedPolicy): string {
  return policy.name.known ? policy.name.value : (policy.arn ?? "(unnamed)");
}

/**
 * The policies of a role: unknown when the attachments or a document other than an AWS-managed
 * one cannot be read; AWS-managed policies are resolved from the documents above or listed by name.
 */
export function rolePolicies(role: IamRole): Value<RolePolicies> {
  // Several rules judge each bound role's policies: resolved once per role (the model is read-only).
  let policies = resolvedPolicies.get(role);
  if (!policies) {
    policies = resolvePolicies(role);
    resolvedPolicies.set(role, policies);
  }
  return policies;
}

const resolvedPolicies = new WeakMap<IamRole, Value<RolePolicies>>();

function resolvePolicies(role: IamRole): Value<RolePolicies> {
  if (!role.policies.known) return role.policies;
  const statements: EffectiveStatement[] = [];
  const managedByName: AttachedPolicy[] = [];
  for (const policy of role.policies.value) {
    if (policy.kind === "aws-managed") {
      const document = AWS_MANAGED_DOCUMENTS[policyName(policy)];
      if (document) for (const statement of document.statements) statements.push({ statement, policy });
      else managedByName.push(policy);
      continue;
    }
    if (!policy.document.known)
      return unknown(`policy ${policyName(policy)} of the role cannot be read: ${policy.document.reason}`);
    for (const statement of policy.document.value.statements) statements.push({ statement, policy });
  }
  return known({ statements, managedByName });
}

// ---------------------------------------------------------------------------------------------
// Effective Allow statements: Deny taken into account
// ---------------------------------------------------------------------------------------------

export interface EffectiveAllow {
  readonly statement: PolicyStatement;
  readonly policy: AttachedPolicy;
  /** The action patterns not overridden by a Deny; ["*"] stands for NotAction ("every action but ..."). */
  readonly actions: readonly string[];
  /** The resources not overridden by a Deny; a NotResource statement counts as "*". */
  readonly resources: readonly Term[];
  /** Set when the statement uses NotAction / NotResource (for messages). */
  readonly notAction: boolean;
  readonly notResource: boolean;
}

const STAR = literalTerm("*");

/** Whether an unconditional Deny covers an action pattern (every action the pattern may grant). */
function denyCoversAction(deny: PolicyStatement, pattern: string): boolean {
  if (deny.actions) return deny.actions.some((denied) => wildcardMatch(denied, pattern));
  if (deny.notActions)
    return !/[*?]/.test(pattern) && !deny.notActions.some((excluded) => wildcardMatch(excluded, pattern));
  return false;
}

function denyCoversResource(deny: PolicyStatement, resource: Term): boolean {
  if (deny.resources)
    return deny.resources.some(
      (denied) =>
        denied.text === "*" || denied.text === resource.text || wildcardMatch(denied.text, resource.text, false),
    );
  if (deny.notResources)
    return (
      resource.text !== "*" && !deny.notResources.some((excluded) => wildcardMatch(excluded.text, resource.text, false))
    );
  return false;
}

/**
 * The Allow statements of a set of policies with what Deny statements leave of them. Only
 * unconditional Denies override (a conditional Deny may not apply to a given request); an Allow
 * whose every action/resource pair is denied disappears.
 */
export function effectiveAllows(statements: readonly EffectiveStatement[]): readonly EffectiveAllow[] {
  // Worked out once per list: the rules that judge a role pass the same list (rolePolicies is memoised).
  let allows = allowsOf.get(statements);
  if (!allows) {
    allows = computeAllows(statements);
    allowsOf.set(statements, allows);
  }
  return allows;
}

const allowsOf = new WeakMap<readonly EffectiveStatement[], readonly EffectiveAllow[]>();

function computeAllows(statements: readonly EffectiveStatement[]): EffectiveAllow[] {
  const denies = statements.map((s) => s.statement).filter((s) => s.effect === "Deny" && s.conditions.length === 0);
  const result: EffectiveAllow[] = [];
  for (const { statement, policy } of statements) {
    if (statement.effect !== "Allow") continue;
    const patterns = statement.actions ?? (statement.notActions ? ["*"] : []);
    const resources = statement.resources ?? (statement.notResources ? [STAR] : []);
    const survives = (pattern: string, resource: Term) =>
      !denies.some((deny) => denyCoversAction(deny, pattern) && denyCoversResource(deny, resource));
    const actions = patterns.filter((pattern) => resources.some((resource) => survives(pattern, resource)));
    const kept = resources.filter((resource) => actions.some((pattern) => survives(pattern, resource)));
    if (actions.length === 0 || kept.length === 0) continue;
    result.push({
      statement,
      policy,
      actions,
      resources: kept,
      notAction: statement.actions === undefined && statement.notActions !== undefined,
      notResource: statement.resources === undefined && statement.notResources !== undefined,
    });
  }
  return result;
}
