import { TerraformVariable } from "cdktf";
import rule from "../../checks/rules/identity-pool-guest-access.js";
import { attachRoles, identityPool, role, webIdentityTrust } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";

const PUBLIC = "arn:aws:s3:::securecart-public-catalog/*";
const guestAllowed = { allowGuestAccess: true, publicResources: [PUBLIC] };

function guestRole(scope: Parameters<typeof identityPool>[0], name: string, action: string, resource: string) {
  return role(scope, {
    name,
    trustPolicy: JSON.stringify(
      webIdentityTrust({ "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "unauthenticated" } }),
    ),
    policies: [
      JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: resource }] }),
    ],
  });
}

RuleTester.run(rule, {
  valid: [
    { name: "pass_no_guests", stack: (s) => identityPool(s, "pass_no_guests", { allowGuests: false }) },
    { name: "pass_default_no_guests", stack: (s) => identityPool(s, "pass_default_no_guests") },
    {
      name: "pass_guest_reads_public_catalog",
      options: guestAllowed,
      stack: (s) => {
        const pool = identityPool(s, "pass_guest_reads_public_catalog", { allowGuests: true });
        attachRoles(s, pool, { unauthenticated: guestRole(s, "guest-read", "s3:GetObject", PUBLIC) });
      },
    },
  ],
  invalid: [
    {
      name: "fail_guests_allowed",
      stack: (s) => identityPool(s, "fail_guests_allowed", { allowGuests: true }),
      results: [{ resource: "fail_guests_allowed", status: "FAIL", messageId: "guestsAllowed" }],
    },
    {
      name: "fail_guest_role_writes",
      options: guestAllowed,
      stack: (s) => {
        const pool = identityPool(s, "fail_guest_role_writes", { allowGuests: true });
        attachRoles(s, pool, { unauthenticated: guestRole(s, "guest-write", "s3:PutObject", PUBLIC) });
      },
      results: [
        {
          resource: "fail_guest_role_writes",
          status: "FAIL",
          messageId: "guestRoleWrites",
          messageIncludes: "s3:PutObject",
        },
      ],
    },
    {
      name: "fail_guest_role_reads_private",
      options: guestAllowed,
      stack: (s) => {
        const pool = identityPool(s, "fail_guest_role_reads_private", { allowGuests: true });
        attachRoles(s, pool, {
          unauthenticated: guestRole(
            s,
            "guest-private",
            "dynamodb:GetItem",
            "arn:aws:dynamodb:eu-west-1:111122223333:table/orders",
          ),
        });
      },
      results: [
        {
          resource: "fail_guest_role_reads_private",
          status: "FAIL",
          messageId: "guestRoleWrites",
          messageIncludes: "table/orders",
        },
      ],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const guests = new TerraformVariable(s, "allow_guests", { type: "bool" });
        identityPool(s, "unknown_var", { allowGuests: guests.booleanValue as unknown as boolean });
      },
      results: [
        { resource: "unknown_var", status: "UNKNOWN", messageId: "unknown", messageIncludes: "var.allow_guests" },
      ],
    },
  ],
});
