// The IAM roles an identity pool hands out: one for signed-in shoppers, one for guests.
//
// The estate deliberately writes IAM documents in all three styles a checker must read:
//   - aws_iam_policy_document data source (.json): authenticated trust policy, wishlist policy
//   - Fn.jsonencode({...}) (an HCL expression):     guest trust policy
//   - JSON.stringify({...}) with tokens inside:     profile-picture and guest permission policies
// Literal IAM policy variables need `$${` in Terraform JSON strings (JSON.stringify, data source
// values), but a bare `${` inside Fn.* arguments, which cdktf escapes itself.
import { Construct } from "constructs";
import { Fn } from "cdktf";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role/index.js";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy/index.js";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment/index.js";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import type { AuthenticatedRoleProfile, GuestRoleProfile } from "./shop-variant.js";

const COGNITO_IDENTITY = "cognito-identity.amazonaws.com";
/** `${cognito-identity.amazonaws.com:sub}` as it must be written in a Terraform JSON string. */
const SUB_IN_TF_STRING = "$${cognito-identity.amazonaws.com:sub}";

interface DataStoreRefs {
  readonly bucketArn: string;
  readonly tableArn: string;
}

export interface AuthenticatedIdentityRoleProps extends DataStoreRefs {
  readonly roleName: string;
  readonly identityPoolId: string;
  readonly profile: AuthenticatedRoleProfile;
}

export class AuthenticatedIdentityRole extends Construct {
  readonly role: IamRole;
  readonly trustPolicy: DataAwsIamPolicyDocument;

  constructor(scope: Construct, id: string, props: AuthenticatedIdentityRoleProps) {
    super(scope, id);
    const p = props.profile;

    this.trustPolicy = new DataAwsIamPolicyDocument(this, "TrustPolicy", {
      statement: [
        {
          effect: "Allow",
          actions: ["sts:AssumeRoleWithWebIdentity"],
          principals: [{ type: "Federated", identifiers: [COGNITO_IDENTITY] }],
          condition: [
            ...(p.trustRequiresAudience
              ? [{ test: "StringEquals", variable: `${COGNITO_IDENTITY}:aud`, values: [props.identityPoolId] }]
              : []),
            { test: "ForAnyValue:StringLike", variable: `${COGNITO_IDENTITY}:amr`, values: ["authenticated"] },
          ],
        },
      ],
    });

    this.role = new IamRole(this, "Role", {
      name: props.roleName,
      description: "Signed-in SecureCart shoppers (Cognito identity pool, authenticated)",
      assumeRolePolicy: this.trustPolicy.json,
      maxSessionDuration: p.maxSessionDurationSeconds,
    });

    // Each identity reads and writes only its own profile pictures.
    new IamRolePolicy(this, "ProfilePicturesPolicy", {
      name: "profile-pictures",
      role: this.role.id,
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "OwnProfilePictures",
            Effect: "Allow",
            Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
            Resource: [`${props.bucketArn}/private/${SUB_IN_TF_STRING}/*`],
          },
          {
            Sid: "ListOwnPrefix",
            Effect: "Allow",
            Action: "s3:ListBucket",
            Resource: props.bucketArn,
            Condition: { StringLike: { "s3:prefix": [`private/${SUB_IN_TF_STRING}/*`] } },
          },
        ],
      }),
    });

    const wishlist = new DataAwsIamPolicyDocument(this, "WishlistPolicyDocument", {
      statement:
        p.dynamoDbAccess === "per-identity"
          ? [
              {
                sid: "OwnWishlistItems",
                effect: "Allow",
                actions: [
                  "dynamodb:GetItem",
                  "dynamodb:BatchGetItem",
                  "dynamodb:Query",
                  "dynamodb:PutItem",
                  "dynamodb:UpdateItem",
                  "dynamodb:DeleteItem",
                ],
                resources: [props.tableArn],
                condition: [
                  { test: "ForAllValues:StringEquals", variable: "dynamodb:LeadingKeys", values: [SUB_IN_TF_STRING] },
                ],
              },
            ]
          : [{ sid: "Wishlists", effect: "Allow", actions: ["dynamodb:*"], resources: ["*"] }],
    });
    new IamRolePolicy(this, "WishlistPolicy", {
      name: "wishlists",
      role: this.role.id,
      policy: wishlist.json,
    });

    for (const name of p.managedPolicies) {
      new IamRolePolicyAttachment(this, `Managed-${name}`, {
        role: this.role.name,
        policyArn: `arn:aws:iam::aws:policy/${name}`,
      });
    }
  }
}

export interface GuestIdentityRoleProps extends DataStoreRefs {
  readonly roleName: string;
  readonly identityPoolId: string;
  readonly profile: GuestRoleProfile;
}

export class GuestIdentityRole extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: GuestIdentityRoleProps) {
    super(scope, id);
    const p = props.profile;

    const condition: Record<string, Record<string, string>> = {};
    if (p.trustRequiresAudience) {
      condition.StringEquals = { [`${COGNITO_IDENTITY}:aud`]: props.identityPoolId };
    }
    condition["ForAnyValue:StringLike"] = { [`${COGNITO_IDENTITY}:amr`]: "unauthenticated" };

    this.role = new IamRole(this, "Role", {
      name: props.roleName,
      description: "Guest SecureCart visitors (Cognito identity pool, unauthenticated)",
      maxSessionDuration: p.maxSessionDurationSeconds,
      assumeRolePolicy: Fn.jsonencode({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Federated: COGNITO_IDENTITY },
            Action: "sts:AssumeRoleWithWebIdentity",
            Condition: condition,
          },
        ],
      }),
    });

    // Read-only guests see only their own items (a guest wishlist the storefront backend saved under
    // their identity id). The "write" profile is what the storefront grew into: catalog reads,
    // review-photo uploads and cart writes that are not tied to the identity.
    const statements: Record<string, unknown>[] =
      p.access === "read-only"
        ? [
            {
              Sid: "ReadOwnGuestWishlist",
              Effect: "Allow",
              Action: ["dynamodb:GetItem", "dynamodb:Query"],
              Resource: [props.tableArn],
              Condition: { "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": [SUB_IN_TF_STRING] } },
            },
          ]
        : [
            {
              Sid: "ReadCatalog",
              Effect: "Allow",
              Action: ["s3:GetObject"],
              Resource: [`${props.bucketArn}/public/catalog/*`],
            },
            {
              Sid: "GuestReviewPhotos",
              Effect: "Allow",
              Action: ["s3:PutObject"],
              Resource: [`${props.bucketArn}/uploads/guest/*`],
            },
            {
              Sid: "GuestCart",
              Effect: "Allow",
              Action: ["dynamodb:PutItem", "dynamodb:UpdateItem"],
              Resource: [props.tableArn],
            },
          ];
    new IamRolePolicy(this, "GuestPolicy", {
      name: "guest-access",
      role: this.role.id,
      policy: JSON.stringify({ Version: "2012-10-17", Statement: statements }),
    });
  }
}
