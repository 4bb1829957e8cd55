// The profile object a ShopSphere estate is built from. The constructs are the same for every
// estate; a variant only says how each one is configured. `compliantVariant` and `legacyVariant`
// (compliant-variant.ts, legacy-variant.ts) are the two reference estates.

/** Who the accounts of a user pool belong to (RULES.md, "Audience"). */
export type Audience = "consumer" | "workforce" | "business-customer";

/** Tag key the default policy reads the audience from. */
export const AUDIENCE_TAG_KEY = "pci:audience";

export type MfaMode = "ON" | "OPTIONAL" | "OFF";
export type UserPoolTier = "LITE" | "ESSENTIALS" | "PLUS";
export type RecoveryChannel = "admin_only" | "verified_email" | "verified_phone_number";
export type TokenUnit = "seconds" | "minutes" | "hours" | "days";
export type RiskAction = "BLOCK" | "MFA_IF_CONFIGURED" | "MFA_REQUIRED" | "NO_ACTION";

export type FirstFactor = "PASSWORD" | "EMAIL_OTP" | "SMS_OTP" | "WEB_AUTHN";

/** How users start signing in; undefined leaves sign_in_policy out (AWS's default for a new pool: PASSWORD). */
export interface SignInProfile {
  readonly firstFactors: readonly FirstFactor[];
  /** Passkey settings; needs the Essentials or Plus tier. */
  readonly passkeys?: { readonly relyingPartyId: string; readonly userVerification: "required" | "preferred" };
}

/** Remembered devices; undefined leaves device_configuration out (no device tracking). */
export interface DeviceTrackingProfile {
  /** When true, a remembered device signs in without the MFA factor. */
  readonly challengeRequiredOnNewDevice: boolean;
  readonly deviceOnlyRememberedOnUserPrompt: boolean;
}

export interface PasswordPolicyProfile {
  readonly minimumLength: number;
  readonly requireLowercase: boolean;
  readonly requireUppercase: boolean;
  readonly requireNumbers: boolean;
  readonly requireSymbols: boolean;
  /** Needs the Essentials or Plus tier. Undefined leaves it unset (no history). */
  readonly passwordHistorySize?: number;
  readonly temporaryPasswordValidityDays: number;
}

export interface CustomAttributeProfile {
  /** Without the "custom:" prefix. */
  readonly name: string;
  readonly type: "String" | "Number";
  readonly mutable: boolean;
  readonly maxLength?: number;
}

export interface GroupProfile {
  readonly name: string;
  readonly description: string;
  readonly precedence: number;
}

export interface RiskConfigurationProfile {
  /** Events the compromised-credentials check runs on: SIGN_IN, SIGN_UP, PASSWORD_CHANGE. */
  readonly compromisedCredentialsEvents: readonly ("SIGN_IN" | "SIGN_UP" | "PASSWORD_CHANGE")[];
  readonly compromisedCredentialsAction: "BLOCK" | "NO_ACTION";
  readonly highRisk: RiskAction;
  readonly mediumRisk: RiskAction;
  readonly lowRisk: RiskAction;
  /** Whether the user is emailed when a high-risk sign-in is acted on. */
  readonly notifyOnHighRisk: boolean;
}

export interface UserPoolProfile {
  readonly name: string;
  /** Value of the pci:audience tag; undefined leaves the tag off (the pool is then treated as workforce). */
  readonly audience?: Audience;
  readonly tags: Readonly<Record<string, string>>;
  readonly tier: UserPoolTier;
  /** user_pool_add_ons.advanced_security_mode; undefined omits the block (threat protection off). */
  readonly threatProtection?: "AUDIT" | "ENFORCED";
  readonly passwordPolicy: PasswordPolicyProfile;
  readonly mfa: MfaMode;
  /** Which MFA factors the pool offers when MFA is ON or OPTIONAL. */
  readonly mfaFactors: { readonly totp: boolean; readonly sms: boolean };
  readonly deletionProtection: "ACTIVE" | "INACTIVE";
  /** admin_create_user_config.allow_admin_create_user_only (false = self sign-up allowed). */
  readonly adminCreateUserOnly: boolean;
  /** Recovery channels in priority order; undefined omits account_recovery_setting (Cognito default). */
  readonly accountRecovery?: readonly RecoveryChannel[];
  readonly customAttributes: readonly CustomAttributeProfile[];
  /** Prefix of the Cognito-hosted domain (<prefix>.auth.<region>.amazoncognito.com). */
  readonly domainPrefix: string;
  readonly groups: readonly GroupProfile[];
  /** Risk configuration for the whole pool; undefined creates none. */
  readonly riskConfiguration?: RiskConfigurationProfile;
  readonly signIn?: SignInProfile;
  readonly deviceTracking?: DeviceTrackingProfile;
  /** Name of the Lambda function of the pre_authentication trigger that locks user IDs out; undefined: none. */
  readonly lockoutFunction?: string;
  /** Where user activity logs (userAuthEvents, Plus tier) are delivered; undefined: nowhere. */
  readonly authEventLogs?: AuthEventLogProfile;
}

/** A CloudWatch log group that receives a pool's user activity logs. */
export interface AuthEventLogProfile {
  /** The log group's retention_in_days (a CloudWatch retention value: ..., 365, 400, ...). */
  readonly retentionInDays: number;
}

/** Where a federation client secret comes from. */
export type SecretSource =
  { readonly kind: "variable"; readonly variableName: string } | { readonly kind: "literal"; readonly value: string };

export interface SocialProviderProfile {
  readonly provider: "Google" | "Facebook";
  readonly clientId: string;
  readonly clientSecret: SecretSource;
  readonly authorizeScopes: string;
  /** Cognito attribute -> provider attribute. */
  readonly attributeMapping: Readonly<Record<string, string>>;
}

export interface ResourceServerProfile {
  readonly identifier: string;
  readonly name: string;
  readonly scopes: readonly { readonly name: string; readonly description: string }[];
}

export interface TokenValidityProfile {
  readonly accessToken: number;
  readonly idToken: number;
  readonly refreshToken: number;
  /** Undefined omits token_validity_units: Cognito then reads hours, hours, days. */
  readonly units?: { readonly accessToken: TokenUnit; readonly idToken: TokenUnit; readonly refreshToken: TokenUnit };
}

export interface AppClientProfile {
  readonly name: string;
  readonly generateSecret: boolean;
  readonly oauthFlows: readonly ("code" | "implicit" | "client_credentials")[];
  readonly oauthScopes: readonly string[];
  readonly callbackUrls: readonly string[];
  readonly logoutUrls: readonly string[];
  /** "COGNITO" and/or provider names of SocialProviderProfile. */
  readonly identityProviders: readonly string[];
  readonly explicitAuthFlows: readonly string[];
  readonly tokens: TokenValidityProfile;
  /** Undefined omits refresh_token_rotation (rotation off). */
  readonly refreshTokenRotation?: { readonly retryGracePeriodSeconds: number };
  /** Minutes (3-15); undefined leaves the Cognito default (3). */
  readonly authSessionValidityMinutes?: number;
  /** Undefined leaves the attribute unset. */
  readonly enableTokenRevocation?: boolean;
  /** Undefined leaves it unset (LEGACY). */
  readonly preventUserExistenceErrors?: "ENABLED" | "LEGACY";
  /** Undefined leaves it unset (Cognito: all attributes). */
  readonly readAttributes?: readonly string[];
  /** Undefined leaves it unset (Cognito: the standard attributes only). */
  readonly writeAttributes?: readonly string[];
  /**
   * SSOSession.MaxValidityMinutes, which no Terraform attribute sets: the deploy step sets it after apply
   * (SetUserPoolClientSessionConfiguration). Undefined leaves Cognito's 60 minutes.
   */
  readonly ssoSessionMaxValidityMinutes?: number;
}

export interface IdentityRoleProfile {
  readonly maxSessionDurationSeconds: number;
  /** Whether the trust policy pins cognito-identity.amazonaws.com:aud to the identity pool id. */
  readonly trustRequiresAudience: boolean;
}

export interface AuthenticatedRoleProfile extends IdentityRoleProfile {
  /** per-identity: own S3 prefix and DynamoDB LeadingKeys; wildcard: "dynamodb:*" on "*". */
  readonly dynamoDbAccess: "per-identity" | "wildcard";
  /** AWS-managed policy names attached to the role (e.g. AmazonS3FullAccess). */
  readonly managedPolicies: readonly string[];
}

export interface GuestRoleProfile extends IdentityRoleProfile {
  /** read-only: reads its own DynamoDB items only; write: catalog reads, guest uploads and cart writes. */
  readonly access: "read-only" | "write";
}

export interface IdentityPoolProfile {
  readonly name: string;
  readonly allowUnauthenticatedIdentities: boolean;
  readonly allowClassicFlow: boolean;
  readonly serverSideTokenCheck: boolean;
  /** Token-based role mapping for the web client; undefined adds no role mapping. */
  readonly ambiguousRoleResolution?: "Deny" | "AuthenticatedRole";
  readonly authenticatedRole: AuthenticatedRoleProfile;
  readonly guestRole: GuestRoleProfile;
  readonly profilePicturesBucket: string;
  readonly wishlistTable: string;
}

export interface ApiRouteProfile {
  /** e.g. "/orders" or "/orders/{orderId}". */
  readonly path: string;
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  readonly authorization: "COGNITO_USER_POOLS" | "NONE";
  /** OAuth scopes the authorizer requires (full names, e.g. "shop/orders"). */
  readonly scopes?: readonly string[];
}

export interface ApiProfile {
  readonly name: string;
  readonly stageName: string;
  /** Base URL of the HTTP backend the routes proxy to. */
  readonly backendUrl: string;
  readonly routes: readonly ApiRouteProfile[];
  /** Adds an unauthenticated MOCK OPTIONS method (CORS preflight) on every resource with a route. */
  readonly corsPreflight: boolean;
}

export interface HttpApiRouteProfile {
  /** "METHOD /path", e.g. "GET /orders/{orderId}". */
  readonly routeKey: string;
  readonly authorization: "JWT" | "NONE";
  /** OAuth scopes the JWT authorizer requires. */
  readonly scopes?: readonly string[];
}

/** An HTTP API (API Gateway v2) behind a JWT authorizer of the consumer pool, for the mobile app. */
export interface HttpApiProfile {
  readonly name: string;
  readonly stageName: string;
  readonly backendUrl: string;
  readonly routes: readonly HttpApiRouteProfile[];
}

export type WafTarget = "consumer-pool" | "staff-pool" | "api-stage";

export interface WafProfile {
  readonly name: string;
  readonly associateWith: readonly WafTarget[];
  /** Requests per 5 minutes per IP before the rate rule blocks. */
  readonly rateLimit: number;
}

export interface ShopVariant {
  /** Short id, used in resource names ("compliant", "legacy"). */
  readonly id: string;
  readonly description: string;
  readonly shop: string;
  readonly storefront: string;
  readonly consumerPool: UserPoolProfile & {
    readonly socialProviders: readonly SocialProviderProfile[];
    readonly resourceServer: ResourceServerProfile;
  };
  readonly staffPool: UserPoolProfile;
  readonly clients: {
    readonly web: AppClientProfile;
    readonly mobile: AppClientProfile;
    readonly admin: AppClientProfile;
    /** A machine-to-machine client of the shop API (client_credentials), in the consumer pool. */
    readonly orderSync: AppClientProfile;
  };
  readonly identityPool: IdentityPoolProfile;
  readonly api: ApiProfile;
  /** Undefined creates no HTTP API. */
  readonly httpApi?: HttpApiProfile;
  /** Undefined creates no web ACL. */
  readonly waf?: WafProfile;
  /** Sender address of threat-protection notification emails (an SES identity). */
  readonly securityNotificationsEmail: string;
}
