"""User pool sign-in and MFA settings as the Cognito API reference describes them, where moto 5.2.1 differs.

Installed by authwarden_moto.install(), which hands over its own module (request validation, errors,
pool lookup). moto's SetUserPoolMfaConfig keeps only the SMS and TOTP settings, and its
DescribeUserPool returns no SignInPolicy for a pool created without one. This module:

    SetUserPoolMfaConfig
        validates the request against the botocore input shape, stores EmailMfaConfiguration and
        WebAuthnConfiguration beside moto's SMS and TOTP settings (each request replaces all of
        them, as the API's "set" does), and answers what GetUserPoolMfaConfig then returns.
        MFA ON or OPTIONAL needs a factor: SMS, TOTP enabled or email ("At least one of ..." as
        moto words it). Email MFA and passkeys need the Essentials tier or higher
        (FeatureUnavailableInTierException on Lite: "To activate this setting, your user pool must
        be in the Essentials tier or higher").
    GetUserPoolMfaConfig
        returns MfaConfiguration, SmsMfaConfiguration and SoftwareTokenMfaConfiguration when set,
        EmailMfaConfiguration and WebAuthnConfiguration when set. A pool that never set passkeys
        returns no WebAuthnConfiguration: the AWS provider writes any returned one to state as a
        web_authn_configuration block, and its acceptance tests plan empty after applying a pool
        without one. Inside a set WebAuthnConfiguration, UserVerification is "preferred" until
        given (Cognito's default), RelyingPartyId and FactorConfiguration only when given ("When
        set to SINGLE_FACTOR or not set, passkeys are a single authentication factor").
    DescribeUserPool
        always carries Policies.SignInPolicy: a pool created without one allows PASSWORD only
        ("absent means [PASSWORD]"), and LambdaConfig.PreTokenGeneration mirrors
        PreTokenGenerationConfig.LambdaArn ("This parameter and the PreTokenGeneration property of
        LambdaConfig have the same value"). DeviceConfiguration is echoed by moto as sent.

Answers are written with json.dumps, as the other handlers are.
"""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any

from moto.cognitoidp.models import CognitoIdpUserPool
from moto.cognitoidp.responses import CognitoIdpResponse

DEFAULT_SIGN_IN_POLICY = {"AllowedFirstAuthFactors": ["PASSWORD"]}
DEFAULT_USER_VERIFICATION = "preferred"


def install(base: ModuleType) -> None:
    """Adds the handlers and the DescribeUserPool patch; `base` is authwarden_moto."""

    def set_user_pool_mfa_config(self: CognitoIdpResponse) -> str:
        params = base.validate_request("cognito-idp", "SetUserPoolMfaConfig", base._body(self))
        pool = base._user_pool(self, params["UserPoolId"])
        mfa = params.get("MfaConfiguration") or pool.mfa_config or "OFF"
        sms = params.get("SmsMfaConfiguration")
        token = params.get("SoftwareTokenMfaConfiguration")
        email = params.get("EmailMfaConfiguration")
        web_authn = params.get("WebAuthnConfiguration")
        if mfa in ("ON", "OPTIONAL") and not (sms or (token or {}).get("Enabled") or email):
            raise base._invalid(
                "At least one of [SmsMfaConfiguration], [SoftwareTokenMfaConfiguration] or "
                "[EmailMfaConfiguration] must be provided."
            )
        if sms is not None and "SmsConfiguration" not in sms:
            raise base._invalid("[SmsConfiguration] is a required member of [SmsMfaConfiguration].")
        if email is not None and "{####}" not in (email.get("Message") or "{####}"):
            raise base._invalid("EmailMfaConfiguration.Message must contain the {####} placeholder.")
        if (email is not None or web_authn is not None) and base._pool_tier(pool) == "LITE":
            raise base.AwsError(
                "FeatureUnavailableInTierException",
                "Email MFA and passkeys require the Essentials feature plan or higher.",
            )
        pool.mfa_config = mfa
        pool.sms_mfa_config = sms
        pool.token_mfa_config = token
        pool.authwarden_email_mfa = json.loads(json.dumps(email)) if email is not None else None
        pool.authwarden_web_authn = json.loads(json.dumps(web_authn)) if web_authn is not None else None
        return json.dumps(_mfa_config(pool))

    def get_user_pool_mfa_config(self: CognitoIdpResponse) -> str:
        params = base.validate_request("cognito-idp", "GetUserPoolMfaConfig", base._body(self))
        return json.dumps(_mfa_config(base._user_pool(self, params["UserPoolId"])))

    for name, fn in (
        ("set_user_pool_mfa_config", set_user_pool_mfa_config),
        ("get_user_pool_mfa_config", get_user_pool_mfa_config),
    ):
        setattr(CognitoIdpResponse, name, base._errors_as_responses(fn))
    _patch_describe_user_pool()


def _mfa_config(pool: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"MfaConfiguration": pool.mfa_config or "OFF"}
    if pool.sms_mfa_config:
        out["SmsMfaConfiguration"] = pool.sms_mfa_config
    if pool.token_mfa_config:
        out["SoftwareTokenMfaConfiguration"] = pool.token_mfa_config
    email = getattr(pool, "authwarden_email_mfa", None)
    if email:
        out["EmailMfaConfiguration"] = email
    stored = getattr(pool, "authwarden_web_authn", None)
    if stored is not None:
        web_authn = dict(stored)
        web_authn.setdefault("UserVerification", DEFAULT_USER_VERIFICATION)
        out["WebAuthnConfiguration"] = web_authn
    return out


def _patch_describe_user_pool() -> None:
    original = CognitoIdpUserPool.to_json

    def to_json(self: Any, extended: bool = False) -> dict[str, Any]:
        out = original(self, extended)
        if not extended:
            return out
        policies = out.setdefault("Policies", {})
        if not (policies.get("SignInPolicy") or {}).get("AllowedFirstAuthFactors"):
            policies["SignInPolicy"] = json.loads(json.dumps(DEFAULT_SIGN_IN_POLICY))
        lambda_config = out.get("LambdaConfig") or {}
        versioned = (lambda_config.get("PreTokenGenerationConfig") or {}).get("LambdaArn")
        if versioned:
            lambda_config["PreTokenGeneration"] = versioned
        return out

    CognitoIdpUserPool.to_json = to_json  # type: ignore[method-assign]
