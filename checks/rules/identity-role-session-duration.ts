import { IAM_ROLE_FIELDS } from "../model/fields/index.js";
import { describeBindings, type RoleBindingRef } from "../iam/bindings.js";
import type { Estate, IdentityPool, UserPool } from "../model/index.js";
import { checkBoundRoles } from "./utils/bound-roles.js";
import { defineRule, unknownFinding, type Finding } from "../engine/rule.js";
import { valueFinding } from "./utils/value-rule.js";
import { SOURCES } from "./utils/sources.js";

type MessageId = "pass" | "tooLong" | "unresolvedRole";

export default defineRule<{ maxSessionDurationSeconds: number }, MessageId>({
  meta: {
    id: "identity-role-session-duration",
    title: "Identity pool roles allow sessions of at most 1 hour (max_session_duration <= 3600 s)",
    description:
      "max_session_duration caps how long credentials from sts:AssumeRoleWithWebIdentity (the basic, classic flow) stay valid after the user signs out or is disabled. Enhanced-flow credentials (GetCredentialsForIdentity) last one hour whatever the role says, so the rule judges a role only where an identity pool that hands it out (directly, or through a user pool group of one of its providers) allows the classic flow; elsewhere it does not apply. A best practice, not a PCI DSS requirement.",
    severity: "medium",
    pci: [],
    sources: [SOURCES.awsIdentityPoolFlows],
    resourceKinds: ["IamRole", "IdentityPool", "UserGroup"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          maxSessionDurationSeconds: {
            type: "integer",
            minimum: 900,
            maximum: 43200,
            description: "Largest acceptable max_session_duration, in seconds.",
          },
        },
      },
      defaults: { maxSessionDurationSeconds: 3600 },
    },
    messages: {
      pass: "{{resource}} (bound as {{bindings}}; classic flow allowed by {{classic}}) allows sessions of {{actual}} s{{origin}} (at most {{expected}} s)",
      tooLong:
        "{{resource}} (bound as {{bindings}}; classic flow allowed by {{classic}}) allows sessions of {{actual}} s (max_session_duration); at most {{expected}} s are allowed",
      unresolvedRole:
        "{{resource}}: role {{role}} bound to it is not defined in this configuration, so its session duration cannot be checked",
    },
    remediation: {
      summary:
        "Set max_session_duration to 3600 seconds (the default) or less, or turn the classic flow off on the identity pools that hand the role out (allow_classic_flow = false).",
      cdktf: `new IamRole(this, "Authenticated", {\n  name: "shop-identity-authenticated",\n  assumeRolePolicy: trust.json,\n  maxSessionDuration: 3600,\n});`,
    },
  },
  check(estate, context) {
    const federating = federatingPools(estate);
    return checkBoundRoles(estate, (role, bindings): Finding<MessageId> => {
      const classic = classicFlow(federating, bindings);
      if (classic.status === "unknown") return unknownFinding(role, "allow_classic_flow", classic.reason);
      if (classic.status === "off")
        return {
          resource: role,
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          data: {
            reason: `${classic.why}: its credentials come from the enhanced flow, which lasts one hour whatever max_session_duration says`,
          },
        };
      return valueFinding(role, {
        attribute: IAM_ROLE_FIELDS.maxSessionDurationSeconds.label,
        value: (r) => r.maxSessionDurationSeconds,
        compare: (r) => ({ atMost: context.options(r).maxSessionDurationSeconds }),
        messages: { pass: "pass", fail: "tooLong" },
        defaultNote: " (the default)",
        data: () => ({ bindings: describeBindings(bindings), classic: classic.pools }),
      });
    });
  },
});

type ClassicFlow =
  | { readonly status: "on"; readonly pools: string }
  | { readonly status: "off"; readonly why: string }
  | { readonly status: "unknown"; readonly reason: { known: false; reason: string } };

/** The identity pools that federate each user pool, and those whose providers are not known: indexed once per check. */
interface FederatingPools {
  readonly byUserPool: ReadonlyMap<UserPool, readonly IdentityPool[]>;
  readonly unknownProviders: readonly IdentityPool[];
}

function federatingPools(estate: Estate): FederatingPools {
  const byUserPool = new Map<UserPool, IdentityPool[]>();
  const unknownProviders: IdentityPool[] = [];
  for (const pool of estate.identityPools) {
    if (!pool.providers.known) {
      unknownProviders.push(pool);
      continue;
    }
    for (const provider of pool.providers.value) {
      if (!provider.userPool) continue;
      const list = byUserPool.get(provider.userPool) ?? [];
      if (list[list.length - 1] !== pool) list.push(pool);
      byUserPool.set(provider.userPool, list);
    }
  }
  return { byUserPool, unknownProviders };
}

/**
 * Whether an identity pool that hands the role out allows the classic flow. A group's role is handed
 * out by the identity pools that federate the group's user pool (token-based role mapping).
 */
function classicFlow(federating: FederatingPools, bindings: readonly RoleBindingRef[]): ClassicFlow {
  const pools = new Set<IdentityPool>();
  const unsure: string[] = [];
  for (const binding of bindings) {
    if (binding.identityPool) pools.add(binding.identityPool);
    if (!binding.group) continue;
    for (const pool of federating.unknownProviders)
      unsure.push(`the providers of identity pool ${nameOf(pool)} are not known`);
    for (const pool of (binding.group.userPool && federating.byUserPool.get(binding.group.userPool)) || [])
      pools.add(pool);
  }
  const on = [...pools].filter((p) => p.allowClassicFlow.known && p.allowClassicFlow.value);
  if (on.length > 0) return { status: "on", pools: on.map(nameOf).join(", ") };
  for (const pool of pools) if (!pool.allowClassicFlow.known) unsure.push(pool.allowClassicFlow.reason);
  if (unsure.length > 0) return { status: "unknown", reason: { known: false, reason: unsure[0]! } };
  return {
    status: "off",
    why:
      pools.size > 0
        ? `no identity pool that hands it out (${[...pools].map(nameOf).join(", ")}) allows the classic flow`
        : "no identity pool of this configuration hands it out",
  };
}

function nameOf(pool: IdentityPool): string {
  return pool.name.known ? pool.name.value : pool.key;
}
