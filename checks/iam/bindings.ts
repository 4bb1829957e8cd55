// Which roles identity pools and user pool groups bind, found once per estate: the roles the
// identity-role rules judge, and the bindings that cannot be followed.

import type { Estate, IamRole, IdentityPool, RoleSlot, Term, Unknown, UserGroup } from "../model/index.js";

export type BindingKind = "authenticated" | "unauthenticated" | "role-mapping" | "user-group" | "unknown-slot";

export interface RoleBindingRef {
  readonly kind: BindingKind;
  readonly identityPool?: IdentityPool;
  readonly group?: UserGroup;
  /** unknown-slot only: the slots the role may fill, and why the source cannot tell. */
  readonly slots?: readonly RoleSlot[];
  readonly reason?: string;
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

// Seven rules judge the bound roles: the index is built once per estate (which is read-only once loaded).
const indexes = new WeakMap<Estate, Map<boolean, RoleBindingIndex>>();

/**
 * Indexes, once per estate, the roles identity pools bind (authenticated, unauthenticated, role-mapping
 * rules) and, with includeGroups, the roles user pool groups carry (handed out through token-based mapping).
 */
export function identityRoleBindings(
  estate: Estate,
  options: { includeGroups: boolean } = { includeGroups: true },
): RoleBindingIndex {
  let byOptions = indexes.get(estate);
  if (!byOptions) {
    byOptions = new Map();
    indexes.set(estate, byOptions);
  }
  let index = byOptions.get(options.includeGroups);
  if (!index) {
    index = indexBindings(estate, options.includeGroups);
    byOptions.set(options.includeGroups, index);
  }
  return index;
}

function indexBindings(estate: Estate, includeGroups: boolean): RoleBindingIndex {
  const roles = new Map<IamRole, RoleBindingRef[]>();
  const unknownPools: { pool: IdentityPool; reason: Unknown }[] = [];
  const unresolved: UnresolvedBinding[] = [];
  const add = (role: IamRole, ref: RoleBindingRef) => {
    const list = roles.get(role);
    if (list) list.push(ref);
    else roles.set(role, [ref]);
  };
  for (const pool of estate.identityPools) {
    if (!pool.roles.known) {
      unknownPools.push({ pool, reason: pool.roles });
      continue;
    }
    // A pool's bindings are all added here, so a repeat is looked for among this pool's own only
    // (a scan of every pool's would be quadratic in pools).
    const bound = new Map<IamRole, Set<BindingKind>>();
    const bind = (role: IamRole, ref: RoleBindingRef) => {
      const kinds = bound.get(role) ?? new Set<BindingKind>();
      if (kinds.has(ref.kind)) return;
      kinds.add(ref.kind);
      bound.set(role, kinds);
      add(role, ref);
    };
    const unresolvedRefs = new Set<string>();
    const unresolvedRef = (roleRef: Term) => {
      if (unresolvedRefs.has(roleRef.text)) return;
      unresolvedRefs.add(roleRef.text);
      unresolved.push({ owner: pool, roleRef });
    };
    const { authenticated, unauthenticated, unslotted, mappings } = pool.roles.value;
    for (const binding of unslotted)
      if (binding.role)
        bind(binding.role, { kind: "unknown-slot", identityPool: pool, slots: binding.slots, reason: binding.reason });
      else unresolvedRef(binding.roleRef);
    const bindings: [BindingKind, { roleRef: Term; role?: IamRole } | null][] = [
      ["authenticated", authenticated],
      ["unauthenticated", unauthenticated],
      ...mappings.flatMap((m) =>
        m.rules.map((rule): [BindingKind, { roleRef: Term; role?: IamRole }] => ["role-mapping", rule]),
      ),
    ];
    for (const [kind, binding] of bindings) {
      if (!binding) continue;
      if (binding.role) bind(binding.role, { kind, identityPool: pool });
      else unresolvedRef(binding.roleRef);
    }
  }
  // Each group carries one role: its binding is never a repeat.
  if (includeGroups) {
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
  // Every identity-role rule names a role's bindings in its messages: described once per list.
  let described = descriptions.get(bindings);
  if (described === undefined) {
    described = describe(bindings);
    descriptions.set(bindings, described);
  }
  return described;
}

const descriptions = new WeakMap<readonly RoleBindingRef[], string>();

function describe(bindings: readonly RoleBindingRef[]): string {
  const name = (object: IdentityPool | UserGroup) => (object.name.known ? object.name.value : object.key);
  return bindings
    .map((b) =>
      b.group
        ? `user pool group ${name(b.group)}`
        : `identity pool ${b.identityPool ? name(b.identityPool) : "?"} (${b.kind === "unknown-slot" ? (b.slots ?? []).join(" or ") : b.kind})`,
    )
    .join(", ");
}

/**
 * The ways a role may be bound, once for each slot its unknown-slot bindings may fill: a check that
 * gives the same verdict for every alternative knows it; otherwise it depends on the slot.
 */
export function slotAlternatives(bindings: readonly RoleBindingRef[]): RoleBindingRef[][] {
  let alternatives: RoleBindingRef[][] = [[]];
  for (const binding of bindings) {
    const choices: RoleBindingRef[] =
      binding.kind === "unknown-slot"
        ? (binding.slots ?? []).map((slot) => ({
            kind: slot,
            ...(binding.identityPool ? { identityPool: binding.identityPool } : {}),
          }))
        : [binding];
    alternatives = alternatives.flatMap((prefix) => choices.map((choice) => [...prefix, choice]));
  }
  return alternatives;
}
