// Small building blocks for rule fixtures: a user pool, a client, an identity pool with roles.
// Each takes the name the resource is judged by, so fixtures read as pass_x / fail_y.

import { CognitoIdentityPool } from "@cdktf/provider-aws/lib/cognito-identity-pool/index.js";
import { CognitoIdentityPoolRolesAttachment } from "@cdktf/provider-aws/lib/cognito-identity-pool-roles-attachment/index.js";
import { CognitoUserPool, type CognitoUserPoolConfig } from "@cdktf/provider-aws/lib/cognito-user-pool/index.js";
import {
  CognitoUserPoolClient,
  type CognitoUserPoolClientConfig,
} from "@cdktf/provider-aws/lib/cognito-user-pool-client/index.js";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role/index.js";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy/index.js";
import type { IResolvable } from "cdktf";
import type { Construct } from "constructs";

export function userPool(
  scope: Construct,
  name: string,
  config: Omit<CognitoUserPoolConfig, "name"> = {},
): CognitoUserPool {
  return new CognitoUserPool(scope, name, { name, ...config });
}

export function consumerPool(
  scope: Construct,
  name: string,
  config: Omit<CognitoUserPoolConfig, "name"> = {},
): CognitoUserPool {
  return userPool(scope, name, { ...config, tags: { "pci:audience": "consumer", ...config.tags } });
}

export function client(
  scope: Construct,
  name: string,
  pool: CognitoUserPool,
  config: Omit<CognitoUserPoolClientConfig, "name" | "userPoolId"> = {},
): CognitoUserPoolClient {
  return new CognitoUserPoolClient(scope, name, { name, userPoolId: pool.id, ...config });
}

/** An identity pool over one consumer pool and client, the usual shop shape. */
export function identityPool(
  scope: Construct,
  name: string,
  options: { allowGuests?: boolean | string; classicFlow?: boolean | IResolvable } = {},
): CognitoIdentityPool {
  const pool = consumerPool(scope, `${name}-users`);
  const webClient = client(scope, `${name}-web`, pool);
  return new CognitoIdentityPool(scope, name, {
    identityPoolName: name,
    allowUnauthenticatedIdentities: options.allowGuests as boolean | undefined,
    ...(options.classicFlow === undefined ? {} : { allowClassicFlow: options.classicFlow }),
    cognitoIdentityProviders: [{ clientId: webClient.id, providerName: pool.endpoint }],
  });
}

export interface RoleSpec {
  readonly name: string;
  /** The trust policy as the construct attribute: a JSON string, an Fn.jsonencode token or a data source's json. */
  readonly trustPolicy: string;
  /** Inline permission policy documents (JSON strings). */
  readonly policies?: readonly string[];
}

export function role(scope: Construct, spec: RoleSpec): IamRole {
  const created = new IamRole(scope, spec.name, { name: spec.name, assumeRolePolicy: spec.trustPolicy });
  spec.policies?.forEach(
    (policy, i) =>
      new IamRolePolicy(scope, `${spec.name}-policy-${i}`, {
        name: `${spec.name}-policy-${i}`,
        role: created.name,
        policy,
      }),
  );
  return created;
}

export function attachRoles(
  scope: Construct,
  pool: CognitoIdentityPool,
  roles: { authenticated?: IamRole; unauthenticated?: IamRole },
): void {
  const bindings: Record<string, string> = {};
  if (roles.authenticated) bindings.authenticated = roles.authenticated.arn;
  if (roles.unauthenticated) bindings.unauthenticated = roles.unauthenticated.arn;
  new CognitoIdentityPoolRolesAttachment(scope, `${pool.friendlyUniqueId}-roles`, {
    identityPoolId: pool.id,
    roles: bindings,
  });
}

/** A Cognito web-identity trust policy document with the given Condition block. */
export function webIdentityTrust(
  condition: Record<string, Record<string, unknown>> | undefined,
): Record<string, unknown> {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Federated: "cognito-identity.amazonaws.com" },
        Action: "sts:AssumeRoleWithWebIdentity",
        ...(condition ? { Condition: condition } : {}),
      },
    ],
  };
}
