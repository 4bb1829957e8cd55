// Who the accounts behind a resource belong to. A user pool's audience comes from its tag (default
// key pci:audience) or a name pattern of the policy; an undeclared pool is treated as workforce, the
// strictest, and the report says so. Other resources inherit the audience of the pool they serve.
// A pool whose tags (or, with name patterns, name) could not be read has an unknown audience: it is
// never guessed, since the audience moves thresholds and applicability (see evaluate's agreement check).

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
  /** With via "unknown": the audience assumed for this evaluation (the strictest in the report). */
  readonly audience: Audience;
  /** False when no tag or pattern declared it and the default applies. */
  readonly declared: boolean;
  readonly via: "tag" | "name-pattern" | "default" | "linked" | "unknown";
  /** The pool (or identity pool) the audience was inherited from. */
  readonly from?: string;
  /** Set with via "unknown": why the audience cannot be determined. */
  readonly unknown?: string;
}

const STRICTNESS: Record<Audience, number> = { workforce: 3, "business-customer": 2, consumer: 1 };
const STRICTEST: Audience = "workforce";

/** Computes every resource's audience once per run. */
export class AudienceIndex {
  private readonly byKey = new Map<string, AudienceInfo>();
  /** Audiences of resources that inherit theirs (clients, routes...), worked out once each. */
  private readonly inherited = new Map<string, AudienceInfo>();
  /** Every answer of `of`, by the resource object asked about. */
  private readonly byObject = new WeakMap<ModelObject, AudienceInfo>();
  /** True when some resource's audience cannot be determined. */
  readonly hasUnknown: boolean;

  /**
   * `assumed` stands in for every audience that cannot be determined, so the engine can run a rule once per
   * possible audience and keep only the verdicts that do not depend on it.
   */
  constructor(
    estate: Estate,
    private readonly settings: AudienceSettings,
    private readonly assumed?: Audience,
  ) {
    const patterns = settings.namePatterns.map((p) => ({ regex: new RegExp(p.pattern), audience: p.audience }));
    for (const pool of estate.userPools) this.byKey.set(pool.key, this.poolAudience(pool, patterns));
    for (const identityPool of estate.identityPools)
      this.byKey.set(identityPool.key, this.identityPoolAudience(identityPool, patterns));
    // Roles serve the identity pools that bind them and the groups that carry them; the strictest wins.
    const roleAudiences = new Map<string, AudienceInfo[]>();
    const note = (role: IamRole | undefined, info: AudienceInfo, from: string) => {
      if (!role) return;
      const list = roleAudiences.get(role.key) ?? [];
      list.push({ ...info, via: info.via === "unknown" ? "unknown" : "linked", from });
      roleAudiences.set(role.key, list);
    };
    for (const identityPool of estate.identityPools) {
      const info = this.byKey.get(identityPool.key)!;
      const roles = identityPool.roles;
      if (!roles.known) continue;
      note(roles.value.authenticated?.role, info, identityPool.key);
      note(roles.value.unauthenticated?.role, info, identityPool.key);
      for (const binding of roles.value.unslotted) note(binding.role, info, identityPool.key);
      for (const mapping of roles.value.mappings)
        for (const rule of mapping.rules) note(rule.role, info, identityPool.key);
    }
    for (const group of estate.userGroups)
      if (group.userPool) note(group.role, this.of(group.userPool), group.userPool.key);
    for (const [key, infos] of roleAudiences) this.byKey.set(key, this.strictest(infos));
    this.hasUnknown = [...this.byKey.values()].some((info) => info.via === "unknown");
  }

  /** Why audiences cannot be determined, one reason per resource that has its own. */
  unknownReasons(): string[] {
    return [...this.byKey.values()].flatMap((info) => (info.via === "unknown" && info.unknown ? [info.unknown] : []));
  }

  of(resource: ModelObject): AudienceInfo {
    // Rules ask once or twice per resource and result: an object lookup spares hashing the long key each time.
    let info = this.byObject.get(resource);
    if (info) return info;
    info = this.byKey.get(resource.key) ?? this.inherited.get(resource.key);
    if (!info) {
      info = this.inheritedAudience(resource);
      this.inherited.set(resource.key, info);
    }
    this.byObject.set(resource, info);
    return info;
  }

  private inheritedAudience(resource: ModelObject): AudienceInfo {
    const pool = owningPool(resource);
    if (pool) return linked(this.of(pool), pool.key);
    if (resource.kind === "ApiRoute" && resource.authorizer && resource.authorizer.userPools.length > 0) {
      return linked(this.strictest(resource.authorizer.userPools.map((p) => this.of(p))));
    }
    if (resource.kind === "ApiAuthorizer" && resource.userPools.length > 0)
      return linked(this.strictest(resource.userPools.map((p) => this.of(p))));
    return { audience: this.settings.default, declared: false, via: "default" };
  }

  private poolAudience(pool: UserPool, patterns: { regex: RegExp; audience: Audience }[]): AudienceInfo {
    return (
      this.declaredAudience(pool, patterns) ?? { audience: this.settings.default, declared: false, via: "default" }
    );
  }

  /** The audience of a resource whose own declaration cannot be read: the assumed one, or the strictest. */
  private cannotTell(reason: string): AudienceInfo {
    return { audience: this.assumed ?? STRICTEST, declared: false, via: "unknown", unknown: reason };
  }

  private declaredAudience(
    resource: UserPool | IdentityPool,
    patterns: { regex: RegExp; audience: Audience }[],
  ): AudienceInfo | undefined {
    const what = `${resource.kind === "UserPool" ? "user pool" : "identity pool"} ${resource.name.known ? resource.name.value : resource.key}`;
    if (!resource.tags.known)
      return this.cannotTell(`the ${this.settings.tagKey} tag of ${what} cannot be read: ${resource.tags.reason}`);
    const tag = resource.tags.value[this.settings.tagKey];
    if (tag !== undefined && (AUDIENCES as readonly string[]).includes(tag))
      return { audience: tag as Audience, declared: true, via: "tag" };
    if (patterns.length === 0) return undefined;
    if (!resource.name.known)
      return this.cannotTell(
        `the name of ${what}, which the policy's name patterns test, cannot be read: ${resource.name.reason}`,
      );
    const name = resource.name.value;
    const matched = patterns.find((p) => p.regex.test(name));
    if (matched) return { audience: matched.audience, declared: true, via: "name-pattern" };
    return undefined;
  }

  private identityPoolAudience(
    identityPool: IdentityPool,
    patterns: { regex: RegExp; audience: Audience }[],
  ): AudienceInfo {
    const own = this.declaredAudience(identityPool, patterns);
    if (own) return own;
    if (!identityPool.providers.known)
      return this.cannotTell(
        `the user pools identity pool ${identityPool.key} serves, whose audience it inherits, cannot be read: ${identityPool.providers.reason}`,
      );
    const unlinked = identityPool.providers.value.find((p) => p.unlinked !== undefined);
    if (unlinked)
      return this.cannotTell(
        `identity pool ${identityPool.key} inherits the audience of the user pools it serves, and ${unlinked.unlinked}`,
      );
    const pools = identityPool.providers.value.map((p) => p.userPool).filter((p): p is UserPool => p !== undefined);
    if (pools.length === 0) return { audience: this.settings.default, declared: false, via: "default" };
    // A pool of another Region of the account (linked by the live scan) is not among this estate's own.
    const audienceOf = (pool: UserPool) => this.byKey.get(pool.key) ?? this.poolAudience(pool, patterns);
    return linked(this.strictest(pools.map(audienceOf)), pools.map((p) => p.key).join(", "));
  }

  /** The strictest audience of several; one that cannot be determined could be stricter, unless workforce is known. */
  private strictest(infos: readonly AudienceInfo[]): AudienceInfo {
    const knownInfos = infos.filter((info) => info.via !== "unknown");
    const unknownInfo = infos.find((info) => info.via === "unknown");
    if (unknownInfo && !knownInfos.some((info) => info.audience === STRICTEST))
      return this.assumed === undefined ? unknownInfo : strictestOf([...knownInfos, unknownInfo]);
    return strictestOf(knownInfos);
  }
}

function strictestOf(infos: readonly AudienceInfo[]): AudienceInfo {
  return infos.reduce((a, b) =>
    STRICTNESS[b.audience] > STRICTNESS[a.audience] || (!b.declared && a.declared && b.audience === a.audience) ? b : a,
  );
}

/** An inherited audience keeps saying "unknown" when it cannot be determined. */
function linked(info: AudienceInfo, from?: string): AudienceInfo {
  return { ...info, via: info.via === "unknown" ? "unknown" : "linked", ...(from !== undefined ? { from } : {}) };
}

function owningPool(resource: ModelObject): UserPool | undefined {
  return "userPool" in resource ? resource.userPool : undefined;
}
