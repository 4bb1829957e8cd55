// How a token validity reads in messages and evidence, saying where a unit or value was defaulted,
// and the one verdict of the three token lifetime rules.

import { unknownFinding, type Finding } from "../../engine/rule.js";
import type { Known, TokenValidity, UserPoolClient, Value } from "../../model/index.js";
import type { TokenField } from "../../model/token-validity.js";

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
 * PASS within the limit, FAIL beyond it, UNKNOWN when the validity is not known. `expected` is the
 * limit in the rule's own unit, for messages.
 */
export function lifetimeFinding(
  client: UserPoolClient,
  field: TokenField,
  validity: Value<TokenValidity>,
  maxSeconds: number,
  expected: number,
): Finding<"pass" | "tooLong"> {
  const attribute = `${field}_validity`;
  if (!validity.known) return unknownFinding(client, attribute, validity);
  const actual = describeValidity(validity, field);
  const evidence = [{ attribute, value: actual, origin: validity.origin }];
  const data = { actual, expected };
  return validity.value.seconds <= maxSeconds
    ? { resource: client, status: "PASS", messageId: "pass", data, evidence }
    : { resource: client, status: "FAIL", messageId: "tooLong", data, evidence };
}
