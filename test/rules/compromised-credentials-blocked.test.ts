import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/compromised-credentials-blocked.js";
import { client, consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { enforced, protectedPool, riskConfiguration } from "../harness/risk-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

RuleTester.run(rule, {
  valid: [
    {
      name: "pass_sign_in_block",
      stack: (s) =>
        protectedPool(s, "pass_sign_in_block", {
          compromised: { events: ["SIGN_IN", "PASSWORD_CHANGE"], action: "BLOCK" },
        }),
    },
    // No event_filter: the API checks every event, SIGN_IN included.
    {
      name: "pass_default_filter",
      stack: (s) => protectedPool(s, "pass_default_filter", { compromised: { action: "BLOCK" } }),
    },
  ],
  invalid: [
    {
      name: "fail_missing",
      stack: (s) => userPool(s, "fail_missing", enforced),
      results: [
        {
          resource: "fail_missing",
          status: "FAIL",
          messageId: "riskMissing",
          messageIncludes: "risk configuration missing",
        },
      ],
    },
    {
      name: "fail_consumer_missing",
      stack: (s) => consumerPool(s, "fail_consumer_missing"),
      results: [
        { resource: "fail_consumer_missing", status: "FAIL", messageId: "riskMissing", messageIncludes: "missing" },
      ],
    },
    {
      name: "fail_no_action",
      stack: (s) => protectedPool(s, "fail_no_action", { compromised: { events: ["SIGN_IN"], action: "NO_ACTION" } }),
      results: [
        { resource: "fail_no_action", status: "FAIL", messageId: "notBlocked", messageIncludes: "action NO_ACTION" },
      ],
    },
    {
      name: "fail_sign_up_only",
      stack: (s) =>
        protectedPool(s, "fail_sign_up_only", {
          compromised: { events: ["SIGN_UP", "PASSWORD_CHANGE"], action: "BLOCK" },
        }),
      results: [
        {
          resource: "fail_sign_up_only",
          status: "FAIL",
          messageId: "signInNotFiltered",
          messageIncludes: "only on SIGN_UP, PASSWORD_CHANGE",
        },
      ],
    },
    {
      name: "fail_takeover_only",
      stack: (s) => protectedPool(s, "fail_takeover_only", { takeover: { high: "BLOCK", medium: "MFA_REQUIRED" } }),
      results: [{ resource: "fail_takeover_only", status: "FAIL", messageId: "notConfigured" }],
    },
    {
      name: "fail_audit_mode",
      stack: (s) =>
        protectedPool(
          s,
          "fail_audit_mode",
          { compromised: { events: ["SIGN_IN"], action: "BLOCK" } },
          { userPoolAddOns: { advancedSecurityMode: "AUDIT" } },
        ),
      results: [
        {
          resource: "fail_audit_mode",
          status: "FAIL",
          messageId: "notEnforced",
          messageIncludes: "advanced_security_mode is AUDIT",
        },
      ],
    },
    {
      // A client-specific configuration overrides the pool's for that client, and is judged on its own.
      name: "fail_client_override",
      stack: (s) => {
        const pool = protectedPool(s, "staff", { compromised: { events: ["SIGN_IN"], action: "BLOCK" } });
        const web = client(s, "web", pool);
        riskConfiguration(s, "fail_client_override", pool, {
          clientId: web.id,
          compromised: { events: ["SIGN_IN"], action: "NO_ACTION" },
        });
      },
      results: [
        { resource: "aws_cognito_risk_configuration.fail_client_override", status: "FAIL", messageId: "notBlocked" },
      ],
    },
    {
      name: "fail_client_only",
      stack: (s) => {
        const pool = userPool(s, "fail_client_only", enforced);
        riskConfiguration(s, "risk", pool, {
          clientId: client(s, "web", pool).id,
          compromised: { events: ["SIGN_IN"], action: "BLOCK" },
        });
      },
      results: [
        {
          resource: "fail_client_only",
          status: "FAIL",
          messageId: "riskMissing",
          messageIncludes: "only client-specific ones",
        },
      ],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const action = new TerraformVariable(s, "compromised_action", { type: "string" });
        protectedPool(s, "unknown_var", { compromised: { events: ["SIGN_IN"], action: action.stringValue } });
      },
      results: [
        { resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.compromised_action" },
      ],
    },
    {
      // The only risk configuration names a pool from a variable: it may be this pool's, so UNKNOWN, not missing.
      name: "unknown_pool_var",
      stack: (s) => {
        userPool(s, "unknown_pool_var", enforced);
        const poolId = new TerraformVariable(s, "pool_id", { type: "string" });
        riskConfiguration(s, "risk", poolId.stringValue, { compromised: { events: ["SIGN_IN"], action: "BLOCK" } });
      },
      results: [
        {
          resource: "unknown_pool_var",
          status: "UNKNOWN",
          messageId: "riskUnresolved",
          messageIncludes: "cannot be resolved",
        },
      ],
    },
  ],
});
