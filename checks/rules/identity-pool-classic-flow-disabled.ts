import { IDENTITY_POOL_FIELDS } from "../model/fields/index.js";
import { defineRule, type NoOptions } from "../engine/rule.js";
import { valueRule } from "./utils/value-rule.js";

type MessageId = "pass" | "classicFlowAllowed";

export default defineRule<NoOptions, MessageId>({
  meta: {
    id: "identity-pool-classic-flow-disabled",
    title: "Identity pools disable the basic (classic) authentication flow",
    description:
      "With allow_classic_flow the basic flow (GetOpenIdToken, then sts:AssumeRoleWithWebIdentity called by the client) lets a client ask for any role that trusts the identity pool, skipping the role selection and role mapping of the enhanced flow.",
    severity: "medium",
    pci: [{ id: "7.2.1", relation: "supports" }],
    resourceKinds: ["IdentityPool"],
    messages: {
      pass: "{{resource}} uses the enhanced flow only (allow_classic_flow = {{actual}}{{origin}})",
      classicFlowAllowed:
        "{{resource}} allows the basic (classic) flow (allow_classic_flow = true), so clients may assume any role that trusts the pool",
    },
    remediation: {
      summary: "Set allow_classic_flow to false (the default) and use the enhanced flow (GetCredentialsForIdentity).",
      cdktf: `new CognitoIdentityPool(this, "Identities", {\n  identityPoolName: "shop",\n  allowUnauthenticatedIdentities: false,\n  allowClassicFlow: false,\n});`,
    },
  },
  check(estate) {
    return valueRule(estate.identityPools, {
      attribute: IDENTITY_POOL_FIELDS.allowClassicFlow.label,
      value: (pool) => pool.allowClassicFlow,
      compare: () => ({ equals: false }),
      messages: { pass: "pass", fail: "classicFlowAllowed" },
      defaultNote: ", the default",
    });
  },
});
