import { statementCoversAction, wildcardMatch } from "../iam/analysis.js";
import type { Estate, IamRole, IdentityPool, PolicyStatement, Term, UserGroup, UserPool } from "../model/index.js";
import { checkBoundRoles } from "./utils/bound-roles.js";
import { defineRule, unknownFinding, type Finding, type NoOptions } from "../engine/rule.js";

const AUD_KEY = "cognito-identity.amazonaws.com:aud";
const COGNITO_PRINCIPAL = "cognito-identity.amazonaws.com";

type MessageId =
  | "pass"
  | "passNoFederation"
  | "passGroupRole"
  | "missingAudience"
  | "wildcardAudience"
  | "otherPool"
  | "unresolvedAudience"
  | "unresolvedRole";

export default defineRule<NoOptions, MessageId>({
  meta: {
    id: "identity-role-trust-audience",
    title:
      "Identity pool roles trust only their own identity pool (StringEquals on cognito-identity.amazonaws.com:aud)",
    description:
      "A role that trusts cognito-identity.amazonaws.com without an aud condition equal to its identity pool's id can be assumed by any identity pool, in any account.",
    severity: "critical",
    pci: [
      { id: "7.2.1", relation: "meets" },
      { id: "7.2.5", relation: "meets" },
    ],
    resourceKinds: ["IamRole", "IdentityPool", "UserGroup"],
    messages: {
      pass: "{{resource}} trusts only identity pool {{pool}} (StringEquals {{key}})",
      passGroupRole:
        "{{resource}} is carried by a user pool group that no identity pool of this configuration hands out, and its trust names an identity pool (StringEquals {{key}})",
      passNoFederation: "{{resource}} does not allow sts:AssumeRoleWithWebIdentity from Cognito identity pools",
      missingAudience:
        "{{resource}} lets any identity pool assume it: its trust policy allows sts:AssumeRoleWithWebIdentity without a StringEquals {{key}} condition",
      wildcardAudience:
        "{{resource}} lets any identity pool assume it: {{key}} is matched against the wildcard {{value}}",
      otherPool:
        "{{resource}} is attached to identity pool {{pool}} but its trust policy names {{value}} as the audience",
      unresolvedAudience:
        "{{resource}}: the trusted audience {{value}} is not known before apply, so it cannot be compared with identity pool {{pool}}",
      unresolvedRole: "{{resource}}: role {{role}} bound to it is not defined in this configuration",
    },
    remediation: {
      summary:
        'Add Condition StringEquals {"cognito-identity.amazonaws.com:aud": <identity pool id>} and ForAnyValue:StringLike amr to every statement that allows sts:AssumeRoleWithWebIdentity.',
      cdktf: `assumeRolePolicy: Fn.jsonencode({\n  Version: "2012-10-17",\n  Statement: [{\n    Effect: "Allow", Action: "sts:AssumeRoleWithWebIdentity",\n    Principal: { Federated: "cognito-identity.amazonaws.com" },\n    Condition: {\n      StringEquals: { "cognito-identity.amazonaws.com:aud": identityPool.id },\n      "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" },\n    },\n  }],\n})`,
    },
  },
  check(estate) {
    const handedOut = groupRolePools(estate);
    // Looked up per audience value of every role: a scan of the pools each time is quadratic.
    const poolAddresses = new Set(estate.identityPools.map((p) => p.provenance.address));
    return checkBoundRoles(estate, (role, bindings) => {
      const pools: IdentityPool[] = [];
      const note = (pool: IdentityPool | undefined) => pool && !pools.includes(pool) && pools.push(pool);
      for (const binding of bindings) {
        note(binding.identityPool);
        if (binding.group) for (const pool of handedOut(binding.group)) note(pool);
      }
      return checkRole(role, pools, poolAddresses);
    });
  },
});

/**
 * The identity pools that hand out a group's role: those that accept its user pool as a provider
 * and map roles from tokens (a Token role mapping reads cognito:preferred_role and cognito:roles).
 */
function groupRolePools(estate: Estate): (group: UserGroup) => readonly IdentityPool[] {
  const byUserPool = new Map<UserPool, IdentityPool[]>();
  for (const pool of estate.identityPools) {
    if (!pool.providers.known || !pool.roles.known) continue;
    if (!pool.roles.value.mappings.some((m) => m.type === "Token")) continue;
    for (const provider of pool.providers.value) {
      if (!provider.userPool) continue;
      const list = byUserPool.get(provider.userPool) ?? [];
      if (!list.includes(pool)) list.push(pool);
      byUserPool.set(provider.userPool, list);
    }
  }
  return (group) => (group.userPool ? (byUserPool.get(group.userPool) ?? []) : []);
}

function checkRole(
  role: IamRole,
  pools: readonly IdentityPool[],
  /** The addresses of the estate's identity pools. */
  estatePools: ReadonlySet<string | undefined>,
): Finding<MessageId> {
  const poolNames = pools.map((p) => (p.name.known ? p.name.value : p.key)).join(", ");
  if (!role.trustPolicy.known) return unknownFinding(role, "assume_role_policy", role.trustPolicy);
  const federated = role.trustPolicy.value.statements.filter(
    (s) => s.effect === "Allow" && statementCoversAction(s, "sts:AssumeRoleWithWebIdentity") && trustsCognito(s),
  );
  if (federated.length === 0) return { resource: role, status: "PASS", messageId: "passNoFederation" };
  let unresolved: Finding<MessageId> | undefined;
  for (const statement of federated) {
    const equals = statement.conditions.filter((c) => c.key === AUD_KEY && c.operator.toLowerCase() === "stringequals");
    const evidence = statement.conditions
      .filter((c) => c.key === AUD_KEY)
      .map((c) => ({
        attribute: `assume_role_policy Condition ${c.operator} ${AUD_KEY}`,
        value: c.values.map((v) => v.text).join(", "),
      }));
    const wildcard = statement.conditions.find(
      (c) =>
        c.key === AUD_KEY && c.values.some((v) => /[*?]/.test(v.text) && c.operator.toLowerCase().includes("like")),
    );
    if (wildcard)
      return {
        resource: role,
        status: "FAIL",
        messageId: "wildcardAudience",
        data: { key: AUD_KEY, value: wildcard.values.map((v) => v.text).join(", ") },
        evidence,
      };
    if (equals.length === 0)
      return { resource: role, status: "FAIL", messageId: "missingAudience", data: { key: AUD_KEY }, evidence };
    for (const value of equals.flatMap((c) => c.values)) {
      // A group role no identity pool of the estate hands out passes with any identity pool named.
      if (pools.length === 0) {
        if (value.refs.length > 0 || value.opaque !== undefined) {
          if (!value.exactRef || !estatePools.has(value.exactRef.address))
            unresolved ??= {
              resource: role,
              status: "UNKNOWN",
              messageId: "unresolvedAudience",
              data: { pool: "(none in this configuration)", value: value.text },
              evidence,
            };
        }
        continue;
      }
      const verdict = audienceVerdict(value, pools);
      if (verdict === "other")
        return {
          resource: role,
          status: "FAIL",
          messageId: "otherPool",
          data: { pool: poolNames, value: value.text },
          evidence,
        };
      if (verdict === "unresolved")
        unresolved ??= {
          resource: role,
          status: "UNKNOWN",
          messageId: "unresolvedAudience",
          data: { pool: poolNames, value: value.text },
          evidence,
        };
    }
  }
  if (unresolved) return unresolved;
  if (pools.length === 0) return { resource: role, status: "PASS", messageId: "passGroupRole", data: { key: AUD_KEY } };
  return { resource: role, status: "PASS", messageId: "pass", data: { pool: poolNames, key: AUD_KEY } };
}

function trustsCognito(statement: PolicyStatement): boolean {
  return (statement.principals ?? []).some(
    (p) =>
      p.type === "*" ||
      (p.type.toLowerCase() === "federated" && p.ids.some((id) => wildcardMatch(id.text, COGNITO_PRINCIPAL))),
  );
}

/** Whether an aud value names one of the pools the role is attached to. */
function audienceVerdict(value: Term, pools: readonly IdentityPool[]): "match" | "other" | "unresolved" {
  if (value.exactRef) {
    const ref = value.exactRef;
    const matches = pools.some((pool) => pool.provenance.address === ref.address && ref.attribute === "id");
    if (matches) return "match";
    // A reference to another managed resource is certainly not this pool; var/local/data may be anything.
    return /^(var|local|data|module)\./.test(ref.address) ? "unresolved" : "other";
  }
  if (value.refs.length > 0 || value.opaque !== undefined) return "unresolved";
  // A literal id: equal to a pool whose id is known, or certainly not a pool this configuration creates.
  if (pools.some((pool) => pool.id.known && pool.id.value === value.text)) return "match";
  if (pools.every((pool) => pool.id.known || pool.provenance.source !== "live")) return "other";
  return "unresolved";
}
