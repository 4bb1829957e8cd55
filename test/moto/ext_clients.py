"""App client sessions and secrets, and dynamic client registration, for the emulator (authwarden_moto).

moto 5.2.1 has none of these, and the botocore model beside it (1.43.11) knows the secret operations
but not the session ones or DcrConfiguration. Handlers, following the Amazon Cognito API reference:

    SetUserPoolClientSessionConfiguration / GetUserPoolClientSessionConfiguration
        SSOSession.MaxValidityMinutes, 0 to 129600 (90 days); a client never configured returns the
        default 60. Setting it needs the Essentials or Plus tier (FeatureUnavailableInTierException).
    AddUserPoolClientSecret / ListUserPoolClientSecrets / DeleteUserPoolClientSecret
        A confidential client (created with GenerateSecret) has its first secret from its creation;
        at most 2 secrets (LimitExceededException); ClientSecretId is <client-id>--<epoch-create-time>;
        ClientSecretValue only in the response of an Add that generated the secret, never in a list;
        the last secret cannot be deleted (InvalidParameterException).
    DescribeUserPool carries DcrConfiguration as the last CreateUserPool or UpdateUserPool gave it (an
        update replaces it, one without it removes it); EnableStatus and the grant types are checked.

Choices where the reference is silent: the "session tracking must be enabled" precondition of
SetUserPoolClientSessionConfiguration is not checked (the pool-level session configuration is not
emulated); a public client (no secret) lists no secrets and AddUserPoolClientSecret on it is
InvalidParameterException.
"""

from __future__ import annotations

import json
import secrets as _secrets
import threading
from types import ModuleType
from typing import Any, Callable

from moto.cognitoidp.models import CognitoIdpUserPool, CognitoIdpUserPoolClient
from moto.cognitoidp.responses import CognitoIdpResponse
from moto.core.responses import ActionResult

# authwarden_moto, handed over by its install(): its errors, validation and lookups (it runs as
# __main__, so importing it by name would load a second copy).
core: Any = None

SSO_VALIDITY_MIN, SSO_VALIDITY_MAX, SSO_VALIDITY_DEFAULT = 0, 129_600, 60
MAX_SECRETS = 2
GRANT_TYPES = ("code", "implicit", "client_credentials")
_ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def _require(params: dict[str, Any], *members: str) -> None:
    for member in members:
        if member not in params:
            raise core.AwsError(
                "InvalidParameterException",
                f"1 validation error detected: Value null at '{core._lower_first(member)}' failed to satisfy constraint: Member must not be null",
            )


def _pool_and_client(response: CognitoIdpResponse, params: dict[str, Any]) -> tuple[Any, Any]:
    pool = core._user_pool(response, params["UserPoolId"])
    return pool, core._client(pool, params["ClientId"])


# ------------------------------------------------------------------------------------------------
# session configuration (not in the botocore model here: validated by hand, from the reference)


def _session_request(response: CognitoIdpResponse) -> dict[str, Any]:
    params = core._body(response)
    _require(params, "UserPoolId", "ClientId")
    for member in ("UserPoolId", "ClientId"):
        if not isinstance(params[member], str):
            raise core.AwsError("SerializationException", f"{member} must be a string")
    return params


def set_user_pool_client_session_configuration(self: CognitoIdpResponse) -> str:
    params = _session_request(self)
    _require(params, "SSOSession")
    pool, client = _pool_and_client(self, params)
    session = params["SSOSession"]
    if not isinstance(session, dict):
        raise core.AwsError("SerializationException", "SSOSession must be an object")
    _require(session, "MaxValidityMinutes")
    minutes = session["MaxValidityMinutes"]
    if not isinstance(minutes, int) or isinstance(minutes, bool):
        raise core.AwsError("SerializationException", "MaxValidityMinutes must be an integer")
    if not SSO_VALIDITY_MIN <= minutes <= SSO_VALIDITY_MAX:
        raise core._invalid(
            f"1 validation error detected: Value '{minutes}' at 'sSOSession.maxValidityMinutes' failed to satisfy constraint: "
            f"Member must have value between {SSO_VALIDITY_MIN} and {SSO_VALIDITY_MAX}"
        )
    if core._pool_tier(pool) not in ("ESSENTIALS", "PLUS"):
        raise core.AwsError(
            "FeatureUnavailableInTierException", "Session configuration requires the Essentials or Plus feature plan."
        )
    client.authwarden_sso_minutes = minutes
    return json.dumps({"UserPoolId": pool.id, "ClientId": client.id, "SSOSession": {"MaxValidityMinutes": minutes}})


def get_user_pool_client_session_configuration(self: CognitoIdpResponse) -> str:
    params = _session_request(self)
    pool, client = _pool_and_client(self, params)
    minutes = getattr(client, "authwarden_sso_minutes", SSO_VALIDITY_DEFAULT)
    return json.dumps({"UserPoolId": pool.id, "ClientId": client.id, "SSOSession": {"MaxValidityMinutes": minutes}})


# ------------------------------------------------------------------------------------------------
# client secrets


def _secrets_of(client: Any) -> list[dict[str, Any]]:
    """The client's secrets, oldest first; the first is the one it was created with."""
    if not client.generate_secret:
        return []
    stored = client.__dict__.get("authwarden_secrets")
    if stored is None:
        created = getattr(client, "authwarden_created", core._now())
        stored = [{"id": f"{client.id}--{int(created)}", "value": client.secret, "created": created}]
        client.authwarden_secrets = stored
    return stored


def _descriptor(secret: dict[str, Any], with_value: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {"ClientSecretId": secret["id"], "ClientSecretCreateDate": secret["created"]}
    if with_value:
        out["ClientSecretValue"] = secret["value"]
    return out


def add_user_pool_client_secret(self: CognitoIdpResponse) -> str:
    params = core.validate_request("cognito-idp", "AddUserPoolClientSecret", core._body(self))
    _, client = _pool_and_client(self, params)
    stored = _secrets_of(client)
    if not stored:
        raise core._invalid(f"User pool client {client.id} has no client secret: it is a public client.")
    if len(stored) >= MAX_SECRETS:
        raise core.AwsError("LimitExceededException", f"An app client can have at most {MAX_SECRETS} client secrets.")
    given = params.get("ClientSecret")
    created = max(core._now(), stored[-1]["created"] + 1)  # ids are per second: two in one second would clash
    secret = {
        "id": f"{client.id}--{int(created)}",
        "value": given if given is not None else "".join(_secrets.choice(_ALPHANUMERIC) for _ in range(52)),
        "created": created,
    }
    stored.append(secret)
    client.secret = secret["value"]  # what DescribeUserPoolClient shows: the newest secret
    return json.dumps({"ClientSecretDescriptor": _descriptor(secret, with_value=given is None)})


def list_user_pool_client_secrets(self: CognitoIdpResponse) -> str:
    params = core.validate_request("cognito-idp", "ListUserPoolClientSecrets", core._body(self))
    _, client = _pool_and_client(self, params)
    return json.dumps({"ClientSecrets": [_descriptor(s) for s in _secrets_of(client)]})


def delete_user_pool_client_secret(self: CognitoIdpResponse) -> str:
    params = core.validate_request("cognito-idp", "DeleteUserPoolClientSecret", core._body(self))
    _, client = _pool_and_client(self, params)
    stored = _secrets_of(client)
    match = [s for s in stored if s["id"] == params["ClientSecretId"]]
    if not match:
        raise core._not_found(f"Client secret {params['ClientSecretId']} does not exist.")
    if len(stored) == 1:
        raise core._invalid("The last client secret of an app client cannot be deleted.")
    stored.remove(match[0])
    client.secret = stored[-1]["value"]
    return ""


# ------------------------------------------------------------------------------------------------
# DcrConfiguration on CreateUserPool / UpdateUserPool


def _check_dcr(params: dict[str, Any]) -> None:
    dcr = params.get("DcrConfiguration")
    if dcr is None:
        return
    if not isinstance(dcr, dict):
        raise core.AwsError("SerializationException", "DcrConfiguration must be an object")
    status = dcr.get("EnableStatus")
    if status is not None and status not in ("Enabled", "Disabled"):
        raise core._invalid(
            f"1 validation error detected: Value '{status}' at 'dcrConfiguration.enableStatus' failed to satisfy constraint: "
            "Member must satisfy enum value set: [Enabled, Disabled]"
        )
    if "OpenDcrEnabled" in dcr and not isinstance(dcr["OpenDcrEnabled"], bool):
        raise core.AwsError("SerializationException", "OpenDcrEnabled must be a boolean")
    for member in ("AuthenticatedGrantTypes", "OpenDcrGrantTypes"):
        for grant in dcr.get(member) or []:
            if grant not in GRANT_TYPES:
                raise core._invalid(
                    f"1 validation error detected: Value '{grant}' at 'dcrConfiguration.{core._lower_first(member)}' failed to satisfy "
                    "constraint: Member must satisfy enum value set: [code, implicit, client_credentials]"
                )


# moto parses requests with the botocore model, which drops DcrConfiguration: the raw member is handed
# to the pool's update_extended_config (called by create and update) through this per-request slot.
_request = threading.local()


def _checking_dcr(original: Callable[..., Any]) -> Callable[..., Any]:
    def handler(self: CognitoIdpResponse) -> Any:
        try:
            params = core._body(self)
            _check_dcr(params)
        except core.JsonRESTError as e:
            return e.description, {"status": e.code, "Content-Type": core.JSON_11}
        _request.dcr = params.get("DcrConfiguration")
        try:
            return original(self)
        finally:
            _request.dcr = None

    handler.__name__ = original.__name__
    return handler


class _WithDcr(ActionResult):
    """A UserPool response with DcrConfiguration added after moto's shape-driven serializer (which drops it)."""

    def __init__(self, result: ActionResult, dcr: Any) -> None:
        super().__init__(result.result)
        self._dcr = dcr

    def execute_result(self, context: Any) -> Any:
        status, headers, body = super().execute_result(context)
        if self._dcr is None:
            return status, headers, body
        document = json.loads(body)
        document["UserPool"]["DcrConfiguration"] = self._dcr
        return status, headers, json.dumps(document)


def _pool_response_with_dcr(original: Callable[..., Any]) -> Callable[..., Any]:
    def handler(self: CognitoIdpResponse) -> Any:
        result = original(self)
        if not isinstance(result, ActionResult):
            return result
        pool_id = ((result.result or {}).get("UserPool") or {}).get("Id")  # type: ignore[union-attr]
        pool = core.cognitoidp_backends[self.current_account][self.region].user_pools.get(pool_id)
        return _WithDcr(result, getattr(pool, "authwarden_dcr", None))

    handler.__name__ = original.__name__
    return handler


def _keep_dcr() -> None:
    """The pool keeps the DcrConfiguration of its last create or update (an update replaces it)."""
    original_update = CognitoIdpUserPool.update_extended_config

    def update_extended_config(self: Any, extended_config: dict[str, Any]) -> None:
        original_update(self, extended_config)
        dcr = getattr(_request, "dcr", None)
        self.authwarden_dcr = json.loads(json.dumps(dcr)) if dcr is not None else None

    CognitoIdpUserPool.update_extended_config = update_extended_config  # type: ignore[method-assign]


def _stamp_client_creation() -> None:
    """Remembers when each client was created: its first secret's ClientSecretCreateDate."""
    original = CognitoIdpUserPoolClient.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self.authwarden_created = core._now()

    CognitoIdpUserPoolClient.__init__ = init  # type: ignore[method-assign]


HANDLERS: dict[str, Callable[..., str]] = {
    "set_user_pool_client_session_configuration": set_user_pool_client_session_configuration,
    "get_user_pool_client_session_configuration": get_user_pool_client_session_configuration,
    "add_user_pool_client_secret": add_user_pool_client_secret,
    "list_user_pool_client_secrets": list_user_pool_client_secrets,
    "delete_user_pool_client_secret": delete_user_pool_client_secret,
}


def install(base: ModuleType) -> None:
    """Adds the handlers and the DcrConfiguration patches; `base` is authwarden_moto."""
    global core
    core = base
    for name, fn in HANDLERS.items():
        setattr(CognitoIdpResponse, name, core._errors_as_responses(fn))
    CognitoIdpResponse.create_user_pool = _checking_dcr(_pool_response_with_dcr(CognitoIdpResponse.create_user_pool))  # type: ignore[method-assign]
    CognitoIdpResponse.describe_user_pool = _pool_response_with_dcr(CognitoIdpResponse.describe_user_pool)  # type: ignore[method-assign]
    CognitoIdpResponse.update_user_pool = _checking_dcr(CognitoIdpResponse.update_user_pool)  # type: ignore[method-assign]
    _stamp_client_creation()
    _keep_dcr()
