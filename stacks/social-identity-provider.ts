// A social federation (Google, Facebook) on a user pool. The client secret is read from a
// sensitive Terraform variable (TF_VAR_<name>) unless the profile holds a literal one.
import { Construct } from "constructs";
import { TerraformVariable } from "cdktf";
import { CognitoIdentityProvider } from "@cdktf/provider-aws/lib/cognito-identity-provider/index.js";
import type { SocialProviderProfile } from "./shop-variant.js";

export interface SocialIdentityProviderProps {
  readonly userPoolId: string;
  readonly profile: SocialProviderProfile;
}

export class SocialIdentityProvider extends Construct {
  readonly provider: CognitoIdentityProvider;
  /** The variable holding the client secret, when the secret is not a literal. */
  readonly secretVariable?: TerraformVariable;
  /** Provider name as app clients list it in supported_identity_providers. */
  readonly providerName: string;

  constructor(scope: Construct, id: string, props: SocialIdentityProviderProps) {
    super(scope, id);
    const p = props.profile;

    let clientSecret: string;
    if (p.clientSecret.kind === "variable") {
      this.secretVariable = new TerraformVariable(this, "ClientSecret", {
        type: "string",
        sensitive: true,
        nullable: false,
        description: `${p.provider} OAuth client secret for the ${p.clientId} app (set TF_VAR_${p.clientSecret.variableName})`,
      });
      // Terraform name exactly as configured, so TF_VAR_<variableName> sets it.
      this.secretVariable.overrideLogicalId(p.clientSecret.variableName);
      clientSecret = this.secretVariable.stringValue;
    } else {
      clientSecret = p.clientSecret.value;
    }

    this.providerName = p.provider;
    this.provider = new CognitoIdentityProvider(this, "Provider", {
      userPoolId: props.userPoolId,
      providerName: p.provider,
      providerType: p.provider,
      providerDetails: {
        client_id: p.clientId,
        client_secret: clientSecret,
        authorize_scopes: p.authorizeScopes,
      },
      attributeMapping: { ...p.attributeMapping },
    });
  }
}
