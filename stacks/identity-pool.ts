// The Cognito identity pool that exchanges SecureCart user pool tokens for AWS credentials, with
// its authenticated and guest roles bound through aws_cognito_identity_pool_roles_attachment.
import { Construct } from "constructs";
import { CognitoIdentityPool } from "@cdktf/provider-aws/lib/cognito-identity-pool/index.js";
import { CognitoIdentityPoolRolesAttachment } from "@cdktf/provider-aws/lib/cognito-identity-pool-roles-attachment/index.js";
import type { IdentityPoolProfile } from "./shop-variant.js";
import { AuthenticatedIdentityRole, GuestIdentityRole } from "./identity-roles.js";

export interface IdentityPoolClientRef {
  /** cognito-idp.<region>.amazonaws.com/<user pool id> (aws_cognito_user_pool.endpoint). */
  readonly providerName: string;
  readonly clientId: string;
}

export interface ShopIdentityPoolProps {
  readonly profile: IdentityPoolProfile;
  /** User pool app clients whose tokens the identity pool accepts. The first gets the role mapping. */
  readonly clients: readonly IdentityPoolClientRef[];
  readonly bucketArn: string;
  readonly tableArn: string;
  readonly rolePrefix: string;
  readonly tags: Readonly<Record<string, string>>;
}

export class ShopIdentityPool extends Construct {
  readonly identityPool: CognitoIdentityPool;
  readonly authenticatedRole: AuthenticatedIdentityRole;
  readonly guestRole: GuestIdentityRole;
  readonly rolesAttachment: CognitoIdentityPoolRolesAttachment;

  constructor(scope: Construct, id: string, props: ShopIdentityPoolProps) {
    super(scope, id);
    const p = props.profile;

    this.identityPool = new CognitoIdentityPool(this, "IdentityPool", {
      identityPoolName: p.name,
      allowUnauthenticatedIdentities: p.allowUnauthenticatedIdentities,
      allowClassicFlow: p.allowClassicFlow,
      cognitoIdentityProviders: props.clients.map((c) => ({
        providerName: c.providerName,
        clientId: c.clientId,
        serverSideTokenCheck: p.serverSideTokenCheck,
      })),
      tags: props.tags,
    });

    this.authenticatedRole = new AuthenticatedIdentityRole(this, "AuthenticatedRole", {
      roleName: `${props.rolePrefix}-identity-authenticated`,
      identityPoolId: this.identityPool.id,
      profile: p.authenticatedRole,
      bucketArn: props.bucketArn,
      tableArn: props.tableArn,
    });

    this.guestRole = new GuestIdentityRole(this, "GuestRole", {
      roleName: `${props.rolePrefix}-identity-guest`,
      identityPoolId: this.identityPool.id,
      profile: p.guestRole,
      bucketArn: props.bucketArn,
      tableArn: props.tableArn,
    });

    const mapped = props.clients[0];
    this.rolesAttachment = new CognitoIdentityPoolRolesAttachment(this, "RolesAttachment", {
      identityPoolId: this.identityPool.id,
      roles: {
        authenticated: this.authenticatedRole.role.arn,
        unauthenticated: this.guestRole.role.arn,
      },
      ...(p.ambiguousRoleResolution && mapped
        ? {
            // Token-based mapping: a user pool group's role (cognito:preferred_role) wins; when the
            // token names none or several, ambiguous_role_resolution decides.
            roleMapping: [
              {
                identityProvider: `${mapped.providerName}:${mapped.clientId}`,
                type: "Token",
                ambiguousRoleResolution: p.ambiguousRoleResolution,
              },
            ],
          }
        : {}),
    });
  }
}
