"""API Gateway v2 (HTTP APIs) operations moto 5.2.1 lacks, for the scan of HTTP APIs.

    apigatewayv2  GetAuthorizers   GET /v2/apis/{apiId}/authorizers

moto implements CreateAuthorizer and GetAuthorizer (one by id) but not the listing the scanner
reads. Following the API reference (GetAuthorizers: "Items", "NextToken"; the REST-JSON wire names
"items" and "nextToken"), it returns every authorizer of the API in one page (moto's own GetRoutes
and GetStages do the same), and NotFoundException for an unknown API, raised by moto's get_api as
its other operations raise it.
"""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any

from moto.apigatewayv2.responses import ApiGatewayV2Response


def get_authorizers(self: ApiGatewayV2Response) -> Any:
    api_id = self.path.split("/")[-2]
    api = self.apigatewayv2_backend.get_api(api_id)
    items = [authorizer.to_json() for authorizer in api.authorizers.values()]
    return 200, {}, json.dumps({"items": items})


def install(base: ModuleType) -> None:
    """Adds the handlers to moto's API Gateway v2 response class (dispatched by operation name).

    Needs nothing of `base` (authwarden_moto): it takes it as every extension's install() does.
    """
    ApiGatewayV2Response.get_authorizers = get_authorizers  # type: ignore[attr-defined]
