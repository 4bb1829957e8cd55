import { issuesRefreshTokens, onUserSessions } from "./utils/client-flows.js";
import { defineRule, evidenceOf, unknownFinding, type Finding } from "../engine/rule.js";
import { describeValidity } from "./utils/lifetime.js";
import { defaultNote } from "./utils/value-rule.js";

type MessageId = "pass" | "notRotated";

export default defineRule<{ required: boolean; minRefreshHours: number }, MessageId>({
  meta: {
    id: "refresh-token-rotation",
    title: "Consumer clients with refresh tokens longer than a day rotate them (refresh_token_rotation ENABLED)",
    description:
      "A long-lived refresh token that never changes is a standing credential: stolen once, it works until it expires (PCI DSS 8.2.8). Clients of consumer pools whose refresh tokens live longer than a day must enable refresh token rotation, so each use issues a new token and a replayed old one is refused. On workforce and business-customer pools refresh-token-lifetime caps refresh tokens at 12 hours instead, so this rule is not applicable there unless the policy sets required. Clients that obtain no refresh tokens, or short-lived ones, are not applicable.",
    severity: "medium",
    pci: [{ id: "8.2.8", relation: "supports" }],
    resourceKinds: ["UserPoolClient"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          required: {
            type: "boolean",
            description:
              "Whether rotation is checked for clients of pools of this audience (consumer pools by default).",
          },
          minRefreshHours: {
            type: "integer",
            minimum: 0,
            maximum: 87600,
            description: "Rotation is required when refresh tokens live longer than this many hours.",
          },
        },
      },
      defaults: { required: false, minRefreshHours: 24 },
      audienceDefaults: { consumer: { required: true } },
    },
    messages: {
      pass: "{{resource}} rotates its refresh tokens (valid for {{validity}})",
      notRotated:
        "{{resource}} issues refresh tokens valid for {{validity}} without rotation (refresh_token_rotation.feature {{actual}}{{origin}}); rotation is required beyond {{threshold}} hours",
    },
    remediation: {
      summary:
        "Set refresh_token_rotation { feature = ENABLED } (and leave ALLOW_REFRESH_TOKEN_AUTH out of explicit_auth_flows, which Cognito refuses with rotation).",
      cdktf: `new CognitoUserPoolClient(this, "Client", {\n  name: "web",\n  userPoolId: pool.id,\n  explicitAuthFlows: ["ALLOW_USER_SRP_AUTH"],\n  refreshTokenRotation: [{ feature: "ENABLED", retryGracePeriodSeconds: 10 }],\n});`,
    },
  },
  check(estate, context) {
    return estate.userPoolClients.map((client): Finding<MessageId> =>
      onUserSessions(client, () => {
        const { required, minRefreshHours } = context.options(client);
        const notApplicable = (reason: string): Finding<MessageId> => ({
          resource: client,
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          data: { reason },
        });
        if (!required) {
          return notApplicable(
            `rotation is required on consumer pools; this client's pool is ${context.audience(client).audience}, whose refresh tokens refresh-token-lifetime caps instead`,
          );
        }
        const issues = issuesRefreshTokens(client);
        if (!issues.known) return unknownFinding(client, "allowed_oauth_flows / explicit_auth_flows", issues);
        if (!issues.value) return notApplicable("the client has no user sign-in flow, so it obtains no refresh tokens");
        const validity = client.refreshTokenValidity;
        if (!validity.known) return unknownFinding(client, "refresh_token_validity", validity);
        const described = describeValidity(validity, "refresh_token");
        if (validity.value.seconds <= minRefreshHours * 3600)
          return notApplicable(`refresh tokens live ${described}, not longer than ${minRefreshHours} hours`);
        const rotation = client.refreshTokenRotation;
        if (!rotation.known) return unknownFinding(client, "refresh_token_rotation.feature", rotation);
        const evidence = [
          { attribute: "refresh_token_validity", value: described, origin: validity.origin },
          evidenceOf("refresh_token_rotation.feature", rotation),
        ];
        const data = {
          validity: described,
          actual: rotation.value,
          origin: defaultNote(rotation, " (not set)"),
          threshold: minRefreshHours,
        };
        return rotation.value === "ENABLED"
          ? { resource: client, status: "PASS", messageId: "pass", data, evidence }
          : { resource: client, status: "FAIL", messageId: "notRotated", data, evidence };
      }),
    );
  },
});
