// A Cognito user pool with its hosted domain and groups, configured from a UserPoolProfile.
// The same construct builds the consumer (SecureCart shoppers) and the staff (admin portal) pool.
import { Construct } from "constructs";
import { CognitoUserPool, type CognitoUserPoolConfig } from "@cdktf/provider-aws/lib/cognito-user-pool/index.js";
import { CognitoUserPoolDomain } from "@cdktf/provider-aws/lib/cognito-user-pool-domain/index.js";
import { CognitoUserGroup } from "@cdktf/provider-aws/lib/cognito-user-group/index.js";
import { AUDIENCE_TAG_KEY, type UserPoolProfile } from "./shop-variant.js";

/** Where a pool that offers SMS as an MFA factor sends its text messages from. */
export interface SmsSender {
  readonly roleArn: string;
  readonly externalId: string;
  readonly region: string;
}

export interface ShopUserPoolProps {
  readonly profile: UserPoolProfile;
  /** Required when profile.mfaFactors.sms is true. */
  readonly smsSender?: SmsSender;
  /** Region and account of the pool, for the ARN of its lockout function. */
  readonly region: string;
}

/** The shop's functions live in its own account; the ARN is written out, as a shop's pipeline passes it in. */
const SHOP_ACCOUNT = "123456789012";

export class ShopUserPool extends Construct {
  readonly pool: CognitoUserPool;
  readonly domain: CognitoUserPoolDomain;
  readonly groups: Readonly<Record<string, CognitoUserGroup>>;
  readonly profile: UserPoolProfile;

  constructor(scope: Construct, id: string, props: ShopUserPoolProps) {
    super(scope, id);
    const p = props.profile;
    this.profile = p;

    const mfaInUse = p.mfa !== "OFF";
    if (mfaInUse && !p.mfaFactors.totp && !p.mfaFactors.sms) {
      throw new Error(`user pool ${p.name}: MFA ${p.mfa} needs at least one factor (TOTP or SMS)`);
    }
    if (p.mfaFactors.sms && !props.smsSender) {
      throw new Error(`user pool ${p.name}: SMS MFA needs an smsSender (SNS caller role)`);
    }

    const tags: Record<string, string> = { ...p.tags };
    if (p.audience) tags[AUDIENCE_TAG_KEY] = p.audience;

    const config: CognitoUserPoolConfig = {
      name: p.name,
      usernameAttributes: ["email"],
      autoVerifiedAttributes: ["email"],
      usernameConfiguration: { caseSensitive: false },
      userPoolTier: p.tier,
      deletionProtection: p.deletionProtection,
      mfaConfiguration: p.mfa,
      passwordPolicy: {
        minimumLength: p.passwordPolicy.minimumLength,
        requireLowercase: p.passwordPolicy.requireLowercase,
        requireUppercase: p.passwordPolicy.requireUppercase,
        requireNumbers: p.passwordPolicy.requireNumbers,
        requireSymbols: p.passwordPolicy.requireSymbols,
        temporaryPasswordValidityDays: p.passwordPolicy.temporaryPasswordValidityDays,
        ...(p.passwordPolicy.passwordHistorySize !== undefined
          ? { passwordHistorySize: p.passwordPolicy.passwordHistorySize }
          : {}),
      },
      adminCreateUserConfig: { allowAdminCreateUserOnly: p.adminCreateUserOnly },
      schema: [
        {
          name: "email",
          attributeDataType: "String",
          required: true,
          mutable: true,
          developerOnlyAttribute: false,
          stringAttributeConstraints: { minLength: "5", maxLength: "2048" },
        },
        ...p.customAttributes.map((a) => ({
          name: a.name,
          attributeDataType: a.type,
          mutable: a.mutable,
          required: false,
          developerOnlyAttribute: false,
          ...(a.type === "String"
            ? { stringAttributeConstraints: { minLength: "0", maxLength: String(a.maxLength ?? 256) } }
            : {}),
        })),
      ],
      ...(p.threatProtection ? { userPoolAddOns: { advancedSecurityMode: p.threatProtection } } : {}),
      ...(mfaInUse && p.mfaFactors.totp ? { softwareTokenMfaConfiguration: { enabled: true } } : {}),
      ...(p.mfaFactors.sms && props.smsSender
        ? {
            smsConfiguration: {
              snsCallerArn: props.smsSender.roleArn,
              externalId: props.smsSender.externalId,
              snsRegion: props.smsSender.region,
            },
            smsAuthenticationMessage: "Your ShopSphere sign-in code is {####}",
          }
        : {}),
      ...(p.accountRecovery
        ? {
            accountRecoverySetting: {
              recoveryMechanism: p.accountRecovery.map((name, i) => ({ name, priority: i + 1 })),
            },
          }
        : {}),
      ...(p.signIn
        ? {
            signInPolicy: { allowedFirstAuthFactors: [...p.signIn.firstFactors] },
            ...(p.signIn.passkeys
              ? {
                  webAuthnConfiguration: {
                    relyingPartyId: p.signIn.passkeys.relyingPartyId,
                    userVerification: p.signIn.passkeys.userVerification,
                  },
                }
              : {}),
          }
        : {}),
      ...(p.deviceTracking ? { deviceConfiguration: { ...p.deviceTracking } } : {}),
      ...(p.lockoutFunction
        ? {
            lambdaConfig: {
              preAuthentication: `arn:aws:lambda:${props.region}:${SHOP_ACCOUNT}:function:${p.lockoutFunction}`,
            },
          }
        : {}),
      tags,
    };

    this.pool = new CognitoUserPool(this, "UserPool", config);

    this.domain = new CognitoUserPoolDomain(this, "Domain", {
      domain: p.domainPrefix,
      userPoolId: this.pool.id,
    });

    const groups: Record<string, CognitoUserGroup> = {};
    for (const g of p.groups) {
      groups[g.name] = new CognitoUserGroup(this, `Group-${g.name}`, {
        name: g.name,
        userPoolId: this.pool.id,
        description: g.description,
        precedence: g.precedence,
      });
    }
    this.groups = groups;
  }

  /** Issuer-style provider name used by identity pools: cognito-idp.<region>.amazonaws.com/<pool id>. */
  get providerName(): string {
    return this.pool.endpoint;
  }
}
