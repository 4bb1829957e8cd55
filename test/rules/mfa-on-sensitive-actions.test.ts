import { CognitoRiskConfiguration } from "@cdktf/provider-aws/lib/cognito-risk-configuration/index.js";
import type { CognitoUserPool } from "@cdktf/provider-aws/lib/cognito-user-pool/index.js";
import { TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import rule from "../../checks/rules/mfa-on-sensitive-actions.js";
import { TestApi } from "../harness/api-fixtures.js";
import { consumerPool, userPool } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";
import { lambdaFunction, passkeysOnly, TOTP } from "../harness/sign-in-fixtures.js";

const M = (id: string) => `aws_api_gateway_method.${id}`;

function risk(scope: Construct, pool: CognitoUserPool, medium: string, high = "BLOCK"): void {
  new CognitoRiskConfiguration(scope, `${pool.friendlyUniqueId}-risk`, {
    userPoolId: pool.id,
    accountTakeoverRiskConfiguration: {
      actions: {
        highAction: { eventAction: high, notify: false },
        mediumAction: { eventAction: medium, notify: false },
        lowAction: { eventAction: "NO_ACTION", notify: false },
      },
      notifyConfiguration: { sourceArn: "arn:aws:ses:eu-west-1:111122223333:identity/security@example.com" },
    },
  });
}

/** A consumer pool with optional MFA and enforced threat protection, as the compliant shop has. */
function riskBasedPool(scope: Construct, name: string, medium = "MFA_REQUIRED"): CognitoUserPool {
  const pool = consumerPool(scope, name, {
    mfaConfiguration: "OPTIONAL",
    softwareTokenMfaConfiguration: { enabled: true },
    userPoolTier: "PLUS",
    userPoolAddOns: { advancedSecurityMode: "ENFORCED" },
  });
  risk(scope, pool, medium);
  return pool;
}

/** A staff pool with MFA ON and a pre token generation trigger of `version` (V2_0 and V3_0 can add scopes). */
function tokenTriggerPool(scope: Construct, name: string, version: string): CognitoUserPool {
  const fn = lambdaFunction(scope, "shop-token-claims");
  return userPool(scope, name, {
    mfaConfiguration: "ON",
    ...TOTP,
    lambdaConfig: { preTokenGenerationConfig: { lambdaArn: fn.arn, lambdaVersion: version } },
  });
}

RuleTester.run(rule, {
  valid: [
    {
      // Passkeys with user verification are phishing-resistant: no second factor is needed.
      name: "pass_passkeys_only",
      stack: (s) => {
        const api = new TestApi(s, "shop", userPool(s, "staff", passkeysOnly("required")));
        api.route({ id: "pass_checkout", method: "POST", path: "/checkout", scopes: ["shop/checkout"] });
      },
    },
    {
      // V1_0 changes ID token claims only: it cannot add access-token scopes.
      name: "pass_token_trigger_v1",
      stack: (s) => {
        const api = new TestApi(s, "shop", tokenTriggerPool(s, "staff", "V1_0"));
        api.route({ id: "pass_checkout", method: "POST", path: "/checkout", scopes: ["shop/checkout"] });
      },
    },
    {
      name: "pass_token_trigger_reviewed",
      options: { reviewedTokenTriggers: ["shop-token-*"] },
      stack: (s) => {
        const api = new TestApi(s, "shop", tokenTriggerPool(s, "staff", "V2_0"));
        api.route({ id: "pass_checkout", method: "POST", path: "/checkout", scopes: ["shop/checkout"] });
      },
    },
    {
      name: "pass_mfa_on",
      stack: (s) => {
        const api = new TestApi(
          s,
          "shop",
          userPool(s, "staff", { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } }),
        );
        api.route({ id: "pass_checkout", method: "POST", path: "/checkout", scopes: ["shop/checkout"] });
        // Not sensitive: not reported.
        api.route({ id: "catalog", method: "GET", path: "/catalog", authorization: "NONE" });
      },
    },
    {
      name: "pass_risk_based",
      stack: (s) => {
        const api = new TestApi(s, "shop", riskBasedPool(s, "customers"));
        api.route({ id: "pass_orders", method: "GET", path: "/orders/{orderId}", scopes: ["shop/orders"] });
        api.route({
          id: "pass_payment_methods",
          method: "POST",
          path: "/payment-methods",
          scopes: ["shop/payment-methods"],
        });
      },
    },
    {
      name: "pass_custom_route",
      options: { sensitiveRoutes: [{ method: "PUT", path: "/profile", scopes: ["shop/profile"] }] },
      stack: (s) => {
        const api = new TestApi(s, "shop", riskBasedPool(s, "customers"));
        api.route({ id: "pass_profile", method: "PUT", path: "/profile", scopes: ["shop/profile"] });
        // Not listed by the custom option: not reported.
        api.route({ id: "checkout_unlisted", method: "POST", path: "/checkout" });
      },
    },
  ],
  invalid: [
    {
      name: "unknown_token_trigger",
      stack: (s) => {
        const api = new TestApi(s, "shop", tokenTriggerPool(s, "staff", "V3_0"));
        api.route({ id: "unknown_checkout", method: "POST", path: "/checkout", scopes: ["shop/checkout"] });
      },
      results: [
        {
          resource: M("unknown_checkout"),
          status: "UNKNOWN",
          messageId: "tokenTrigger",
          messageIncludes: "shop-token-claims (V3_0), which can add scopes to access tokens",
        },
      ],
    },
    {
      // OPTIONAL does not count: an account that never enrolled reaches the route with a password.
      name: "fail_mfa_optional",
      stack: (s) => {
        const api = new TestApi(s, "shop", userPool(s, "staff", { mfaConfiguration: "OPTIONAL", ...TOTP }));
        api.route({ id: "fail_checkout", method: "POST", path: "/checkout", scopes: ["shop/checkout"] });
      },
      results: [
        { resource: M("fail_checkout"), status: "FAIL", messageId: "weakPool", messageIncludes: "has MFA OPTIONAL" },
      ],
    },
    {
      // A one-time code signs in with one factor even under MFA ON.
      name: "fail_mfa_on_email_code",
      stack: (s) => {
        const pool = userPool(s, "staff", {
          mfaConfiguration: "ON",
          ...TOTP,
          signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] },
        });
        new TestApi(s, "shop", pool).route({
          id: "fail_checkout",
          method: "POST",
          path: "/checkout",
          scopes: ["shop/checkout"],
        });
      },
      results: [
        {
          resource: M("fail_checkout"),
          status: "FAIL",
          messageId: "weakPool",
          messageIncludes: "allows EMAIL_OTP as a first factor (one factor)",
        },
      ],
    },
    {
      name: "fail_no_scope",
      stack: (s) =>
        void new TestApi(s, "shop", riskBasedPool(s, "customers")).route({
          id: "fail_checkout_no_scope",
          method: "POST",
          path: "/checkout",
        }),
      results: [
        {
          resource: M("fail_checkout_no_scope"),
          status: "FAIL",
          messageId: "noScope",
          messageIncludes: "expected shop/checkout",
        },
      ],
    },
    {
      name: "fail_wrong_scope",
      stack: (s) =>
        void new TestApi(s, "shop", riskBasedPool(s, "customers")).route({
          id: "fail_checkout_openid",
          method: "POST",
          path: "/checkout",
          scopes: ["shop/checkout", "openid"],
        }),
      results: [
        {
          resource: M("fail_checkout_openid"),
          status: "FAIL",
          messageId: "wrongScope",
          messageIncludes: "accepts scope openid",
        },
      ],
    },
    {
      name: "fail_unauthorized",
      stack: (s) =>
        void new TestApi(s, "shop").route({
          id: "fail_public_orders",
          method: "GET",
          path: "/orders",
          authorization: "NONE",
        }),
      results: [
        { resource: M("fail_public_orders"), status: "FAIL", messageId: "notCognito", messageIncludes: "NONE" },
      ],
    },
    {
      name: "fail_mfa_off",
      stack: (s) =>
        void new TestApi(s, "shop", consumerPool(s, "legacy-customers")).route({
          id: "fail_mfa_off",
          method: "GET",
          path: "/payment-methods",
          scopes: ["shop/payment-methods"],
        }),
      results: [
        {
          resource: M("fail_mfa_off"),
          status: "FAIL",
          messageId: "weakPool",
          messageIncludes: "has MFA OFF and threat protection OFF",
        },
      ],
    },
    {
      name: "fail_mfa_if_configured",
      stack: (s) =>
        void new TestApi(s, "shop", riskBasedPool(s, "customers", "MFA_IF_CONFIGURED")).route({
          id: "fail_weak_risk",
          method: "POST",
          path: "/checkout",
          scopes: ["shop/checkout"],
        }),
      results: [
        {
          resource: M("fail_weak_risk"),
          status: "FAIL",
          messageId: "weakPool",
          messageIncludes: "medium risk with MFA_IF_CONFIGURED",
        },
      ],
    },
    {
      name: "fail_risk_configuration_missing",
      stack: (s) => {
        const pool = userPool(s, "no-risk", {
          mfaConfiguration: "OPTIONAL",
          softwareTokenMfaConfiguration: { enabled: true },
          userPoolTier: "PLUS",
          userPoolAddOns: { advancedSecurityMode: "ENFORCED" },
        });
        new TestApi(s, "shop", pool).route({
          id: "fail_no_risk",
          method: "POST",
          path: "/checkout",
          scopes: ["shop/checkout"],
        });
      },
      results: [{ resource: M("fail_no_risk"), status: "FAIL", messageId: "weakPool", messageIncludes: "missing" }],
    },
    {
      name: "unknown_pool_outside",
      stack: (s) =>
        void new TestApi(s, "shop", "arn:aws:cognito-idp:eu-west-1:111122223333:userpool/eu-west-1_outside").route({
          id: "unknown_outside_pool",
          method: "POST",
          path: "/checkout",
          scopes: ["shop/checkout"],
        }),
      results: [
        {
          resource: M("unknown_outside_pool"),
          status: "UNKNOWN",
          messageId: "unresolvedPool",
          messageIncludes: "eu-west-1_outside",
        },
      ],
    },
    {
      name: "unknown_mfa_var",
      stack: (s) => {
        const mfa = new TerraformVariable(s, "mfa", { type: "string" });
        new TestApi(s, "shop", userPool(s, "var-pool", { mfaConfiguration: mfa.stringValue })).route({
          id: "unknown_mfa",
          method: "POST",
          path: "/checkout",
          scopes: ["shop/checkout"],
        });
      },
      results: [{ resource: M("unknown_mfa"), status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.mfa" }],
    },
  ],
});
