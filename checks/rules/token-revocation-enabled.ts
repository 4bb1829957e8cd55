import { USER_POOL_CLIENT_FIELDS } from "../model/fields/index.js";
import { defineRule, type NoOptions } from "../engine/rule.js";
import { onUserSessions } from "./utils/client-flows.js";
import { valueFinding, type ValueCheck } from "./utils/value-rule.js";
import type { UserPoolClient } from "../model/index.js";

type MessageId = "pass" | "disabled";

export default defineRule<NoOptions, MessageId>({
  meta: {
    id: "token-revocation-enabled",
    title: "App clients can revoke refresh tokens (enable_token_revocation)",
    description:
      "Without token revocation, signing out or disabling a compromised session cannot invalidate its refresh token, which keeps minting access tokens until it expires; it supports the immediate revocation of PCI DSS 8.2.5. enable_token_revocation defaults to true on new clients. A machine-to-machine client without user sign-in has no user session: not applicable.",
    severity: "medium",
    pci: [{ id: "8.2.5", relation: "supports" }],
    resourceKinds: ["UserPoolClient"],
    messages: {
      pass: "{{resource}} can revoke refresh tokens{{origin}}",
      disabled: "{{resource}} cannot revoke refresh tokens: enable_token_revocation is false",
    },
    remediation: {
      summary: "Set enable_token_revocation to true (or leave it unset) and call RevokeToken on sign-out.",
      cdktf: `new CognitoUserPoolClient(this, "Client", { name: "web", userPoolId: pool.id, enableTokenRevocation: true });`,
    },
  },
  check(estate) {
    const check: ValueCheck<UserPoolClient, boolean, MessageId> = {
      attribute: USER_POOL_CLIENT_FIELDS.enableTokenRevocation.label,
      value: (client) => client.enableTokenRevocation,
      compare: () => ({ equals: true }),
      messages: { pass: "pass", fail: "disabled" },
      defaultNote: " (enable_token_revocation not set: true by default)",
    };
    return estate.userPoolClients.map((client) => onUserSessions(client, () => valueFinding(client, check)));
  },
});
