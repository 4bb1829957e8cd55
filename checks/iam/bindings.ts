// Which roles identity pools and user pool groups bind, found once per estate: the roles the
// identity-role rules judge, and the bindings that cannot be followed.

import type { Estate, IamRole, IdentityPool, Term, Unknown, UserGroup } from "../model/index.js";

export type BindingKind = "authenticated" | "unauthenticated" | "role-mapping" | "user-group";

export interface RoleBindingRef {
  readonly kind: BindingKind;
  readonly identityPool?: IdentityPool;
  readonly group?: UserGroup;
}

export interface UnresolvedBinding {
  /** The identity pool (or user group) that binds a role this configuration does not define. */
  readonly owner: IdentityPool | UserGroup;
  readonly roleRef: Term;
}

export interface RoleBindingIndex {
  /** Each bound role with every way it is bound. */
  readonly roles: ReadonlyMap<IamRole, readonly RoleBindingRef[]>;
  /** Identity pools whose role bindings cannot be read. */
  readonly unknownPools: readonly { readonly pool: IdentityPool; readonly reason: Unknown }[];
  readonly unresolved: readonly UnresolvedBinding[];
}

/**
 * Indexes, once per check, the roles identity pools bind (authenticated, unauthenticated, role-mapping
 * rules) and, with includeGroups, the roles user pool groups carry (handed out through token-based mapping).
 */
export function identityRoleBindings(
  estate: Estate,
  options: { includeGroups: boolean } = { includeGroups: true },
): RoleBindingIndex {
  const roles = new Map<IamRole, RoleBindingRef[]>();
  const unknownPools: { pool: IdentityPool; reason: Unknown }[] = [];
  const unresolved: UnresolvedBinding[] = [];
  const add = (role: IamRole, ref: RoleBindingRef) => {
    const list = roles.get(role) ?? [];
    if (
      !list.some(
        (existing) =>
          existing.kind === ref.kind && existing.identityPool === ref.identityPool && existing.group === ref.group,
      )
    )
      list.push(ref);
    roles.set(role, list);
  };
  for (const pool of estate.identityPools) {
    if (!pool.roles.known) {
      unknownPools.push({ pool, reason: pool.roles });
      continue;
    }
    const { authenticated, unauthenticated, mappings } = pool.roles.value;
    const bindings: [BindingKind, { roleRef: Term; role?: IamRole } | null][] = [
      ["authenticated", authenticated],
      ["unauthenticated", unauthenticated],
      ...mappings.flatMap((m) =>
        m.rules.map((rule): [BindingKind, { roleRef: Term; role?: IamRole }] => ["role-mapping", rule]),
      ),
    ];
    for (const [kind, binding] of bindings) {
      if (!binding) continue;
      if (binding.role) add(binding.role, { kind, identityPool: pool });
      else if (!unresolved.some((u) => u.owner === pool && u.roleRef.text === binding.roleRef.text))
        unresolved.push({ owner: pool, roleRef: binding.roleRef });
    }
  }
  if (options.includeGroups) {
    for (const group of estate.userGroups) {
      if (!group.roleRef) continue;
      if (group.role) add(group.role, { kind: "user-group", group });
      else unresolved.push({ owner: group, roleRef: group.roleRef });
    }
  }
  return { roles, unknownPools, unresolved };
}

/** "identity pool shop (authenticated), group admin" for messages. */
export function describeBindings(bindings: readonly RoleBindingRef[]): string {
  const name = (object: IdentityPool | UserGroup) => (object.name.known ? object.name.value : object.key);
  return bindings
    .map((b) =>
      b.group
        ? `user pool group ${name(b.group)}`
        : `identity pool ${b.identityPool ? name(b.identityPool) : "?"} (${b.kind})`,
    )
    .join(", ");
}
