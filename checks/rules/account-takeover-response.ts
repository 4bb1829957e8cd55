import type { ModelObject, RiskAction, RiskConfiguration, UserPool } from "../model/index.js";
import {
  indexRiskConfigurations,
  missingRiskFinding,
  RISK_LOOKUP_MESSAGES,
  type RiskLookupMessageId,
} from "./utils/risk-configurations.js";
import { defineRule, evidenceOf, unknownFinding, type Finding } from "../engine/rule.js";

type Options = {
  highActions: RiskAction[];
  mediumActions: RiskAction[];
  requireBlockEverywhere: boolean;
};

const ACTION_SCHEMA = {
  type: "array",
  minItems: 1,
  uniqueItems: true,
  items: { enum: ["BLOCK", "MFA_REQUIRED", "MFA_IF_CONFIGURED", "NO_ACTION"] },
};

type MessageId = RiskLookupMessageId | "pass" | "notConfigured" | "weakAction" | "notEnforced";

export default defineRule<Options, MessageId>({
  meta: {
    id: "account-takeover-response",
    title:
      "Risky sign-ins are challenged or blocked (high risk BLOCK or MFA_REQUIRED; medium risk MFA_IF_CONFIGURED or stronger)",
    description:
      "Threat protection scores every sign-in for account-takeover risk; the pool's aws_cognito_risk_configuration decides what happens. This is part of the dynamic analysis of PCI DSS 8.3.9; it is not the lockout of 8.3.4, which Cognito's own lockout never meets. High risk must be blocked or require MFA, medium risk must at least ask for MFA where the user has it. requireBlockEverywhere asks for BLOCK on all three levels, as Prowler does. The actions are taken only when threat protection is ENFORCED. Client-specific risk configurations are checked too.",
    severity: "high",
    pci: [{ id: "8.3.9", relation: "supports" }],
    resourceKinds: ["UserPool", "RiskConfiguration"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          highActions: { ...ACTION_SCHEMA, description: "Accepted event_action for high risk." },
          mediumActions: { ...ACTION_SCHEMA, description: "Accepted event_action for medium risk." },
          requireBlockEverywhere: { type: "boolean", description: "Require BLOCK for low, medium and high risk." },
        },
      },
      defaults: {
        highActions: ["BLOCK", "MFA_REQUIRED"],
        mediumActions: ["BLOCK", "MFA_REQUIRED", "MFA_IF_CONFIGURED"],
        requireBlockEverywhere: false,
      },
    },
    messages: {
      ...RISK_LOOKUP_MESSAGES,
      pass: "{{resource}} responds to account-takeover risk: high {{high}}, medium {{medium}}, low {{low}}",
      notConfigured:
        "{{resource}}: the risk configuration has no account_takeover_risk_configuration, so risky sign-ins are let through",
      weakAction: "{{resource}} takes action {{actual}} on {{level}} account-takeover risk; expected {{expected}}",
      notEnforced:
        "{{resource}}: the risk configuration sets account-takeover actions, but the pool's advanced_security_mode is {{mode}}, so Cognito takes no action",
    },
    remediation: {
      summary:
        "Set account_takeover_risk_configuration actions: high_action BLOCK (or MFA_REQUIRED), medium_action MFA_REQUIRED (or MFA_IF_CONFIGURED), and enforce threat protection.",
      cdktf: `accountTakeoverRiskConfiguration: {\n  actions: {\n    highAction: { eventAction: "BLOCK", notify: true },\n    mediumAction: { eventAction: "MFA_REQUIRED", notify: false },\n    lowAction: { eventAction: "NO_ACTION", notify: false },\n  },\n  notifyConfiguration: { sourceArn: sesIdentityArn, from: "security@example.com" },\n}`,
    },
  },
  check(estate, context) {
    const index = indexRiskConfigurations(estate);
    const findings: Finding<MessageId>[] = [];
    for (const pool of estate.userPools) {
      const config = index.poolWide(pool);
      findings.push(config ? evaluate(pool, config, pool, context.options(pool)) : missingRiskFinding(pool, index));
    }
    for (const config of [...index.clientSpecific, ...index.unresolved])
      findings.push(evaluate(config, config, config.userPool, context.options(config)));
    return findings;
  },
});

function evaluate(
  resource: ModelObject,
  config: RiskConfiguration,
  pool: UserPool | undefined,
  options: Options,
): Finding<MessageId> {
  const takeover = config.accountTakeover;
  if (!takeover.known) return unknownFinding(resource, "account_takeover_risk_configuration", takeover);
  const render = (a: RiskAction | null) => a ?? "none";
  const evidence = [
    evidenceOf("account_takeover_risk_configuration.actions", takeover, (t) =>
      t ? `high ${render(t.high)}, medium ${render(t.medium)}, low ${render(t.low)}` : "not set",
    ),
  ];
  if (!takeover.value) return { resource, status: "FAIL", messageId: "notConfigured", evidence };
  const { high, medium, low } = takeover.value;
  const levels: [string, RiskAction | null, readonly RiskAction[]][] = options.requireBlockEverywhere
    ? [
        ["high", high, ["BLOCK"]],
        ["medium", medium, ["BLOCK"]],
        ["low", low, ["BLOCK"]],
      ]
    : [
        ["high", high, options.highActions],
        ["medium", medium, options.mediumActions],
      ];
  for (const [level, actual, expected] of levels) {
    if (actual === null || !expected.includes(actual)) {
      return {
        resource,
        status: "FAIL",
        messageId: "weakAction",
        data: { level, actual: actual ?? "none (no action block)", expected: expected.join(" or ") },
        evidence,
      };
    }
  }
  if (pool) {
    const mode = pool.advancedSecurityMode;
    if (!mode.known) return unknownFinding(resource, "user_pool_add_ons.advanced_security_mode", mode);
    evidence.push(evidenceOf("user_pool_add_ons.advanced_security_mode", mode));
    if (mode.value !== "ENFORCED")
      return { resource, status: "FAIL", messageId: "notEnforced", data: { mode: mode.value }, evidence };
  }
  return {
    resource,
    status: "PASS",
    messageId: "pass",
    data: { high: render(high), medium: render(medium), low: render(low) },
    evidence,
  };
}
