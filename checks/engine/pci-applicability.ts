// Whether a PCI DSS v4.0.1 requirement applies to a resource, given the audience of its accounts.

import type { AudienceInfo } from "./audience.js";

export interface ControlApplicability {
  readonly id: string;
  readonly applicable: boolean;
  readonly reason?: string;
}

const CONSUMER_EXEMPT = /^(7|8|10)(\.|$)/;
const BUSINESS_CUSTOMER_ONLY = /^8\.3\.10(\.1)?$/;

export function applicability(requirements: readonly string[], audience: AudienceInfo): ControlApplicability[] {
  return requirements.map((id) => {
    // An audience that cannot be read exempts nothing: the requirement is taken to apply.
    if (audience.via === "unknown")
      return {
        id,
        applicable: true,
        reason: "the audience of the accounts cannot be determined, so it is taken to apply",
      };
    if (audience.audience === "consumer" && CONSUMER_EXEMPT.test(id)) {
      return {
        id,
        applicable: false,
        reason: "PCI DSS v4.0.1 Requirements 7, 8 and 10 do not apply to consumer (cardholder) accounts",
      };
    }
    if (BUSINESS_CUSTOMER_ONLY.test(id) && audience.audience !== "business-customer") {
      return { id, applicable: false, reason: `${id} applies only to a service provider's business-customer accounts` };
    }
    return { id, applicable: true };
  });
}
