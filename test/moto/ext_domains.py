"""User pool custom domains as the Cognito API reference describes them, where moto 5.2.1 differs.

Installed by authwarden_moto.install(). moto stores a domain's CustomDomainConfig but never returns it,
and its botocore model (1.43.11) predates CustomDomainConfig.SecurityPolicy, so its serializer would
drop the member anyway. This module:

    CreateUserPoolDomain, UpdateUserPoolDomain
        validate CustomDomainConfig.SecurityPolicy against the API's enum (TLS_V1, TLS_V1_2_2021,
        TLS_V1_3_2025; InvalidParameterException otherwise) and store it with the certificate ARN.
    DescribeUserPoolDomain
        returns the stored CustomDomainConfig (CertificateArn, and SecurityPolicy when one was given:
        the reference names no default, so none is invented). An unknown domain returns an empty
        DomainDescription, as moto and AWS do.
    DescribeUserPool
        names a custom domain in CustomDomain and a prefix domain in Domain (moto puts whichever
        domain it finds first in Domain).

Written without the JSON serializer (json.dumps), as the other handlers are.
"""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any

from moto.cognitoidp.models import CognitoIdpUserPool, CognitoIdpUserPoolDomain
from moto.cognitoidp.responses import CognitoIdpResponse
from moto.core.exceptions import JsonRESTError

SECURITY_POLICIES = ("TLS_V1", "TLS_V1_2_2021", "TLS_V1_3_2025")


class _Invalid(JsonRESTError):
    code = 400

    def __init__(self, message: str):
        super().__init__("InvalidParameterException", message)


def _params(response: CognitoIdpResponse) -> dict[str, Any]:
    raw = response.body
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8")
    parsed = json.loads(raw or "{}")
    if not isinstance(parsed, dict):
        raise _Invalid("Request body must be a JSON object")
    return parsed


def _custom_config(params: dict[str, Any]) -> dict[str, Any] | None:
    config = params.get("CustomDomainConfig")
    if config is None:
        return None
    if not isinstance(config, dict) or not isinstance(config.get("CertificateArn"), str):
        raise _Invalid("CustomDomainConfig needs a CertificateArn.")
    policy = config.get("SecurityPolicy")
    if policy is not None and policy not in SECURITY_POLICIES:
        raise _Invalid(
            f"1 validation error detected: Value '{policy}' at 'customDomainConfig.securityPolicy' failed to "
            f"satisfy constraint: Member must satisfy enum value set: [{', '.join(SECURITY_POLICIES)}]"
        )
    return {k: config[k] for k in ("CertificateArn", "SecurityPolicy") if k in config}


def create_user_pool_domain(self: CognitoIdpResponse) -> str:
    params = _params(self)
    domain = self.backend.create_user_pool_domain(params.get("UserPoolId"), params.get("Domain"), _custom_config(params))
    return json.dumps(domain.to_json(extended=False))


def update_user_pool_domain(self: CognitoIdpResponse) -> str:
    params = _params(self)
    config = _custom_config(params)
    if config is None:
        raise _Invalid("UpdateUserPoolDomain needs a CustomDomainConfig.")
    domain = self.backend.update_user_pool_domain(params.get("Domain"), config)
    return json.dumps(domain.to_json(extended=False))


def describe_user_pool_domain(self: CognitoIdpResponse) -> str:
    params = _params(self)
    domain = self.backend.user_pool_domains.get(params.get("Domain"))
    if domain is None:
        return json.dumps({"DomainDescription": {}})
    out = {k: v for k, v in domain.to_json(extended=True).items() if v is not None}
    if domain.custom_domain_config.get("CertificateArn"):
        out["CustomDomainConfig"] = dict(domain.custom_domain_config)
    return json.dumps({"DomainDescription": out})


def _patch_pool_domains() -> None:
    original = CognitoIdpUserPool.to_json

    def to_json(self: Any, extended: bool = False) -> dict[str, Any]:
        out = original(self, extended)
        if not extended:
            return out
        domains: list[CognitoIdpUserPoolDomain] = [
            d for d in self.backend.user_pool_domains.values() if d.user_pool_id == self.id
        ]
        out.pop("Domain", None)
        prefix = next((d for d in domains if not d.custom_domain_config.get("CertificateArn")), None)
        custom = next((d for d in domains if d.custom_domain_config.get("CertificateArn")), None)
        if prefix:
            out["Domain"] = prefix.domain
        if custom:
            out["CustomDomain"] = custom.domain
        return out

    CognitoIdpUserPool.to_json = to_json  # type: ignore[method-assign]


def install(base: ModuleType) -> None:
    """Registers the handlers on moto's response class; `base` is authwarden_moto (errors as JSON 1.1 responses)."""
    for fn in (create_user_pool_domain, update_user_pool_domain, describe_user_pool_domain):
        setattr(CognitoIdpResponse, fn.__name__, base._errors_as_responses(fn))
    _patch_pool_domains()
