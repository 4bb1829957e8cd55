// Whether a PCI DSS v4.0.1 requirement a rule cites applies to a resource, given the audience of
// its accounts (RULES.md, "Audience and applicability"). Where it does not, the result is a
// best-practice finding and the requirement is Not Applicable to that resource, with the reason.

import type { AudienceInfo } from "./audience.js";
import type { PciReference, Relation } from "./rule.js";

export interface ControlApplicability {
  readonly id: string;
  readonly relation: Relation;
  readonly applicable: boolean;
  readonly reason?: string;
}

/**
 * 8.2 to 8.5 govern user accounts, not consumer (cardholder) accounts. Requirements on system and
 * application accounts (7.2.x and 7.3.3 for identity-pool roles, 8.6.x for machine-to-machine clients
 * and secrets) and Requirement 3 (stored account data, which lives in consumer pools) apply whatever
 * the audience, so they are deliberately absent here.
 */
const USER_ACCOUNT_REQUIREMENT = /^8\.[2-5](\.|$)/;
const BUSINESS_CUSTOMER_ONLY = /^8\.3\.10(\.1)?$/;
/** 8.3.10.1 takes its place on a service provider's customer accounts. */
const NOT_FOR_BUSINESS_CUSTOMERS = /^8\.3\.9$/;

function audienceReason(reference: PciReference, info: AudienceInfo): string | undefined {
  const { id, audiences } = reference;
  if (audiences && !audiences.includes(info.audience))
    return `the rule evidences ${id} on ${audiences.join(" and ")} pools only; on a ${info.audience} pool its finding is a best-practice finding`;
  if (info.audience === "consumer" && USER_ACCOUNT_REQUIREMENT.test(id))
    return `PCI DSS v4.0.1 Requirements 8.2 to 8.5 apply to user accounts, not to consumer (cardholder) accounts`;
  if (info.audience === "business-customer" && NOT_FOR_BUSINESS_CUSTOMERS.test(id))
    return `${id} does not apply to a service provider's business-customer accounts (8.3.10.1 covers them)`;
  if (info.audience !== "business-customer" && BUSINESS_CUSTOMER_ONLY.test(id))
    return `${id} applies only to a service provider's business-customer accounts`;
  return undefined;
}

export function applicability(references: readonly PciReference[], audience: AudienceInfo): ControlApplicability[] {
  return references.map((reference) => {
    // An audience that cannot be read exempts nothing: the requirement is taken to apply.
    if (audience.via === "unknown")
      return {
        id: reference.id,
        relation: reference.relation,
        applicable: true,
        reason: "the audience of the accounts cannot be determined, so it is taken to apply",
      };
    const reason = audienceReason(reference, audience);
    return reason === undefined
      ? { id: reference.id, relation: reference.relation, applicable: true }
      : { id: reference.id, relation: reference.relation, applicable: false, reason };
  });
}
