// The reference estate: every rule of RULES.md passes under the project's policy (shopsphere-policy.yaml,
// which names the reviewed lockout trigger). On hashicorp/aws 5.x, which cannot express log delivery,
// auth-event-logging and auth-log-retention stay UNKNOWN on configuration; the deploy step sets the
// delivery after apply, so the live scan passes them. Workforce thresholds on the staff pool, consumer
// thresholds on the consumer pool.
import { fileURLToPath } from "node:url";
import type { AppClientProfile, ShopVariant } from "./shop-variant.js";

/** The project's policy file: the pci-dss-4.0.1 pack plus the shop's reviewed lockout trigger (account-lockout). */
export const SHOP_POLICY = fileURLToPath(new URL("./shopsphere-policy.yaml", import.meta.url));

const STOREFRONT = "https://www.securecart.example";
const SHOP_SCOPES = ["shop/orders", "shop/checkout", "shop/payment-methods"];

const consumerClientDefaults = {
  generateSecret: false,
  oauthFlows: ["code"],
  identityProviders: ["COGNITO", "Google", "Facebook"],
  // Rotating clients refresh through GetTokensFromRefreshToken / the token endpoint, so
  // ALLOW_REFRESH_TOKEN_AUTH must stay off (Cognito rejects it together with rotation).
  explicitAuthFlows: ["ALLOW_USER_SRP_AUTH"],
  authSessionValidityMinutes: 3,
  enableTokenRevocation: true,
  preventUserExistenceErrors: "ENABLED",
  readAttributes: ["email", "email_verified", "name", "given_name", "family_name", "picture", "custom:tier"],
  // custom:tier (loyalty tier) is set by the backend with admin APIs, never by an app client.
  writeAttributes: ["email", "name", "given_name", "family_name", "picture"],
} satisfies Partial<AppClientProfile>;

export const compliantVariant: ShopVariant = {
  id: "compliant",
  description: "ShopSphere / SecureCart reference estate that satisfies the pci-dss-4.0.1 pack",
  shop: "ShopSphere",
  storefront: "SecureCart",
  securityNotificationsEmail: "security-alerts@securecart.example",

  consumerPool: {
    name: "shopsphere-compliant-customers",
    audience: "consumer",
    tags: { team: "storefront" },
    tier: "PLUS",
    threatProtection: "ENFORCED",
    passwordPolicy: {
      minimumLength: 12,
      requireLowercase: true,
      requireUppercase: true,
      requireNumbers: true,
      requireSymbols: true,
      passwordHistorySize: 4,
      temporaryPasswordValidityDays: 3,
    },
    mfa: "OPTIONAL",
    mfaFactors: { totp: true, sms: false },
    deletionProtection: "ACTIVE",
    adminCreateUserOnly: false,
    accountRecovery: ["verified_email"],
    customAttributes: [
      { name: "tier", type: "String", mutable: true, maxLength: 32 },
      { name: "loyalty_id", type: "String", mutable: true, maxLength: 64 },
    ],
    domainPrefix: "securecart-compliant-login",
    // Shoppers may sign in with a passkey; user verification required makes it phishing-resistant.
    signIn: {
      firstFactors: ["PASSWORD", "WEB_AUTHN"],
      passkeys: { relyingPartyId: "www.securecart.example", userVerification: "required" },
    },
    groups: [{ name: "customer", description: "SecureCart shoppers", precedence: 10 }],
    // Sign-in and risk events kept 13 months (10.5.1 asks 12).
    authEventLogs: { retentionInDays: 400 },
    riskConfiguration: {
      compromisedCredentialsEvents: ["SIGN_IN", "SIGN_UP", "PASSWORD_CHANGE"],
      compromisedCredentialsAction: "BLOCK",
      highRisk: "BLOCK",
      // MFA_REQUIRED (not MFA_IF_CONFIGURED): checkout and payment routes rely on it (mfa-on-sensitive-actions).
      mediumRisk: "MFA_REQUIRED",
      lowRisk: "NO_ACTION",
      notifyOnHighRisk: true,
    },
    socialProviders: [
      {
        provider: "Google",
        clientId: "284519037716-securecart.apps.googleusercontent.com",
        clientSecret: { kind: "variable", variableName: "google_client_secret" },
        authorizeScopes: "openid email profile",
        attributeMapping: {
          username: "sub",
          email: "email",
          email_verified: "email_verified",
          name: "name",
          given_name: "given_name",
          family_name: "family_name",
          picture: "picture",
        },
      },
      {
        provider: "Facebook",
        clientId: "918273645501234",
        clientSecret: { kind: "variable", variableName: "facebook_client_secret" },
        // Facebook issues no email_verified claim: its email is not mapped (federated-email-verified).
        authorizeScopes: "public_profile",
        attributeMapping: {
          username: "id",
          name: "name",
          given_name: "first_name",
          family_name: "last_name",
        },
      },
    ],
    resourceServer: {
      identifier: "shop",
      name: "SecureCart shop API",
      scopes: [
        { name: "orders", description: "Read the signed-in shopper's orders" },
        { name: "checkout", description: "Place orders" },
        { name: "payment-methods", description: "Manage saved payment methods" },
      ],
    },
  },

  staffPool: {
    name: "shopsphere-compliant-staff",
    audience: "workforce",
    tags: { team: "back-office" },
    tier: "PLUS",
    threatProtection: "ENFORCED",
    passwordPolicy: {
      minimumLength: 14,
      requireLowercase: true,
      requireUppercase: true,
      requireNumbers: true,
      requireSymbols: true,
      passwordHistorySize: 24,
      temporaryPasswordValidityDays: 1,
    },
    mfa: "ON",
    mfaFactors: { totp: true, sms: false },
    deletionProtection: "ACTIVE",
    adminCreateUserOnly: true,
    accountRecovery: ["admin_only"],
    customAttributes: [{ name: "employee_id", type: "String", mutable: false, maxLength: 32 }],
    domainPrefix: "shopsphere-compliant-staff",
    // Locks a staff user ID for 30 minutes after 10 failures (8.3.4): Cognito's own lockout is shorter.
    lockoutFunction: "shopsphere-compliant-staff-lockout",
    authEventLogs: { retentionInDays: 400 },
    // Remembered devices are tracked, but never stand in for the second factor.
    deviceTracking: { challengeRequiredOnNewDevice: false, deviceOnlyRememberedOnUserPrompt: true },
    groups: [
      { name: "admin", description: "Admin portal administrators", precedence: 1 },
      { name: "support", description: "Customer support agents", precedence: 5 },
    ],
    riskConfiguration: {
      compromisedCredentialsEvents: ["SIGN_IN", "PASSWORD_CHANGE"],
      compromisedCredentialsAction: "BLOCK",
      highRisk: "BLOCK",
      mediumRisk: "MFA_REQUIRED",
      lowRisk: "NO_ACTION",
      notifyOnHighRisk: true,
    },
  },

  clients: {
    web: {
      ...consumerClientDefaults,
      name: "securecart-web",
      oauthScopes: ["openid", "email", "profile", ...SHOP_SCOPES],
      callbackUrls: [`${STOREFRONT}/auth/callback`, "http://localhost:3000/auth/callback"],
      logoutUrls: [`${STOREFRONT}/`, "http://localhost:3000/"],
      tokens: {
        accessToken: 30,
        idToken: 30,
        refreshToken: 7,
        units: { accessToken: "minutes", idToken: "minutes", refreshToken: "days" },
      },
      refreshTokenRotation: { retryGracePeriodSeconds: 10 },
    },
    mobile: {
      ...consumerClientDefaults,
      name: "securecart-mobile",
      oauthScopes: ["openid", "email", "profile", ...SHOP_SCOPES],
      // Universal links / Android App Links, not a custom scheme.
      callbackUrls: ["https://app.securecart.example/auth/callback"],
      logoutUrls: ["https://app.securecart.example/auth/signed-out"],
      tokens: {
        accessToken: 60,
        idToken: 60,
        refreshToken: 30,
        units: { accessToken: "minutes", idToken: "minutes", refreshToken: "days" },
      },
      refreshTokenRotation: { retryGracePeriodSeconds: 30 },
    },
    admin: {
      name: "shopsphere-admin-portal",
      // Server-side (BFF) admin portal: a confidential client with a Cognito-generated secret.
      generateSecret: true,
      oauthFlows: ["code"],
      oauthScopes: ["openid", "email", "profile"],
      callbackUrls: ["https://admin.shopsphere.example/oauth2/callback"],
      logoutUrls: ["https://admin.shopsphere.example/signed-out"],
      identityProviders: ["COGNITO"],
      explicitAuthFlows: ["ALLOW_USER_SRP_AUTH"],
      tokens: {
        accessToken: 15,
        idToken: 15,
        refreshToken: 12,
        units: { accessToken: "minutes", idToken: "minutes", refreshToken: "hours" },
      },
      refreshTokenRotation: { retryGracePeriodSeconds: 0 },
      authSessionValidityMinutes: 3,
      enableTokenRevocation: true,
      preventUserExistenceErrors: "ENABLED",
      readAttributes: ["email", "email_verified", "name", "custom:employee_id"],
      writeAttributes: ["name"],
      // Set by the deploy step after apply: the admin portal reuses a managed-login session for 15 minutes at most.
      ssoSessionMaxValidityMinutes: 15,
    },
    // The order-sync service: client_credentials only, no user sign-in, hourly tokens, its secret rotated yearly.
    orderSync: {
      name: "securecart-order-sync",
      generateSecret: true,
      oauthFlows: ["client_credentials"],
      oauthScopes: ["shop/orders"],
      callbackUrls: [],
      logoutUrls: [],
      identityProviders: [],
      explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
      tokens: {
        accessToken: 60,
        idToken: 60,
        refreshToken: 1,
        units: { accessToken: "minutes", idToken: "minutes", refreshToken: "hours" },
      },
      preventUserExistenceErrors: "ENABLED",
    },
  },

  identityPool: {
    name: "shopsphere_compliant_customers",
    allowUnauthenticatedIdentities: false,
    allowClassicFlow: false,
    serverSideTokenCheck: true,
    ambiguousRoleResolution: "Deny",
    authenticatedRole: {
      maxSessionDurationSeconds: 3600,
      trustRequiresAudience: true,
      dynamoDbAccess: "per-identity",
      managedPolicies: [],
    },
    guestRole: { maxSessionDurationSeconds: 3600, trustRequiresAudience: true, access: "read-only" },
    profilePicturesBucket: "shopsphere-compliant-profile-pictures",
    wishlistTable: "shopsphere-compliant-wishlists",
  },

  api: {
    name: "securecart-compliant-api",
    stageName: "prod",
    backendUrl: "https://backend.securecart.example",
    corsPreflight: true,
    routes: [
      { path: "/orders", method: "GET", authorization: "COGNITO_USER_POOLS", scopes: ["shop/orders"] },
      { path: "/orders/{orderId}", method: "GET", authorization: "COGNITO_USER_POOLS", scopes: ["shop/orders"] },
      { path: "/checkout", method: "POST", authorization: "COGNITO_USER_POOLS", scopes: ["shop/checkout"] },
      {
        path: "/payment-methods",
        method: "GET",
        authorization: "COGNITO_USER_POOLS",
        scopes: ["shop/payment-methods"],
      },
      {
        path: "/payment-methods",
        method: "POST",
        authorization: "COGNITO_USER_POOLS",
        scopes: ["shop/payment-methods"],
      },
    ],
  },

  // The app's catalog and wishlist. Orders, checkout and payment methods stay on the REST API above, behind
  // the web ACL: WAF cannot be associated with an HTTP API, so a sensitive route here would need a CloudFront
  // distribution with a web ACL in front, which no Cognito or API Gateway setting shows (api-waf-protection).
  httpApi: {
    name: "securecart-compliant-mobile-api",
    stageName: "prod",
    backendUrl: "https://backend.securecart.example",
    routes: [
      { routeKey: "GET /catalog/{productId}", authorization: "JWT" },
      { routeKey: "GET /wishlist", authorization: "JWT" },
    ],
  },

  waf: {
    name: "securecart-compliant-edge",
    associateWith: ["consumer-pool", "staff-pool", "api-stage"],
    rateLimit: 1000,
  },
};
