"""AssumeRole as AWS answers it, for the organization scan tests.

moto's STS hands out credentials for any role ARN, existing or not, whatever its trust policy says
(moto/sts/models.py: "the role does not need to exist"). AWS refuses with AccessDenied unless the
role exists and its trust policy allows the caller
(https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html, "AccessDenied"; the trust
policy is a resource-based policy: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html).
This module makes moto do the same for what the tests need: an Allow statement for sts:AssumeRole
whose AWS principal is the caller's account (its id, its root ARN, or any principal ARN in it) or
"*", and whose StringEquals sts:ExternalId condition, if any, matches. Deny statements and other
condition keys are not evaluated: the tests' trust policies have none.

The caller's account is the account of the STS backend that serves the request (moto picks it from
the access key: assumed-role keys belong to the role's account, the default key to 123456789012).
"""

from __future__ import annotations

import json
import re
from types import ModuleType
from typing import Any
from urllib.parse import unquote

from moto.iam.models import iam_backends
from moto.sts.exceptions import STSClientError
from moto.sts.models import STSBackend
from moto.utilities.utils import get_partition

_ROLE_ARN = re.compile(r"^arn:aws[\w-]*:iam::(\d{12}):role/(?:.*/)?([\w+=,.@-]+)$")


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _principal_in(principal: str, account: str) -> bool:
    if principal in ("*", account):
        return True
    match = re.match(r"^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):", principal)
    return bool(match and match.group(1) == account)


def _allows(document: dict[str, Any], account: str, external_id: str | None) -> bool:
    for statement in _as_list(document.get("Statement")):
        if statement.get("Effect") != "Allow":
            continue
        actions = _as_list(statement.get("Action"))
        if not any(a in ("sts:AssumeRole", "sts:*", "*") for a in actions):
            continue
        principal = statement.get("Principal")
        aws = _as_list(principal.get("AWS")) if isinstance(principal, dict) else _as_list(principal)
        if not any(_principal_in(str(p), account) for p in aws):
            continue
        required = (statement.get("Condition") or {}).get("StringEquals", {}).get("sts:ExternalId")
        if required is not None and external_id not in _as_list(required):
            continue
        return True
    return False


def _denied(caller: str, role_arn: str) -> STSClientError:
    return STSClientError(
        "AccessDenied",
        f"User: arn:aws:iam::{caller}:root is not authorized to perform: sts:AssumeRole on resource: {role_arn}",
    )


def install(base: ModuleType) -> None:
    """Makes moto's AssumeRole check the role's trust policy.

    Needs nothing of `base` (authwarden_moto): it takes it as every extension's install() does.
    """
    original = STSBackend.assume_role

    def assume_role(self: STSBackend, **kwargs: Any) -> Any:
        role_arn = kwargs["role_arn"]
        match = _ROLE_ARN.match(role_arn)
        if not match:
            raise _denied(self.account_id, role_arn)
        account, name = match.group(1), match.group(2)
        roles = iam_backends[account][get_partition(kwargs["region_name"])].roles.values()
        role = next((r for r in roles if r.name == name), None)
        if role is None:
            raise _denied(self.account_id, role_arn)
        document = json.loads(unquote(role.assume_role_policy_document))
        if not _allows(document, self.account_id, kwargs.get("external_id")):
            raise _denied(self.account_id, role_arn)
        return original(self, **kwargs)

    # Web identity and SAML go through assume_role in moto; their trust (Federated principals) is not modelled here.
    STSBackend.assume_role_with_web_identity = lambda self, **kwargs: original(self, **kwargs)  # type: ignore[method-assign]
    STSBackend.assume_role = assume_role  # type: ignore[method-assign]
