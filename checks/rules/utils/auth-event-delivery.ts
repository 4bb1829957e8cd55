// Which log delivery sends a pool's user activity logs (userAuthEvents), shared by auth-event-logging
// (is there one?) and auth-log-retention (how long does its destination keep them?).

import {
  unknown,
  type EstateObjects,
  type LogConfiguration,
  type LogDelivery,
  type UserPool,
  type Unknown,
} from "../../model/index.js";

export const AUTH_EVENTS = "userAuthEvents";

export type AuthEventDelivery =
  | { readonly found: "delivered"; readonly delivery: LogDelivery; readonly configuration: LogConfiguration }
  | { readonly found: "unknown"; readonly attribute: string; readonly value: Unknown }
  | { readonly found: "none" };

/** Log deliveries by the pool they target, and those whose pool is not resolved. */
export function deliveriesByPool(estate: Pick<EstateObjects, "logDeliveries">): {
  readonly of: (pool: UserPool) => readonly LogDelivery[];
  readonly unlinked: readonly LogDelivery[];
} {
  const byPool = new Map<UserPool, LogDelivery[]>();
  for (const delivery of estate.logDeliveries)
    if (delivery.userPool) byPool.set(delivery.userPool, [...(byPool.get(delivery.userPool) ?? []), delivery]);
  return { of: (pool) => byPool.get(pool) ?? [], unlinked: estate.logDeliveries.filter((d) => !d.userPool) };
}

/** The delivery of userAuthEvents with a destination for this pool, or why it cannot be told, or none. */
export function authEventDelivery(pool: UserPool, deliveries: ReturnType<typeof deliveriesByPool>): AuthEventDelivery {
  for (const delivery of deliveries.of(pool)) {
    if (!delivery.configurations.known)
      return { found: "unknown", attribute: "log delivery configurations", value: delivery.configurations };
    const configuration = delivery.configurations.value.find(
      (c) => c.eventSource === AUTH_EVENTS && c.destination !== "",
    );
    if (configuration) return { found: "delivered", delivery, configuration };
  }
  const maybe = deliveries.unlinked[0];
  if (maybe)
    return {
      found: "unknown",
      attribute: "user activity log delivery",
      value: unknown(
        `${maybe.provenance.address ?? maybe.key} targets user pool ${maybe.userPoolRef.text}, which is not resolved in this configuration`,
      ),
    };
  return { found: "none" };
}
