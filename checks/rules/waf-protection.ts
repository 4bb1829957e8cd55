import { isLiteral, type Term, type UserPool, type WafAssociation } from "../model/index.js";
import { defineRule, unknownFinding, type Finding, type NoOptions } from "../engine/rule.js";

/** Whether an association whose target is not resolved could still be a user pool. */
function mayTargetUserPool(ref: Term): boolean {
  if (isLiteral(ref)) return /:userpool\//i.test(ref.text);
  if (ref.exactRef)
    return (
      /^(var|local|data|module)\./.test(ref.exactRef.address) ||
      ref.exactRef.address.startsWith("aws_cognito_user_pool.")
    );
  return true;
}

type MessageId = "pass" | "missing" | "unresolvedAssociation";

export default defineRule<NoOptions, MessageId>({
  meta: {
    id: "waf-protection",
    title: "User pools are protected by a WAFv2 web ACL",
    description:
      "A web ACL associated with a user pool filters and rate-limits requests to its sign-in, sign-up and token endpoints (hosted UI and API), the first defence against credential stuffing and bot sign-ups. A WAF in front of the application API does not cover the pool.",
    severity: "medium",
    pci: [{ id: "6.4.2", relation: "meets" }],
    resourceKinds: ["UserPool"],
    messages: {
      pass: "{{resource}} is protected by web ACL {{webAcl}}",
      missing: "{{resource}}: WAF protection is missing: no aws_wafv2_web_acl_association names this user pool",
      unresolvedAssociation:
        "{{resource}} has no WAF association of its own, and {{association}} targets {{target}}, which may or may not be this pool",
    },
    remediation: {
      summary:
        "Associate a regional WAFv2 web ACL (rate-based rule, AWS managed rule groups) with the user pool's ARN.",
      cdktf: `new Wafv2WebAclAssociation(this, "PoolWaf", {\n  resourceArn: pool.arn,\n  webAclArn: webAcl.arn,\n});`,
    },
  },
  check(estate) {
    const byPool = new Map<UserPool, WafAssociation>();
    for (const association of estate.wafAssociations)
      if (association.userPool && !byPool.has(association.userPool)) byPool.set(association.userPool, association);
    const unresolved = estate.wafAssociations.find((a) => !a.userPool && mayTargetUserPool(a.resourceRef));
    return estate.userPools.map((pool): Finding<MessageId> => {
      const association = byPool.get(pool);
      if (association && !association.exists.known)
        return unknownFinding(pool, "web ACL association", association.exists);
      if (association)
        return {
          resource: pool,
          status: "PASS",
          messageId: "pass",
          data: { webAcl: association.webAclRef.text },
          evidence: [
            { attribute: "aws_wafv2_web_acl_association", value: association.provenance.address ?? association.key },
          ],
        };
      if (unresolved)
        return {
          resource: pool,
          status: "UNKNOWN",
          messageId: "unresolvedAssociation",
          data: { association: unresolved.provenance.address ?? unresolved.key, target: unresolved.resourceRef.text },
        };
      return { resource: pool, status: "FAIL", messageId: "missing" };
    });
  },
});
