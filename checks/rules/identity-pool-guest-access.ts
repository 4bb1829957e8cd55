import { isReadOnlyActionPattern, roleStatements, termMatchesAny } from "../iam/analysis.js";
import { defineRule, evidenceOf, unknownFinding, type Finding } from "../engine/rule.js";
import { unknown } from "../model/index.js";

type MessageId =
  "pass" | "passGuestReadOnly" | "passNoGuestRole" | "guestsAllowed" | "guestRoleWrites" | "guestRoleUnresolved";

export default defineRule<{ allowGuestAccess: boolean; publicResources: string[] }, MessageId>({
  meta: {
    id: "identity-pool-guest-access",
    title:
      "Identity pools do not hand AWS credentials to unauthenticated guests, or only read access to public resources",
    description:
      "allow_unauthenticated_identities gives anyone on the internet AWS credentials of the guest role. It must be off unless the policy allows guest access; then the guest role may only read (List/Get/Describe/Query/Scan) the resources the policy names as public.",
    severity: "high",
    pci: [
      { id: "7.2.1", relation: "meets" },
      { id: "7.2.2", relation: "meets" },
    ],
    resourceKinds: ["IdentityPool"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          allowGuestAccess: {
            type: "boolean",
            description: "Whether unauthenticated identities are acceptable at all.",
          },
          publicResources: {
            type: "array",
            items: { type: "string", minLength: 1 },
            description: "ARN patterns the guest role may read.",
          },
        },
      },
      defaults: { allowGuestAccess: false, publicResources: [] },
    },
    messages: {
      pass: "{{resource}} does not allow unauthenticated identities",
      passGuestReadOnly: "{{resource}} allows guests, whose role {{role}} only reads public resources",
      passNoGuestRole: "{{resource}} allows guests but binds no unauthenticated role, so guests get no credentials",
      guestsAllowed:
        "{{resource}} gives AWS credentials to unauthenticated identities (allow_unauthenticated_identities = true)",
      guestRoleWrites:
        "{{resource}} allows guests, and its guest role {{role}} is granted {{action}} on {{target}}, beyond read access to public resources",
      guestRoleUnresolved:
        "{{resource}}: the guest role {{role}} is not defined in this configuration, so what guests may do cannot be determined",
    },
    remediation: {
      summary:
        "Set allow_unauthenticated_identities to false, or restrict the unauthenticated role to reads of public resources listed in the policy.",
      cdktf: `new CognitoIdentityPool(this, "Identities", {\n  identityPoolName: "shop",\n  allowUnauthenticatedIdentities: false,\n  allowClassicFlow: false,\n});`,
    },
  },
  check(estate, context) {
    return estate.identityPools.map((pool): Finding<MessageId> => {
      const { allowGuestAccess, publicResources } = context.options(pool);
      const allow = pool.allowUnauthenticatedIdentities;
      if (!allow.known) return unknownFinding(pool, "allow_unauthenticated_identities", allow);
      const evidence = [evidenceOf("allow_unauthenticated_identities", allow)];
      if (!allow.value) return { resource: pool, status: "PASS", messageId: "pass", evidence };
      if (!allowGuestAccess) return { resource: pool, status: "FAIL", messageId: "guestsAllowed", evidence };
      if (!pool.roles.known) return unknownFinding(pool, "roles", pool.roles);
      const binding = pool.roles.value.unauthenticated;
      const maybeGuest = pool.roles.value.unslotted.find((b) => b.slots.includes("unauthenticated"));
      if (!binding && maybeGuest) return unknownFinding(pool, "unauthenticated role", unknown(maybeGuest.reason));
      if (!binding) return { resource: pool, status: "PASS", messageId: "passNoGuestRole", evidence };
      if (!binding.role)
        return {
          resource: pool,
          status: "UNKNOWN",
          messageId: "guestRoleUnresolved",
          data: { role: binding.roleRef.text },
          evidence,
        };
      const role = binding.role;
      const roleName = role.name.known ? role.name.value : role.key;
      const statements = roleStatements(role);
      if (!statements.known) return unknownFinding(pool, `policies of guest role ${roleName}`, statements);
      for (const { statement } of statements.value) {
        if (statement.effect !== "Allow") continue;
        const badAction = statement.notActions
          ? "every action but NotAction"
          : statement.actions?.find((action) => !isReadOnlyActionPattern(action));
        const badTarget = statement.notResources
          ? "every resource but NotResource"
          : statement.resources?.find((resource) => !termMatchesAny(resource, publicResources))?.text;
        if (badAction || badTarget) {
          return {
            resource: pool,
            status: "FAIL",
            messageId: "guestRoleWrites",
            data: {
              role: roleName,
              action: badAction ?? statement.actions?.join(", ") ?? "",
              target: badTarget ?? statement.resources?.map((r) => r.text).join(", ") ?? "",
            },
            evidence,
          };
        }
      }
      return { resource: pool, status: "PASS", messageId: "passGuestReadOnly", data: { role: roleName }, evidence };
    });
  },
});
