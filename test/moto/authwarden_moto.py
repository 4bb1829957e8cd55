"""moto's server, extended with the Cognito operations moto 5.2.1 lacks and the auth estate needs.

    python3 test/moto/authwarden_moto.py PORT        (npm run moto -- PORT)

Starts moto's server on 127.0.0.1:PORT (PORT 0 picks a free port) with AWS-managed IAM policies
loaded (MOTO_IAM_LOAD_MANAGED_POLICIES=true, so attaching arn:aws:iam::aws:policy/... works), adds
handlers for

    cognito-identity  SetIdentityPoolRoles, GetIdentityPoolRoles
    cognito-idp       SetRiskConfiguration, DescribeRiskConfiguration,
                      SetLogDeliveryConfiguration, GetLogDeliveryConfiguration

and fills what else a `terraform apply` (and destroy) of the reference stacks needs from moto:

    cognito-idp       UpdateResourceServer, DeleteResourceServer (missing in moto; destroy calls it)
                      SetUserPoolMfaConfig/GetUserPoolMfaConfig keep email MFA and passkey settings,
                      DescribeUserPool carries a SignInPolicy (ext_signin.py)
                      DescribeUserPool carries UserPoolTier (ESSENTIALS when created without one),
                      and AccountRecoverySetting only when the pool was given one;
                      custom domains with their TLS security policy (ext_domains.py)
    cognito-identity  AllowClassicFlow on Create/Update/DescribeIdentityPool (moto drops it);
                      UpdateIdentityPool of an unknown pool is ResourceNotFoundException, not a 500

(without the last two, every plan after the apply shows drift on the pools). The ext_<topic>.py
modules beside this file, each loaded by install() and described in its own docstring, add

    ext_clients     app client sessions and secrets, DcrConfiguration
    ext_domains     custom domains and their TLS security policy
    ext_http        apigatewayv2 GetAuthorizers (moto lacks the list call)
    ext_org         AssumeRole checks the role's trust policy
    ext_signin      sign-in policy, passkeys, email MFA

It then
prints one line, "moto ready on http://127.0.0.1:PORT", once it accepts connections, and stops
cleanly (exit 0) on SIGTERM or SIGINT.

The handlers follow the AWS API reference. Requests are validated against the operation's input
shape in the botocore service model installed next to moto (required members, types, lengths, map
and list sizes, enums, patterns; the same constraints the API reference pages list), then against
the rules the reference states in prose (e.g. AmbiguousRoleResolution is required for Token and
Rules mappings, RulesConfiguration for Rules mappings). Errors use the JSON 1.1 shape moto uses for
every JSON service ({"__type": ..., "message": ...}, HTTP 400):

    ResourceNotFoundException   unknown identity pool, user pool or app client
    InvalidParameterException   constraint violations on cognito-idp (AWS reports them as
                                "1 validation error detected: Value ... at 'userPoolId' failed to
                                satisfy constraint: ..."), and rule violations on both services
    ValidationException         constraint violations on cognito-identity (as AWS reports them)
    SerializationException      a member of the wrong JSON type

State lives on moto's own model objects (the identity pool, the user pool), so it is per account and
region, disappears with the pool, and is cleared by moto's reset API like everything else.

Rules beyond the model's constraints. From the reference's text: AmbiguousRoleResolution for Token
and Rules mappings, RulesConfiguration for Rules mappings, at most 25 rules per identity provider,
EventFilter defaulting to all events, IP ranges in CIDR notation, userNotification logs at ERROR to
CloudWatch Logs, userAuthEvents logs at INFO and only on the Plus plan
(FeatureUnavailableInTierException), one destination per log configuration. Inferred, not stated:
role ARNs must be IAM role ARNs; an account-takeover action that notifies needs a
NotifyConfiguration (the provider's schema requires one); a notify email needs a body.

Behaviour this module chooses where the reference is silent:
  - GetIdentityPoolRoles on a pool without roles returns {"IdentityPoolId", "Roles": {}}.
  - DescribeRiskConfiguration on a pool without one returns {"RiskConfiguration": {"UserPoolId"}}
    (plus ClientId when asked for a client); for a client without its own configuration it returns
    the pool's, which the client inherits. UserPoolAddOnNotEnabledException is not raised.
  - GetLogDeliveryConfiguration on a pool without one returns an empty LogConfigurations list.
"""

from __future__ import annotations

import datetime as _dt
import ipaddress
import json
import os
import signal
import sys
import threading
from typing import Any, Callable

# Before moto reads its settings: AWS-managed policies (AmazonS3FullAccess, ...) exist in IAM.
os.environ.setdefault("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")

import botocore.session  # noqa: E402
from moto.cognitoidentity.models import CognitoIdentityPool, cognitoidentity_backends  # noqa: E402
from moto.cognitoidentity.responses import CognitoIdentityResponse  # noqa: E402
from moto.cognitoidp.models import CognitoIdpUserPool, cognitoidp_backends  # noqa: E402
from moto.cognitoidp.responses import CognitoIdpResponse  # noqa: E402
from moto.core.exceptions import JsonRESTError  # noqa: E402

try:  # AWS patterns use \p{L} and friends, which only the `regex` module understands.
    import regex as _regex
except ImportError:  # pragma: no cover - regex ships with the machine image
    _regex = None
import re as _re  # noqa: E402

_session = botocore.session.get_session()
_MODELS = {
    "cognito-identity": _session.get_service_model("cognito-identity"),
    "cognito-idp": _session.get_service_model("cognito-idp"),
}

# ------------------------------------------------------------------------------------------------
# errors


class AwsError(JsonRESTError):
    """A JSON 1.1 error response: HTTP 400, {"__type": error_type, "message": message}."""

    code = 400

    def __init__(self, error_type: str, message: str):
        super().__init__(error_type, message)


def _not_found(message: str) -> AwsError:
    return AwsError("ResourceNotFoundException", message)


def _invalid(message: str) -> AwsError:
    return AwsError("InvalidParameterException", message)


# ------------------------------------------------------------------------------------------------
# request validation against the botocore input shape (the API reference's constraints)


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


def _fullmatch(pattern: str, value: str) -> bool:
    if _regex is not None:
        return _regex.fullmatch(pattern, value) is not None
    if "\\p{" in pattern:  # cannot check without `regex`; accept rather than reject wrongly
        return True
    return _re.fullmatch(pattern, value) is not None


def _show(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"))
    return str(value)


class _Validator:
    """Collects constraint violations the way AWS words them ("Value 'x' at 'a.b' failed to ...")."""

    def __init__(self) -> None:
        self.violations: list[str] = []
        self.type_errors: list[str] = []

    def fail(self, value: Any, path: str, constraint: str) -> None:
        shown = "null" if value is None else f"'{_show(value)}'"
        self.violations.append(f"Value {shown} at '{path}' failed to satisfy constraint: {constraint}")

    def check(self, shape: Any, value: Any, path: str) -> None:
        t = shape.type_name
        meta = shape.metadata
        if t == "structure":
            if not isinstance(value, dict):
                self.type_errors.append(f"Expected an object at '{path}'")
                return
            for name in shape.required_members:
                if value.get(name) is None:
                    self.fail(None, self._join(path, name), "Member must not be null")
            for name, member_value in value.items():
                member = shape.members.get(name)
                if member is None or member_value is None:
                    continue  # AWS ignores unknown members
                self.check(member, member_value, self._join(path, name))
        elif t == "list":
            if not isinstance(value, list):
                self.type_errors.append(f"Expected a list at '{path}'")
                return
            self._size(value, meta, path)
            for item in value:
                self.check(shape.member, item, f"{path}.member")
        elif t == "map":
            if not isinstance(value, dict):
                self.type_errors.append(f"Expected a map at '{path}'")
                return
            self._size(value, meta, path)
            for k, v in value.items():
                self.check(shape.key, k, f"{path}.key")
                self.check(shape.value, v, f"{path}.{k}")
        elif t == "string":
            if not isinstance(value, str):
                self.type_errors.append(f"Expected a string at '{path}'")
                return
            self._size(value, meta, path)
            if "enum" in meta and value not in meta["enum"]:
                self.fail(value, path, f"Member must satisfy enum value set: [{', '.join(meta['enum'])}]")
            if "pattern" in meta and not _fullmatch(meta["pattern"], value):
                self.fail(value, path, f"Member must satisfy regular expression pattern: {meta['pattern']}")
        elif t == "boolean":
            if not isinstance(value, bool):
                self.type_errors.append(f"Expected a boolean at '{path}'")
        elif t in ("integer", "long"):
            if isinstance(value, bool) or not isinstance(value, int):
                self.type_errors.append(f"Expected an integer at '{path}'")
                return
            if "min" in meta and value < meta["min"]:
                self.fail(value, path, f"Member must have value greater than or equal to {meta['min']}")
            if "max" in meta and value > meta["max"]:
                self.fail(value, path, f"Member must have value less than or equal to {meta['max']}")

    @staticmethod
    def _join(path: str, name: str) -> str:
        return f"{path}.{_lower_first(name)}" if path else _lower_first(name)

    def _size(self, value: Any, meta: dict[str, Any], path: str) -> None:
        if "min" in meta and len(value) < meta["min"]:
            self.fail(value, path, f"Member must have length greater than or equal to {meta['min']}")
        if "max" in meta and len(value) > meta["max"]:
            self.fail(value, path, f"Member must have length less than or equal to {meta['max']}")


def validate_request(service: str, operation: str, params: Any) -> dict[str, Any]:
    """Checks `params` against the operation's input shape; raises the error AWS would send."""
    shape = _MODELS[service].operation_model(operation).input_shape
    v = _Validator()
    v.check(shape, params, "")
    if v.type_errors:
        raise AwsError("SerializationException", v.type_errors[0])
    if v.violations:
        n = len(v.violations)
        message = f"{n} validation error{'s' if n > 1 else ''} detected: " + "; ".join(v.violations)
        # Cognito user pools report constraint violations as InvalidParameterException; the
        # identity pools API as ValidationException (verified against AWS by moto, PR #4415).
        raise AwsError("InvalidParameterException" if service == "cognito-idp" else "ValidationException", message)
    return params


def _body(response: Any) -> dict[str, Any]:
    raw = response.body
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8")
    if not raw:
        return {}
    try:
        parsed = json.loads(raw)
    except ValueError as e:
        raise AwsError("SerializationException", f"Request body is not valid JSON: {e}") from None
    if not isinstance(parsed, dict):
        raise AwsError("SerializationException", "Request body must be a JSON object")
    return parsed


def _now() -> float:
    return _dt.datetime.now(_dt.timezone.utc).timestamp()


# ------------------------------------------------------------------------------------------------
# cognito-identity: SetIdentityPoolRoles / GetIdentityPoolRoles

_ROLE_ARN = _re.compile(r"arn:aws[\w-]*:iam::\d{12}:role/[\w+=,.@/-]+")
MAX_RULES_PER_PROVIDER = 25  # "You can specify up to 25 rules per identity provider."


def _identity_pool(response: CognitoIdentityResponse, pool_id: str) -> Any:
    backend = cognitoidentity_backends[response.current_account][response.region]
    pool = backend.identity_pools.get(pool_id)
    if pool is None:
        raise _not_found(f"IdentityPool '{pool_id}' not found.")
    return pool


def _check_role_arn(arn: str) -> None:
    if not _ROLE_ARN.fullmatch(arn):
        raise _invalid(f"Invalid role ARN: {arn}")


def set_identity_pool_roles(self: CognitoIdentityResponse) -> str:
    params = validate_request("cognito-identity", "SetIdentityPoolRoles", _body(self))
    pool = _identity_pool(self, params["IdentityPoolId"])
    roles: dict[str, str] = dict(params["Roles"])
    mappings: dict[str, Any] = dict(params.get("RoleMappings") or {})
    for arn in roles.values():
        _check_role_arn(arn)
    for provider, mapping in mappings.items():
        kind = mapping["Type"]
        if kind in ("Token", "Rules") and not mapping.get("AmbiguousRoleResolution"):
            raise _invalid(f"AmbiguousRoleResolution is required for a {kind} role mapping ({provider}).")
        rules = (mapping.get("RulesConfiguration") or {}).get("Rules")
        if kind == "Rules":
            if not rules:
                raise _invalid(f"RulesConfiguration is required for a Rules role mapping ({provider}).")
            if len(rules) > MAX_RULES_PER_PROVIDER:
                raise _invalid(
                    f"Too many rules for {provider}: {len(rules)}; at most {MAX_RULES_PER_PROVIDER} are allowed."
                )
            for rule in rules:
                _check_role_arn(rule["RoleARN"])
    pool.authwarden_roles = roles
    pool.authwarden_role_mappings = mappings
    return ""


def get_identity_pool_roles(self: CognitoIdentityResponse) -> str:
    params = validate_request("cognito-identity", "GetIdentityPoolRoles", _body(self))
    pool = _identity_pool(self, params["IdentityPoolId"])
    out: dict[str, Any] = {
        "IdentityPoolId": pool.identity_pool_id,
        "Roles": dict(getattr(pool, "authwarden_roles", {})),
    }
    mappings = getattr(pool, "authwarden_role_mappings", {})
    if mappings:
        out["RoleMappings"] = json.loads(json.dumps(mappings))
    return json.dumps(out)


# ------------------------------------------------------------------------------------------------
# cognito-idp: risk configuration and log delivery

ALL_EVENT_FILTERS = ["SIGN_IN", "PASSWORD_CHANGE", "SIGN_UP"]


def _user_pool(response: CognitoIdpResponse, pool_id: str) -> Any:
    backend = cognitoidp_backends[response.current_account][response.region]
    pool = backend.user_pools.get(pool_id)
    if pool is None:
        raise _not_found(f"User pool {pool_id} does not exist.")
    return pool


def _client(pool: Any, client_id: str) -> Any:
    client = pool.clients.get(client_id)
    if client is None:
        raise _not_found(f"User pool client {client_id} does not exist.")
    return client


def _check_cidrs(values: list[str], member: str) -> None:
    for value in values:
        try:
            ipaddress.ip_network(value, strict=False)
        except ValueError:
            raise _invalid(f"{member} contains an invalid CIDR block: {value}") from None
        if "/" not in value:
            raise _invalid(f"{member} contains an invalid CIDR block: {value}")


def set_risk_configuration(self: CognitoIdpResponse) -> str:
    params = validate_request("cognito-idp", "SetRiskConfiguration", _body(self))
    pool = _user_pool(self, params["UserPoolId"])
    client_id = params.get("ClientId")
    if client_id is not None:
        _client(pool, client_id)

    compromised = params.get("CompromisedCredentialsRiskConfiguration")
    takeover = params.get("AccountTakeoverRiskConfiguration")
    exceptions = params.get("RiskExceptionConfiguration")
    if compromised is not None:
        compromised = dict(compromised)
        if not compromised.get("EventFilter"):
            compromised["EventFilter"] = list(ALL_EVENT_FILTERS)  # "Defaults to all events."
    if takeover is not None:
        notify = takeover.get("NotifyConfiguration")
        actions = takeover.get("Actions") or {}
        if any((actions.get(level) or {}).get("Notify") for level in ("LowAction", "MediumAction", "HighAction")):
            if not notify:
                raise _invalid("NotifyConfiguration is required when an account takeover action notifies users.")
        for name in ("BlockEmail", "NoActionEmail", "MfaEmail"):
            email = (notify or {}).get(name)
            if email and not (email.get("HtmlBody") or email.get("TextBody")):
                raise _invalid(f"{name} needs an HtmlBody or a TextBody.")
    if exceptions is not None:
        _check_cidrs(exceptions.get("BlockedIPRangeList") or [], "BlockedIPRangeList")
        _check_cidrs(exceptions.get("SkippedIPRangeList") or [], "SkippedIPRangeList")

    store: dict[str | None, dict[str, Any]] = pool.__dict__.setdefault("authwarden_risk", {})
    if compromised is None and takeover is None and exceptions is None:
        # "send this request with only the UserPoolId [and ClientId] parameter" resets to defaults
        # (or, for a client, back to inheriting the pool's configuration).
        store.pop(client_id, None)
        config: dict[str, Any] = {"UserPoolId": pool.id, "LastModifiedDate": _now()}
        if client_id is not None:
            config["ClientId"] = client_id
        return json.dumps({"RiskConfiguration": config})

    config = {"UserPoolId": pool.id}
    if client_id is not None:
        config["ClientId"] = client_id
    if compromised is not None:
        config["CompromisedCredentialsRiskConfiguration"] = compromised
    if takeover is not None:
        config["AccountTakeoverRiskConfiguration"] = takeover
    if exceptions is not None:
        config["RiskExceptionConfiguration"] = exceptions
    config["LastModifiedDate"] = _now()
    store[client_id] = json.loads(json.dumps(config))
    return json.dumps({"RiskConfiguration": config})


def describe_risk_configuration(self: CognitoIdpResponse) -> str:
    params = validate_request("cognito-idp", "DescribeRiskConfiguration", _body(self))
    pool = _user_pool(self, params["UserPoolId"])
    client_id = params.get("ClientId")
    if client_id is not None:
        _client(pool, client_id)
    store: dict[str | None, dict[str, Any]] = getattr(pool, "authwarden_risk", {})
    config = store.get(client_id) if client_id is not None else None
    if config is None:
        config = store.get(None)
    if config is None:
        config = {"UserPoolId": pool.id}
        if client_id is not None:
            config["ClientId"] = client_id
    return json.dumps({"RiskConfiguration": config})


def _pool_tier(pool: Any) -> str:
    return str(pool.extended_config.get("UserPoolTier") or "ESSENTIALS")


def set_log_delivery_configuration(self: CognitoIdpResponse) -> str:
    params = validate_request("cognito-idp", "SetLogDeliveryConfiguration", _body(self))
    pool = _user_pool(self, params["UserPoolId"])
    configs = params["LogConfigurations"]
    seen: set[str] = set()
    for c in configs:
        source = c["EventSource"]
        if source in seen:
            raise _invalid(f"LogConfigurations has more than one configuration for {source}.")
        seen.add(source)
        destinations = [k for k in ("CloudWatchLogsConfiguration", "S3Configuration", "FirehoseConfiguration") if c.get(k)]
        if len(destinations) != 1:
            raise _invalid(f"A log configuration for {source} needs exactly one destination.")
        if source == "userNotification":
            # "To send userNotification activity ..., choose ERROR with CloudWatchLogsConfiguration."
            if c["LogLevel"] != "ERROR" or destinations[0] != "CloudWatchLogsConfiguration":
                raise _invalid("userNotification logs need LogLevel ERROR and a CloudWatchLogsConfiguration.")
        else:
            # "To send userAuthEvents activity ... with the Plus feature plan, choose INFO ..."
            if c["LogLevel"] != "INFO":
                raise _invalid("userAuthEvents logs need LogLevel INFO.")
            if _pool_tier(pool) != "PLUS":
                raise AwsError(
                    "FeatureUnavailableInTierException",
                    "User activity log export requires the Plus feature plan.",
                )
    pool.authwarden_log_delivery = json.loads(json.dumps(configs))
    return json.dumps({"LogDeliveryConfiguration": {"UserPoolId": pool.id, "LogConfigurations": configs}})


def get_log_delivery_configuration(self: CognitoIdpResponse) -> str:
    params = validate_request("cognito-idp", "GetLogDeliveryConfiguration", _body(self))
    pool = _user_pool(self, params["UserPoolId"])
    configs = getattr(pool, "authwarden_log_delivery", [])
    return json.dumps({"LogDeliveryConfiguration": {"UserPoolId": pool.id, "LogConfigurations": configs}})


# ------------------------------------------------------------------------------------------------
# cognito-idp: UpdateResourceServer / DeleteResourceServer (terraform calls them on change and destroy)


def _resource_server(response: CognitoIdpResponse, pool_id: str, identifier: str) -> tuple[Any, Any]:
    pool = _user_pool(response, pool_id)
    server = pool.resource_servers.get(identifier)
    if server is None:
        raise _not_found(f"Resource server {identifier} does not exist.")
    return pool, server


def update_resource_server(self: CognitoIdpResponse) -> str:
    params = validate_request("cognito-idp", "UpdateResourceServer", _body(self))
    _, server = _resource_server(self, params["UserPoolId"], params["Identifier"])
    server.name = params["Name"]
    server.scopes = list(params.get("Scopes") or [])  # the request replaces the scopes wholesale
    return json.dumps({"ResourceServer": server.to_json()})


def delete_resource_server(self: CognitoIdpResponse) -> str:
    params = validate_request("cognito-idp", "DeleteResourceServer", _body(self))
    pool, _ = _resource_server(self, params["UserPoolId"], params["Identifier"])
    del pool.resource_servers[params["Identifier"]]
    return ""


# ------------------------------------------------------------------------------------------------
# fields moto 5.2.1 drops that the estate sets (without them every plan after apply shows drift)


def _patch_allow_classic_flow() -> None:
    """AllowClassicFlow on Create/Update/DescribeIdentityPool (moto ignores it; AWS default false)."""
    original_to_json = CognitoIdentityPool.to_json
    original_create = CognitoIdentityResponse.create_identity_pool
    original_update = CognitoIdentityResponse.update_identity_pool

    def to_json(self: Any) -> str:
        out = json.loads(original_to_json(self))
        out["AllowClassicFlow"] = bool(getattr(self, "allow_classic_flow", False))
        return json.dumps(out)

    def remember(response: Any, result: str, keep_when_absent: bool) -> str:
        pool = _identity_pool(response, json.loads(result)["IdentityPoolId"])
        value = response._get_param("AllowClassicFlow")
        if value is not None or not keep_when_absent:
            pool.allow_classic_flow = bool(value)
        return pool.to_json()

    def create_identity_pool(self: Any) -> str:
        return remember(self, original_create(self), keep_when_absent=False)

    def update_identity_pool(self: Any) -> str:
        _identity_pool(self, self._get_param("IdentityPoolId"))  # moto answers 500 (KeyError) otherwise
        return remember(self, original_update(self), keep_when_absent=True)

    CognitoIdentityPool.to_json = to_json  # type: ignore[method-assign]
    CognitoIdentityResponse.create_identity_pool = _errors_as_responses(create_identity_pool)  # type: ignore[method-assign]
    CognitoIdentityResponse.update_identity_pool = _errors_as_responses(update_identity_pool)  # type: ignore[method-assign]


def _patch_user_pool_tier() -> None:
    """DescribeUserPool always carries UserPoolTier; a pool created without one is on ESSENTIALS."""
    original = CognitoIdpUserPool.to_json

    def to_json(self: Any, extended: bool = False) -> dict[str, Any]:
        out = original(self, extended)
        if extended:
            out.setdefault("UserPoolTier", "ESSENTIALS")
        return out

    CognitoIdpUserPool.to_json = to_json  # type: ignore[method-assign]


def _patch_account_recovery_setting() -> None:
    """DescribeUserPool carries AccountRecoverySetting only when the pool was given one, as AWS does.

    moto 5.2.1 invents verified_email then verified_phone_number for every pool (fixed upstream in
    5.2.3, "do not invent an AccountRecoverySetting"); the invented value is kept internally, where
    moto's forgot-password flow reads it, and left out of the response.
    """
    original_update = CognitoIdpUserPool.update_extended_config
    original_to_json = CognitoIdpUserPool.to_json

    def update_extended_config(self: Any, extended_config: dict[str, Any]) -> None:
        self.authwarden_recovery_given = "AccountRecoverySetting" in (extended_config or {})
        original_update(self, extended_config)

    def to_json(self: Any, extended: bool = False) -> dict[str, Any]:
        out = original_to_json(self, extended)
        if extended and not getattr(self, "authwarden_recovery_given", True):
            out.pop("AccountRecoverySetting", None)
        return out

    CognitoIdpUserPool.update_extended_config = update_extended_config  # type: ignore[method-assign]
    CognitoIdpUserPool.to_json = to_json  # type: ignore[method-assign]


# ------------------------------------------------------------------------------------------------
# wiring

HANDLERS: dict[type, dict[str, Callable[..., str]]] = {
    CognitoIdentityResponse: {
        "set_identity_pool_roles": set_identity_pool_roles,
        "get_identity_pool_roles": get_identity_pool_roles,
    },
    CognitoIdpResponse: {
        "set_risk_configuration": set_risk_configuration,
        "describe_risk_configuration": describe_risk_configuration,
        "set_log_delivery_configuration": set_log_delivery_configuration,
        "get_log_delivery_configuration": get_log_delivery_configuration,
        "update_resource_server": update_resource_server,
        "delete_resource_server": delete_resource_server,
    },
}


_installed = False


def install() -> None:
    """Adds the handlers to moto's response classes (moto dispatches X-Amz-Target to method names)."""
    global _installed
    if _installed:
        return
    _installed = True
    for cls, methods in HANDLERS.items():
        for name, fn in methods.items():
            setattr(cls, name, _errors_as_responses(fn))
    _patch_allow_classic_flow()
    _patch_user_pool_tier()
    _patch_account_recovery_setting()
    base = sys.modules[__name__]
    for extension in _extensions():
        extension.install(base)


def _extensions() -> list[Any]:
    """The extension modules beside this file (ext_<topic>.py), each with install(base), in name order.

    Loaded by path wherever this file was loaded from; `base` is this module, handed over because it
    runs as __main__ (importing it by name would load a second copy). Each extension adds its own
    operations or patches (its docstring says which), so they are independent of one another and the
    order only makes the start the same every time.
    """
    import glob
    import importlib.util

    modules = []
    for path in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ext_*.py"))):
        name = os.path.splitext(os.path.basename(path))[0]
        spec = importlib.util.spec_from_file_location(f"authwarden_{name}", path)
        assert spec and spec.loader, path
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        modules.append(module)
    return modules


JSON_11 = "application/x-amz-json-1.1"


def _errors_as_responses(fn: Callable[..., str]) -> Callable[..., Any]:
    def handler(self: Any) -> Any:
        try:
            body = fn(self)
        except JsonRESTError as e:
            return e.description, {"status": e.code, "Content-Type": JSON_11}
        return body, {"status": 200, "Content-Type": JSON_11}

    handler.__name__ = fn.__name__
    return handler


def serve(port: int, host: str = "127.0.0.1", ready: Callable[[str], None] | None = None) -> None:
    """Runs the server in this thread until SIGTERM/SIGINT; calls ready(url) once it listens."""
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
    from werkzeug.serving import make_server

    install()
    app = DomainDispatcherApplication(create_backend_app)
    server = make_server(host, port, app, threaded=True)
    actual_port = server.server_address[1]
    os.environ["MOTO_PORT"] = str(actual_port)  # moto builds some URLs (S3, API Gateway) from it

    def stop(signum: int, frame: Any) -> None:
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    url = f"http://{host}:{actual_port}"
    (ready or (lambda u: print(f"moto ready on {u}", flush=True)))(url)
    try:
        server.serve_forever()
    finally:
        server.server_close()


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not argv[0].isdigit() or not 0 <= int(argv[0]) <= 65535:
        print("usage: authwarden_moto.py PORT   (0 picks a free port)", file=sys.stderr)
        return 2
    serve(int(argv[0]))
    print("moto stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
