import { USER_POOL_CLIENT_FIELDS } from "../model/fields/index.js";
import { defineRule } from "../engine/rule.js";
import { onUserSessions } from "./utils/client-flows.js";
import { valueFinding, type ValueCheck } from "./utils/value-rule.js";
import type { UserPoolClient } from "../model/index.js";

type MessageId = "pass" | "tooLong";

export default defineRule<{ maxMinutes: number }, MessageId>({
  meta: {
    id: "auth-session-lifetime",
    title: "Sign-in sessions between challenges expire within 5 minutes (auth_session_validity <= 5)",
    description:
      "auth_session_validity is how long the session token between authentication challenges (password then MFA code) stays valid; a long window lets a half-finished sign-in be completed later by someone else (PCI DSS 8.2.8). Cognito's default is 3 minutes, the range 3 to 15. A machine-to-machine client without user sign-in has no user session: not applicable.",
    severity: "low",
    pci: [{ id: "8.2.8", relation: "supports" }],
    resourceKinds: ["UserPoolClient"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          maxMinutes: {
            type: "integer",
            minimum: 3,
            maximum: 15,
            description: "Longest acceptable auth_session_validity, in minutes.",
          },
        },
      },
      defaults: { maxMinutes: 5 },
    },
    messages: {
      pass: "{{resource}} expires sign-in sessions after {{actual}} minutes{{origin}} (at most {{expected}})",
      tooLong:
        "{{resource}} keeps sign-in sessions open for {{actual}} minutes between challenges; at most {{expected}} minutes are allowed",
    },
    remediation: {
      summary: "Set auth_session_validity to 3 (the default) up to 5 minutes.",
      cdktf: `new CognitoUserPoolClient(this, "Client", { name: "web", userPoolId: pool.id, authSessionValidity: 3 });`,
    },
  },
  check(estate, context) {
    const check: ValueCheck<UserPoolClient, number, MessageId> = {
      attribute: USER_POOL_CLIENT_FIELDS.authSessionValidityMinutes.label,
      value: (client) => client.authSessionValidityMinutes,
      compare: (client) => ({ atMost: context.options(client).maxMinutes }),
      messages: { pass: "pass", fail: "tooLong" },
      defaultNote: " (not set: Cognito's default)",
    };
    return estate.userPoolClients.map((client) => onUserSessions(client, () => valueFinding(client, check)));
  },
});
