import { defineRule, evidenceOf, unknownFinding, type Evidence, type Finding } from "../engine/rule.js";
import { USER_POOL_FIELDS } from "../model/fields/index.js";
import type { UserPoolClient } from "../model/index.js";
import { defaultNote } from "./utils/value-rule.js";
import { SOURCES } from "./utils/sources.js";

type MessageId = "pass" | "plainPassword" | "choicePassword" | "poolUnresolved";

export default defineRule<{ forbiddenFlows: string[] }, MessageId>({
  meta: {
    id: "client-auth-flows-secure",
    title:
      "App clients do not send plain passwords to Cognito (no USER_PASSWORD_AUTH, admin no-SRP flows, or ALLOW_USER_AUTH with password first factors)",
    description:
      "USER_PASSWORD_AUTH and the admin no-SRP flow (ADMIN_NO_SRP_AUTH, now ALLOW_ADMIN_USER_PASSWORD_AUTH) send the password itself in the request, where proxies, logs and debugging tools can read it; SRP proves knowledge of the password without sending it (AWS's recommendation; a best practice, not a PCI DSS requirement). Choice-based sign-in (ALLOW_USER_AUTH) accepts the plain PASSWORD challenge wherever PASSWORD is a first factor of the pool (sign_in_policy.allowed_first_auth_factors, PASSWORD alone when unset), so it fails there too. When explicit_auth_flows is unset Cognito allows SRP, custom auth and refresh only.",
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
      choicePassword:
        "{{resource}} allows ALLOW_USER_AUTH while PASSWORD is a first factor of its user pool{{origin}}: choice-based sign-in accepts the plain PASSWORD challenge",
      poolUnresolved:
        "{{resource}}: allows ALLOW_USER_AUTH and its user pool {{pool}} is not defined in this configuration, so whether PASSWORD is a first factor cannot be determined",
    },
    remediation: {
      summary:
        "Remove ALLOW_USER_PASSWORD_AUTH / ALLOW_ADMIN_USER_PASSWORD_AUTH (legacy USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH) from explicit_auth_flows and sign in with SRP; keep ALLOW_USER_AUTH only on pools whose first factors leave PASSWORD out.",
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
      if (forbidden.length === 0 && flows.value.includes("ALLOW_USER_AUTH")) {
        const choice = choiceBasedPassword(client, evidence);
        if (choice) return choice;
      }
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

/** ALLOW_USER_AUTH: a FAIL (or UNKNOWN) when PASSWORD is, or may be, a first factor of the client's pool; undefined when it is not. */
function choiceBasedPassword(client: UserPoolClient, evidence: Evidence[]): Finding<MessageId> | undefined {
  const pool = client.userPool;
  if (!pool)
    return {
      resource: client,
      status: "UNKNOWN",
      messageId: "poolUnresolved",
      data: { pool: client.userPoolRef.text || "(none)" },
      evidence,
    };
  const factors = pool.firstAuthFactors;
  const label = USER_POOL_FIELDS.firstAuthFactors.label;
  if (!factors.known) return unknownFinding(client, label, factors);
  evidence.push(evidenceOf(label, factors, (f) => f.join(", ")));
  if (!factors.value.includes("PASSWORD")) return undefined;
  return {
    resource: client,
    status: "FAIL",
    messageId: "choicePassword",
    data: { origin: defaultNote(factors, " (not set: PASSWORD only by default)") },
    evidence,
  };
}
