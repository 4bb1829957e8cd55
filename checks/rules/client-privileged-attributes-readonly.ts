import { wordPatterns } from "./utils/word-match.js";
import { defineRule, evidenceOf, unknownFinding, type Evidence, type Finding } from "../engine/rule.js";

const DEFAULT_PATTERNS = [
  "role",
  "roles",
  "group",
  "groups",
  "tenant",
  "tenant_id",
  "is_admin",
  "permissions",
  "tier",
  "plan",
  "admin",
  "entitlements",
];

type MessageId = "pass" | "unset" | "listed";

export default defineRule<{ patterns: string[] }, MessageId>({
  meta: {
    id: "client-privileged-attributes-readonly",
    title: "App clients cannot write authorization-relevant custom attributes (custom:role, custom:tenant_id...)",
    description:
      "Users can set every attribute their app client may write, with their own access token (UpdateUserAttributes) or at sign-up. A custom attribute that the backend reads for authorization (role, group, tenant, plan...) must not be writable by any client, or users grant themselves privileges (PCI DSS 7.2.1). Patterns match whole words of the name (tier matches loyalty_tier and loyaltyTier, not frontier). A client without write_attributes may write the standard attributes only, so no custom attribute through it.",
    severity: "critical",
    pci: [{ id: "7.2.1", relation: "meets", audiences: ["workforce"] }],
    resourceKinds: ["UserPoolClient"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          patterns: {
            type: "array",
            uniqueItems: true,
            items: { type: "string", minLength: 1 },
            description:
              "Words of custom attribute names (without custom:) that carry authorization; each matches a run of whole words of a name, case-insensitively, * within a word.",
          },
        },
      },
      defaults: { patterns: DEFAULT_PATTERNS },
    },
    messages: {
      pass: "{{resource}} cannot write any authorization-relevant custom attribute",
      listed:
        "{{resource}} lists {{attributes}} in write_attributes: users can change their own authorization attributes",
      unset: "{{resource}} sets no write_attributes, so it may write the standard attributes only, no custom attribute",
    },
    remediation: {
      summary:
        "Set write_attributes explicitly to the profile attributes users may edit, without authorization-relevant custom attributes; set those from the backend with admin APIs.",
      cdktf: `new CognitoUserPoolClient(this, "Client", {\n  name: "web",\n  userPoolId: pool.id,\n  readAttributes: ["email", "name", "custom:tier"],\n  writeAttributes: ["email", "name"],\n});`,
    },
  },
  check(estate, context) {
    return estate.userPoolClients.map((client): Finding<MessageId> => {
      const matchers = wordPatterns(context.options(client).patterns, { dropPrefix: "custom:" });
      const privileged = (name: string) => matchers.first(name) !== undefined;
      const write = client.writeAttributes;
      if (!write.known) return unknownFinding(client, "write_attributes", write);
      const evidence: Evidence[] = [
        evidenceOf("write_attributes", write, (w) =>
          w ? w.join(", ") || "none" : "not set (the standard attributes only)",
        ),
      ];
      // Not set: CreateUserPoolClient gives the client write access to the standard attributes only.
      if (write.value === null) return { resource: client, status: "PASS", messageId: "unset", evidence };
      const listed = write.value.filter((attr) => /^custom:/i.test(attr) && privileged(attr.replace(/^custom:/i, "")));
      return listed.length > 0
        ? { resource: client, status: "FAIL", messageId: "listed", data: { attributes: listed.join(", ") }, evidence }
        : { resource: client, status: "PASS", messageId: "pass", evidence };
    });
  },
});
