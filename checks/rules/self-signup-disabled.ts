import { defineRule, evidenceOf, unknownFinding, type Finding, type NoOptions } from "../engine/rule.js";
import { defaultNote } from "./utils/value-rule.js";

type MessageId = "pass" | "selfSignUp";

export default defineRule<NoOptions, MessageId>({
  meta: {
    id: "self-signup-disabled",
    title: "Workforce user pools let only administrators create users (allow_admin_create_user_only)",
    description:
      "PCI DSS 8.2.4 requires that user IDs be added only with authorization. On a staff or business-customer pool with self sign-up, anyone who finds the sign-up endpoint creates an account. Consumer pools, where shoppers register themselves, are not applicable.",
    severity: "high",
    pci: [{ id: "8.2.4", relation: "meets" }],
    resourceKinds: ["UserPool"],
    messages: {
      pass: "{{resource}} lets only administrators create users",
      selfSignUp:
        "{{resource}} lets anyone sign up: admin_create_user_config.allow_admin_create_user_only is false{{origin}} on a {{audience}} pool",
    },
    remediation: {
      summary:
        "Set admin_create_user_config.allow_admin_create_user_only to true and provision staff accounts from the identity lifecycle process.",
      cdktf: `new CognitoUserPool(this, "Pool", {\n  name: "staff",\n  adminCreateUserConfig: { allowAdminCreateUserOnly: true },\n});`,
    },
  },
  check(estate, context) {
    return estate.userPools.map((pool): Finding<MessageId> => {
      const { audience } = context.audience(pool);
      if (audience === "consumer")
        return {
          resource: pool,
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          data: { reason: "consumer pools let shoppers register themselves" },
        };
      const actual = pool.allowAdminCreateUserOnly;
      if (!actual.known) return unknownFinding(pool, "admin_create_user_config.allow_admin_create_user_only", actual);
      const evidence = [evidenceOf("admin_create_user_config.allow_admin_create_user_only", actual)];
      const data = { audience, origin: defaultNote(actual) };
      return actual.value
        ? { resource: pool, status: "PASS", messageId: "pass", data, evidence }
        : { resource: pool, status: "FAIL", messageId: "selfSignUp", data, evidence };
    });
  },
});
