import { compileGlob, type Glob } from "../iam/wildcard.js";
import type { CustomAttribute, UserPoolClient } from "../model/index.js";
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
];

type MessageId = "pass" | "listed" | "allWritable" | "poolUnresolved";

export default defineRule<{ patterns: string[] }, MessageId>({
  meta: {
    id: "client-privileged-attributes-readonly",
    title: "App clients cannot write authorization-relevant custom attributes (custom:role, custom:tenant_id...)",
    description:
      "Users can set every attribute their app client may write, with their own access token (UpdateUserAttributes) or at sign-up. A custom attribute that the backend reads for authorization (role, group, tenant, plan...) must not be writable by any client, or users grant themselves privileges (PCI DSS 7.2.1). A client without write_attributes may write every writable attribute: all mutable custom attributes, and immutable ones at sign-up when the pool allows self sign-up.",
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
              "Custom attribute names (without custom:, case-insensitive, * wildcard) that carry authorization.",
          },
        },
      },
      defaults: { patterns: DEFAULT_PATTERNS },
    },
    messages: {
      pass: "{{resource}} cannot write any authorization-relevant custom attribute",
      listed:
        "{{resource}} lists {{attributes}} in write_attributes: users can change their own authorization attributes",
      allWritable:
        "{{resource}} sets no write_attributes, so it may write every writable attribute, including {{attributes}} of its user pool{{how}}",
      poolUnresolved:
        "{{resource}}: write_attributes is not set and its user pool {{pool}} is not defined in this configuration, so which custom attributes it may write cannot be determined",
    },
    remediation: {
      summary:
        "Set write_attributes explicitly to the profile attributes users may edit, without authorization-relevant custom attributes; set those from the backend with admin APIs.",
      cdktf: `new CognitoUserPoolClient(this, "Client", {\n  name: "web",\n  userPoolId: pool.id,\n  readAttributes: ["email", "name", "custom:tier"],\n  writeAttributes: ["email", "name"],\n});`,
    },
  },
  check(estate, context) {
    return estate.userPoolClients.map((client): Finding<MessageId> => {
      const matchers = context.options(client).patterns.map(attributePattern);
      const privileged = (name: string) => matchers.some((m) => m.test(name));
      const write = client.writeAttributes;
      if (!write.known) return unknownFinding(client, "write_attributes", write);
      const evidence: Evidence[] = [
        evidenceOf("write_attributes", write, (w) =>
          w ? w.join(", ") || "none" : "not set (every writable attribute)",
        ),
      ];
      if (write.value !== null) {
        const listed = write.value.filter(
          (attr) => /^custom:/i.test(attr) && privileged(attr.replace(/^custom:/i, "")),
        );
        return listed.length > 0
          ? { resource: client, status: "FAIL", messageId: "listed", data: { attributes: listed.join(", ") }, evidence }
          : { resource: client, status: "PASS", messageId: "pass", evidence };
      }
      return checkUnsetWriteAttributes(client, privileged, evidence);
    });
  },
});

/** write_attributes unset: the client may write every mutable attribute, and immutable ones at sign-up. */
function checkUnsetWriteAttributes(
  client: UserPoolClient,
  privileged: (name: string) => boolean,
  evidence: Evidence[],
): Finding<MessageId> {
  const pool = client.userPool;
  if (!pool)
    return {
      resource: client,
      status: "UNKNOWN",
      messageId: "poolUnresolved",
      data: { pool: client.userPoolRef.text || "(none)" },
      evidence,
    };
  const attributes = pool.customAttributes;
  if (!attributes.known)
    return unknownFinding(
      client,
      `custom attributes (schema) of ${pool.name.known ? pool.name.value : pool.key}`,
      attributes,
    );
  const candidates = attributes.value.filter((a) => privileged(a.name));
  evidence.push(
    evidenceOf("user pool custom attributes", attributes, (list) => list.map(describe).join(", ") || "none"),
  );
  const mutable = candidates.filter((a) => a.mutable);
  if (mutable.length > 0)
    return {
      resource: client,
      status: "FAIL",
      messageId: "allWritable",
      data: { attributes: mutable.map(describe).join(", "), how: "" },
      evidence,
    };
  if (candidates.length === 0) return { resource: client, status: "PASS", messageId: "pass", evidence };
  // Only immutable matches: they are written once, at sign-up, by whoever signs up.
  const adminOnly = pool.allowAdminCreateUserOnly;
  if (!adminOnly.known)
    return unknownFinding(client, "admin_create_user_config.allow_admin_create_user_only", adminOnly);
  evidence.push(evidenceOf("admin_create_user_config.allow_admin_create_user_only", adminOnly));
  if (adminOnly.value) return { resource: client, status: "PASS", messageId: "pass", evidence };
  return {
    resource: client,
    status: "FAIL",
    messageId: "allWritable",
    data: { attributes: candidates.map(describe).join(", "), how: ", which users set themselves at self sign-up" },
    evidence,
  };
}

function describe(attribute: CustomAttribute): string {
  return `custom:${attribute.name}${attribute.mutable ? "" : " (immutable)"}`;
}

/** An attribute pattern, with or without the custom: prefix; * only, in any case. */
function attributePattern(pattern: string): Glob {
  return compileGlob(pattern.replace(/^custom:/i, ""), { ignoreCase: true, questionMark: false });
}
