// Settings that only the Cognito API holds: no Terraform attribute of hashicorp/aws 5.100.0 or 6.x
// (checked with `terraform providers schema -json` and @cdktn/provider-aws, which binds 6.66) sets or
// shows them. A configuration source gives them unknown with LIVE_ONLY_REASON; the rules that read
// them declare themselves judged by the live scan only, so the engine lists them once instead.

import { unknown, type Unknown } from "./values.js";

/** An app client's secret as ListUserPoolClientSecrets describes it; its value is never read. */
export interface ClientSecret {
  readonly id: string;
  /** ClientSecretCreateDate, as an ISO 8601 instant. */
  readonly createdAt: string;
}

/** The members of a pool's DcrConfiguration (DescribeUserPool) that decide whether open registration is on. */
export interface DcrConfiguration {
  /** EnableStatus; absent in a configuration that was given: Enabled (the API reference). */
  readonly enabled: boolean;
  /** OpenDcrEnabled; false when absent. */
  readonly openEnabled: boolean;
  /** OpenDcrGrantTypes; absent means code only. */
  readonly openGrantTypes: readonly string[];
}

export const LIVE_ONLY_REASON = "no Terraform attribute sets it; only the live scan can read it";

/** What a configuration source holds for a live-only setting. */
export function liveOnly(setting: string): Unknown {
  return unknown(`${setting}: ${LIVE_ONLY_REASON}`);
}
