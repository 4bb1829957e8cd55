import { conditionsOn, parseConditionOperator, statementCoversAction, wildcardMatch } from "../iam/analysis.js";
import { describeBindings, slotAlternatives, type RoleBindingRef } from "../iam/bindings.js";
import { checkBoundRoles } from "./utils/bound-roles.js";
import { isLiteral, type IamRole, type PolicyStatement } from "../model/index.js";
import { defineRule, unknownFinding, type Finding, type NoOptions } from "../engine/rule.js";

const AMR_KEY = "cognito-identity.amazonaws.com:amr";
const COGNITO_PRINCIPAL = "cognito-identity.amazonaws.com";

type MessageId =
  | "pass"
  | "passNoFederation"
  | "missingAmr"
  | "wrongAmr"
  | "mixedBindings"
  | "unresolvedAmr"
  | "unresolvedSlot"
  | "unresolvedRole";

export default defineRule<NoOptions, MessageId>({
  meta: {
    id: "identity-role-trust-amr",
    title: 'Identity pool roles trust only the matching identity type (amr "authenticated" or "unauthenticated")',
    description:
      'Without a ForAnyValue:StringLike condition on cognito-identity.amazonaws.com:amr, a role meant for signed-in users can be assumed with guest credentials of the same pool (and the reverse). Authenticated roles, role-mapping roles and user pool group roles must require "authenticated"; guest roles "unauthenticated".',
    severity: "high",
    pci: [
      { id: "7.2.1", relation: "meets" },
      { id: "7.2.5", relation: "meets" },
    ],
    resourceKinds: ["IamRole", "IdentityPool", "UserGroup"],
    messages: {
      pass: '{{resource}} is bound as {{bindings}} and its trust policy requires amr "{{expected}}"',
      passNoFederation: "{{resource}} does not allow sts:AssumeRoleWithWebIdentity from Cognito identity pools",
      missingAmr:
        '{{resource}} is bound as {{bindings}} but its trust policy allows sts:AssumeRoleWithWebIdentity without a ForAnyValue:StringLike {{key}} condition; "{{expected}}" is required',
      wrongAmr:
        '{{resource}} is bound as {{bindings}} and must require amr "{{expected}}", but its trust policy matches {{operator}} {{key}} against {{value}}',
      mixedBindings:
        "{{resource}} is bound both to signed-in users and to guests ({{bindings}}), so no amr condition can keep them apart",
      unresolvedAmr: "{{resource}}: the amr value {{value}} is not known before apply",
      unresolvedSlot:
        "{{resource}} (bound as {{bindings}}) passes in one slot and fails in another, and the slot is not known: {{reason}}",
      unresolvedRole:
        "{{resource}}: role {{role}} bound to it is not defined in this configuration, so its trust policy cannot be checked",
    },
    remediation: {
      summary:
        'Add Condition "ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": "authenticated"} (guest roles: "unauthenticated") to the web-identity trust statement, and use separate roles for signed-in users and guests.',
      cdktf: `assumeRolePolicy: Fn.jsonencode({\n  Version: "2012-10-17",\n  Statement: [{\n    Effect: "Allow", Action: "sts:AssumeRoleWithWebIdentity",\n    Principal: { Federated: "cognito-identity.amazonaws.com" },\n    Condition: {\n      StringEquals: { "cognito-identity.amazonaws.com:aud": identityPool.id },\n      "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" },\n    },\n  }],\n})`,
    },
  },
  check(estate) {
    return checkBoundRoles(estate, checkRole);
  },
});

/** The verdict for every slot a role may fill; UNKNOWN when they differ. */
function checkRole(role: IamRole, bindings: readonly RoleBindingRef[]): Finding<MessageId> {
  const described = describeBindings(bindings);
  const verdicts = slotAlternatives(bindings).map((alternative) => checkSlots(role, alternative, described));
  const first = verdicts[0]!;
  if (verdicts.every((v) => v.status === first.status)) return first;
  const reason = bindings.find((b) => b.kind === "unknown-slot")?.reason ?? "";
  return {
    resource: role,
    status: "UNKNOWN",
    messageId: "unresolvedSlot",
    data: { bindings: described, reason },
  };
}

function checkSlots(role: IamRole, bindings: readonly RoleBindingRef[], described: string): Finding<MessageId> {
  const guest = bindings.some((b) => b.kind === "unauthenticated");
  const signedIn = bindings.some((b) => b.kind !== "unauthenticated");
  if (guest && signedIn)
    return { resource: role, status: "FAIL", messageId: "mixedBindings", data: { bindings: described } };
  const expected = guest ? "unauthenticated" : "authenticated";
  if (!role.trustPolicy.known) return unknownFinding(role, "assume_role_policy", role.trustPolicy);
  const federated = role.trustPolicy.value.statements.filter(
    (s) => s.effect === "Allow" && statementCoversAction(s, "sts:AssumeRoleWithWebIdentity") && trustsCognito(s),
  );
  if (federated.length === 0) return { resource: role, status: "PASS", messageId: "passNoFederation" };
  let unresolved: Finding<MessageId> | undefined;
  for (const statement of federated) {
    const conditions = conditionsOn(statement, AMR_KEY);
    const evidence = conditions.map((c) => ({
      attribute: `assume_role_policy Condition ${c.operator} ${AMR_KEY}`,
      value: c.values.map((v) => v.text).join(", "),
    }));
    const data = { bindings: described, expected, key: AMR_KEY };
    // Only a ForAnyValue string match constrains amr, a multivalued key; ForAllValues passes when the key is absent.
    const usable = conditions.filter((c) => {
      const op = parseConditionOperator(c.operator);
      return op.set === "ForAnyValue" && !op.ifExists && ["stringlike", "stringequals"].includes(op.base.toLowerCase());
    });
    if (usable.length === 0) {
      const other = conditions[0];
      return other
        ? {
            resource: role,
            status: "FAIL",
            messageId: "wrongAmr",
            data: { ...data, operator: other.operator, value: other.values.map((v) => v.text).join(", ") },
            evidence,
          }
        : { resource: role, status: "FAIL", messageId: "missingAmr", data, evidence };
    }
    // Every amr condition on the statement must hold, so one that pins the expected value is enough.
    const pins = usable.some((c) => c.values.length > 0 && c.values.every((v) => isLiteral(v) && v.text === expected));
    if (pins) continue;
    const opaque = usable.flatMap((c) => c.values).find((v) => !isLiteral(v));
    if (opaque) {
      unresolved ??= {
        resource: role,
        status: "UNKNOWN",
        messageId: "unresolvedAmr",
        data: { value: opaque.text },
        evidence,
      };
      continue;
    }
    const first = usable[0]!;
    return {
      resource: role,
      status: "FAIL",
      messageId: "wrongAmr",
      data: { ...data, operator: first.operator, value: first.values.map((v) => v.text).join(", ") },
      evidence,
    };
  }
  return unresolved ?? { resource: role, status: "PASS", messageId: "pass", data: { bindings: described, expected } };
}

function trustsCognito(statement: PolicyStatement): boolean {
  return (statement.principals ?? []).some(
    (p) =>
      p.type === "*" ||
      (p.type.toLowerCase() === "federated" && p.ids.some((id) => wildcardMatch(id.text, COGNITO_PRINCIPAL))),
  );
}
