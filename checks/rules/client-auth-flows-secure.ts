import { defineRule, evidenceOf, unknownFinding, type Finding } from "../engine/rule.js";
import { defaultNote } from "./utils/value-rule.js";
import { SOURCES } from "./utils/sources.js";

type MessageId = "pass" | "plainPassword";

export default defineRule<{ forbiddenFlows: string[] }, MessageId>({
  meta: {
    id: "client-auth-flows-secure",
    title: "App clients do not send plain passwords to Cognito (no USER_PASSWORD_AUTH or admin no-SRP flows)",
    description:
      "USER_PASSWORD_AUTH and the admin no-SRP flow (ADMIN_NO_SRP_AUTH, now ALLOW_ADMIN_USER_PASSWORD_AUTH) send the password itself in the request, where proxies, logs and debugging tools can read it; SRP proves knowledge of the password without sending it (AWS's recommendation; a best practice, not a PCI DSS requirement). When explicit_auth_flows is unset Cognito allows SRP, custom auth and refresh only.",
    severity: "medium",
    pci: [],
    sources: [SOURCES.awsAuthFlows],
    resourceKinds: ["UserPoolClient"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          forbiddenFlows: {
            type: "array",
            uniqueItems: true,
            items: { type: "string", minLength: 1 },
            description: "explicit_auth_flows values that send the password in plain form.",
          },
        },
      },
      defaults: {
        forbiddenFlows: [
          "ALLOW_USER_PASSWORD_AUTH",
          "USER_PASSWORD_AUTH",
          "ADMIN_NO_SRP_AUTH",
          "ALLOW_ADMIN_USER_PASSWORD_AUTH",
        ],
      },
    },
    messages: {
      pass: "{{resource}} allows only {{flows}}",
      plainPassword: "{{resource}} allows {{forbidden}}, which sends the password itself instead of an SRP proof",
    },
    remediation: {
      summary:
        "Remove ALLOW_USER_PASSWORD_AUTH / ALLOW_ADMIN_USER_PASSWORD_AUTH (legacy USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH) from explicit_auth_flows and sign in with SRP.",
      cdktf: `new CognitoUserPoolClient(this, "Client", { name: "mobile", userPoolId: pool.id, explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] });`,
    },
  },
  check(estate, context) {
    return estate.userPoolClients.map((client): Finding<MessageId> => {
      const { forbiddenFlows } = context.options(client);
      const flows = client.explicitAuthFlows;
      if (!flows.known) return unknownFinding(client, "explicit_auth_flows", flows);
      const evidence = [evidenceOf("explicit_auth_flows", flows, (f) => f.join(", ") || "none")];
      const forbidden = flows.value.filter((flow) => forbiddenFlows.includes(flow.toUpperCase()));
      return forbidden.length > 0
        ? {
            resource: client,
            status: "FAIL",
            messageId: "plainPassword",
            data: { forbidden: forbidden.join(", ") },
            evidence,
          }
        : {
            resource: client,
            status: "PASS",
            messageId: "pass",
            data: {
              flows: `${flows.value.join(", ") || "no explicit auth flows"}${defaultNote(flows, " (Cognito's default)")}`,
            },
            evidence,
          };
    });
  },
});
