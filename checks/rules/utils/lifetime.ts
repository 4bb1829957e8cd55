// The verdict shared by the three token lifetime rules. It replaces lifetimeFinding in
// checks/model/token-validity.ts, which predates the typed rule contract (findings belong to rules, not the model).

import { unknownFinding, type Finding } from "../../engine/rule.js";
import type { TokenValidity, UserPoolClient, Value } from "../../model/index.js";
import { describeValidity, type TokenField } from "../../model/token-validity.js";

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
