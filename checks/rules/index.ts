// The rule registry: every rule file in this folder, by id. A meta-test fails when a file is missing here.

import type { Rule } from "../rule.js";
import accessTokenLifetime from "./access-token-lifetime.js";
import accountRecoveryVerified from "./account-recovery-verified.js";
import accountTakeoverResponse from "./account-takeover-response.js";
import authSessionLifetime from "./auth-session-lifetime.js";
import clientAuthFlowsSecure from "./client-auth-flows-secure.js";
import clientPrivilegedAttributesReadonly from "./client-privileged-attributes-readonly.js";
import compromisedCredentialsBlocked from "./compromised-credentials-blocked.js";
import deletionProtection from "./deletion-protection.js";
import idTokenLifetime from "./id-token-lifetime.js";
import identityPoolGuestAccess from "./identity-pool-guest-access.js";
import identityRoleTrustAudience from "./identity-role-trust-audience.js";
import mfaFactorStrength from "./mfa-factor-strength.js";
import mfaRequired from "./mfa-required.js";
import noCardholderDataAttributes from "./no-cardholder-data-attributes.js";
import oauthHttpsRedirects from "./oauth-https-redirects.js";
import oauthNoImplicitGrant from "./oauth-no-implicit-grant.js";
import passwordComposition from "./password-composition.js";
import passwordHistory from "./password-history.js";
import passwordMinLength from "./password-min-length.js";
import passwordOnlyNeedsRiskAnalysis from "./password-only-needs-risk-analysis.js";
import refreshTokenLifetime from "./refresh-token-lifetime.js";
import refreshTokenRotation from "./refresh-token-rotation.js";
import selfSignupDisabled from "./self-signup-disabled.js";
import temporaryPasswordValidity from "./temporary-password-validity.js";
import threatProtectionCustomAuth from "./threat-protection-custom-auth.js";
import threatProtectionEnforced from "./threat-protection-enforced.js";
import tokenRevocationEnabled from "./token-revocation-enabled.js";
import userExistenceErrorsHidden from "./user-existence-errors-hidden.js";

export const RULES: readonly Rule[] = [
  accessTokenLifetime,
  accountRecoveryVerified,
  accountTakeoverResponse,
  authSessionLifetime,
  clientAuthFlowsSecure,
  clientPrivilegedAttributesReadonly,
  compromisedCredentialsBlocked,
  deletionProtection,
  idTokenLifetime,
  identityPoolGuestAccess,
  identityRoleTrustAudience,
  mfaFactorStrength,
  mfaRequired,
  noCardholderDataAttributes,
  oauthHttpsRedirects,
  oauthNoImplicitGrant,
  passwordComposition,
  passwordHistory,
  passwordMinLength,
  passwordOnlyNeedsRiskAnalysis,
  refreshTokenLifetime,
  refreshTokenRotation,
  selfSignupDisabled,
  temporaryPasswordValidity,
  threatProtectionCustomAuth,
  threatProtectionEnforced,
  tokenRevocationEnabled,
  userExistenceErrorsHidden,
] as readonly Rule[];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));
