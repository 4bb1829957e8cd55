// Threat protection responses for a user pool (aws_cognito_risk_configuration, pool-wide):
// what Cognito does on compromised credentials and on low/medium/high account-takeover risk.
// Provider 5.100 requires notify_configuration inside account_takeover_risk_configuration, so the
// pool names an SES identity to send from even when only the high-risk action notifies.
import { Construct } from "constructs";
import { CognitoRiskConfiguration } from "@cdktf/provider-aws/lib/cognito-risk-configuration/index.js";
import type { RiskConfigurationProfile } from "./shop-variant.js";

export interface ThreatProtectionProps {
  readonly userPoolId: string;
  readonly profile: RiskConfigurationProfile;
  /** ARN of the verified SES identity notification emails are sent from. */
  readonly notifySourceArn: string;
  readonly notifyFrom: string;
  readonly brand: string;
}

export class ThreatProtection extends Construct {
  readonly riskConfiguration: CognitoRiskConfiguration;

  constructor(scope: Construct, id: string, props: ThreatProtectionProps) {
    super(scope, id);
    const p = props.profile;

    this.riskConfiguration = new CognitoRiskConfiguration(this, "RiskConfiguration", {
      userPoolId: props.userPoolId,
      compromisedCredentialsRiskConfiguration: {
        eventFilter: [...p.compromisedCredentialsEvents],
        actions: { eventAction: p.compromisedCredentialsAction },
      },
      accountTakeoverRiskConfiguration: {
        actions: {
          highAction: { eventAction: p.highRisk, notify: p.notifyOnHighRisk },
          mediumAction: { eventAction: p.mediumRisk, notify: false },
          lowAction: { eventAction: p.lowRisk, notify: false },
        },
        notifyConfiguration: {
          sourceArn: props.notifySourceArn,
          from: props.notifyFrom,
          blockEmail: {
            subject: `${props.brand}: we blocked a sign-in to your account`,
            textBody:
              "We blocked a sign-in attempt to your account from {ip-address} ({city}, {country}) at {login-time}. " +
              "If this was not you, change your password now.",
            htmlBody:
              "<p>We blocked a sign-in attempt to your account from {ip-address} ({city}, {country}) at {login-time}.</p>" +
              "<p>If this was not you, change your password now.</p>",
          },
        },
      },
    });
  }
}
