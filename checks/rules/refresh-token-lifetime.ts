import { issuesRefreshTokens, onUserSessions } from "./utils/client-flows.js";
import { defineRule, unknownFinding, type Finding } from "../engine/rule.js";
import { lifetimeFinding } from "./utils/lifetime.js";

type MessageId = "pass" | "tooLong";

export default defineRule<{ maxHours: number }, MessageId>({
  meta: {
    id: "refresh-token-lifetime",
    title: "Refresh tokens expire within 12 hours (30 days on consumer pools)",
    description:
      "A refresh token mints new access tokens without the password, so its validity is the real session length (PCI DSS 8.2.8): at most a working day for staff, 30 days for shoppers. refresh_token_validity is in days unless token_validity_units says otherwise. Clients that cannot obtain refresh tokens (client credentials only) are not applicable.",
    severity: "medium",
    pci: [{ id: "8.2.8", relation: "supports" }],
    resourceKinds: ["UserPoolClient"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          maxHours: {
            type: "integer",
            minimum: 1,
            maximum: 87600,
            description: "Longest acceptable refresh token validity, in hours.",
          },
        },
      },
      defaults: { maxHours: 12 },
      audienceDefaults: { consumer: { maxHours: 720 } },
    },
    messages: {
      pass: "{{resource}} issues refresh tokens valid for {{actual}} (at most {{expected}} hours)",
      tooLong: "{{resource}} issues refresh tokens valid for {{actual}}; at most {{expected}} hours are allowed",
    },
    remediation: {
      summary:
        "Set refresh_token_validity with explicit token_validity_units (e.g. 12 hours for staff, 30 days or less for shoppers).",
      cdktf: `new CognitoUserPoolClient(this, "Client", {\n  name: "admin",\n  userPoolId: pool.id,\n  refreshTokenValidity: 12,\n  tokenValidityUnits: [{ accessToken: "minutes", idToken: "minutes", refreshToken: "hours" }],\n});`,
    },
  },
  check(estate, context) {
    return estate.userPoolClients.map((client): Finding<MessageId> =>
      onUserSessions(client, () => {
        const { maxHours } = context.options(client);
        const issues = issuesRefreshTokens(client);
        if (!issues.known) return unknownFinding(client, "allowed_oauth_flows / explicit_auth_flows", issues);
        if (!issues.value)
          return {
            resource: client,
            status: "NOT_APPLICABLE",
            messageId: "notApplicable",
            data: { reason: "the client has no user sign-in flow, so it obtains no refresh tokens" },
          };
        return lifetimeFinding(client, "refresh_token", client.refreshTokenValidity, maxHours * 3600, maxHours);
      }),
    );
  },
});
