// The identity-role rules judge every role an identity pool or group binds. The binding index is
// IAM semantics (checks/iam); turning it into findings is the rule contract's business, so it lives here.

import { unknownFinding, type Finding } from "../../engine/rule.js";
import { identityRoleBindings, type RoleBindingRef } from "../../iam/bindings.js";
import type { Estate, IamRole } from "../../model/index.js";

/**
 * Runs a per-role check over every bound role, once each, and reports what cannot be followed:
 * UNKNOWN (messageId "unresolvedRole", data {role}) on the identity pool or group that binds a role
 * this configuration does not define, and UNKNOWN on identity pools whose bindings cannot be read.
 */
export function checkBoundRoles<M extends string>(
  estate: Estate,
  check: (role: IamRole, bindings: readonly RoleBindingRef[]) => Finding<M> | readonly Finding<M>[],
  options: { includeGroups: boolean } = { includeGroups: true },
): Finding<M | "unresolvedRole">[] {
  const index = identityRoleBindings(estate, options);
  const findings: Finding<M | "unresolvedRole">[] = [];
  for (const { pool, reason } of index.unknownPools) findings.push(unknownFinding(pool, "role bindings", reason));
  for (const { owner, roleRef } of index.unresolved)
    findings.push({ resource: owner, status: "UNKNOWN", messageId: "unresolvedRole", data: { role: roleRef.text } });
  for (const [role, bindings] of index.roles) {
    const result = check(role, bindings);
    if (Array.isArray(result)) findings.push(...(result as readonly Finding<M>[]));
    else findings.push(result as Finding<M>);
  }
  return findings;
}
