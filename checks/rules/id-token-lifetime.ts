import { defineRule, type Finding } from "../engine/rule.js";
import { onUserSessions } from "./utils/client-flows.js";
import { lifetimeFinding } from "./utils/lifetime.js";

type MessageId = "pass" | "tooLong";

export default defineRule<{ maxMinutes: number }, MessageId>({
  meta: {
    id: "id-token-lifetime",
    title: "ID tokens expire within 15 minutes (60 minutes on consumer pools)",
    description:
      "PCI DSS 8.2.8 asks that idle sessions end after 15 minutes. Applications often treat a valid ID token as a signed-in session, so its validity bounds the session like the access token's. A machine-to-machine client without user sign-in has no user session: not applicable. id_token_validity is in hours unless token_validity_units says otherwise.",
    severity: "medium",
    pci: [{ id: "8.2.8", relation: "supports" }],
    resourceKinds: ["UserPoolClient"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          maxMinutes: {
            type: "integer",
            minimum: 5,
            maximum: 1440,
            description: "Longest acceptable ID token validity, in minutes.",
          },
        },
      },
      defaults: { maxMinutes: 15 },
      audienceDefaults: { consumer: { maxMinutes: 60 } },
    },
    messages: {
      pass: "{{resource}} issues ID tokens valid for {{actual}} (at most {{expected}} minutes)",
      tooLong: "{{resource}} issues ID tokens valid for {{actual}}; at most {{expected}} minutes are allowed",
    },
    remediation: {
      summary: "Set id_token_validity with explicit token_validity_units (e.g. 15 minutes).",
      cdktf: `new CognitoUserPoolClient(this, "Client", {\n  name: "admin",\n  userPoolId: pool.id,\n  accessTokenValidity: 15,\n  idTokenValidity: 15,\n  tokenValidityUnits: [{ accessToken: "minutes", idToken: "minutes", refreshToken: "hours" }],\n});`,
    },
  },
  check(estate, context) {
    return estate.userPoolClients.map((client): Finding<MessageId> => {
      const { maxMinutes } = context.options(client);
      return onUserSessions(client, () =>
        lifetimeFinding(client, "id_token", client.idTokenValidity, maxMinutes * 60, maxMinutes),
      );
    });
  },
});
