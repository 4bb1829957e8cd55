// What an app client can do, derived from its OAuth flows and explicit auth flows.

import { known, type UserPoolClient, type Value } from "../../model/index.js";

/**
 * Whether the client can obtain refresh tokens: through the authorization code grant or any
 * user sign-in flow of explicit_auth_flows. A client credentials (machine-to-machine) client with
 * no user sign-in flow gets none; neither does the implicit grant.
 */
export function issuesRefreshTokens(client: UserPoolClient): Value<boolean> {
  const oauth = client.allowedOAuthFlows;
  const explicit = client.explicitAuthFlows;
  if (oauth.known && oauth.value.includes("code")) return known(true);
  if (explicit.known && explicit.value.some((flow) => flow !== "ALLOW_REFRESH_TOKEN_AUTH")) return known(true);
  if (!oauth.known) return oauth;
  if (!explicit.known) return explicit;
  return known(false);
}
