// Fixtures for the identity-role-* rules: an identity pool binding one role whose trust and
// permission policies a case writes, and a user pool group carrying a role.

import { CognitoUserGroup } from "@cdktf/provider-aws/lib/cognito-user-group/index.js";
import { type IamRole } from "@cdktf/provider-aws/lib/iam-role/index.js";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment/index.js";
import type { IResolvable } from "cdktf";
import type { Construct } from "constructs";
import { attachRoles, identityPool, role, userPool, webIdentityTrust } from "./cognito-fixtures.js";

export const AUD = "cognito-identity.amazonaws.com:aud";
export const AMR = "cognito-identity.amazonaws.com:amr";
/** ${cognito-identity.amazonaws.com:sub} as written in a Terraform JSON string (JSON.stringify policies). */
export const SUB = "$${cognito-identity.amazonaws.com:sub}";

export interface BoundRoleSpec {
  /** "authenticated" (default) or "unauthenticated". */
  readonly as?: "authenticated" | "unauthenticated";
  /** The Condition block of the web-identity trust statement; default aud = the pool, amr matching `as`. */
  readonly trustCondition?: (poolId: string) => Record<string, Record<string, unknown>> | undefined;
  /** Permission statements, one inline policy. */
  readonly statements?: readonly Record<string, unknown>[];
  /** AWS-managed policy names to attach. */
  readonly managed?: readonly string[];
  readonly maxSessionDuration?: number;
  /** allow_classic_flow of the identity pool that binds the role (unset: the provider's default, false). */
  readonly classicFlow?: boolean | IResolvable;
}

export function statementsPolicy(statements: readonly Record<string, unknown>[]): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

/** An identity pool (named `${roleName}-identities`) binding the role `roleName`. */
export function boundRole(scope: Construct, roleName: string, spec: BoundRoleSpec = {}): IamRole {
  const as = spec.as ?? "authenticated";
  const pool = identityPool(scope, `${roleName}-identities`, {
    allowGuests: as === "unauthenticated",
    ...(spec.classicFlow === undefined ? {} : { classicFlow: spec.classicFlow }),
  });
  const condition = spec.trustCondition
    ? spec.trustCondition(pool.id)
    : { StringEquals: { [AUD]: pool.id }, "ForAnyValue:StringLike": { [AMR]: as } };
  const created = role(scope, {
    name: roleName,
    trustPolicy: JSON.stringify(webIdentityTrust(condition)),
    ...(spec.statements ? { policies: [statementsPolicy(spec.statements)] } : {}),
  });
  if (spec.maxSessionDuration !== undefined) created.maxSessionDuration = spec.maxSessionDuration;
  for (const name of spec.managed ?? [])
    new IamRolePolicyAttachment(scope, `${roleName}-${name}`, {
      role: created.name,
      policyArn: `arn:aws:iam::aws:policy/${name}`,
    });
  attachRoles(scope, pool, as === "authenticated" ? { authenticated: created } : { unauthenticated: created });
  return created;
}

/** A user pool group carrying `roleArn` (a role this configuration may or may not define). */
export function groupWithRole(scope: Construct, groupName: string, roleArn: string): CognitoUserGroup {
  const pool = userPool(scope, `${groupName}-pool`);
  return new CognitoUserGroup(scope, groupName, { name: groupName, userPoolId: pool.id, roleArn });
}
