// Fixtures for threat protection rules: a Plus-tier pool with threat protection ENFORCED and an
// aws_cognito_risk_configuration with the given responses.

import { CognitoRiskConfiguration } from "@cdktf/provider-aws/lib/cognito-risk-configuration/index.js";
import type { CognitoUserPool, CognitoUserPoolConfig } from "@cdktf/provider-aws/lib/cognito-user-pool/index.js";
import type { Construct } from "constructs";
import { userPool } from "./cognito-fixtures.js";

export const enforced = { userPoolTier: "PLUS", userPoolAddOns: { advancedSecurityMode: "ENFORCED" } } satisfies Omit<
  CognitoUserPoolConfig,
  "name"
>;

export interface RiskSpec {
  readonly compromised?: { readonly events?: string[]; readonly action: string };
  readonly takeover?: { readonly high?: string; readonly medium?: string; readonly low?: string };
  readonly clientId?: string;
}

/** `pool` is the pool or a user_pool_id expression. */
export function riskConfiguration(
  scope: Construct,
  id: string,
  pool: CognitoUserPool | string,
  spec: RiskSpec,
): CognitoRiskConfiguration {
  const action = (eventAction: string | undefined) => (eventAction ? { eventAction, notify: false } : undefined);
  return new CognitoRiskConfiguration(scope, id, {
    userPoolId: typeof pool === "string" ? pool : pool.id,
    ...(spec.clientId ? { clientId: spec.clientId } : {}),
    ...(spec.compromised
      ? {
          compromisedCredentialsRiskConfiguration: {
            ...(spec.compromised.events ? { eventFilter: spec.compromised.events } : {}),
            actions: { eventAction: spec.compromised.action },
          },
        }
      : {}),
    ...(spec.takeover
      ? {
          accountTakeoverRiskConfiguration: {
            actions: {
              highAction: action(spec.takeover.high),
              mediumAction: action(spec.takeover.medium),
              lowAction: action(spec.takeover.low),
            },
            notifyConfiguration: {
              sourceArn: "arn:aws:ses:eu-west-1:123456789012:identity/example.com",
              from: "security@example.com",
            },
          },
        }
      : {}),
  });
}

/** A Plus-tier pool with threat protection ENFORCED and the given risk configuration. */
export function protectedPool(
  scope: Construct,
  name: string,
  spec: RiskSpec,
  config: Omit<CognitoUserPoolConfig, "name"> = {},
): CognitoUserPool {
  const pool = userPool(scope, name, { ...enforced, ...config });
  riskConfiguration(scope, `${name}-risk`, pool, spec);
  return pool;
}
