// Resources for the live RuleTester, made in the emulator with the AWS SDK as a shop's deploy step would.
import {
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SetUserPoolClientSessionConfigurationCommand,
  type CognitoIdentityProviderClient,
  type CreateUserPoolClientRequest,
  type CreateUserPoolRequest,
} from "@aws-sdk/client-cognito-identity-provider";

export async function livePool(
  idp: CognitoIdentityProviderClient,
  name: string,
  options: { readonly audience?: "consumer" | "workforce" } & Omit<CreateUserPoolRequest, "PoolName"> = {},
): Promise<string> {
  const { audience, ...rest } = options;
  const created = await idp.send(
    new CreateUserPoolCommand({
      PoolName: name,
      UserPoolTier: "ESSENTIALS",
      ...(audience ? { UserPoolTags: { "pci:audience": audience } } : {}),
      ...rest,
    }),
  );
  return created.UserPool!.Id!;
}

export async function liveClient(
  idp: CognitoIdentityProviderClient,
  userPoolId: string,
  name: string,
  config: Omit<CreateUserPoolClientRequest, "UserPoolId" | "ClientName"> = {},
): Promise<string> {
  const created = await idp.send(
    new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: name, ...config }),
  );
  return created.UserPoolClient!.ClientId!;
}

/** A managed-login web client: the authorization code grant. */
export const CODE_CLIENT = {
  AllowedOAuthFlowsUserPoolClient: true,
  AllowedOAuthFlows: ["code"],
  AllowedOAuthScopes: ["openid"],
  CallbackURLs: ["https://admin.example.com/callback"],
  ExplicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
} as const satisfies Omit<CreateUserPoolClientRequest, "UserPoolId" | "ClientName">;

/** A machine-to-machine client as the console creates one. */
export const M2M_CLIENT = {
  GenerateSecret: true,
  AllowedOAuthFlowsUserPoolClient: true,
  AllowedOAuthFlows: ["client_credentials"],
  AllowedOAuthScopes: ["shop-api/orders.read"],
  ExplicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
} as const satisfies Omit<CreateUserPoolClientRequest, "UserPoolId" | "ClientName">;

export function ssoSession(idp: CognitoIdentityProviderClient, userPoolId: string, clientId: string, minutes: number) {
  return idp.send(
    new SetUserPoolClientSessionConfigurationCommand({
      UserPoolId: userPoolId,
      ClientId: clientId,
      SSOSession: { MaxValidityMinutes: minutes },
    }),
  );
}
