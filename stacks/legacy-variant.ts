// The estate as it grew before anyone audited it: the same constructs as the compliant estate,
// configured with the mistakes real shops make. Each deviation names the rule it is meant to fail.
import type { ShopVariant } from "./shop-variant.js";
import { compliantVariant as base } from "./compliant-variant.js";

const STOREFRONT = "https://www.securecart.example";
const SHOP_SCOPES = ["shop/orders", "shop/checkout", "shop/payment-methods"];

export const legacyVariant: ShopVariant = {
  id: "legacy",
  description: "ShopSphere / SecureCart estate as first launched (fails the pci-dss-4.0.1 pack)",
  shop: "ShopSphere",
  storefront: "SecureCart",
  securityNotificationsEmail: "security-alerts@securecart.example",

  consumerPool: {
    name: "shopsphere-legacy-customers",
    audience: "consumer",
    tags: { team: "storefront" },
    tier: "ESSENTIALS", // no threat protection: threat-protection-enforced, password-only-needs-risk-analysis
    // "less friction at sign-up": 8 letters, no digit required: password-composition, password-history
    passwordPolicy: {
      minimumLength: 8,
      requireLowercase: true,
      requireUppercase: false,
      requireNumbers: false,
      requireSymbols: false,
      temporaryPasswordValidityDays: 7,
    },
    mfa: "OFF", // mfa-required (consumer needs ON/OPTIONAL), mfa-on-sensitive-actions
    mfaFactors: { totp: false, sms: false },
    deletionProtection: "INACTIVE", // deletion-protection
    adminCreateUserOnly: false,
    // account_recovery_setting omitted: account-recovery-verified
    customAttributes: [
      { name: "tier", type: "String", mutable: true, maxLength: 32 },
      { name: "loyalty_id", type: "String", mutable: true, maxLength: 64 },
      // "remind shoppers before their saved card expires": no-cardholder-data-attributes
      { name: "card_expiry", type: "String", mutable: true, maxLength: 7 },
    ],
    domainPrefix: "securecart-legacy-login",
    // passkeys added in a hurry, user verification left at preferred: passkey-user-verification-required
    signIn: {
      firstFactors: ["PASSWORD", "WEB_AUTHN"],
      passkeys: { relyingPartyId: "www.securecart.example", userVerification: "preferred" },
    },
    groups: [{ name: "customer", description: "SecureCart shoppers", precedence: 10 }],
    // no riskConfiguration: compromised-credentials-blocked, account-takeover-response
    socialProviders: [
      {
        provider: "Google",
        clientId: "284519037716-securecart.apps.googleusercontent.com",
        clientSecret: { kind: "variable", variableName: "google_client_secret" },
        authorizeScopes: "openid email profile",
        // email without email_verified: federated-email-verified
        attributeMapping: { username: "sub", email: "email", name: "name", picture: "picture" },
      },
      {
        provider: "Facebook",
        clientId: "918273645501234",
        // pasted into the code "temporarily": no-plaintext-secrets
        clientSecret: { kind: "literal", value: "5f0e3c9a71d24b8e96a4c2d7e1b08f35" },
        authorizeScopes: "public_profile,email",
        attributeMapping: { username: "id", email: "email", email_verified: "email_verified", name: "name" },
      },
    ],
    resourceServer: base.consumerPool.resourceServer,
  },

  staffPool: {
    name: "shopsphere-legacy-staff",
    // no pci:audience tag: treated as workforce, and the report says it was not declared
    tags: { team: "back-office" },
    tier: "PLUS",
    threatProtection: "AUDIT", // threat-protection-enforced (AUDIT only logs)
    passwordPolicy: {
      minimumLength: 8, // password-min-length (workforce 12)
      requireLowercase: true,
      requireUppercase: true,
      requireNumbers: true,
      requireSymbols: false,
      // no password history: password-history
      temporaryPasswordValidityDays: 30, // temporary-password-validity ("new hires start on Mondays")
    },
    mfa: "OPTIONAL", // mfa-required (workforce needs ON)
    mfaFactors: { totp: false, sms: true }, // mfa-factor-strength (SMS only)
    deletionProtection: "INACTIVE", // deletion-protection
    adminCreateUserOnly: false, // self-signup-disabled
    // phone is the pool's MFA factor and comes first: account-recovery-verified
    accountRecovery: ["verified_phone_number", "verified_email"],
    customAttributes: [{ name: "employee_id", type: "String", mutable: true, maxLength: 32 }],
    domainPrefix: "shopsphere-legacy-staff",
    // no pre_authentication trigger: account-lockout (Cognito's own lockout is about 15 minutes at most)
    // sign-in events kept a month "to save on CloudWatch": auth-log-retention (the consumer pool logs nothing: auth-event-logging)
    authEventLogs: { retentionInDays: 30 },
    // "staff complained about codes on the office PC": mfa-no-remembered-device-bypass
    deviceTracking: { challengeRequiredOnNewDevice: true, deviceOnlyRememberedOnUserPrompt: false },
    groups: [
      { name: "admin", description: "Admin portal administrators", precedence: 1 },
      { name: "support", description: "Customer support agents", precedence: 5 },
    ],
    // Set up during the threat-protection trial and never tightened:
    // compromised-credentials-blocked (SIGN_IN not covered, NO_ACTION) and account-takeover-response.
    riskConfiguration: {
      compromisedCredentialsEvents: ["PASSWORD_CHANGE"],
      compromisedCredentialsAction: "NO_ACTION",
      highRisk: "MFA_IF_CONFIGURED",
      mediumRisk: "NO_ACTION",
      lowRisk: "NO_ACTION",
      notifyOnHighRisk: false,
    },
  },

  clients: {
    web: {
      name: "securecart-web",
      generateSecret: false,
      oauthFlows: ["code", "implicit"], // oauth-no-implicit-grant
      oauthScopes: ["openid", "email", "profile", "aws.cognito.signin.user.admin", ...SHOP_SCOPES],
      // the staging storefront never got a certificate: oauth-https-redirects
      callbackUrls: [`${STOREFRONT}/auth/callback`, "http://staging.securecart.example/auth/callback"],
      logoutUrls: [`${STOREFRONT}/`],
      identityProviders: ["COGNITO", "Google", "Facebook"],
      explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      // 12 and 12 with no token_validity_units = 12 hours: access-token-lifetime, id-token-lifetime;
      // 90 days refresh without rotation: refresh-token-lifetime, refresh-token-rotation
      tokens: { accessToken: 12, idToken: 12, refreshToken: 90 },
      authSessionValidityMinutes: 15, // auth-session-lifetime
      preventUserExistenceErrors: "LEGACY", // user-existence-errors-hidden
      readAttributes: ["email", "email_verified", "name", "picture", "custom:tier", "custom:loyalty_id"],
      // the loyalty page writes the tier from the browser: client-privileged-attributes-readonly
      writeAttributes: ["email", "name", "picture", "custom:tier"],
    },
    mobile: {
      name: "securecart-mobile",
      generateSecret: false,
      oauthFlows: ["code"],
      oauthScopes: ["openid", "email", "profile", ...SHOP_SCOPES],
      callbackUrls: ["https://app.securecart.example/auth/callback"],
      logoutUrls: ["https://app.securecart.example/auth/signed-out"],
      identityProviders: ["COGNITO", "Google", "Facebook"],
      // native sign-in screen posts the password: client-auth-flows-secure
      explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      tokens: {
        accessToken: 60,
        idToken: 60,
        refreshToken: 365, // refresh-token-lifetime, refresh-token-rotation
        units: { accessToken: "minutes", idToken: "minutes", refreshToken: "days" },
      },
      enableTokenRevocation: false, // token-revocation-enabled
      preventUserExistenceErrors: "ENABLED",
    },
    admin: {
      name: "shopsphere-admin-portal",
      generateSecret: true,
      oauthFlows: ["code"],
      oauthScopes: ["openid", "email", "profile"],
      callbackUrls: ["https://admin.shopsphere.example/oauth2/callback"],
      logoutUrls: ["https://admin.shopsphere.example/signed-out"],
      identityProviders: ["COGNITO"],
      explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      // 1 hour tokens and 30-day refresh on the workforce pool: access/id/refresh-token-lifetime
      tokens: {
        accessToken: 1,
        idToken: 1,
        refreshToken: 30,
        units: { accessToken: "hours", idToken: "hours", refreshToken: "days" },
      },
      // prevent_user_existence_errors unset (LEGACY): user-existence-errors-hidden
    },
    orderSync: {
      name: "securecart-legacy-order-sync",
      generateSecret: true,
      oauthFlows: ["client_credentials"],
      oauthScopes: ["shop/orders"],
      callbackUrls: [],
      logoutUrls: [],
      identityProviders: [],
      // The integration once signed in as a user too: m2m-client-no-user-flows, client-auth-flows-secure
      explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      // A day-long access token on a client that also signs users in: access-token-lifetime
      tokens: {
        accessToken: 24,
        idToken: 1,
        refreshToken: 1,
        units: { accessToken: "hours", idToken: "hours", refreshToken: "days" },
      },
      preventUserExistenceErrors: "ENABLED",
    },
  },

  identityPool: {
    name: "shopsphere_legacy_customers",
    allowUnauthenticatedIdentities: true, // identity-pool-guest-access (with a guest role that writes)
    allowClassicFlow: true, // identity-pool-classic-flow-disabled
    serverSideTokenCheck: false,
    ambiguousRoleResolution: "AuthenticatedRole", // identity-role-mapping-deny-ambiguous
    authenticatedRole: {
      maxSessionDurationSeconds: 43200, // identity-role-session-duration
      trustRequiresAudience: true,
      // "dynamodb:*" on "*": identity-role-no-wildcards, identity-role-per-identity-scoping
      dynamoDbAccess: "wildcard",
      // added for the image-resizer migration: identity-role-no-broad-managed-policies
      managedPolicies: ["AmazonS3FullAccess"],
    },
    // no aud condition in the guest trust policy: identity-role-trust-audience
    guestRole: { maxSessionDurationSeconds: 3600, trustRequiresAudience: false, access: "write" },
    profilePicturesBucket: "shopsphere-legacy-profile-pictures",
    wishlistTable: "shopsphere-legacy-wishlists",
  },

  api: {
    name: "securecart-legacy-api",
    stageName: "prod",
    backendUrl: "https://backend.securecart.example",
    corsPreflight: true,
    routes: [
      { path: "/orders", method: "GET", authorization: "COGNITO_USER_POOLS", scopes: ["shop/orders"] },
      // order-tracking link from the confirmation email: api-methods-authorized
      { path: "/orders/{orderId}", method: "GET", authorization: "NONE" },
      // authorizer but no scope (any ID token passes): mfa-on-sensitive-actions
      { path: "/checkout", method: "POST", authorization: "COGNITO_USER_POOLS" },
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

  httpApi: {
    name: "securecart-legacy-mobile-api",
    stageName: "prod",
    backendUrl: "https://backend.securecart.example",
    routes: [
      // order tracking for the app without a token: api-methods-authorized, mfa-on-sensitive-actions
      { routeKey: "GET /orders/{orderId}", authorization: "NONE" },
      // JWT but no scope (any token of the pool, an ID token included): mfa-on-sensitive-actions
      { routeKey: "POST /checkout", authorization: "JWT" },
    ],
  },

  // WAF in front of the API only; nobody associated it with the user pools: waf-protection
  waf: {
    name: "securecart-legacy-edge",
    associateWith: ["api-stage"],
    rateLimit: 2000,
  },
};
