// How a reference reads in messages, for rules, which must not import the source parsers.
// Same text as renderRef in checks/sources/terraform/expressions.ts (address, then .attribute if any).

import type { Ref } from "../../model/index.js";

export function refText(ref: Ref): string {
  return ref.attribute ? `${ref.address}.${ref.attribute}` : ref.address;
}
