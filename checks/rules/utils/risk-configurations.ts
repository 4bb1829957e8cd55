// Which aws_cognito_risk_configuration applies to which user pool, indexed once per rule run.
// A configuration without client_id applies to the whole pool; one with client_id overrides it for
// that app client. A configuration whose user_pool_id cannot be resolved may belong to any pool.

import type { Estate, RiskConfiguration, UserPool } from "../../model/index.js";
import type { Finding } from "../../engine/rule.js";

export interface RiskIndex {
  /** The pool-wide risk configuration of a pool. */
  poolWide(pool: UserPool): RiskConfiguration | undefined;
  /** Client-specific risk configurations whose pool is known. */
  readonly clientSpecific: readonly RiskConfiguration[];
  /** The client-specific risk configurations of a pool, in estate order. */
  clientSpecificOf(pool: UserPool): readonly RiskConfiguration[];
  /** Risk configurations whose user pool is not resolvable in this configuration. */
  readonly unresolved: readonly RiskConfiguration[];
  /** The unresolved ones by name, for messages. */
  readonly unresolvedNames: string;
}

export function indexRiskConfigurations(estate: Estate): RiskIndex {
  const byPool = new Map<string, RiskConfiguration>();
  const clientSpecific: RiskConfiguration[] = [];
  // By pool, so a pool's lookup does not scan every pool's configurations.
  const clientSpecificByPool = new Map<UserPool, RiskConfiguration[]>();
  const unresolved: RiskConfiguration[] = [];
  for (const config of estate.riskConfigurations) {
    if (!config.userPool) unresolved.push(config);
    else if (config.clientRef) {
      clientSpecific.push(config);
      const list = clientSpecificByPool.get(config.userPool);
      if (list) list.push(config);
      else clientSpecificByPool.set(config.userPool, [config]);
    } else if (!byPool.has(config.userPool.key)) byPool.set(config.userPool.key, config);
  }
  return {
    poolWide: (pool) => byPool.get(pool.key),
    clientSpecific,
    clientSpecificOf: (pool) => clientSpecificByPool.get(pool) ?? [],
    unresolved,
    unresolvedNames: unresolved.map((c) => c.provenance.address ?? c.key).join(", "),
  };
}

/** Message templates every risk rule declares for a pool without a pool-wide risk configuration. */
export const RISK_LOOKUP_MESSAGES = {
  riskMissing:
    "{{resource}}: risk configuration missing: no aws_cognito_risk_configuration applies to the whole pool{{clientOnly}}",
  riskUnresolved:
    "{{resource}} has no risk configuration of its own, and {{others}} names a user pool that cannot be resolved, so whether one applies cannot be determined",
} as const;
export type RiskLookupMessageId = keyof typeof RISK_LOOKUP_MESSAGES;

/**
 * The finding for a pool with no pool-wide risk configuration: FAIL "missing", or UNKNOWN when a
 * configuration with an unresolvable user_pool_id might be the pool's.
 */
export function missingRiskFinding(pool: UserPool, index: RiskIndex): Finding<RiskLookupMessageId> {
  if (index.unresolved.length > 0) {
    return {
      resource: pool,
      status: "UNKNOWN",
      messageId: "riskUnresolved",
      data: { others: index.unresolvedNames },
    };
  }
  const clients = index.clientSpecificOf(pool);
  const clientOnly =
    clients.length > 0
      ? ` (only client-specific ones: ${clients.map((c) => c.clientRef?.text ?? c.key).join(", ")}; other clients get none)`
      : "";
  return {
    resource: pool,
    status: "FAIL",
    messageId: "riskMissing",
    data: { clientOnly },
    evidence: [{ attribute: "aws_cognito_risk_configuration", value: "none for this pool" }],
  };
}
