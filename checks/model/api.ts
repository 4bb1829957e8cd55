// API Gateway routes and authorizers in front of the pools, and WAF associations that protect them.

import type { UserPool } from "./cognito.js";
import type { ModelObjectBase } from "./object.js";
import type { Term, Value } from "./values.js";

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
