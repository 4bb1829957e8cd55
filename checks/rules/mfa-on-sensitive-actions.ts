import { unknown, type ApiRoute, type RiskAction, type RiskConfiguration, type UserPool } from "../model/index.js";
import { defineRule, unknownFinding, type Finding, type MessageData } from "../engine/rule.js";
import {
  authorizerPools,
  DEFAULT_SENSITIVE_ROUTES,
  isTokenAuthorization,
  SENSITIVE_ROUTES_SCHEMA,
  sensitivityOf,
  type SensitiveRoute,
} from "./utils/api-routes.js";
import { oneTimeCodeFirstFactors, onlyPhishingResistant } from "./utils/sign-in.js";
import { matchingGlob, triggerGlobsSchema, triggerLabel } from "./utils/trigger-globs.js";

type Options = { sensitiveRoutes: SensitiveRoute[]; riskActions: RiskAction[]; reviewedTokenTriggers: string[] };

const poolName = (pool: UserPool) => (pool.name.known ? pool.name.value : pool.key);

type MessageId =
  | "pass"
  | "notCognito"
  | "noScope"
  | "wrongScope"
  | "weakPool"
  | "unresolvedAuthorizer"
  | "unresolvedPool"
  | "tokenTrigger";

export default defineRule<Options, MessageId>({
  meta: {
    id: "mfa-on-sensitive-actions",
    title:
      "Sensitive API routes require a user pool token with their OAuth scope, from a pool that enforces MFA or risk-based MFA",
    description:
      "Checkout, saved payment methods and order history must not be reachable with a password alone. Each route the policy lists as sensitive must use a Cognito authorizer (REST COGNITO_USER_POOLS, or an HTTP API JWT authorizer whose issuer is the pool) that requires only the listed OAuth scopes (an authorizer without scopes accepts any ID token), and the user pool behind that authorizer must have MFA ON (OPTIONAL does not count: an account without a second factor reaches the route; a one-time code first factor signs in with one factor), or only phishing-resistant first factors (passkeys with user verification required), or threat protection ENFORCED with a risk configuration whose medium and high risk actions are MFA_REQUIRED or BLOCK. A pre token generation trigger of version V2_0 or V3_0 can add scopes to access tokens, so the scope check is UNKNOWN unless the policy lists the trigger as reviewed (reviewedTokenTriggers).",
    severity: "high",
    pci: [{ id: "8.4.2", relation: "meets", audiences: ["workforce"] }],
    resourceKinds: ["ApiRoute"],
    options: {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          sensitiveRoutes: SENSITIVE_ROUTES_SCHEMA,
          riskActions: {
            type: "array",
            minItems: 1,
            uniqueItems: true,
            items: { enum: ["BLOCK", "MFA_REQUIRED", "MFA_IF_CONFIGURED", "NO_ACTION"] },
            description: "Accepted account-takeover actions for medium and high risk when MFA is not ON.",
          },
          reviewedTokenTriggers: triggerGlobsSchema(
            "Pre token generation triggers (V2_0, V3_0) reviewed not to add the sensitive scopes: globs (* wildcard, case-sensitive) matched against the function name and its full ARN.",
          ),
        },
      },
      defaults: {
        sensitiveRoutes: DEFAULT_SENSITIVE_ROUTES,
        riskActions: ["MFA_REQUIRED", "BLOCK"],
        reviewedTokenTriggers: [],
      },
    },
    messages: {
      pass: "{{resource}}: {{method}} {{path}} requires scope {{scopes}} from pool {{pool}}, which {{protection}}",
      notCognito:
        "{{resource}}: sensitive route {{method}} {{path}} uses authorization {{authorization}}, not a Cognito user pool authorizer (REST COGNITO_USER_POOLS, or HTTP API JWT whose issuer is the pool)",
      noScope:
        "{{resource}}: sensitive route {{method}} {{path}} requires no OAuth scope, so any token of the pool (an ID token included) is accepted; expected {{expected}}",
      wrongScope: "{{resource}}: sensitive route {{method}} {{path}} accepts scope {{scope}}, not one of {{expected}}",
      weakPool: "{{resource}}: sensitive route {{method}} {{path}} trusts pool {{pool}}, which {{problem}}",
      unresolvedAuthorizer:
        "{{resource}}: the authorizer {{authorizer}} of sensitive route {{method}} {{path}} is not defined in this configuration",
      unresolvedPool:
        "{{resource}}: a user pool of the authorizer of sensitive route {{method}} {{path}} is not defined in this configuration ({{arns}})",
      tokenTrigger:
        "{{resource}}: sensitive route {{method}} {{path}} requires scope {{scopes}}, but pool {{pool}} has the pre token generation trigger {{trigger}} ({{version}}), which can add scopes to access tokens: review it and list it in reviewedTokenTriggers",
    },
    remediation: {
      summary:
        "Put sensitive routes behind a COGNITO_USER_POOLS authorizer with authorization_scopes set to their scope, and set the pool's mfa_configuration to ON or enforce threat protection with MFA_REQUIRED/BLOCK for medium and high risk.",
      cdktf: `new ApiGatewayMethod(this, "Checkout", {\n  restApiId: api.id, resourceId: checkout.id, httpMethod: "POST",\n  authorization: "COGNITO_USER_POOLS", authorizerId: authorizer.id,\n  authorizationScopes: ["shop/checkout"],\n});\nnew CognitoRiskConfiguration(this, "Risk", {\n  userPoolId: pool.id,\n  accountTakeoverRiskConfiguration: { actions: {\n    highAction: { eventAction: "BLOCK", notify: true },\n    mediumAction: { eventAction: "MFA_REQUIRED", notify: true },\n    lowAction: { eventAction: "NO_ACTION", notify: false },\n  }, notifyConfiguration: { sourceArn: sesIdentity.arn } },\n});`,
    },
  },
  check(estate, context) {
    const risks = new Map<UserPool, RiskConfiguration[]>();
    for (const risk of estate.riskConfigurations)
      if (risk.userPool) risks.set(risk.userPool, [...(risks.get(risk.userPool) ?? []), risk]);
    const findings: Finding<MessageId>[] = [];
    for (const route of estate.apiRoutes) {
      const options = context.options(route);
      const sensitivity = sensitivityOf(route, options.sensitiveRoutes);
      if (sensitivity.kind === "unknown")
        findings.push(unknownFinding(route, sensitivity.attribute, sensitivity.value));
      if (sensitivity.kind !== "sensitive") continue;
      findings.push(checkRoute(route, sensitivity.method, sensitivity.path, sensitivity.scopes, options, risks));
    }
    return findings;
  },
});

function checkRoute(
  route: ApiRoute,
  method: string,
  path: string,
  expected: readonly string[],
  options: Options,
  risks: ReadonlyMap<UserPool, readonly RiskConfiguration[]>,
): Finding<MessageId> {
  const data = { method, path, expected: expected.join(" or ") };
  const authorization = route.authorizationType;
  if (!authorization.known) return unknownFinding(route, "authorization", authorization);
  if (!isTokenAuthorization(route, authorization.value))
    return {
      resource: route,
      status: "FAIL",
      messageId: "notCognito",
      data: { ...data, authorization: authorization.value },
    };
  const scopes = route.authorizationScopes;
  if (!scopes.known) return unknownFinding(route, "authorization_scopes", scopes);
  const evidence = [{ attribute: "authorization_scopes", value: scopes.value.join(", ") || "none" }];
  if (scopes.value.length === 0) return { resource: route, status: "FAIL", messageId: "noScope", data, evidence };
  const foreign = scopes.value.find((scope) => !expected.includes(scope));
  if (foreign)
    return { resource: route, status: "FAIL", messageId: "wrongScope", data: { ...data, scope: foreign }, evidence };
  const authorizer = route.authorizer;
  if (!authorizer)
    return {
      resource: route,
      status: "UNKNOWN",
      messageId: "unresolvedAuthorizer",
      data: { ...data, authorizer: route.authorizerRef?.text ?? "(none)" },
    };
  const behind = authorizerPools({ ...route, authorizer });
  if (behind.kind === "unknown") return unknownFinding(route, behind.attribute, behind.value);
  if (behind.kind === "unresolved")
    return { resource: route, status: "UNKNOWN", messageId: "unresolvedPool", data: { ...data, arns: behind.names } };
  if (behind.kind === "foreign-issuer")
    return {
      resource: route,
      status: "FAIL",
      messageId: "notCognito",
      data: { ...data, authorization: `JWT from issuer ${behind.issuer}` },
    };
  const protections: string[] = [];
  for (const pool of behind.pools) {
    const verdict = poolProtection(pool, risks.get(pool) ?? [], options.riskActions);
    if (verdict.status === "UNKNOWN")
      return unknownFinding(route, `MFA of user pool ${poolName(pool)}`, unknown(verdict.text));
    if (verdict.status === "FAIL")
      return {
        resource: route,
        status: "FAIL",
        messageId: "weakPool",
        data: { ...data, pool: poolName(pool), problem: verdict.text },
        evidence,
      };
    protections.push(verdict.text);
  }
  for (const pool of behind.pools) {
    const trigger = tokenTriggerFinding(route, pool, options.reviewedTokenTriggers, {
      ...data,
      scopes: scopes.value.join(", "),
    });
    if (trigger) return { ...trigger, evidence };
  }
  return {
    resource: route,
    status: "PASS",
    messageId: "pass",
    data: {
      method,
      path,
      scopes: scopes.value.join(", "),
      pool: behind.pools.map(poolName).join(", "),
      protection: protections.join("; "),
    },
    evidence,
  };
}

/** UNKNOWN when a pre token generation trigger that can add access-token scopes (V2_0, V3_0) is not reviewed. */
function tokenTriggerFinding(
  route: ApiRoute,
  pool: UserPool,
  reviewed: readonly string[],
  data: MessageData,
): Finding<MessageId> | undefined {
  const version = pool.preTokenGenerationVersion;
  if (!version.known)
    return unknownFinding(route, `pre token generation version of user pool ${poolName(pool)}`, version);
  if (version.value !== "V2_0" && version.value !== "V3_0") return undefined;
  const trigger = pool.preTokenGenerationTrigger;
  if (!trigger.known)
    return unknownFinding(route, `pre token generation trigger of user pool ${poolName(pool)}`, trigger);
  if (trigger.value === null) return undefined;
  const glob = matchingGlob(trigger.value, reviewed);
  if (!glob.known) return unknownFinding(route, `pre token generation trigger of user pool ${poolName(pool)}`, glob);
  if (glob.value !== null) return undefined;
  return {
    resource: route,
    status: "UNKNOWN",
    messageId: "tokenTrigger",
    data: { ...data, pool: poolName(pool), trigger: triggerLabel(trigger.value), version: version.value },
  };
}

function poolProtection(
  pool: UserPool,
  risks: readonly RiskConfiguration[],
  accepted: readonly RiskAction[],
): { status: "PASS" | "FAIL" | "UNKNOWN"; text: string } {
  const resistant = onlyPhishingResistant(pool);
  if (resistant.known && resistant.value)
    return { status: "PASS", text: "signs in only with passkeys that require user verification" };
  const codes = oneTimeCodeFirstFactors(pool);
  const mfa = pool.mfaConfiguration;
  // A one-time code first factor signs in with one factor even under MFA ON.
  if (mfa.known && mfa.value === "ON" && codes.known && codes.value.length === 0)
    return { status: "PASS", text: "requires MFA (mfa_configuration ON)" };
  const mode = pool.advancedSecurityMode;
  const mfaText = mfa.known ? `has MFA ${mfa.value}` : "has MFA of unknown setting";
  if (!mode.known)
    return {
      status: "UNKNOWN",
      text: `${mfaText} and user_pool_add_ons.advanced_security_mode cannot be determined: ${mode.reason}`,
    };
  if (mode.value !== "ENFORCED") {
    if (!mfa.known) return { status: "UNKNOWN", text: `mfa_configuration cannot be determined: ${mfa.reason}` };
    if (!codes.known)
      return {
        status: "UNKNOWN",
        text: `sign_in_policy.allowed_first_auth_factors cannot be determined: ${codes.reason}`,
      };
    if (!resistant.known)
      return {
        status: "UNKNOWN",
        text: `web_authn_configuration.user_verification cannot be determined: ${resistant.reason}`,
      };
    if (mfa.value === "ON")
      return {
        status: "FAIL",
        text: `has MFA ON but allows ${codes.value.join(", ")} as a first factor (one factor), and threat protection ${mode.value}`,
      };
    return {
      status: "FAIL",
      text: `${mfaText} and threat protection ${mode.value} (neither MFA ON nor ENFORCED risk-based MFA)`,
    };
  }
  if (risks.length === 0)
    return {
      status: "FAIL",
      text: `${mfaText}, and its risk configuration is missing, so threat protection takes no action on risky sign-ins`,
    };
  for (const risk of risks) {
    if (!risk.accountTakeover.known)
      return {
        status: "UNKNOWN",
        text: `account takeover actions cannot be determined: ${risk.accountTakeover.reason}`,
      };
    const actions = risk.accountTakeover.value;
    if (!actions)
      return { status: "FAIL", text: `${mfaText}, and its risk configuration has no account takeover actions` };
    for (const level of ["medium", "high"] as const) {
      const action = actions[level];
      if (!action || !accepted.includes(action))
        return {
          status: "FAIL",
          text: `${mfaText}, and its risk configuration answers ${level} risk with ${action ?? "no action"} (expected ${accepted.join(" or ")})`,
        };
    }
  }
  return { status: "PASS", text: "enforces threat protection with MFA or block for medium and high risk" };
}
