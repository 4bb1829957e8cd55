// The published recommendations that rules cite where no PCI DSS requirement fits (RULES.md's
// "best practice"), named once so two rules citing the same control cite it the same way.

import type { SourceReference } from "../../engine/rule.js";

const SECURITY_HUB = "https://docs.aws.amazon.com/securityhub/latest/userguide/cognito-controls.html";

export const SOURCES = {
  securityHubCognito1: {
    title: "AWS Security Hub Cognito.1 (threat protection enforced)",
    url: `${SECURITY_HUB}#cognito-1`,
  },
  securityHubCognito4: {
    title: "AWS Security Hub Cognito.4 (threat protection for custom authentication)",
    url: `${SECURITY_HUB}#cognito-4`,
  },
  securityHubCognito6: { title: "AWS Security Hub Cognito.6 (deletion protection)", url: `${SECURITY_HUB}#cognito-6` },
  rfc9700ImplicitGrant: {
    title: "RFC 9700 (OAuth 2.0 Security Best Current Practice) section 2.1.2: the implicit grant should not be used",
    url: "https://www.rfc-editor.org/rfc/rfc9700#section-2.1.2",
  },
  nistSmsRestricted: {
    title: "NIST SP 800-63B section 5.1.3.3: SMS out-of-band authentication is a restricted authenticator",
    url: "https://pages.nist.gov/800-63-3/sp800-63b.html#pstnOOB",
  },
  awsUserExistenceErrors: {
    title: "Amazon Cognito Developer Guide: managing user existence error responses (account enumeration)",
    url: "https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html",
  },
  awsAuthFlows: {
    title: "Amazon Cognito Developer Guide: authentication flows (SRP keeps the password from the service)",
    url: "https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html",
  },
  awsIdentityPoolFlows: {
    title: "Amazon Cognito Developer Guide: identity pools authentication flow (enhanced and basic flow credentials)",
    url: "https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html",
  },
  cloudFrontViewerTls: {
    title:
      "Amazon CloudFront Developer Guide: supported protocols and ciphers between viewers and CloudFront (TLSv1 allows TLS 1.0)",
    url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html",
  },
} as const satisfies Record<string, SourceReference>;
