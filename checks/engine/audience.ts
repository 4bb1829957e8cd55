// Who the accounts behind a resource belong to. A user pool's audience comes from its tag (default
// key pci:audience) or a name pattern of the policy; an undeclared pool is treated as workforce, the
// strictest, and the report says so. Other resources inherit the audience of the pool they serve.

import {
  AUDIENCES,
  type Audience,
  type Estate,
  type IamRole,
  type IdentityPool,
  type ModelObject,
  type UserPool,
} from "../model/index.js";

export interface AudienceSettings {
  readonly tagKey: string;
  readonly namePatterns: readonly { readonly pattern: string; readonly audience: Audience }[];
  readonly default: Audience;
}

export interface AudienceInfo {
  readonly audience: Audience;
  /** False when no tag or pattern declared it and the default applies. */
  readonly declared: boolean;
  readonly via: "tag" | "name-pattern" | "default" | "linked";
  /** The pool (or identity pool) the audience was inherited from. */
  readonly from?: string;
}

const STRICTNESS: Record<Audience, number> = { workforce: 3, "business-customer": 2, consumer: 1 };

/** Computes every resource's audience once per run. */
export class AudienceIndex {
  private readonly byKey = new Map<string, AudienceInfo>();

  constructor(
    estate: Estate,
    private readonly settings: AudienceSettings,
  ) {
    const patterns = settings.namePatterns.map((p) => ({ regex: new RegExp(p.pattern), audience: p.audience }));
    for (const pool of estate.userPools) {
      this.byKey.set(
        pool.key,
        this.declaredAudience(pool, patterns) ?? { audience: settings.default, declared: false, via: "default" },
      );
    }
    for (const identityPool of estate.identityPools)
      this.byKey.set(identityPool.key, this.identityPoolAudience(identityPool, patterns));
    // Roles serve the identity pools that bind them and the groups that carry them; the strictest wins.
    const roleAudiences = new Map<string, AudienceInfo[]>();
    const note = (role: IamRole | undefined, info: AudienceInfo, from: string) => {
      if (!role) return;
      const list = roleAudiences.get(role.key) ?? [];
      list.push({ ...info, via: "linked", from });
      roleAudiences.set(role.key, list);
    };
    for (const identityPool of estate.identityPools) {
      const info = this.byKey.get(identityPool.key)!;
      const roles = identityPool.roles;
      if (!roles.known) continue;
      note(roles.value.authenticated?.role, info, identityPool.key);
      note(roles.value.unauthenticated?.role, info, identityPool.key);
      for (const mapping of roles.value.mappings)
        for (const rule of mapping.rules) note(rule.role, info, identityPool.key);
    }
    for (const group of estate.userGroups)
      if (group.userPool) note(group.role, this.of(group.userPool), group.userPool.key);
    for (const [key, infos] of roleAudiences) this.byKey.set(key, strictest(infos));
  }

  of(resource: ModelObject): AudienceInfo {
    const cached = this.byKey.get(resource.key);
    if (cached) return cached;
    const pool = owningPool(resource);
    if (pool) return { ...this.of(pool), via: "linked", from: pool.key };
    if (resource.kind === "ApiRoute" && resource.authorizer && resource.authorizer.userPools.length > 0) {
      return { ...strictest(resource.authorizer.userPools.map((p) => this.of(p))), via: "linked" };
    }
    if (resource.kind === "ApiAuthorizer" && resource.userPools.length > 0)
      return { ...strictest(resource.userPools.map((p) => this.of(p))), via: "linked" };
    return { audience: this.settings.default, declared: false, via: "default" };
  }

  private declaredAudience(
    resource: UserPool | IdentityPool,
    patterns: { regex: RegExp; audience: Audience }[],
  ): AudienceInfo | undefined {
    const tag = resource.tags.known ? resource.tags.value[this.settings.tagKey] : undefined;
    if (tag !== undefined && (AUDIENCES as readonly string[]).includes(tag))
      return { audience: tag as Audience, declared: true, via: "tag" };
    const name = resource.name.known ? resource.name.value : undefined;
    const matched = name === undefined ? undefined : patterns.find((p) => p.regex.test(name));
    if (matched) return { audience: matched.audience, declared: true, via: "name-pattern" };
    return undefined;
  }

  private identityPoolAudience(
    identityPool: IdentityPool,
    patterns: { regex: RegExp; audience: Audience }[],
  ): AudienceInfo {
    const own = this.declaredAudience(identityPool, patterns);
    if (own) return own;
    const pools = identityPool.providers.known
      ? identityPool.providers.value.map((p) => p.userPool).filter((p): p is UserPool => p !== undefined)
      : [];
    if (pools.length === 0) return { audience: this.settings.default, declared: false, via: "default" };
    return { ...strictest(pools.map((p) => this.of(p))), via: "linked", from: pools.map((p) => p.key).join(", ") };
  }
}

function strictest(infos: readonly AudienceInfo[]): AudienceInfo {
  return infos.reduce((a, b) =>
    STRICTNESS[b.audience] > STRICTNESS[a.audience] || (!b.declared && a.declared && b.audience === a.audience) ? b : a,
  );
}

function owningPool(resource: ModelObject): UserPool | undefined {
  return "userPool" in resource ? resource.userPool : undefined;
}
