import { defineRule, evidenceOf, unknownFinding, type Finding, type NoOptions } from "../engine/rule.js";
import { isMachineToMachine, userSignInFlows } from "./utils/client-flows.js";
import { defaultNote } from "./utils/value-rule.js";

type MessageId = "pass" | "userFlows";

export default defineRule<NoOptions, MessageId>({
  meta: {
    id: "m2m-client-no-user-flows",
    title: "Machine-to-machine app clients allow no user sign-in",
    description:
      "A client with the client_credentials flow is a system account (PCI DSS 8.6.1): its secret is a credential for a service, not a person. If the same client also signs users in (the authorization code or implicit grant, or any explicit auth flow but ALLOW_REFRESH_TOKEN_AUTH), the system account is usable interactively and its tokens mix user and service identities. explicit_auth_flows left unset is AWS's default (ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_CUSTOM_AUTH), which signs users in. Clients without client_credentials are not applicable.",
    severity: "high",
    pci: [{ id: "8.6.1", relation: "meets" }],
    resourceKinds: ["UserPoolClient"],
    messages: {
      pass: "{{resource}} is a machine-to-machine client and allows no user sign-in",
      userFlows:
        "{{resource}} is a machine-to-machine client (client_credentials) but also signs users in through {{flows}}{{origin}}",
    },
    remediation: {
      summary:
        'Give the machine-to-machine client only the client_credentials flow and explicit_auth_flows = ["ALLOW_REFRESH_TOKEN_AUTH"]; sign users in through a separate client.',
      cdktf: `new CognitoUserPoolClient(this, "Service", {\n  name: "order-sync",\n  userPoolId: pool.id,\n  generateSecret: true,\n  allowedOauthFlowsUserPoolClient: true,\n  allowedOauthFlows: ["client_credentials"],\n  allowedOauthScopes: ["shop-api/orders.read"],\n  explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],\n});`,
    },
  },
  check(estate) {
    return estate.userPoolClients.map((client): Finding<MessageId> => {
      const m2m = isMachineToMachine(client);
      if (!m2m.known) return unknownFinding(client, "allowed_oauth_flows", m2m);
      if (!m2m.value)
        return {
          resource: client,
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          data: { reason: "not a machine-to-machine client (allowed_oauth_flows has no client_credentials)" },
        };
      const flows = userSignInFlows(client);
      if (!flows.known) return unknownFinding(client, "explicit_auth_flows", flows);
      const evidence = [
        evidenceOf("allowed_oauth_flows", client.allowedOAuthFlows, (f) => f.join(", ")),
        evidenceOf("explicit_auth_flows", client.explicitAuthFlows, (f) => f.join(", ") || "none"),
      ];
      if (flows.value.length === 0) return { resource: client, status: "PASS", messageId: "pass", evidence };
      return {
        resource: client,
        status: "FAIL",
        messageId: "userFlows",
        data: {
          flows: flows.value.join(", "),
          origin: defaultNote(client.explicitAuthFlows, " (explicit_auth_flows not set: AWS's default flows)"),
        },
        evidence,
      };
    });
  },
});
