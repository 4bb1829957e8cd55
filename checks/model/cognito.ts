// Cognito user pools and what belongs to them: clients, domains, identity providers, resource
// servers, risk configurations and log delivery. Groups are with the identities (they hand out roles).

import type {
  FieldValues,
  PASSWORD_POLICY_FIELDS,
  USER_POOL_CLIENT_FIELDS,
  USER_POOL_FIELDS,
  USER_POOL_MFA_FIELDS,
} from "./fields/index.js";
import type { ClientSecret, DcrConfiguration } from "./live-only.js";
import type { ModelObjectBase } from "./object.js";
import type { Term, Value } from "./values.js";

/** The password policy fields, as the field table declares them. */
export type PasswordPolicy = FieldValues<typeof PASSWORD_POLICY_FIELDS>;

export interface CustomAttribute {
  /** Name without the "custom:" prefix. */
  readonly name: string;
  readonly dataType: string;
  readonly mutable: boolean;
}

export interface RecoveryMechanism {
  readonly name: string;
  readonly priority: number;
}

/** The function of a Lambda trigger, with the names a policy's globs are matched against. */
export interface TriggerFunction {
  /** The trigger as configured or returned: an ARN, a function name or a reference to a function. */
  readonly term: Term;
  /** The function's name: from a literal ARN or name, or the function_name of the referenced function. */
  readonly functionName: Value<string>;
  /** The full ARN when it is given literally (always, from the API). */
  readonly arn: string | null;
}

/** A user pool: the fields of its tables, and what is read by hand (derived or structured values). */
export interface UserPool
  extends ModelObjectBase<"UserPool">, FieldValues<typeof USER_POOL_FIELDS>, FieldValues<typeof USER_POOL_MFA_FIELDS> {
  readonly id: Value<string>;
  readonly tags: Value<Readonly<Record<string, string>>>;
  readonly passwordPolicy: PasswordPolicy;
  readonly smsMfaConfigured: Value<boolean>;
  readonly emailMfaConfigured: Value<boolean>;
  readonly accountRecovery: Value<readonly RecoveryMechanism[] | null>;
  readonly customAttributes: Value<readonly CustomAttribute[]>;
  /** Lambda trigger name (e.g. define_auth_challenge) to the configured function reference. */
  readonly lambdaTriggers: Value<Readonly<Record<string, Term>>>;
  /** The pre authentication trigger (where a lockout is enforced), or null when there is none. */
  readonly preAuthenticationTrigger: Value<TriggerFunction | null>;
  /** The pre token generation trigger (lambda_config.pre_token_generation or its versioned config), or null. */
  readonly preTokenGenerationTrigger: Value<TriggerFunction | null>;
  /** Secret-bearing settings, kept as terms so rules can tell a literal from a reference. */
  readonly smsExternalId: Value<Term | null>;
  /** Dynamic client registration (live only); null when the pool has no DcrConfiguration. */
  readonly dcrConfiguration: Value<DcrConfiguration | null>;
}

export interface TokenValidity {
  readonly seconds: number;
  /** The amount and unit as configured or defaulted, for messages: "12 hours". */
  readonly amount: number;
  readonly unit: "seconds" | "minutes" | "hours" | "days";
  readonly unitDefaulted: boolean;
}

export interface UserPoolClient extends ModelObjectBase<"UserPoolClient">, FieldValues<typeof USER_POOL_CLIENT_FIELDS> {
  readonly userPoolRef: Term;
  readonly userPool?: UserPool;
  readonly accessTokenValidity: Value<TokenValidity>;
  readonly idTokenValidity: Value<TokenValidity>;
  readonly refreshTokenValidity: Value<TokenValidity>;
  readonly callbackUrls: Value<readonly Term[]>;
  readonly logoutUrls: Value<readonly Term[]>;
  readonly defaultRedirectUri: Value<Term | null>;
  readonly generateSecret: Value<boolean>;
  readonly supportedIdentityProviders: Value<readonly Term[]>;
  /** SSOSession.MaxValidityMinutes of GetUserPoolClientSessionConfiguration (live only). */
  readonly ssoSessionMaxValidityMinutes: Value<number>;
  /** ListUserPoolClientSecrets (live only); [] for a client without a secret. */
  readonly clientSecrets: Value<readonly ClientSecret[]>;
}

export interface UserPoolDomain extends ModelObjectBase<"UserPoolDomain"> {
  readonly userPoolRef: Term;
  readonly userPool?: UserPool;
  readonly customDomain: Value<boolean>;
  /**
   * A custom domain's TLS security policy (DescribeUserPoolDomain CustomDomainConfig.SecurityPolicy:
   * TLS_V1, TLS_V1_2_2021, TLS_V1_3_2025); null for a prefix domain. Only the live API returns it.
   */
  readonly securityPolicy: Value<string | null>;
}

export interface IdentityProvider extends ModelObjectBase<"IdentityProvider"> {
  readonly userPoolRef: Term;
  readonly userPool?: UserPool;
  /** SAML, OIDC, Google, Facebook, LoginWithAmazon, SignInWithApple. */
  readonly providerType: Value<string>;
  readonly providerDetails: Value<Readonly<Record<string, Term>>>;
  readonly attributeMapping: Value<Readonly<Record<string, string>>>;
}

export interface ResourceServer extends ModelObjectBase<"ResourceServer"> {
  readonly userPoolRef: Term;
  readonly userPool?: UserPool;
  readonly identifier: Value<string>;
  readonly scopes: Value<readonly string[]>;
}

export type RiskAction = "BLOCK" | "MFA_IF_CONFIGURED" | "MFA_REQUIRED" | "NO_ACTION";
export interface AccountTakeoverActions {
  readonly low: RiskAction | null;
  readonly medium: RiskAction | null;
  readonly high: RiskAction | null;
}

export interface RiskConfiguration extends ModelObjectBase<"RiskConfiguration"> {
  readonly userPoolRef: Term;
  readonly userPool?: UserPool;
  readonly clientRef: Term | null;
  readonly compromisedCredentials: Value<{ readonly eventFilter: readonly string[]; readonly action: string } | null>;
  readonly accountTakeover: Value<AccountTakeoverActions | null>;
}

/** Where a log configuration sends its events. */
export type LogDestinationKind = "cloudwatch-logs" | "s3" | "firehose";

/** A log configuration's destination, resolved to its target where the source can see it. */
export interface LogDestination {
  readonly kind: LogDestinationKind;
  /** The log group, bucket or stream ARN as configured (a literal or a reference). */
  readonly arn: Term | null;
  /**
   * How many days the target keeps the events: null when it never expires them (a log group without
   * retention, a bucket whose lifecycle expires nothing); unknown with the reason (a Firehose stream,
   * a target outside the configuration or account, a failed read).
   */
  readonly retentionDays: Value<number | null>;
  /** What the retention was read from, for evidence: a Terraform address or an ARN. */
  readonly target?: string;
}

export interface LogConfiguration {
  readonly eventSource: string;
  readonly logLevel: string;
  /** The destination block as Terraform names it (cloud_watch_logs_configuration...); "" when none. */
  readonly destination: string;
  readonly target: LogDestination | null;
}

export interface LogDelivery extends ModelObjectBase<"LogDelivery"> {
  readonly userPoolRef: Term;
  readonly userPool?: UserPool;
  readonly configurations: Value<readonly LogConfiguration[]>;
}

/** A user declared in the configuration (aws_cognito_user): only its secret-bearing settings are modelled. */
export interface UserPoolUser extends ModelObjectBase<"UserPoolUser"> {
  readonly userPoolRef: Term;
  readonly userPool?: UserPool;
  /** password and temporary_password, as terms (a literal or a reference); null when not set. */
  readonly passwords: Value<readonly { readonly attribute: string; readonly term: Term }[]>;
}
