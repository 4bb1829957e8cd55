import { defineRule, unknownFinding, type Finding } from "../engine/rule.js";
import { withoutUserSession } from "./utils/client-flows.js";
import { lifetimeFinding } from "./utils/lifetime.js";

type MessageId = "pass" | "tooLong";

export default defineRule<{ maxMinutes: number; machineToMachineMaxMinutes: number }, MessageId>({
  meta: {
    id: "access-token-lifetime",
    title: "Access tokens expire within 15 minutes (60 minutes on consumer pools and machine-to-machine clients)",
    description:
      "PCI DSS 8.2.8 asks that idle sessions end after 15 minutes. An access token outlives any logout, so its validity bounds the session. access_token_validity is in hours unless token_validity_units says otherwise. A machine-to-machine client without user sign-in has no user session: its tokens are held to machineToMachineMaxMinutes (60) instead; one that also signs users in takes its pool's threshold.",
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
            description: "Longest acceptable access token validity, in minutes.",
          },
          machineToMachineMaxMinutes: {
            type: "integer",
            minimum: 5,
            maximum: 1440,
            description:
              "Longest acceptable access token validity of a machine-to-machine client without user sign-in, in minutes.",
          },
        },
      },
      defaults: { maxMinutes: 15, machineToMachineMaxMinutes: 60 },
      audienceDefaults: { consumer: { maxMinutes: 60 } },
    },
    messages: {
      pass: "{{resource}} issues access tokens valid for {{actual}} (at most {{expected}} minutes)",
      tooLong: "{{resource}} issues access tokens valid for {{actual}}; at most {{expected}} minutes are allowed",
    },
    remediation: {
      summary: "Set access_token_validity with explicit token_validity_units (e.g. 15 minutes).",
      cdktf: `new CognitoUserPoolClient(this, "Client", {\n  name: "admin",\n  userPoolId: pool.id,\n  accessTokenValidity: 15,\n  idTokenValidity: 15,\n  tokenValidityUnits: [{ accessToken: "minutes", idToken: "minutes", refreshToken: "hours" }],\n});`,
    },
  },
  check(estate, context) {
    return estate.userPoolClients.map((client): Finding<MessageId> => {
      const { maxMinutes, machineToMachineMaxMinutes } = context.options(client);
      const machine = withoutUserSession(client);
      const limit = machine.known && machine.value ? machineToMachineMaxMinutes : maxMinutes;
      const finding = lifetimeFinding(client, "access_token", client.accessTokenValidity, limit * 60, limit);
      // Whether the client signs users in decides the limit: a FAIL only the pool's limit gives is then unknown.
      if (!machine.known && finding.status === "FAIL" && client.accessTokenValidity.known) {
        const asMachine = client.accessTokenValidity.value.seconds <= machineToMachineMaxMinutes * 60;
        if (asMachine)
          return unknownFinding(client, "allowed_oauth_flows / explicit_auth_flows (machine to machine?)", machine);
      }
      return finding;
    });
  },
});
