// The rule registry: every rule file in this folder, by id. A meta-test fails when a file is missing here.

import type { Rule } from "../rule.js";
import accessTokenLifetime from "./access-token-lifetime.js";
import identityPoolGuestAccess from "./identity-pool-guest-access.js";
import identityRoleTrustAudience from "./identity-role-trust-audience.js";
import mfaRequired from "./mfa-required.js";
import passwordComposition from "./password-composition.js";
import passwordMinLength from "./password-min-length.js";

export const RULES: readonly Rule[] = [
  accessTokenLifetime,
  identityPoolGuestAccess,
  identityRoleTrustAudience,
  mfaRequired,
  passwordComposition,
  passwordMinLength,
] as readonly Rule[];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));
