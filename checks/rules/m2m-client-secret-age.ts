import { defineRule, unknownFinding, type Finding } from "../engine/rule.js";
import { isMachineToMachine } from "./utils/client-flows.js";

type MessageId = "pass" | "tooOld";

const DAY_MS = 86_400_000;

export default defineRule<{ maxAgeDays: number }, MessageId>({
  meta: {
    id: "m2m-client-secret-age",
    title: "Secrets of machine-to-machine app clients are younger than a year (maxAgeDays)",
    description:
      "The secret of a client_credentials client is the password of a system account. PCI DSS 8.6.3 asks that it be changed periodically, at the frequency the entity's targeted risk analysis sets (12.3.1); maxAgeDays (default 365) is that frequency. Cognito keeps up to two secrets per client for rotation without downtime; every one must be younger than maxAgeDays. Their creation dates (ListUserPoolClientSecrets) have no Terraform attribute: only the live scan can judge this rule. Clients without client_credentials, or without a secret, are not applicable.",
    severity: "high",
    pci: [{ id: "8.6.3", relation: "meets" }],
    resourceKinds: ["UserPoolClient"],
    judgedBy: {
      sources: ["live"],
      reason: "the creation dates of client secrets (ListUserPoolClientSecrets) have no Terraform attribute",
    },
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          maxAgeDays: {
            type: "integer",
            minimum: 1,
            maximum: 3650,
            description:
              "Oldest acceptable client secret, in days: the rotation frequency of the targeted risk analysis (12.3.1).",
          },
        },
      },
      defaults: { maxAgeDays: 365 },
    },
    messages: {
      pass: "every secret of {{resource}} is younger than {{expected}} days (the oldest is {{actual}} days old)",
      tooOld:
        "{{resource}} has a client secret {{actual}} days old (created {{created}}); secrets must be rotated within {{expected}} days",
    },
    remediation: {
      summary:
        "Rotate the secret: AddUserPoolClientSecret, move the service to the new secret, then DeleteUserPoolClientSecret the old one.",
      cdktf: `// Secrets rotate outside Terraform, without downtime:\n// aws cognito-idp add-user-pool-client-secret --user-pool-id <pool> --client-id <client>\n// aws cognito-idp delete-user-pool-client-secret --user-pool-id <pool> --client-id <client> --client-secret-id <old>`,
    },
  },
  check(estate, context) {
    return estate.userPoolClients.map((client): Finding<MessageId> => {
      const notApplicable = (reason: string): Finding<MessageId> => ({
        resource: client,
        status: "NOT_APPLICABLE",
        messageId: "notApplicable",
        data: { reason },
      });
      const m2m = isMachineToMachine(client);
      if (!m2m.known) return unknownFinding(client, "allowed_oauth_flows", m2m);
      if (!m2m.value)
        return notApplicable("not a machine-to-machine client (allowed_oauth_flows has no client_credentials)");
      const secrets = client.clientSecrets;
      if (!secrets.known) return unknownFinding(client, "client secrets (ListUserPoolClientSecrets)", secrets);
      if (secrets.value.length === 0) return notApplicable("the client has no secret");
      const { maxAgeDays } = context.options(client);
      const aged = secrets.value
        .map((secret) => ({
          ...secret,
          days: Math.floor((context.now.getTime() - Date.parse(secret.createdAt)) / DAY_MS),
        }))
        .sort((a, b) => b.days - a.days);
      const oldest = aged[0]!;
      const evidence = aged.map((s) => ({
        attribute: `client secret ${s.id}`,
        value: `created ${s.createdAt} (${s.days} days old)`,
      }));
      const data = { actual: oldest.days, expected: maxAgeDays, created: oldest.createdAt };
      return oldest.days < maxAgeDays
        ? { resource: client, status: "PASS", messageId: "pass", data, evidence }
        : { resource: client, status: "FAIL", messageId: "tooOld", data, evidence };
    });
  },
});
