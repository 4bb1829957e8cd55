import { defineRule, unknownFinding, type Finding, type NoOptions } from "../engine/rule.js";

type MessageId = "pass" | "notDeny" | "notSet" | "unknownResolution";

export default defineRule<NoOptions, MessageId>({
  meta: {
    id: "identity-role-mapping-deny-ambiguous",
    title: "Identity pool role mappings deny ambiguous matches (ambiguous_role_resolution = Deny)",
    description:
      "When a token names no role (no cognito:preferred_role, or no rule matches) or several, ambiguous_role_resolution decides. AuthenticatedRole silently hands out the pool's default authenticated role; Deny refuses credentials, so role selection stays explicit.",
    severity: "medium",
    pci: [{ id: "7.3.3", relation: "meets" }],
    resourceKinds: ["IdentityPool"],
    messages: {
      pass: "{{resource}}: every role mapping ({{count}}) resolves ambiguous matches with Deny",
      notDeny:
        "{{resource}}: the {{type}} role mapping for {{provider}} resolves ambiguous matches with {{actual}} instead of Deny",
      notSet:
        "{{resource}}: the {{type}} role mapping for {{provider}} does not set ambiguous_role_resolution; Deny is required",
      unknownResolution:
        "{{resource}}: ambiguous_role_resolution of the role mapping for {{provider}} cannot be determined: {{reason}}",
    },
    remediation: {
      summary:
        'Set ambiguous_role_resolution = "Deny" on every role_mapping of aws_cognito_identity_pool_roles_attachment.',
      cdktf: `new CognitoIdentityPoolRolesAttachment(this, "Roles", {\n  identityPoolId: identityPool.id,\n  roles: { authenticated: authenticatedRole.arn },\n  roleMapping: [{ identityProvider: \`\${pool.endpoint}:\${client.id}\`, type: "Token", ambiguousRoleResolution: "Deny" }],\n});`,
    },
  },
  check(estate) {
    return estate.identityPools.map((pool): Finding<MessageId> => {
      if (!pool.roles.known) return unknownFinding(pool, "role mappings", pool.roles);
      const mappings = pool.roles.value.mappings;
      if (mappings.length === 0)
        return {
          resource: pool,
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          data: { reason: "the identity pool has no role mappings" },
        };
      let unresolved: Finding<MessageId> | undefined;
      for (const mapping of mappings) {
        const provider = mapping.identityProvider.text;
        const type = mapping.type || "(untyped)";
        const resolution = mapping.ambiguousRoleResolution;
        if (!resolution.known) {
          unresolved ??= {
            resource: pool,
            status: "UNKNOWN",
            messageId: "unknownResolution",
            data: { provider, reason: resolution.reason },
          };
          continue;
        }
        const evidence = [
          { attribute: `role_mapping[${provider}].ambiguous_role_resolution`, value: resolution.value ?? "not set" },
        ];
        if (resolution.value === null)
          return { resource: pool, status: "FAIL", messageId: "notSet", data: { provider, type }, evidence };
        if (resolution.value !== "Deny")
          return {
            resource: pool,
            status: "FAIL",
            messageId: "notDeny",
            data: { provider, type, actual: resolution.value },
            evidence,
          };
      }
      return unresolved ?? { resource: pool, status: "PASS", messageId: "pass", data: { count: mappings.length } };
    });
  },
});
