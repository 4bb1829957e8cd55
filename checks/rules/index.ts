// The rule registry: every rule file in this folder, by id. A meta-test fails when a file is missing here.

import type { Rule } from "../engine/rule.js";
import accessTokenLifetime from "./access-token-lifetime.js";
import accountLockout from "./account-lockout.js";
import accountRecoveryVerified from "./account-recovery-verified.js";
import accountTakeoverResponse from "./account-takeover-response.js";
import apiMethodsAuthorized from "./api-methods-authorized.js";
import apiWafProtection from "./api-waf-protection.js";
import authEventLogging from "./auth-event-logging.js";
import authLogRetention from "./auth-log-retention.js";
import authSessionLifetime from "./auth-session-lifetime.js";
import clientAuthFlowsSecure from "./client-auth-flows-secure.js";
import clientPrivilegedAttributesReadonly from "./client-privileged-attributes-readonly.js";
import compromisedCredentialsBlocked from "./compromised-credentials-blocked.js";
import customDomainTlsPolicy from "./custom-domain-tls-policy.js";
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
import m2mClientNoUserFlows from "./m2m-client-no-user-flows.js";
import m2mClientSecretAge from "./m2m-client-secret-age.js";
import mfaFactorStrength from "./mfa-factor-strength.js";
import mfaNoRememberedDeviceBypass from "./mfa-no-remembered-device-bypass.js";
import mfaOnSensitiveActions from "./mfa-on-sensitive-actions.js";
import mfaRequired from "./mfa-required.js";
import noCardholderDataAttributes from "./no-cardholder-data-attributes.js";
import noPlaintextSecrets from "./no-plaintext-secrets.js";
import oauthHttpsRedirects from "./oauth-https-redirects.js";
import oauthNoImplicitGrant from "./oauth-no-implicit-grant.js";
import openClientRegistrationDisabled from "./open-client-registration-disabled.js";
import passwordComposition from "./password-composition.js";
import passwordHistory from "./password-history.js";
import passwordMinLength from "./password-min-length.js";
import passkeyUserVerificationRequired from "./passkey-user-verification-required.js";
import passwordOnlyNeedsRiskAnalysis from "./password-only-needs-risk-analysis.js";
import refreshTokenLifetime from "./refresh-token-lifetime.js";
import refreshTokenRotation from "./refresh-token-rotation.js";
import samlIdpHardening from "./saml-idp-hardening.js";
import selfSignupDisabled from "./self-signup-disabled.js";
import ssoSessionLifetime from "./sso-session-lifetime.js";
import temporaryPasswordValidity from "./temporary-password-validity.js";
import threatProtectionCustomAuth from "./threat-protection-custom-auth.js";
import threatProtectionEnforced from "./threat-protection-enforced.js";
import tokenRevocationEnabled from "./token-revocation-enabled.js";
import userExistenceErrorsHidden from "./user-existence-errors-hidden.js";
import wafProtection from "./waf-protection.js";

export const RULES: readonly Rule[] = [
  accessTokenLifetime,
  accountLockout,
  accountRecoveryVerified,
  accountTakeoverResponse,
  apiMethodsAuthorized,
  apiWafProtection,
  authEventLogging,
  authLogRetention,
  authSessionLifetime,
  clientAuthFlowsSecure,
  clientPrivilegedAttributesReadonly,
  compromisedCredentialsBlocked,
  customDomainTlsPolicy,
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
  m2mClientNoUserFlows,
  m2mClientSecretAge,
  mfaFactorStrength,
  mfaNoRememberedDeviceBypass,
  mfaOnSensitiveActions,
  mfaRequired,
  noCardholderDataAttributes,
  noPlaintextSecrets,
  oauthHttpsRedirects,
  oauthNoImplicitGrant,
  openClientRegistrationDisabled,
  passkeyUserVerificationRequired,
  passwordComposition,
  passwordHistory,
  passwordMinLength,
  passwordOnlyNeedsRiskAnalysis,
  refreshTokenLifetime,
  refreshTokenRotation,
  samlIdpHardening,
  selfSignupDisabled,
  ssoSessionLifetime,
  temporaryPasswordValidity,
  threatProtectionCustomAuth,
  threatProtectionEnforced,
  tokenRevocationEnabled,
  userExistenceErrorsHidden,
  wafProtection,
] as readonly Rule[];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));
