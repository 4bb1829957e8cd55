// The sign-in model of RULES.md that several rules share: which first factors a pool allows, which
// of them are one factor alone (a one-time code), and whether a pool signs in only with
// phishing-resistant factors (passkeys that require user verification). Values keep their origin,
// so evidence can say "default on create" where the provider computes the setting.

import { evidenceOf, type Evidence } from "../../engine/rule.js";
import { defaultLabel, USER_POOL_FIELDS, USER_POOL_MFA_FIELDS, type FirstFactor } from "../../model/fields/index.js";
import { known, mapValue, type UserPool, type Value } from "../../model/index.js";

export const ONE_TIME_CODES: readonly FirstFactor[] = ["EMAIL_OTP", "SMS_OTP"];

/** The pool's allowed first factors ([PASSWORD] when left out: AWS's default for a new pool). */
export function firstFactors(pool: UserPool): Value<readonly FirstFactor[]> {
  return pool.firstAuthFactors as Value<readonly FirstFactor[]>;
}

/** Whether `factor` is an allowed first factor. */
export function allowsFirstFactor(pool: UserPool, factor: FirstFactor): Value<boolean> {
  return mapValue(firstFactors(pool), (factors) => factors.includes(factor));
}

/** The one-time codes (EMAIL_OTP, SMS_OTP) the pool allows as a first factor: one factor each. */
export function oneTimeCodeFirstFactors(pool: UserPool): Value<readonly FirstFactor[]> {
  return mapValue(firstFactors(pool), (factors) => factors.filter((f) => ONE_TIME_CODES.includes(f)));
}

/**
 * True when every allowed first factor is WEB_AUTHN with user verification required: a passkey
 * with user verification is a phishing-resistant multi-factor authenticator, so PCI DSS 8.4.2 does
 * not apply to accounts that can sign in no other way.
 */
export function onlyPhishingResistant(pool: UserPool): Value<boolean> {
  const factors = firstFactors(pool);
  if (!factors.known) return factors;
  if (factors.value.length === 0 || factors.value.some((f) => f !== "WEB_AUTHN")) return known(false, factors.origin);
  const verification = pool.passkeyUserVerification;
  if (!verification.known) return verification;
  return known(verification.value === "required", verification.origin);
}

/**
 * Whether passkeys can stand in for a second factor: FactorConfiguration
 * MULTI_FACTOR_WITH_USER_VERIFICATION, a setting only the live API shows. From configuration it is
 * unknown, and a pool that configures no passkeys has none to count.
 */
export function passkeyIsSecondFactor(pool: UserPool): Value<boolean> {
  const factor = pool.passkeyFactorConfiguration;
  if (factor.known) return known(factor.value === "MULTI_FACTOR_WITH_USER_VERIFICATION", factor.origin);
  const configured = passkeysConfigured(pool);
  if (!configured.known) return configured;
  return configured.value ? factor : known(false, "default");
}

/** Passkeys are set up: WEB_AUTHN is a first factor or web_authn_configuration is written. */
function passkeysConfigured(pool: UserPool): Value<boolean> {
  const webAuthn = allowsFirstFactor(pool, "WEB_AUTHN");
  const { passkeyUserVerification: verification, passkeyRelyingPartyId: relyingParty } = pool;
  const written =
    (verification.known && verification.origin === "configured") || (relyingParty.known && relyingParty.value !== null);
  return written || (webAuthn.known && webAuthn.value) ? known(true) : webAuthn;
}

/** " (default on create)" for a computed setting the configuration leaves out, " (not set: the default)" otherwise. */
export function originNote(value: Value<unknown>, field: { readonly defaultOnCreate?: boolean }): string {
  return value.known && value.origin === "default" ? ` (${defaultLabel(field)})` : "";
}

/** Evidence of the first factors, saying "default on create" when the configuration leaves them out. */
export function firstFactorEvidence(pool: UserPool): Evidence {
  const factors = firstFactors(pool);
  return evidenceOf(
    USER_POOL_FIELDS.firstAuthFactors.label,
    factors,
    (f) => `${f.join(", ")}${originNote(factors, USER_POOL_FIELDS.firstAuthFactors)}`,
  );
}

export function userVerificationEvidence(pool: UserPool): Evidence {
  return evidenceOf(USER_POOL_MFA_FIELDS.passkeyUserVerification.label, pool.passkeyUserVerification);
}

/** The first factors as messages show them: "PASSWORD, WEB_AUTHN (default on create)". */
export function describeFirstFactors(factors: Value<readonly FirstFactor[]>): string {
  if (!factors.known) return "unknown first factors";
  return `${factors.value.join(", ")}${originNote(factors, USER_POOL_FIELDS.firstAuthFactors)}`;
}
