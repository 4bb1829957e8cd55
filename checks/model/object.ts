// What every model object has: its kind, its key in the estate, its name and where it came from.

import type { Provenance, Value } from "./values.js";

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
  | "ApiStage"
  | "WafAssociation"
  | "LogDelivery"
  | "UserPoolUser";

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
