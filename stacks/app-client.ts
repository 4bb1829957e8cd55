// A user pool app client (web SPA, mobile app, admin portal) configured from an AppClientProfile.
import { Construct } from "constructs";
import type { ITerraformDependable } from "cdktf";
import {
  CognitoUserPoolClient,
  type CognitoUserPoolClientConfig,
} from "@cdktf/provider-aws/lib/cognito-user-pool-client/index.js";
import type { AppClientProfile } from "./shop-variant.js";

export interface ShopAppClientProps {
  readonly userPoolId: string;
  readonly profile: AppClientProfile;
  /** Identity providers and resource servers the client names must exist first. */
  readonly dependsOn?: ITerraformDependable[];
}

export class ShopAppClient extends Construct {
  readonly client: CognitoUserPoolClient;
  readonly profile: AppClientProfile;

  constructor(scope: Construct, id: string, props: ShopAppClientProps) {
    super(scope, id);
    const p = props.profile;
    this.profile = p;

    if (p.refreshTokenRotation && p.explicitAuthFlows.includes("ALLOW_REFRESH_TOKEN_AUTH")) {
      // Cognito: refresh token rotation is incompatible with REFRESH_TOKEN_AUTH; rotating clients
      // refresh through GetTokensFromRefreshToken or the token endpoint instead.
      throw new Error(`app client ${p.name}: refresh token rotation cannot be combined with ALLOW_REFRESH_TOKEN_AUTH`);
    }
    if (p.oauthFlows.includes("code") && p.callbackUrls.length === 0) {
      throw new Error(`app client ${p.name}: the authorization code flow needs at least one callback URL`);
    }

    const usesOAuth = p.oauthFlows.length > 0;
    const config: CognitoUserPoolClientConfig = {
      name: p.name,
      userPoolId: props.userPoolId,
      generateSecret: p.generateSecret,
      explicitAuthFlows: [...p.explicitAuthFlows],
      supportedIdentityProviders: [...p.identityProviders],
      accessTokenValidity: p.tokens.accessToken,
      idTokenValidity: p.tokens.idToken,
      refreshTokenValidity: p.tokens.refreshToken,
      ...(p.tokens.units
        ? {
            tokenValidityUnits: [
              {
                accessToken: p.tokens.units.accessToken,
                idToken: p.tokens.units.idToken,
                refreshToken: p.tokens.units.refreshToken,
              },
            ],
          }
        : {}),
      ...(p.refreshTokenRotation
        ? {
            refreshTokenRotation: [
              { feature: "ENABLED", retryGracePeriodSeconds: p.refreshTokenRotation.retryGracePeriodSeconds },
            ],
          }
        : {}),
      ...(usesOAuth
        ? {
            allowedOauthFlowsUserPoolClient: true,
            allowedOauthFlows: [...p.oauthFlows],
            allowedOauthScopes: [...p.oauthScopes],
            callbackUrls: [...p.callbackUrls],
            logoutUrls: [...p.logoutUrls],
          }
        : {}),
      ...(p.authSessionValidityMinutes !== undefined ? { authSessionValidity: p.authSessionValidityMinutes } : {}),
      ...(p.enableTokenRevocation !== undefined ? { enableTokenRevocation: p.enableTokenRevocation } : {}),
      ...(p.preventUserExistenceErrors !== undefined
        ? { preventUserExistenceErrors: p.preventUserExistenceErrors }
        : {}),
      ...(p.readAttributes !== undefined ? { readAttributes: [...p.readAttributes] } : {}),
      ...(p.writeAttributes !== undefined ? { writeAttributes: [...p.writeAttributes] } : {}),
      ...(props.dependsOn && props.dependsOn.length > 0 ? { dependsOn: props.dependsOn } : {}),
    };

    this.client = new CognitoUserPoolClient(this, "Client", config);
  }
}
