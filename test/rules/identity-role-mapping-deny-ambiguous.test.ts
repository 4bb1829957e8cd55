import { CognitoIdentityPoolRolesAttachment } from "@cdktf/provider-aws/lib/cognito-identity-pool-roles-attachment/index.js";
import { TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import rule from "../../checks/rules/identity-role-mapping-deny-ambiguous.js";
import { identityPool, role, webIdentityTrust } from "../harness/cognito-fixtures.js";
import { RuleTester } from "../harness/rule-tester.js";
import { estateOf } from "../harness/synth-fixture.js";

/** An identity pool named `name` with a token-based role mapping resolving ambiguity as given. */
function mappedPool(scope: Construct, name: string, resolution: string | undefined, type = "Token"): void {
  const pool = identityPool(scope, name);
  const authenticated = role(scope, { name: `${name}-role`, trustPolicy: JSON.stringify(webIdentityTrust(undefined)) });
  new CognitoIdentityPoolRolesAttachment(scope, `${name}-roles`, {
    identityPoolId: pool.id,
    roles: { authenticated: authenticated.arn },
    roleMapping: [
      {
        identityProvider: "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc:client",
        type,
        ...(resolution !== undefined ? { ambiguousRoleResolution: resolution } : {}),
        ...(type === "Rules"
          ? { mappingRule: [{ claim: "custom:tier", matchType: "Equals", value: "gold", roleArn: authenticated.arn }] }
          : {}),
      },
    ],
  });
}

RuleTester.run(rule, {
  valid: [
    { name: "pass_deny", stack: (s) => mappedPool(s, "pass_deny", "Deny") },
    { name: "pass_rules_deny", stack: (s) => mappedPool(s, "pass_rules_deny", "Deny", "Rules") },
  ],
  invalid: [
    // No role mapping at all: not applicable.
    {
      name: "na_no_mapping",
      stack: (s) => void identityPool(s, "na_no_mapping"),
      results: [
        {
          resource: "na_no_mapping",
          status: "NOT_APPLICABLE",
          messageId: "notApplicable",
          messageIncludes: "the identity pool has no role mappings",
        },
      ],
    },
    {
      name: "fail_authenticated_role",
      stack: (s) => mappedPool(s, "fail_authenticated_role", "AuthenticatedRole"),
      results: [
        {
          resource: "fail_authenticated_role",
          status: "FAIL",
          messageId: "notDeny",
          messageIncludes: "AuthenticatedRole instead of Deny",
        },
      ],
    },
    {
      name: "fail_not_set",
      stack: (s) => mappedPool(s, "fail_not_set", undefined),
      results: [{ resource: "fail_not_set", status: "FAIL", messageId: "notSet" }],
    },
    {
      name: "unknown_var",
      stack: (s) => {
        const resolution = new TerraformVariable(s, "ambiguous", { type: "string" });
        mappedPool(s, "unknown_var", resolution.stringValue);
      },
      results: [
        {
          resource: "unknown_var",
          status: "UNKNOWN",
          messageId: "unknownResolution",
          messageIncludes: "var.ambiguous",
        },
      ],
    },
  ],
});

describe("identity-role-mapping-deny-ambiguous loader", () => {
  const resolutionOf = (build: (s: Construct) => void) => {
    const roles = estateOf(build).identityPools[0]?.roles;
    return roles?.known ? roles.value.mappings[0]?.ambiguousRoleResolution : undefined;
  };
  it("reads ambiguous_role_resolution as configured, null when unset, unknown from a variable", () => {
    expect(resolutionOf((s) => mappedPool(s, "deny", "Deny"))).toMatchObject({
      known: true,
      value: "Deny",
      origin: "configured",
    });
    expect(resolutionOf((s) => mappedPool(s, "unset", undefined))).toMatchObject({
      known: true,
      value: null,
      origin: "default",
    });
    const fromVar = resolutionOf((s) =>
      mappedPool(s, "var", new TerraformVariable(s, "resolution", { type: "string" }).stringValue),
    );
    expect(fromVar?.known).toBe(false);
  });
});
