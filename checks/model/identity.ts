// Identity pools and user pool groups, the IAM roles they hand out, and the policies of those roles.

import type { UserPool, UserPoolClient } from "./cognito.js";
import type { FieldValues, IAM_ROLE_FIELDS, IDENTITY_POOL_FIELDS, USER_GROUP_FIELDS } from "./fields/index.js";
import type { ModelObjectBase } from "./object.js";
import type { PolicyDocument } from "./policy-document.js";
import type { Provenance, Term, Value } from "./values.js";

export interface IdentityPoolProvider {
  readonly clientIdRef: Term;
  readonly providerNameRef: Term;
  readonly client?: UserPoolClient;
  readonly userPool?: UserPool;
  /** Why the user pool the provider names was not linked: it is in a Region the scan did not read. */
  readonly unlinked?: string;
  readonly serverSideTokenCheck: boolean;
}

export interface RoleBinding {
  readonly roleRef: Term;
  readonly role?: IamRole;
}

export type RoleSlot = "authenticated" | "unauthenticated";

/** A role bound in a slot the source cannot tell (a plan shows a roles map with references only by them). */
export interface UnslottedRoleBinding extends RoleBinding {
  /** The slots it may fill. */
  readonly slots: readonly RoleSlot[];
  readonly reason: string;
}

export interface RoleMappingRule {
  readonly claim: string;
  readonly matchType: string;
  readonly value: string;
  readonly roleRef: Term;
  readonly role?: IamRole;
}

export interface RoleMapping {
  readonly identityProvider: Term;
  readonly type: string;
  /** null when not set; unknown when set from an expression. */
  readonly ambiguousRoleResolution: Value<string | null>;
  readonly rules: readonly RoleMappingRule[];
}

export interface IdentityPoolRoles {
  readonly authenticated: RoleBinding | null;
  readonly unauthenticated: RoleBinding | null;
  /** Roles bound as authenticated or unauthenticated, the source cannot tell which; judged on their own. */
  readonly unslotted: readonly UnslottedRoleBinding[];
  readonly mappings: readonly RoleMapping[];
  readonly provenance?: Provenance;
}

export interface IdentityPool extends ModelObjectBase<"IdentityPool">, FieldValues<typeof IDENTITY_POOL_FIELDS> {
  readonly id: Value<string>;
  readonly tags: Value<Readonly<Record<string, string>>>;
  readonly providers: Value<readonly IdentityPoolProvider[]>;
  readonly roles: Value<IdentityPoolRoles>;
}

export type PolicyAttachmentKind = "inline" | "customer-managed" | "aws-managed";

export interface AttachedPolicy {
  readonly kind: PolicyAttachmentKind;
  readonly name: Value<string>;
  /** arn:aws:iam::aws:policy/... for AWS-managed policies. */
  readonly arn?: string;
  readonly document: Value<PolicyDocument>;
  readonly provenance: Provenance;
}

export interface IamRole extends ModelObjectBase<"IamRole">, FieldValues<typeof IAM_ROLE_FIELDS> {
  readonly arn: Value<string>;
  readonly trustPolicy: Value<PolicyDocument>;
  readonly policies: Value<readonly AttachedPolicy[]>;
}

export interface UserGroup extends ModelObjectBase<"UserGroup">, FieldValues<typeof USER_GROUP_FIELDS> {
  readonly userPoolRef: Term;
  readonly userPool?: UserPool;
  readonly roleRef: Term | null;
  readonly role?: IamRole;
  readonly precedence: Value<number | null>;
}
