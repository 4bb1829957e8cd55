// How a token validity reads in messages and evidence, saying where a unit or value was defaulted.

import type { Known, TokenValidity } from "./model.js";

export function describeValidity(validity: Known<TokenValidity>, field: "access_token" | "id_token" | "refresh_token"): string {
  const { amount, unit, unitDefaulted } = validity.value;
  const text = `${amount} ${amount === 1 ? unit.replace(/s$/, "") : unit}`;
  if (validity.origin === "default") return `${text} (${field}_validity not set: Cognito's default)`;
  if (unitDefaulted) return `${text} (${field}_validity = ${amount} with no token_validity_units.${field}, so ${unit})`;
  return text;
}
