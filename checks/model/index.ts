// The Estate: one typed model of a Cognito auth estate, whatever source it came from (cdktf synth,
// Terraform plan, HCL, live account). Loaders fill it; rules only read it. Every value is either
// known (configured, or a documented provider/API default) or unknown with the reason.

export type SourceKind = "synth" | "plan" | "hcl" | "live";

export interface Known<T> {
  readonly known: true;
  readonly value: T;
  /** "default" when the source left the value out and the provider/API default applies. */
  readonly origin: "configured" | "default";
}
export interface Unknown {
  readonly known: false;
  readonly reason: string;
}
export type Value<T> = Known<T> | Unknown;

export function known<T>(value: T, origin: "configured" | "default" = "configured"): Known<T> {
  return { known: true, value, origin };
}
export function unknown(reason: string): Unknown {
  return { known: false, reason };
}
export function mapValue<T, U>(value: Value<T>, fn: (v: T) => U): Value<U> {
  return value.known ? { known: true, value: fn(value.value), origin: value.origin } : value;
}

/** Where a model object came from. */
export interface Provenance {
  readonly source: SourceKind;
  /** The input file the object was read from (cdk.tf.json, plan JSON, .tf file). */
  readonly inputFile?: string;
  /** The line of the resource's block in inputFile, where the loader can tell. */
  readonly inputLine?: number;
  /** The cdktf stack (synth) the resource belongs to. */
  readonly stack?: string;
  /** Terraform address, e.g. aws_cognito_user_pool.Consumer_Pool_1A2B3C4D or module.m.aws_x.y[0]. */
  readonly address?: string;
  readonly arn?: string;
  readonly constructPath?: string;
  /** Source file and line that declared the resource: the TypeScript file for cdktf, the .tf file for HCL. */
  readonly file?: string;
  readonly line?: number;
}

/** A reference from one configuration value to another object's attribute: aws_x.y.id, var.name, data.t.n.json. */
export interface Ref {
  readonly address: string;
  readonly attribute: string;
}

/**
 * A string as configured that may embed references: a literal ("eu-west-1:1234"), one reference
 * (${aws_cognito_identity_pool.x.id}) or a template mixing both. IAM policy variables such as
 * ${cognito-identity.amazonaws.com:sub} are literal text, not references.
 */
export interface Term {
  /** The text with references rendered as ${address.attribute}. */
  readonly text: string;
  readonly refs: readonly Ref[];
  /** Set when the whole term is exactly one reference. */
  readonly exactRef?: Ref;
  /** Set when part of the term is an expression that cannot be evaluated statically (a function call, a conditional). */
  readonly opaque?: string;
}

export function literalTerm(text: string): Term {
  return { text, refs: [] };
}
export function isLiteral(term: Term): boolean {
  return term.refs.length === 0 && term.opaque === undefined;
}

// ---------------------------------------------------------------------------------------------
// IAM policy documents
// ---------------------------------------------------------------------------------------------

export interface PolicyCondition {
  /** Full operator as written, e.g. "StringEquals", "ForAnyValue:StringLike", "StringEqualsIfExists". */
  readonly operator: string;
  /** Condition key, lower-cased (IAM condition keys are case-insensitive). */
  readonly key: string;
  readonly values: readonly Term[];
}

export interface PolicyPrincipal {
  /** "AWS", "Federated", "Service", "CanonicalUser" or "*" for Principal: "*". */
  readonly type: string;
  readonly ids: readonly Term[];
}

export interface PolicyStatement {
  readonly sid?: string;
  readonly effect: "Allow" | "Deny";
  readonly actions?: readonly string[];
  readonly notActions?: readonly string[];
  readonly resources?: readonly Term[];
  readonly notResources?: readonly Term[];
  readonly principals?: readonly PolicyPrincipal[];
  readonly notPrincipals?: readonly PolicyPrincipal[];
  readonly conditions: readonly PolicyCondition[];
}

export interface PolicyDocument {
  readonly statements: readonly PolicyStatement[];
}

// ---------------------------------------------------------------------------------------------
// Model objects
// ---------------------------------------------------------------------------------------------

export type ModelKind =
  | "UserPool"
  | "UserPoolClient"
  | "UserPoolDomain"
  | "IdentityProvider"
  | "UserGroup"
  | "ResourceServer"
  | "RiskConfiguration"
  | "IdentityPool"
  | "IamRole"
  | "ApiAuthorizer"
  | "ApiRoute"
  | "WafAssociation"
  | "LogDelivery";

export interface ModelObjectBase<K extends ModelKind> {
  readonly kind: K;
  /** Unique within the estate: stack and address for configuration sources, ARN or id for live. */
  readonly key: string;
  /** The name as configured (pool name, client name, role name, identity pool name...). */
  readonly name: Value<string>;
  readonly provenance: Provenance;
}

export type Audience = "consumer" | "workforce" | "business-customer";
export const AUDIENCES: readonly Audience[] = ["consumer", "workforce", "business-customer"];

export interface PasswordPolicy {
  readonly minimumLength: Value<number>;
  readonly requireLowercase: Value<boolean>;
  readonly requireUppercase: Value<boolean>;
  readonly requireNumbers: Value<boolean>;
  readonly requireSymbols: Value<boolean>;
  readonly temporaryPasswordValidityDays: Value<number>;
  readonly passwordHistorySize: Value<number>;
}

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

export interface UserPool extends ModelObjectBase<"UserPool"> {
  readonly id: Value<string>;
  readonly tags: Value<Readonly<Record<string, string>>>;
  readonly passwordPolicy: PasswordPolicy;
  readonly mfaConfiguration: Value<"OFF" | "ON" | "OPTIONAL">;
  readonly softwareTokenMfaEnabled: Value<boolean>;
  readonly smsMfaConfigured: Value<boolean>;
  readonly emailMfaConfigured: Value<boolean>;
  readonly webAuthnConfigured: Value<boolean>;
  readonly tier: Value<string>;
  readonly advancedSecurityMode: Value<string>;
  readonly customAuthSecurityMode: Value<string | null>;
  readonly deletionProtection: Value<string>;
  readonly allowAdminCreateUserOnly: Value<boolean>;
  readonly accountRecovery: Value<readonly RecoveryMechanism[] | null>;
  readonly customAttributes: Value<readonly CustomAttribute[]>;
  /** Lambda trigger name (e.g. define_auth_challenge) to the configured function reference. */
  readonly lambdaTriggers: Value<Readonly<Record<string, Term>>>;
  readonly usernameAttributes: Value<readonly string[]>;
  readonly autoVerifiedAttributes: Value<readonly string[]>;
  /** Secret-bearing settings, kept as terms so rules can tell a literal from a reference. */
  readonly smsExternalId: Value<Term | null>;
}

export interface TokenValidity {
  readonly seconds: number;
  /** The amount and unit as configured or defaulted, for messages: "12 hours". */
  readonly amount: number;
  readonly unit: "seconds" | "minutes" | "hours" | "days";
  readonly unitDefaulted: boolean;
}

export interface UserPoolClient extends ModelObjectBase<"UserPoolClient"> {
  readonly userPoolRef: Term;
  readonly userPool?: UserPool;
  readonly accessTokenValidity: Value<TokenValidity>;
  readonly idTokenValidity: Value<TokenValidity>;
  readonly refreshTokenValidity: Value<TokenValidity>;
  readonly authSessionValidityMinutes: Value<number>;
  readonly enableTokenRevocation: Value<boolean>;
  readonly preventUserExistenceErrors: Value<string>;
  readonly refreshTokenRotation: Value<string>;
  readonly allowedOAuthFlows: Value<readonly string[]>;
  readonly allowedOAuthScopes: Value<readonly string[]>;
  readonly callbackUrls: Value<readonly Term[]>;
  readonly logoutUrls: Value<readonly Term[]>;
  readonly defaultRedirectUri: Value<Term | null>;
  readonly explicitAuthFlows: Value<readonly string[]>;
  /** null when not set: the API then lets the client read or write every attribute it may. */
  readonly readAttributes: Value<readonly string[] | null>;
  readonly writeAttributes: Value<readonly string[] | null>;
  readonly generateSecret: Value<boolean>;
  readonly supportedIdentityProviders: Value<readonly Term[]>;
}

export interface UserPoolDomain extends ModelObjectBase<"UserPoolDomain"> {
  readonly userPoolRef: Term;
  readonly userPool?: UserPool;
  readonly customDomain: Value<boolean>;
}

export interface IdentityProvider extends ModelObjectBase<"IdentityProvider"> {
  readonly userPoolRef: Term;
  readonly userPool?: UserPool;
  /** SAML, OIDC, Google, Facebook, LoginWithAmazon, SignInWithApple. */
  readonly providerType: Value<string>;
  readonly providerDetails: Value<Readonly<Record<string, Term>>>;
  readonly attributeMapping: Value<Readonly<Record<string, string>>>;
}

export interface UserGroup extends ModelObjectBase<"UserGroup"> {
  readonly userPoolRef: Term;
  readonly userPool?: UserPool;
  readonly roleRef: Term | null;
  readonly role?: IamRole;
  readonly precedence: Value<number | null>;
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

export interface IdentityPoolProvider {
  readonly clientIdRef: Term;
  readonly providerNameRef: Term;
  readonly client?: UserPoolClient;
  readonly userPool?: UserPool;
  readonly serverSideTokenCheck: boolean;
}

export interface RoleBinding {
  readonly roleRef: Term;
  readonly role?: IamRole;
}

export interface RoleMappingRule {
  readonly claim: string;
  readonly matchType: string;
  readonly value: string;
  readonly roleRef: Term;
  readonly role?: IamRole;
}

export interface RoleMapping {
  readonly identityProvider: Term;
  readonly type: string;
  /** null when not set; unknown when set from an expression. */
  readonly ambiguousRoleResolution: Value<string | null>;
  readonly rules: readonly RoleMappingRule[];
}

export interface IdentityPoolRoles {
  readonly authenticated: RoleBinding | null;
  readonly unauthenticated: RoleBinding | null;
  readonly mappings: readonly RoleMapping[];
  readonly provenance?: Provenance;
}

export interface IdentityPool extends ModelObjectBase<"IdentityPool"> {
  readonly id: Value<string>;
  readonly tags: Value<Readonly<Record<string, string>>>;
  readonly allowUnauthenticatedIdentities: Value<boolean>;
  readonly allowClassicFlow: Value<boolean>;
  readonly providers: Value<readonly IdentityPoolProvider[]>;
  readonly roles: Value<IdentityPoolRoles>;
}

export type PolicyAttachmentKind = "inline" | "customer-managed" | "aws-managed";

export interface AttachedPolicy {
  readonly kind: PolicyAttachmentKind;
  readonly name: Value<string>;
  /** arn:aws:iam::aws:policy/... for AWS-managed policies. */
  readonly arn?: string;
  readonly document: Value<PolicyDocument>;
  readonly provenance: Provenance;
}

export interface IamRole extends ModelObjectBase<"IamRole"> {
  readonly arn: Value<string>;
  readonly trustPolicy: Value<PolicyDocument>;
  readonly maxSessionDurationSeconds: Value<number>;
  readonly policies: Value<readonly AttachedPolicy[]>;
}

export interface ApiAuthorizer extends ModelObjectBase<"ApiAuthorizer"> {
  readonly authorizerType: Value<string>;
  readonly providerArns: Value<readonly Term[]>;
  readonly userPools: readonly UserPool[];
}

export interface ApiRoute extends ModelObjectBase<"ApiRoute"> {
  readonly apiName: Value<string>;
  readonly path: Value<string>;
  readonly httpMethod: Value<string>;
  readonly authorizationType: Value<string>;
  readonly authorizationScopes: Value<readonly string[]>;
  readonly authorizerRef: Term | null;
  readonly authorizer?: ApiAuthorizer;
}

export interface WafAssociation extends ModelObjectBase<"WafAssociation"> {
  /** Known true for an association found; unknown when the pool's web ACL could not be read. */
  readonly exists: Value<true>;
  readonly resourceRef: Term;
  readonly webAclRef: Term;
  readonly userPool?: UserPool;
}

export interface LogDelivery extends ModelObjectBase<"LogDelivery"> {
  readonly userPoolRef: Term;
  readonly userPool?: UserPool;
  readonly configurations: Value<
    readonly { readonly eventSource: string; readonly logLevel: string; readonly destination: string }[]
  >;
}

export type ModelObject =
  | UserPool
  | UserPoolClient
  | UserPoolDomain
  | IdentityProvider
  | UserGroup
  | ResourceServer
  | RiskConfiguration
  | IdentityPool
  | IamRole
  | ApiAuthorizer
  | ApiRoute
  | WafAssociation
  | LogDelivery;

export interface InputFile {
  readonly path: string;
  readonly sha256: string;
  readonly kind: string;
}

/** Something the loader could not read or resolve; it explains UNKNOWN results. */
export interface LoadDiagnostic {
  readonly message: string;
  /** Set when whole parts of the estate could not be read: the audit is incomplete and the gate fails closed. */
  readonly incomplete?: boolean;
  readonly address?: string;
  readonly file?: string;
}

export interface Estate {
  readonly source: SourceKind;
  readonly inputs: readonly InputFile[];
  /** cdktf stacks (synth) or regions (live) this estate covers. */
  readonly scopes: readonly string[];
  readonly userPools: readonly UserPool[];
  readonly userPoolClients: readonly UserPoolClient[];
  readonly userPoolDomains: readonly UserPoolDomain[];
  readonly identityProviders: readonly IdentityProvider[];
  readonly userGroups: readonly UserGroup[];
  readonly resourceServers: readonly ResourceServer[];
  readonly riskConfigurations: readonly RiskConfiguration[];
  readonly identityPools: readonly IdentityPool[];
  readonly iamRoles: readonly IamRole[];
  readonly apiAuthorizers: readonly ApiAuthorizer[];
  readonly apiRoutes: readonly ApiRoute[];
  readonly wafAssociations: readonly WafAssociation[];
  readonly logDeliveries: readonly LogDelivery[];
  /**
   * Whether the source can express user activity log delivery at all: the hashicorp/aws 5.x provider
   * has no aws_cognito_log_delivery_configuration, so its absence there proves nothing.
   */
  readonly logDeliveryExpressible: Value<true>;
  readonly diagnostics: readonly LoadDiagnostic[];
}
