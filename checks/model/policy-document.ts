// IAM policy documents as the model holds them: statements with their terms, whatever the source.

import type { Term } from "./values.js";

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
