import { defineRule, evidenceOf, unknownFinding, type Finding, type NoOptions } from "../engine/rule.js";

type MessageId = "pass" | "legacy";

export default defineRule<NoOptions, MessageId>({
  meta: {
    id: "user-existence-errors-hidden",
    title: "App clients do not reveal whether a user exists (prevent_user_existence_errors ENABLED)",
    description:
      "With LEGACY errors, sign-in, recovery and confirmation answer UserNotFoundException for unknown users, which lets an attacker enumerate accounts before guessing passwords (PCI DSS 8.3.4). Unset means LEGACY.",
    severity: "medium",
    requirements: ["8.3.4"],
    resourceKinds: ["UserPoolClient"],
    messages: {
      pass: "{{resource}} hides whether a user exists (prevent_user_existence_errors ENABLED)",
      legacy: "{{resource}} reveals whether a user exists: prevent_user_existence_errors is {{actual}}{{origin}}",
    },
    remediation: {
      summary: "Set prevent_user_existence_errors to ENABLED.",
      cdktf: `new CognitoUserPoolClient(this, "Client", { name: "web", userPoolId: pool.id, preventUserExistenceErrors: "ENABLED" });`,
    },
  },
  check(estate) {
    return estate.userPoolClients.map((client): Finding<MessageId> => {
      const actual = client.preventUserExistenceErrors;
      if (!actual.known) return unknownFinding(client, "prevent_user_existence_errors", actual);
      const evidence = [evidenceOf("prevent_user_existence_errors", actual)];
      return actual.value === "ENABLED"
        ? { resource: client, status: "PASS", messageId: "pass", evidence }
        : {
            resource: client,
            status: "FAIL",
            messageId: "legacy",
            data: { actual: actual.value, origin: actual.origin === "default" ? " (not set: the default)" : "" },
            evidence,
          };
    });
  },
});
