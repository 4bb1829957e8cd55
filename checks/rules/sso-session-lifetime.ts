import { defineRule, unknownFinding, type Finding } from "../engine/rule.js";
import { NO_USER_SESSION, withoutUserSession } from "./utils/client-flows.js";

type MessageId = "pass" | "tooLong";

export default defineRule<{ maxMinutes: number }, MessageId>({
  meta: {
    id: "sso-session-lifetime",
    title: "App clients reuse a managed-login SSO session for at most 15 minutes (60 on consumer pools)",
    description:
      "Managed login keeps an SSO session cookie; an app client silently reuses it, issuing new tokens without asking the user to sign in again, for SSOSession.MaxValidityMinutes after the last sign-in (default 60). PCI DSS 8.2.8 asks that an idle session end after 15 minutes; the idle timeout itself lives in the application, so this rule supports 8.2.8. The setting has no Terraform attribute: only the live scan (GetUserPoolClientSessionConfiguration) can judge it. Clients that do not sign users in through managed login (no code or implicit flow) reuse no SSO session, and a machine-to-machine client without user sign-in has no user session: not applicable.",
    severity: "medium",
    pci: [{ id: "8.2.8", relation: "supports" }],
    resourceKinds: ["UserPoolClient"],
    judgedBy: {
      sources: ["live"],
      reason: "the client's SSO session validity (SetUserPoolClientSessionConfiguration) has no Terraform attribute",
    },
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          maxMinutes: {
            type: "integer",
            minimum: 0,
            maximum: 129600,
            description: "Longest acceptable SSOSession.MaxValidityMinutes, in minutes.",
          },
        },
      },
      defaults: { maxMinutes: 15 },
      audienceDefaults: { consumer: { maxMinutes: 60 } },
    },
    messages: {
      pass: "{{resource}} reuses the managed-login SSO session for {{actual}} minutes (at most {{expected}})",
      tooLong:
        "{{resource}} reuses the managed-login SSO session for {{actual}} minutes without a new sign-in; at most {{expected}} minutes are allowed",
    },
    remediation: {
      summary:
        "Call SetUserPoolClientSessionConfiguration with SSOSession.MaxValidityMinutes of 15 or less (60 on consumer pools) after each deploy; no Terraform attribute exists for it.",
      cdktf: `// No Terraform attribute exists: set it after apply, e.g. from a deploy step.\n// aws cognito-idp set-user-pool-client-session-configuration --user-pool-id <pool> --client-id <client> --sso-session MaxValidityMinutes=15`,
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
      const none = withoutUserSession(client);
      if (none.known && none.value) return notApplicable(NO_USER_SESSION);
      const oauth = client.allowedOAuthFlows;
      if (!oauth.known) return unknownFinding(client, "allowed_oauth_flows", oauth);
      if (!oauth.value.some((flow) => flow === "code" || flow === "implicit"))
        return notApplicable("the client does not sign users in through managed login, so it reuses no SSO session");
      const minutes = client.ssoSessionMaxValidityMinutes;
      if (!minutes.known) return unknownFinding(client, "SSOSession.MaxValidityMinutes", minutes);
      const { maxMinutes } = context.options(client);
      const evidence = [{ attribute: "SSOSession.MaxValidityMinutes", value: String(minutes.value) }];
      const data = { actual: minutes.value, expected: maxMinutes };
      return minutes.value <= maxMinutes
        ? { resource: client, status: "PASS", messageId: "pass", data, evidence }
        : { resource: client, status: "FAIL", messageId: "tooLong", data, evidence };
    });
  },
});
