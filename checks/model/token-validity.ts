// A token validity as Cognito computes it from an amount and a unit, with its defaults, for every source.

import { known, unknown, type TokenValidity, type Value } from "./index.js";

export type TokenField = "access_token" | "id_token" | "refresh_token";

const UNIT_SECONDS = { seconds: 1, minutes: 60, hours: 3600, days: 86400 } as const;
type Unit = keyof typeof UNIT_SECONDS;

/** Units when token_validity_units (TokenValidityUnits) leaves one out: hours, hours, days. */
const DEFAULT_UNIT: Record<TokenField, Unit> = { access_token: "hours", id_token: "hours", refresh_token: "days" };
/** Cognito's validity when the client sets none: 60 minutes, 60 minutes, 30 days. */
const API_DEFAULT: Record<TokenField, { amount: number; unit: Unit }> = {
  access_token: { amount: 60, unit: "minutes" },
  id_token: { amount: 60, unit: "minutes" },
  refresh_token: { amount: 30, unit: "days" },
};

/**
 * Token validity in seconds from the configured amount and unit, as every source reads them:
 * access_token_validity = 12 with no unit is 12 hours. An absent amount is Cognito's default.
 */
export function tokenValidity(
  field: TokenField,
  amount: Value<number> | undefined,
  unit: Value<string> | undefined,
): Value<TokenValidity> {
  const unitValue = unit ?? known(DEFAULT_UNIT[field], "default");
  if (!unitValue.known) return unitValue;
  if (!(unitValue.value in UNIT_SECONDS))
    return unknown(`the ${field} validity unit has an unexpected value ${JSON.stringify(unitValue.value)}`);
  const resolvedUnit = unitValue.value as Unit;
  if (amount === undefined) {
    const fallback = API_DEFAULT[field];
    return known(
      {
        seconds: fallback.amount * UNIT_SECONDS[fallback.unit],
        amount: fallback.amount,
        unit: fallback.unit,
        unitDefaulted: true,
      },
      "default",
    );
  }
  if (!amount.known) return amount;
  return known({
    seconds: amount.value * UNIT_SECONDS[resolvedUnit],
    amount: amount.value,
    unit: resolvedUnit,
    unitDefaulted: unitValue.origin === "default",
  });
}
