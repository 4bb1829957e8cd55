// aws_cognito_user_pool_client / DescribeUserPoolClient. Token validities are read with their units
// by model/token-validity.ts, which holds their defaults.

import { flag, integer, list, listOrNull, oneOf } from "./field.js";

/** The explicit auth flows the API accepts, the legacy names included. */
const EXPLICIT_AUTH_FLOWS = [
  "ADMIN_NO_SRP_AUTH",
  "CUSTOM_AUTH_FLOW_ONLY",
  "USER_PASSWORD_AUTH",
  "ALLOW_ADMIN_USER_PASSWORD_AUTH",
  "ALLOW_CUSTOM_AUTH",
  "ALLOW_USER_PASSWORD_AUTH",
  "ALLOW_USER_SRP_AUTH",
  "ALLOW_REFRESH_TOKEN_AUTH",
  "ALLOW_USER_AUTH",
];

export const USER_POOL_CLIENT_FIELDS = {
  authSessionValidityMinutes: integer({
    terraform: "auth_session_validity",
    api: "AuthSessionValidity",
    label: "auth_session_validity",
    default: 3,
    range: { min: 3, max: 15 },
  }),
  enableTokenRevocation: flag({
    terraform: "enable_token_revocation",
    api: "EnableTokenRevocation",
    label: "enable_token_revocation",
    default: true,
  }),
  preventUserExistenceErrors: oneOf(["LEGACY", "ENABLED"], {
    terraform: "prevent_user_existence_errors",
    api: "PreventUserExistenceErrors",
    label: "prevent_user_existence_errors",
    default: "LEGACY",
  }),
  refreshTokenRotation: oneOf(["ENABLED", "DISABLED"], {
    terraform: "refresh_token_rotation.feature",
    api: "RefreshTokenRotation.Feature",
    label: "refresh_token_rotation.feature",
    default: "DISABLED",
  }),
  allowedOAuthFlows: list(
    { terraform: "allowed_oauth_flows", api: "AllowedOAuthFlows", label: "allowed_oauth_flows", default: [] },
    ["code", "implicit", "client_credentials"],
  ),
  allowedOAuthScopes: list({
    terraform: "allowed_oauth_scopes",
    api: "AllowedOAuthScopes",
    label: "allowed_oauth_scopes",
    default: [],
  }),
  // The API's documented default when ExplicitAuthFlows is left out.
  explicitAuthFlows: list(
    {
      terraform: "explicit_auth_flows",
      api: "ExplicitAuthFlows",
      label: "explicit_auth_flows",
      default: ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH"],
    },
    EXPLICIT_AUTH_FLOWS,
  ),
  // Not set: the client may read the standard attributes and the verified flags, and write the standard
  // attributes only (CreateUserPoolClient), so no custom attribute.
  readAttributes: listOrNull({
    terraform: "read_attributes",
    api: "ReadAttributes",
    label: "read_attributes",
    default: null,
  }),
  writeAttributes: listOrNull({
    terraform: "write_attributes",
    api: "WriteAttributes",
    label: "write_attributes",
    default: null,
  }),
};
