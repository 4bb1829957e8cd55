// aws_cognito_user_pool / DescribeUserPool (and GetUserPoolMfaConfig for the MFA settings).

import { flag, integer, list, oneOf, oneOfOrNull } from "./field.js";

/**
 * Without a password_policy block (Policies.PasswordPolicy) Cognito applies its default policy:
 * 8 characters, all four character classes, temporary passwords valid for 7 days, no history. A
 * policy that leaves a class out does not require it.
 */
export const PASSWORD_POLICY_FIELDS = {
  minimumLength: integer({
    terraform: "password_policy.minimum_length",
    api: "Policies.PasswordPolicy.MinimumLength",
    label: "password_policy.minimum_length",
    default: 8,
    range: { min: 6, max: 99 },
  }),
  requireLowercase: flag({
    terraform: "password_policy.require_lowercase",
    api: "Policies.PasswordPolicy.RequireLowercase",
    label: "password_policy.require_lowercase",
    default: false,
    withoutBlock: true,
  }),
  requireUppercase: flag({
    terraform: "password_policy.require_uppercase",
    api: "Policies.PasswordPolicy.RequireUppercase",
    label: "password_policy.require_uppercase",
    default: false,
    withoutBlock: true,
  }),
  requireNumbers: flag({
    terraform: "password_policy.require_numbers",
    api: "Policies.PasswordPolicy.RequireNumbers",
    label: "password_policy.require_numbers",
    default: false,
    withoutBlock: true,
  }),
  requireSymbols: flag({
    terraform: "password_policy.require_symbols",
    api: "Policies.PasswordPolicy.RequireSymbols",
    label: "password_policy.require_symbols",
    default: false,
    withoutBlock: true,
  }),
  temporaryPasswordValidityDays: integer({
    terraform: "password_policy.temporary_password_validity_days",
    api: "Policies.PasswordPolicy.TemporaryPasswordValidityDays",
    label: "password_policy.temporary_password_validity_days",
    default: 7,
    range: { min: 0, max: 365 },
  }),
  passwordHistorySize: integer({
    terraform: "password_policy.password_history_size",
    api: "Policies.PasswordPolicy.PasswordHistorySize",
    label: "password_policy.password_history_size",
    default: 0,
    range: { min: 0, max: 24 },
  }),
};

/** Fields of DescribeUserPool's UserPool. */
export const USER_POOL_FIELDS = {
  /** Absent means password sign-in only, AWS's default for a new pool. */
  firstAuthFactors: list(
    {
      terraform: "sign_in_policy.allowed_first_auth_factors",
      api: "Policies.SignInPolicy.AllowedFirstAuthFactors",
      label: "sign_in_policy.allowed_first_auth_factors",
      default: ["PASSWORD"],
    },
    ["PASSWORD", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN"],
  ),
  tier: oneOf(["LITE", "ESSENTIALS", "PLUS"], {
    terraform: "user_pool_tier",
    api: "UserPoolTier",
    label: "user_pool_tier",
    default: "ESSENTIALS",
  }),
  advancedSecurityMode: oneOf(["OFF", "AUDIT", "ENFORCED"], {
    terraform: "user_pool_add_ons.advanced_security_mode",
    api: "UserPoolAddOns.AdvancedSecurityMode",
    label: "user_pool_add_ons.advanced_security_mode",
    default: "OFF",
  }),
  customAuthSecurityMode: oneOfOrNull(["AUDIT", "ENFORCED"], {
    terraform: "user_pool_add_ons.advanced_security_additional_flows.custom_auth_mode",
    api: "UserPoolAddOns.AdvancedSecurityAdditionalFlows.CustomAuthMode",
    label: "user_pool_add_ons.advanced_security_additional_flows.custom_auth_mode",
    default: null,
  }),
  deletionProtection: oneOf(["ACTIVE", "INACTIVE"], {
    terraform: "deletion_protection",
    api: "DeletionProtection",
    label: "deletion_protection",
    default: "INACTIVE",
  }),
  allowAdminCreateUserOnly: flag({
    terraform: "admin_create_user_config.allow_admin_create_user_only",
    api: "AdminCreateUserConfig.AllowAdminCreateUserOnly",
    label: "admin_create_user_config.allow_admin_create_user_only",
    default: false,
  }),
  usernameAttributes: list(
    { terraform: "username_attributes", api: "UsernameAttributes", label: "username_attributes", default: [] },
    ["email", "phone_number"],
  ),
  autoVerifiedAttributes: list(
    {
      terraform: "auto_verified_attributes",
      api: "AutoVerifiedAttributes",
      label: "auto_verified_attributes",
      default: [],
    },
    ["email", "phone_number"],
  ),
};

/** Fields of GetUserPoolMfaConfig; Terraform keeps them on the pool. */
export const USER_POOL_MFA_FIELDS = {
  mfaConfiguration: oneOf(["OFF", "ON", "OPTIONAL"], {
    terraform: "mfa_configuration",
    api: "MfaConfiguration",
    label: "mfa_configuration",
    default: "OFF",
  }),
  softwareTokenMfaEnabled: flag({
    terraform: "software_token_mfa_configuration.enabled",
    api: "SoftwareTokenMfaConfiguration.Enabled",
    label: "software_token_mfa_configuration.enabled",
    default: false,
  }),
};

/** Lambda triggers: the attribute of lambda_config (the model's name for a trigger) and the member of LambdaConfig. */
export const LAMBDA_TRIGGERS = {
  create_auth_challenge: "CreateAuthChallenge",
  custom_message: "CustomMessage",
  define_auth_challenge: "DefineAuthChallenge",
  post_authentication: "PostAuthentication",
  post_confirmation: "PostConfirmation",
  pre_authentication: "PreAuthentication",
  pre_sign_up: "PreSignUp",
  pre_token_generation: "PreTokenGeneration",
  user_migration: "UserMigration",
  verify_auth_challenge_response: "VerifyAuthChallengeResponse",
} as const;

const RISK_EVENTS = ["SIGN_IN", "PASSWORD_CHANGE", "SIGN_UP"];

/** aws_cognito_risk_configuration / DescribeRiskConfiguration: the compromised-credentials settings. */
export const COMPROMISED_CREDENTIALS_FIELDS = {
  eventFilter: list(
    {
      terraform: "compromised_credentials_risk_configuration.event_filter",
      api: "CompromisedCredentialsRiskConfiguration.EventFilter",
      label: "compromised_credentials_risk_configuration.event_filter",
      default: RISK_EVENTS,
    },
    RISK_EVENTS,
  ),
  action: oneOf(["BLOCK", "NO_ACTION"], {
    terraform: "compromised_credentials_risk_configuration.actions.event_action",
    api: "CompromisedCredentialsRiskConfiguration.Actions.EventAction",
    label: "compromised_credentials_risk_configuration.actions.event_action",
  }),
};
