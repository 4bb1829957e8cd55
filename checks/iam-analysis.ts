// IAM policy analysis shared by the identity-pool and identity-role rules: action and resource
// wildcard matching, and which statements grant what.

import type { AttachedPolicy, IamRole, PolicyStatement, Term, Value } from "./model.js";
import { known, unknown } from "./model.js";

/** IAM wildcard match (* and ?), case-insensitive as IAM actions are. */
export function wildcardMatch(pattern: string, value: string, caseInsensitive = true): boolean {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`, caseInsensitive ? "i" : "").test(value);
}

/** Whether a statement's Action/NotAction grants the action. */
export function statementCoversAction(statement: PolicyStatement, action: string): boolean {
  if (statement.actions) return statement.actions.some((pattern) => wildcardMatch(pattern, action));
  if (statement.notActions) return !statement.notActions.some((pattern) => wildcardMatch(pattern, action));
  return false;
}

const READ_ONLY_VERBS = /^(List|Get|Describe|Query|Scan|BatchGet|Head)/;

/**
 * Whether an action pattern only ever grants reads. A pattern is read-only when its verb part
 * starts with a read verb: "s3:GetObject", "dynamodb:Query", "s3:Get*" are; "s3:*", "*", "s3:Put*" are not.
 */
export function isReadOnlyActionPattern(pattern: string): boolean {
  const verb = pattern.split(":")[1];
  // Only the part before a wildcard is fixed: "Get*" stays a read, "*" or "G*" may be anything.
  return verb !== undefined && READ_ONLY_VERBS.test(verb.split(/[*?]/)[0] ?? "");
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
