// The rule registry: every rule file in this folder, by id. A meta-test fails when a file is missing here.

import type { Rule } from "../engine/rule.js";
import accessTokenLifetime from "./access-token-lifetime.js";
import accountRecoveryVerified from "./account-recovery-verified.js";
import accountTakeoverResponse from "./account-takeover-response.js";
import apiMethodsAuthorized from "./api-methods-authorized.js";
import apiWafProtection from "./api-waf-protection.js";
import authEventLogging from "./auth-event-logging.js";
import authSessionLifetime from "./auth-session-lifetime.js";
import clientAuthFlowsSecure from "./client-auth-flows-secure.js";
import clientPrivilegedAttributesReadonly from "./client-privileged-attributes-readonly.js";
import compromisedCredentialsBlocked from "./compromised-credentials-blocked.js";
import deletionProtection from "./deletion-protection.js";
import federatedEmailVerified from "./federated-email-verified.js";
import idTokenLifetime from "./id-token-lifetime.js";
import identityPoolClassicFlowDisabled from "./identity-pool-classic-flow-disabled.js";
import identityPoolGuestAccess from "./identity-pool-guest-access.js";
import identityRoleMappingDenyAmbiguous from "./identity-role-mapping-deny-ambiguous.js";
import identityRoleNoBroadManagedPolicies from "./identity-role-no-broad-managed-policies.js";
import identityRoleNoPrivilegeEscalation from "./identity-role-no-privilege-escalation.js";
import identityRoleNoWildcards from "./identity-role-no-wildcards.js";
import identityRolePerIdentityScoping from "./identity-role-per-identity-scoping.js";
import identityRoleSessionDuration from "./identity-role-session-duration.js";
import identityRoleTrustAmr from "./identity-role-trust-amr.js";
import identityRoleTrustAudience from "./identity-role-trust-audience.js";
import mfaFactorStrength from "./mfa-factor-strength.js";
import mfaOnSensitiveActions from "./mfa-on-sensitive-actions.js";
import mfaRequired from "./mfa-required.js";
import noCardholderDataAttributes from "./no-cardholder-data-attributes.js";
import noPlaintextSecrets from "./no-plaintext-secrets.js";
import oauthHttpsRedirects from "./oauth-https-redirects.js";
import oauthNoImplicitGrant from "./oauth-no-implicit-grant.js";
import passwordComposition from "./password-composition.js";
import passwordHistory from "./password-history.js";
import passwordMinLength from "./password-min-length.js";
import passwordOnlyNeedsRiskAnalysis from "./password-only-needs-risk-analysis.js";
import refreshTokenLifetime from "./refresh-token-lifetime.js";
import refreshTokenRotation from "./refresh-token-rotation.js";
import samlIdpHardening from "./saml-idp-hardening.js";
import selfSignupDisabled from "./self-signup-disabled.js";
import temporaryPasswordValidity from "./temporary-password-validity.js";
import threatProtectionCustomAuth from "./threat-protection-custom-auth.js";
import threatProtectionEnforced from "./threat-protection-enforced.js";
import tokenRevocationEnabled from "./token-revocation-enabled.js";
import userExistenceErrorsHidden from "./user-existence-errors-hidden.js";
import wafProtection from "./waf-protection.js";

export const RULES: readonly Rule[] = [
  accessTokenLifetime,
  accountRecoveryVerified,
  accountTakeoverResponse,
  apiMethodsAuthorized,
  apiWafProtection,
  authEventLogging,
  authSessionLifetime,
  clientAuthFlowsSecure,
  clientPrivilegedAttributesReadonly,
  compromisedCredentialsBlocked,
  deletionProtection,
  federatedEmailVerified,
  idTokenLifetime,
  identityPoolClassicFlowDisabled,
  identityPoolGuestAccess,
  identityRoleMappingDenyAmbiguous,
  identityRoleNoBroadManagedPolicies,
  identityRoleNoPrivilegeEscalation,
  identityRoleNoWildcards,
  identityRolePerIdentityScoping,
  identityRoleSessionDuration,
  identityRoleTrustAmr,
  identityRoleTrustAudience,
  mfaFactorStrength,
  mfaOnSensitiveActions,
  mfaRequired,
  noCardholderDataAttributes,
  noPlaintextSecrets,
  oauthHttpsRedirects,
  oauthNoImplicitGrant,
  passwordComposition,
  passwordHistory,
  passwordMinLength,
  passwordOnlyNeedsRiskAnalysis,
  refreshTokenLifetime,
  refreshTokenRotation,
  samlIdpHardening,
  selfSignupDisabled,
  temporaryPasswordValidity,
  threatProtectionCustomAuth,
  threatProtectionEnforced,
  tokenRevocationEnabled,
  userExistenceErrorsHidden,
  wafProtection,
] as readonly Rule[];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));
