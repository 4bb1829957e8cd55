import { IAM_ROLE_FIELDS } from "../model/fields/index.js";
import { describeBindings } from "../iam/bindings.js";
import { checkBoundRoles } from "./utils/bound-roles.js";
import { defineRule } from "../engine/rule.js";
import { valueFinding } from "./utils/value-rule.js";
import { SOURCES } from "./utils/sources.js";

type MessageId = "pass" | "tooLong" | "unresolvedRole";

export default defineRule<{ maxSessionDurationSeconds: number }, MessageId>({
  meta: {
    id: "identity-role-session-duration",
    title: "Identity pool roles allow sessions of at most 1 hour (max_session_duration <= 3600 s)",
    description:
      "max_session_duration caps how long credentials from sts:AssumeRoleWithWebIdentity (basic flow) or a direct AssumeRole of an identity pool or user pool group role stay valid after the user signs out or is disabled. Enhanced-flow credentials last one hour whatever the role says, so the setting matters where the classic flow is allowed; a best practice, not a PCI DSS requirement.",
    severity: "medium",
    pci: [],
    sources: [SOURCES.awsIdentityPoolFlows],
    resourceKinds: ["IamRole", "IdentityPool", "UserGroup"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          maxSessionDurationSeconds: {
            type: "integer",
            minimum: 900,
            maximum: 43200,
            description: "Largest acceptable max_session_duration, in seconds.",
          },
        },
      },
      defaults: { maxSessionDurationSeconds: 3600 },
    },
    messages: {
      pass: "{{resource}} (bound as {{bindings}}) allows sessions of {{actual}} s{{origin}} (at most {{expected}} s)",
      tooLong:
        "{{resource}} (bound as {{bindings}}) allows sessions of {{actual}} s (max_session_duration); at most {{expected}} s are allowed",
      unresolvedRole:
        "{{resource}}: role {{role}} bound to it is not defined in this configuration, so its session duration cannot be checked",
    },
    remediation: {
      summary: "Set max_session_duration to 3600 seconds (the default) or less.",
      cdktf: `new IamRole(this, "Authenticated", {\n  name: "shop-identity-authenticated",\n  assumeRolePolicy: trust.json,\n  maxSessionDuration: 3600,\n});`,
    },
  },
  check(estate, context) {
    return checkBoundRoles(estate, (role, bindings) =>
      valueFinding(role, {
        attribute: IAM_ROLE_FIELDS.maxSessionDurationSeconds.label,
        value: (r) => r.maxSessionDurationSeconds,
        compare: (r) => ({ atMost: context.options(r).maxSessionDurationSeconds }),
        messages: { pass: "pass", fail: "tooLong" },
        defaultNote: " (the default)",
        data: () => ({ bindings: describeBindings(bindings) }),
      }),
    );
  },
});
