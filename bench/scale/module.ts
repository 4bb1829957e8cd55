// The generated module the scale bench audits: one cdktf stack of `units` copies of a small Cognito
// estate (a user pool, two clients, a group, an identity pool with its authenticated and
// unauthenticated roles, a role policy and the roles attachment). Every construct id and every
// name carries the unit's token (U000000, U000001, ...), so the replication step can copy one unit's
// synthesized and planned JSON to any count by renaming that token alone.

import { CognitoIdentityPool } from "@cdktf/provider-aws/lib/cognito-identity-pool/index.js";
import { CognitoIdentityPoolRolesAttachment } from "@cdktf/provider-aws/lib/cognito-identity-pool-roles-attachment/index.js";
import { CognitoUserGroup } from "@cdktf/provider-aws/lib/cognito-user-group/index.js";
import { CognitoUserPool } from "@cdktf/provider-aws/lib/cognito-user-pool/index.js";
import { CognitoUserPoolClient } from "@cdktf/provider-aws/lib/cognito-user-pool-client/index.js";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role/index.js";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy/index.js";
import { AwsProvider, type AwsProviderConfig } from "@cdktf/provider-aws/lib/provider/index.js";
import { App, Fn, TerraformStack } from "cdktf";

/** Resources one unit declares: the replication step scales by whole units. */
export const RESOURCES_PER_UNIT = 9;
export const STACK = "scale";

/** The token of unit i, fixed width so renaming never changes what else a name contains. */
export function unitToken(i: number): string {
  return `U${String(i).padStart(6, "0")}`;
}

export function synthModule(outdir: string, units: number, provider: Partial<AwsProviderConfig>): void {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, STACK);
  new AwsProvider(stack, "aws", { region: "eu-west-1", ...provider });
  for (let i = 0; i < units; i++) addUnit(stack, unitToken(i), i % 2 === 0);
  app.synth();
}

function addUnit(stack: TerraformStack, token: string, strict: boolean): void {
  const pool = new CognitoUserPool(stack, `pool-${token}`, {
    name: `bench-${token}`,
    mfaConfiguration: strict ? "ON" : "OFF",
    softwareTokenMfaConfiguration: strict ? { enabled: true } : undefined,
    passwordPolicy: { minimumLength: strict ? 12 : 8, requireNumbers: true, requireSymbols: strict },
    deletionProtection: strict ? "ACTIVE" : "INACTIVE",
    tags: { unit: token },
  });
  const web = new CognitoUserPoolClient(stack, `web-${token}`, {
    name: `web-${token}`,
    userPoolId: pool.id,
    allowedOauthFlows: ["code"],
    allowedOauthFlowsUserPoolClient: true,
    allowedOauthScopes: ["openid", "email"],
    callbackUrls: [`https://${token}.example.com/callback`],
    supportedIdentityProviders: ["COGNITO"],
    accessTokenValidity: strict ? 1 : 24,
  });
  new CognitoUserPoolClient(stack, `backend-${token}`, {
    name: `backend-${token}`,
    userPoolId: pool.id,
    generateSecret: true,
    explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"],
  });
  const identityPool = new CognitoIdentityPool(stack, `identity-${token}`, {
    identityPoolName: `bench_${token}`,
    allowUnauthenticatedIdentities: !strict,
    cognitoIdentityProviders: [{ clientId: web.id, providerName: pool.endpoint, serverSideTokenCheck: strict }],
  });
  const trust = (amr: string) =>
    Fn.jsonencode({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Federated: "cognito-identity.amazonaws.com" },
          Action: "sts:AssumeRoleWithWebIdentity",
          Condition: {
            StringEquals: { "cognito-identity.amazonaws.com:aud": identityPool.id },
            "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": amr },
          },
        },
      ],
    });
  const authenticated = new IamRole(stack, `auth-${token}`, {
    name: `bench-${token}-auth`,
    assumeRolePolicy: trust("authenticated"),
  });
  const unauthenticated = new IamRole(stack, `unauth-${token}`, {
    name: `bench-${token}-unauth`,
    assumeRolePolicy: trust("unauthenticated"),
  });
  new IamRolePolicy(stack, `policy-${token}`, {
    role: authenticated.name,
    name: `bench-${token}-data`,
    policy: Fn.jsonencode({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: strict ? ["s3:GetObject"] : ["s3:*"], Resource: "*" }],
    }),
  });
  new CognitoUserGroup(stack, `admins-${token}`, {
    name: `admins-${token}`,
    userPoolId: pool.id,
    roleArn: authenticated.arn,
  });
  new CognitoIdentityPoolRolesAttachment(stack, `roles-${token}`, {
    identityPoolId: identityPool.id,
    roles: { authenticated: authenticated.arn, unauthenticated: unauthenticated.arn },
  });
}
