// App client fixtures beyond cognito-fixtures' plain client: a machine-to-machine client as the AWS
// console creates one (client_credentials, a secret, ALLOW_REFRESH_TOKEN_AUTH only).
import type { Construct } from "constructs";
import type { CognitoUserPool } from "@cdktf/provider-aws/lib/cognito-user-pool/index.js";
import type {
  CognitoUserPoolClient,
  CognitoUserPoolClientConfig,
} from "@cdktf/provider-aws/lib/cognito-user-pool-client/index.js";
import { client } from "./cognito-fixtures.js";

export const M2M_CONFIG = {
  generateSecret: true,
  allowedOauthFlowsUserPoolClient: true,
  allowedOauthFlows: ["client_credentials"],
  allowedOauthScopes: ["shop-api/orders.read"],
  explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
} as const satisfies Omit<CognitoUserPoolClientConfig, "name" | "userPoolId">;

export function m2mClient(
  scope: Construct,
  name: string,
  pool: CognitoUserPool,
  config: Omit<CognitoUserPoolClientConfig, "name" | "userPoolId"> = {},
): CognitoUserPoolClient {
  return client(scope, name, pool, {
    ...M2M_CONFIG,
    allowedOauthFlows: [...M2M_CONFIG.allowedOauthFlows],
    allowedOauthScopes: [...M2M_CONFIG.allowedOauthScopes],
    explicitAuthFlows: [...M2M_CONFIG.explicitAuthFlows],
    ...config,
  });
}
