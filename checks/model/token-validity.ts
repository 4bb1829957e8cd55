// How a token validity reads in messages and evidence, saying where a unit or value was defaulted.

import { known, unknown, type Known, type TokenValidity, type UserPoolClient, type Value } from "./index.js";
import { unknownFinding, type Finding } from "../engine/rule.js";

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

export function describeValidity(
  validity: Known<TokenValidity>,
  field: "access_token" | "id_token" | "refresh_token",
): string {
  const { amount, unit, unitDefaulted } = validity.value;
  const text = `${amount} ${amount === 1 ? unit.replace(/s$/, "") : unit}`;
  if (validity.origin === "default") return `${text} (${field}_validity not set: Cognito's default)`;
  if (unitDefaulted) return `${text} (${field}_validity = ${amount} with no token_validity_units.${field}, so ${unit})`;
  return text;
}

/**
 * The verdict of a token lifetime rule on one client: PASS within the limit, FAIL beyond it,
 * UNKNOWN when the validity is not known. `expected` is the limit in the rule's own unit, for messages.
 */
export function lifetimeFinding(
  client: UserPoolClient,
  field: TokenField,
  validity: Value<TokenValidity>,
  maxSeconds: number,
  expected: number,
): Finding {
  const attribute = `${field}_validity`;
  if (!validity.known) return unknownFinding(client, attribute, validity);
  const actual = describeValidity(validity, field);
  const evidence = [{ attribute, value: actual, origin: validity.origin }];
  const data = { actual, expected };
  return validity.value.seconds <= maxSeconds
    ? { resource: client, status: "PASS", messageId: "pass", data, evidence }
    : { resource: client, status: "FAIL", messageId: "tooLong", data, evidence };
}
