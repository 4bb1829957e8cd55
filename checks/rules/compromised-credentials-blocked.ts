import type { ModelObject, RiskConfiguration, UserPool } from "../model/index.js";
import {
  indexRiskConfigurations,
  missingRiskFinding,
  RISK_LOOKUP_MESSAGES,
  type RiskLookupMessageId,
} from "./utils/risk-configurations.js";
import { defineRule, evidenceOf, unknownFinding, type Finding, type NoOptions } from "../engine/rule.js";

type MessageId = RiskLookupMessageId | "pass" | "notConfigured" | "signInNotFiltered" | "notBlocked" | "notEnforced";

export default defineRule<NoOptions, MessageId>({
  meta: {
    id: "compromised-credentials-blocked",
    title: "Sign-ins with compromised credentials are blocked (risk configuration: SIGN_IN, BLOCK)",
    description:
      "Threat protection compares passwords with known breach corpora. The pool's aws_cognito_risk_configuration must include SIGN_IN in the compromised credentials event filter with action BLOCK, and threat protection must be ENFORCED for the action to be taken (part of the dynamic analysis of PCI DSS 8.3.9). Client-specific risk configurations, which override the pool's for their client, are checked too.",
    severity: "high",
    pci: [{ id: "8.3.9", relation: "supports" }],
    resourceKinds: ["UserPool", "RiskConfiguration"],
    messages: {
      ...RISK_LOOKUP_MESSAGES,
      pass: "{{resource}} blocks sign-ins with compromised credentials",
      notConfigured:
        "{{resource}}: the risk configuration has no compromised_credentials_risk_configuration, so compromised credentials are not blocked",
      signInNotFiltered: "{{resource}} checks compromised credentials only on {{events}}, not on SIGN_IN",
      notBlocked: "{{resource}} takes action {{action}} on compromised credentials; it must be BLOCK",
      notEnforced:
        "{{resource}}: the risk configuration blocks compromised credentials, but the pool's advanced_security_mode is {{mode}}, so Cognito takes no action",
    },
    remediation: {
      summary:
        "Add an aws_cognito_risk_configuration for the pool with compromised_credentials_risk_configuration { event_filter = [SIGN_IN, ...], actions { event_action = BLOCK } }, and enforce threat protection.",
      cdktf: `new CognitoRiskConfiguration(this, "Risk", {\n  userPoolId: pool.id,\n  compromisedCredentialsRiskConfiguration: {\n    eventFilter: ["SIGN_IN", "PASSWORD_CHANGE", "SIGN_UP"],\n    actions: { eventAction: "BLOCK" },\n  },\n});`,
    },
  },
  check(estate) {
    const index = indexRiskConfigurations(estate);
    const findings: Finding<MessageId>[] = [];
    for (const pool of estate.userPools) {
      const config = index.poolWide(pool);
      findings.push(config ? evaluate(pool, config, pool) : missingRiskFinding(pool, index));
    }
    for (const config of [...index.clientSpecific, ...index.unresolved])
      findings.push(evaluate(config, config, config.userPool));
    return findings;
  },
});

function evaluate(resource: ModelObject, config: RiskConfiguration, pool: UserPool | undefined): Finding<MessageId> {
  const compromised = config.compromisedCredentials;
  if (!compromised.known) return unknownFinding(resource, "compromised_credentials_risk_configuration", compromised);
  const evidence = [
    evidenceOf("compromised_credentials_risk_configuration", compromised, (c) =>
      c ? `event_filter ${c.eventFilter.join(", ")}; action ${c.action}` : "not set",
    ),
  ];
  if (!compromised.value) return { resource, status: "FAIL", messageId: "notConfigured", evidence };
  const { eventFilter, action } = compromised.value;
  if (!eventFilter.includes("SIGN_IN"))
    return {
      resource,
      status: "FAIL",
      messageId: "signInNotFiltered",
      data: { events: eventFilter.join(", ") || "no events" },
      evidence,
    };
  if (action !== "BLOCK") return { resource, status: "FAIL", messageId: "notBlocked", data: { action }, evidence };
  if (pool) {
    const mode = pool.advancedSecurityMode;
    if (!mode.known) return unknownFinding(resource, "user_pool_add_ons.advanced_security_mode", mode);
    evidence.push(evidenceOf("user_pool_add_ons.advanced_security_mode", mode));
    if (mode.value !== "ENFORCED")
      return { resource, status: "FAIL", messageId: "notEnforced", data: { mode: mode.value }, evidence };
  }
  return { resource, status: "PASS", messageId: "pass", evidence };
}
