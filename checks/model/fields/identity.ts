// aws_cognito_identity_pool / DescribeIdentityPool, aws_iam_role / GetRole, and aws_cognito_user_group / ListGroups.

import { flag, integer, textOrNull } from "./field.js";

export const IDENTITY_POOL_FIELDS = {
  allowUnauthenticatedIdentities: flag({
    terraform: "allow_unauthenticated_identities",
    api: "AllowUnauthenticatedIdentities",
    label: "allow_unauthenticated_identities",
    default: false,
  }),
  allowClassicFlow: flag({
    terraform: "allow_classic_flow",
    api: "AllowClassicFlow",
    label: "allow_classic_flow",
    default: false,
  }),
};

export const IAM_ROLE_FIELDS = {
  maxSessionDurationSeconds: integer({
    terraform: "max_session_duration",
    api: "Role.MaxSessionDuration",
    label: "max_session_duration",
    default: 3600,
    range: { min: 3600, max: 43200 },
  }),
  // Read for no-plaintext-secrets: a key pasted into a description is as exposed as one in a tag.
  description: textOrNull({
    terraform: "description",
    api: "Role.Description",
    label: "description",
    default: null,
  }),
};

export const USER_GROUP_FIELDS = {
  // Read for no-plaintext-secrets, like an IAM role's description.
  description: textOrNull({
    terraform: "description",
    api: "Description",
    label: "description",
    default: null,
  }),
};
