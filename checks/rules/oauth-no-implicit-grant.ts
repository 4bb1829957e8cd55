import { defineRule, evidenceOf, unknownFinding, type Finding, type NoOptions } from "../engine/rule.js";
import { SOURCES } from "./utils/sources.js";

type MessageId = "pass" | "implicit";

export default defineRule<NoOptions, MessageId>({
  meta: {
    id: "oauth-no-implicit-grant",
    title: "App clients do not allow the OAuth implicit grant",
    description:
      "The implicit grant returns tokens in the redirect URL fragment, where browser history, logs and referrers expose them, and without PKCE anyone who can redirect can take them (RFC 9700: the implicit grant should not be used). Use the authorization code grant with PKCE.",
    severity: "high",
    pci: [],
    sources: [SOURCES.rfc9700ImplicitGrant],
    resourceKinds: ["UserPoolClient"],
    messages: {
      pass: "{{resource}} does not allow the implicit grant (OAuth flows: {{flows}})",
      implicit: "{{resource}} allows the OAuth implicit grant (allowed_oauth_flows: {{flows}})",
    },
    remediation: {
      summary: 'Remove "implicit" from allowed_oauth_flows and use the "code" flow with PKCE.',
      cdktf: `new CognitoUserPoolClient(this, "Client", {\n  name: "web",\n  userPoolId: pool.id,\n  allowedOauthFlowsUserPoolClient: true,\n  allowedOauthFlows: ["code"],\n});`,
    },
  },
  check(estate) {
    return estate.userPoolClients.map((client): Finding<MessageId> => {
      const flows = client.allowedOAuthFlows;
      if (!flows.known) return unknownFinding(client, "allowed_oauth_flows", flows);
      const evidence = [evidenceOf("allowed_oauth_flows", flows, (f) => f.join(", ") || "none")];
      const data = { flows: flows.value.join(", ") || "none" };
      return flows.value.includes("implicit")
        ? { resource: client, status: "FAIL", messageId: "implicit", data, evidence }
        : { resource: client, status: "PASS", messageId: "pass", data, evidence };
    });
  },
});
