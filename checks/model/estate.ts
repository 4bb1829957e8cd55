// The Estate: one typed model of a Cognito auth estate, whatever source it came from (cdktf synth,
// Terraform plan, HCL, live account). Loaders fill it; rules only read it.

import type { ApiAuthorizer, ApiRoute, ApiStage, WafAssociation } from "./api.js";
import type {
  IdentityProvider,
  LogDelivery,
  ResourceServer,
  RiskConfiguration,
  UserPool,
  UserPoolClient,
  UserPoolDomain,
  UserPoolUser,
} from "./cognito.js";
import type { IamRole, IdentityPool, UserGroup } from "./identity.js";
import type { SourceKind, Value } from "./values.js";

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
  | ApiStage
  | WafAssociation
  | LogDelivery
  | UserPoolUser;

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
  /** Set when a read of the live account failed: UNKNOWN results at or above fail-on then fail the gate closed. */
  readonly failedRead?: boolean;
  readonly address?: string;
  readonly file?: string;
  /** The account and Region of a live scan the diagnostic concerns. */
  readonly account?: string;
  readonly region?: string;
}

/** Each kind's list in the Estate, named once: the Estate's type, emptyEstate and allObjects derive from it. */
export const COLLECTIONS = {
  userPools: "UserPool",
  userPoolClients: "UserPoolClient",
  userPoolDomains: "UserPoolDomain",
  identityProviders: "IdentityProvider",
  userGroups: "UserGroup",
  resourceServers: "ResourceServer",
  riskConfigurations: "RiskConfiguration",
  identityPools: "IdentityPool",
  iamRoles: "IamRole",
  apiAuthorizers: "ApiAuthorizer",
  apiRoutes: "ApiRoute",
  apiStages: "ApiStage",
  wafAssociations: "WafAssociation",
  logDeliveries: "LogDelivery",
  userPoolUsers: "UserPoolUser",
} as const satisfies Record<string, ModelObject["kind"]>;

export type CollectionName = keyof typeof COLLECTIONS;
type ObjectOf<C extends CollectionName> = Extract<ModelObject, { readonly kind: (typeof COLLECTIONS)[C] }>;

/** The model objects of an estate, one list per kind. */
export type EstateObjects = { readonly [C in CollectionName]: readonly ObjectOf<C>[] };
/** The same lists, for a source to fill. */
export type EstateCollections = { [C in CollectionName]: ObjectOf<C>[] };

export interface Estate extends EstateObjects {
  readonly source: SourceKind;
  readonly inputs: readonly InputFile[];
  /** cdktf stacks (synth) or regions (live) this estate covers. */
  readonly scopes: readonly string[];
  /**
   * Whether the source can express user activity log delivery at all: the hashicorp/aws 5.x provider
   * has no aws_cognito_log_delivery_configuration, so its absence there proves nothing.
   */
  readonly logDeliveryExpressible: Value<true>;
  readonly diagnostics: readonly LoadDiagnostic[];
}

/** An estate with no objects yet, whose lists the source fills. */
export function emptyEstate(
  header: Pick<Estate, "source" | "logDeliveryExpressible"> &
    Partial<Pick<Estate, "inputs" | "scopes" | "diagnostics">>,
): Estate & EstateCollections {
  const lists = Object.fromEntries(Object.keys(COLLECTIONS).map((name) => [name, []])) as unknown as EstateCollections;
  return { inputs: [], scopes: [], diagnostics: [], ...header, ...lists };
}

/** Every model object of the estate, kind by kind in the order of COLLECTIONS. */
export function allObjects(estate: EstateObjects): ModelObject[] {
  return (Object.keys(COLLECTIONS) as CollectionName[]).flatMap((name): readonly ModelObject[] => estate[name]);
}
