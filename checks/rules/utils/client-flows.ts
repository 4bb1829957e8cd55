// What an app client can do, derived from its OAuth flows and explicit auth flows.

import { unknownFinding, type Finding } from "../../engine/rule.js";
import { known, mapValue, type UserPoolClient, type Value } from "../../model/index.js";

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

/** RULES.md: a client is machine to machine when its allowed_oauth_flows include client_credentials. */
export function isMachineToMachine(client: UserPoolClient): Value<boolean> {
  return mapValue(client.allowedOAuthFlows, (flows) => flows.includes("client_credentials"));
}

/**
 * The flows through which a client signs users in: the authorization code and implicit grants, and
 * every explicit auth flow but ALLOW_REFRESH_TOKEN_AUTH (unset explicit_auth_flows is AWS's default,
 * which signs users in with SRP and custom auth).
 */
export function userSignInFlows(client: UserPoolClient): Value<string[]> {
  const oauth = client.allowedOAuthFlows;
  const explicit = client.explicitAuthFlows;
  if (!oauth.known) return oauth;
  if (!explicit.known) return explicit;
  return known([
    ...oauth.value.filter((flow) => flow === "code" || flow === "implicit"),
    ...explicit.value.filter((flow) => flow !== "ALLOW_REFRESH_TOKEN_AUTH"),
  ]);
}

/** A machine-to-machine client that allows no user sign-in (passes m2m-client-no-user-flows) has no user session. */
export function withoutUserSession(client: UserPoolClient): Value<boolean> {
  const m2m = isMachineToMachine(client);
  if (!m2m.known || !m2m.value) return m2m;
  return mapValue(userSignInFlows(client), (flows) => flows.length === 0);
}

export const NO_USER_SESSION = "a machine-to-machine client without user sign-in has no user session";

/**
 * A user-session rule's finding: NOT_APPLICABLE on a client without user session; where that cannot
 * be told, a FAIL is UNKNOWN (the rule may not apply) and anything else stands.
 */
export function onUserSessions<M extends string>(client: UserPoolClient, judge: () => Finding<M>): Finding<M> {
  const none = withoutUserSession(client);
  if (none.known && none.value)
    return {
      resource: client,
      status: "NOT_APPLICABLE",
      messageId: "notApplicable",
      data: { reason: NO_USER_SESSION },
    };
  const finding = judge();
  if (!none.known && finding.status === "FAIL")
    return unknownFinding(client, "allowed_oauth_flows / explicit_auth_flows (machine to machine?)", none);
  return finding;
}
