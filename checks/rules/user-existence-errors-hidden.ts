import { USER_POOL_CLIENT_FIELDS } from "../model/fields/index.js";
import { defineRule, type NoOptions } from "../engine/rule.js";
import { valueRule } from "./utils/value-rule.js";
import { SOURCES } from "./utils/sources.js";

type MessageId = "pass" | "legacy";

export default defineRule<NoOptions, MessageId>({
  meta: {
    id: "user-existence-errors-hidden",
    title: "App clients do not reveal whether a user exists (prevent_user_existence_errors ENABLED)",
    description:
      "With LEGACY errors, sign-in, recovery and confirmation answer UserNotFoundException for unknown users, which lets an attacker enumerate accounts before guessing passwords (a best practice against account enumeration, not a PCI DSS requirement). Unset means LEGACY.",
    severity: "medium",
    pci: [],
    sources: [SOURCES.awsUserExistenceErrors],
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
    return valueRule(estate.userPoolClients, {
      attribute: USER_POOL_CLIENT_FIELDS.preventUserExistenceErrors.label,
      value: (client) => client.preventUserExistenceErrors,
      compare: () => ({ equals: "ENABLED" }),
      messages: { pass: "pass", fail: "legacy" },
    });
  },
});
