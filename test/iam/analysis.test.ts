// IAM semantics on real policy documents: each document is read with the project's own reader
// (checks/sources/policy-document.ts) from the JSON a policy would hold, and roles, identity pools
// and groups come from real synthesized cdktf fixtures.

import { TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import {
  conditionsOn,
  effectiveAllows,
  escalationGranted,
  isReadOnlyActionPattern,
  isServiceWildcard,
  parseConditionOperator,
  PRIVILEGE_ESCALATION_ACTIONS,
  rolePolicies,
  roleStatements,
  statementCoversAction,
  termMatchesAny,
  wildcardMatch,
  type EffectiveStatement,
} from "../../checks/iam/analysis.js";
import { accessLevels, servicesRead } from "../../checks/iam/access-levels.js";
import { describeBindings, identityRoleBindings } from "../../checks/iam/bindings.js";
import type { Estate, IamRole, PolicyStatement } from "../../checks/model/index.js";
import { literalTerm } from "../../checks/model/index.js";
import { checkBoundRoles } from "../../checks/rules/utils/bound-roles.js";
import { readPolicyString } from "../../checks/sources/policy-document.js";
import { role, webIdentityTrust } from "../harness/cognito-fixtures.js";
import { AMR, AUD, boundRole, groupWithRole } from "../harness/identity-role-fixtures.js";
import { estateOf } from "../harness/synth-fixture.js";

const roleDisplayName = (bound: IamRole): string => (bound.name.known ? bound.name.value : bound.key);

/** The statements of a policy document, read as a live or plan policy string is. */
function documentStatements(document: Record<string, unknown>): readonly PolicyStatement[] {
  const source = readPolicyString(JSON.stringify(document), "literal");
  if (source.kind !== "document" || !source.document.known) throw new Error("policy not read");
  return source.document.value.statements;
}
const statementOf = (statement: Record<string, unknown>) =>
  documentStatements({ Version: "2012-10-17", Statement: [statement] })[0]!;
/** The policy variable as a live or planned policy holds it (Terraform JSON escapes it as $${...}). */
const PLAIN_SUB = "${cognito-identity.amazonaws.com:sub}";

function roleNamed(estate: Estate, name: string): IamRole {
  const found = estate.iamRoles.find((r) => r.name.known && r.name.value === name);
  if (!found) throw new Error(`no role ${name}`);
  return found;
}

/** The role `name` bound to an identity pool with one inline policy of the given statements. */
function boundRoleWith(name: string, statements: Record<string, unknown>[], managed?: string[]): IamRole {
  const estate = estateOf((s) => void boundRole(s, name, { statements, ...(managed ? { managed } : {}) }));
  return roleNamed(estate, name);
}

function statementsOfRole(role: IamRole): readonly EffectiveStatement[] {
  const policies = rolePolicies(role);
  if (!policies.known) throw new Error(policies.reason);
  return policies.value.statements;
}

const TABLE = "arn:aws:dynamodb:eu-west-1:111122223333:table/wishlists";
const BUCKET = "arn:aws:s3:::profile-pictures";

describe("wildcardMatch", () => {
  it.each([
    ["s3:*", "s3:GetObject", true],
    ["s3:Get*", "s3:getobject", true],
    ["s3:Get?bject", "s3:GetObject", true],
    ["s3:Get*", "s3:PutObject", false],
    ["*", "iam:PassRole", true],
    ["dynamodb:GetItem", "dynamodb:GetItems", false],
    // Regex metacharacters in a pattern are literal text.
    ["arn:aws:s3:::bucket.name/*", "arn:aws:s3:::bucketXname/a", false],
  ])("%s against %s: %s", (pattern, value, expected) => {
    expect(wildcardMatch(pattern, value)).toBe(expected);
  });

  it("matches resources case-sensitively when asked", () => {
    expect(wildcardMatch(`${BUCKET}/*`, `${BUCKET}/a.png`, false)).toBe(true);
    expect(wildcardMatch(`${BUCKET}/*`, "ARN:AWS:S3:::PROFILE-PICTURES/a.png", false)).toBe(false);
  });
});

describe("statementCoversAction", () => {
  it("reads Action and NotAction, case-insensitively", () => {
    const action = statementOf({ Effect: "Allow", Action: ["DynamoDB:Get*", "s3:PutObject"], Resource: "*" });
    expect(statementCoversAction(action, "dynamodb:GetItem")).toBe(true);
    expect(statementCoversAction(action, "s3:GetObject")).toBe(false);
    const notAction = statementOf({ Effect: "Allow", NotAction: "iam:*", Resource: "*" });
    expect(statementCoversAction(notAction, "s3:DeleteBucket")).toBe(true);
    expect(statementCoversAction(notAction, "iam:PassRole")).toBe(false);
  });
});

describe("access levels: isReadOnlyActionPattern and isServiceWildcard", () => {
  it.each([
    ["s3:GetObject", true],
    ["dynamodb:Query", true],
    ["dynamodb:BatchGetItem", true],
    ["s3:Get*", true],
    ["s3:List*", true],
    ["s3:*", false],
    ["*", false],
    ["s3:G*", true],
    ["s3:PutObject", false],
    ["dynamodb:BatchWriteItem", false],
    // The dataset's access level, not the verb: these were misjudged by verb prefixes.
    ["sts:GetFederationToken", false],
    ["cognito-identity:GetId", false],
    ["dynamodb:PartiQLSelect", true],
    ["DynamoDB:partiqlselect", true],
    ["cognito-idp:AdminGetUser", true],
    // A Get* of STS covers GetFederationToken, a write.
    ["sts:Get*", false],
    // Fail closed: an action the dataset does not know, an unknown service, a wildcard service.
    ["s3:GetNoSuchThing", false],
    ["no-such-service:GetObject", false],
    ["s3*:GetObject", false],
    ["../../etc/passwd:Get", false],
  ])("%s is read-only: %s", (pattern, expected) => {
    expect(isReadOnlyActionPattern(pattern)).toBe(expected);
  });

  it("gives the dataset's access levels, and reads a service's data only when one of its actions is asked about", () => {
    expect(accessLevels("sts:GetFederationToken")).toEqual(["Write"]);
    expect(accessLevels("iam:AttachRolePolicy")).toEqual(["Permissions management", "Write"]);
    expect(accessLevels("s3:NoSuchAction")).toBeUndefined();
    expect(servicesRead()).toContain("sts");
    expect(servicesRead()).not.toContain("ec2");
  });

  it.each([
    ["*", true],
    ["s3:*", true],
    ["s3:**", true],
    ["s3:Get*", false],
    ["s3:GetObject", false],
  ])("%s is a service wildcard: %s", (pattern, expected) => {
    expect(isServiceWildcard(pattern)).toBe(expected);
  });
});

describe("conditions", () => {
  it("parses set prefixes and IfExists, case-insensitively", () => {
    expect(parseConditionOperator("ForAnyValue:StringLike")).toEqual({
      set: "ForAnyValue",
      base: "StringLike",
      ifExists: false,
    });
    expect(parseConditionOperator("forallvalues:StringEqualsIfExists")).toEqual({
      set: "ForAllValues",
      base: "StringEquals",
      ifExists: true,
    });
    expect(parseConditionOperator("Bool")).toEqual({ set: null, base: "Bool", ifExists: false });
  });

  it("finds a statement's conditions on a key whatever its case", () => {
    const [trust] = documentStatements(
      webIdentityTrust({
        StringEquals: { [AUD]: "eu-west-1:1111" },
        "ForAnyValue:StringLike": { [AMR]: "authenticated" },
      }),
    );
    const aud = conditionsOn(trust!, "Cognito-Identity.amazonaws.com:AUD");
    expect(aud.map((c) => [c.operator, c.values.map((v) => v.text)])).toEqual([["StringEquals", ["eu-west-1:1111"]]]);
    expect(conditionsOn(trust!, AMR).map((c) => c.operator)).toEqual(["ForAnyValue:StringLike"]);
    expect(conditionsOn(trust!, "aws:SourceIp")).toEqual([]);
  });

  it("matches terms against patterns literally and with wildcards, case-sensitively", () => {
    const [own] = statementOf({
      Effect: "Allow",
      Action: "s3:GetObject",
      Resource: `${BUCKET}/private/${PLAIN_SUB}/*`,
    }).resources!;
    // A policy variable is literal text, not a reference.
    expect(own!.refs).toEqual([]);
    expect(termMatchesAny(own!, [`${BUCKET}/private/*`])).toBe(true);
    expect(termMatchesAny(own!, [own!.text])).toBe(true);
    expect(termMatchesAny(literalTerm(`${BUCKET}/public/a`), [`${BUCKET}/private/*`])).toBe(false);
  });
});

describe("escalationGranted", () => {
  it.each([
    ["iam:PassRole", "iam:PassRole"],
    ["iam:*", "iam:PassRole"],
    ["*", "iam:PassRole"],
    ["cognito-idp:Admin*", "cognito-idp:AdminAddUserToGroup"],
    ["Cognito-Identity:SetIdentityPoolRoles", "cognito-identity:SetIdentityPoolRoles"],
    ["lambda:UpdateFunction*", "lambda:UpdateFunctionCode"],
    // Not listed, but a write on a service of the estate itself.
    ["iam:TagRole", "iam:TagRole"],
    ["cognito-idp:AdminDeleteUserAttributes", "cognito-idp:AdminDeleteUserAttributes"],
    // IAM's access level for it is Write.
    ["lambda:InvokeFunction", "lambda:InvokeFunction"],
    ["sts:GetFederationToken", "sts:GetFederationToken"],
  ])("%s grants %s", (pattern, expected) => {
    expect(escalationGranted(pattern)).toBe(expected);
  });

  it.each(["s3:PutObject", "dynamodb:*", "iam:GetRole", "iam:List*", "cognito-idp:AdminGetUser", "lambda:GetFunction"])(
    "%s grants no escalation",
    (pattern) => {
      expect(escalationGranted(pattern)).toBeUndefined();
    },
  );

  it("lists each escalation action once", () => {
    expect(new Set(PRIVILEGE_ESCALATION_ACTIONS.map((a) => a.toLowerCase())).size).toBe(
      PRIVILEGE_ESCALATION_ACTIONS.length,
    );
  });
});

describe("rolePolicies and roleStatements", () => {
  it("gives the inline statements of a role with the policy each comes from", () => {
    const bound = boundRoleWith("shopper", [{ Effect: "Allow", Action: "dynamodb:GetItem", Resource: TABLE }]);
    const statements = roleStatements(bound);
    expect(statements.known && statements.value.map((s) => [s.policy.kind, s.statement.actions])).toEqual([
      ["inline", ["dynamodb:GetItem"]],
    ]);
    expect(roleDisplayName(bound)).toBe("shopper");
  });

  it("resolves the AWS-managed policies it knows and lists the others by name", () => {
    const bound = boundRoleWith(
      "shopper",
      [{ Effect: "Allow", Action: "dynamodb:GetItem", Resource: TABLE }],
      ["AmazonS3ReadOnlyAccess", "AmazonPollyReadOnlyAccess"],
    );
    const policies = rolePolicies(bound);
    expect(policies.known).toBe(true);
    if (!policies.known) return;
    expect(policies.value.statements.flatMap((s) => s.statement.actions ?? [])).toEqual([
      "dynamodb:GetItem",
      "s3:Get*",
      "s3:List*",
      "s3:Describe*",
      "s3-object-lambda:Get*",
      "s3-object-lambda:List*",
    ]);
    expect(policies.value.managedByName.map((p) => p.arn)).toEqual([
      "arn:aws:iam::aws:policy/AmazonPollyReadOnlyAccess",
    ]);
    // roleStatements does not know managed documents: an AWS-managed policy read by name only is unknown to it.
    expect(roleStatements(bound).known).toBe(false);
  });

  it("is unknown, naming the policy, when an inline document cannot be read", () => {
    const estate = estateOf((s: Construct) => {
      const policy = new TerraformVariable(s, "policy", { type: "string" });
      role(s, {
        name: "opaque",
        trustPolicy: JSON.stringify(webIdentityTrust(undefined)),
        policies: [policy.stringValue],
      });
    });
    const opaque = roleNamed(estate, "opaque");
    const policies = rolePolicies(opaque);
    expect(policies.known).toBe(false);
    expect(!policies.known && policies.reason).toMatch(
      /^policy opaque-policy-0 of the role cannot be read: .*var\.policy/,
    );
    expect(roleStatements(opaque)).toEqual(policies);
  });
});

describe("effectiveAllows", () => {
  const allows = (statements: Record<string, unknown>[]) =>
    effectiveAllows(statementsOfRole(boundRoleWith("shopper", statements))).map((a) => ({
      actions: a.actions,
      resources: a.resources.map((r) => r.text),
      notAction: a.notAction,
      notResource: a.notResource,
    }));

  it("keeps Allows no Deny covers", () => {
    expect(allows([{ Effect: "Allow", Action: ["dynamodb:GetItem", "dynamodb:PutItem"], Resource: TABLE }])).toEqual([
      { actions: ["dynamodb:GetItem", "dynamodb:PutItem"], resources: [TABLE], notAction: false, notResource: false },
    ]);
  });

  it("drops an Allow an unconditional Deny covers entirely", () => {
    expect(
      allows([
        { Effect: "Allow", Action: "dynamodb:*", Resource: "*" },
        { Effect: "Deny", Action: "dynamodb:*", Resource: "*" },
      ]),
    ).toEqual([]);
  });

  it("removes only the denied actions and resources", () => {
    expect(
      allows([
        {
          Effect: "Allow",
          Action: ["s3:GetObject", "s3:DeleteObject"],
          Resource: [`${BUCKET}/public/*`, `${BUCKET}/private/*`],
        },
        { Effect: "Deny", Action: "s3:DeleteObject", Resource: "*" },
        { Effect: "Deny", Action: "s3:*", Resource: `${BUCKET}/private/*` },
      ]),
    ).toEqual([{ actions: ["s3:GetObject"], resources: [`${BUCKET}/public/*`], notAction: false, notResource: false }]);
  });

  it("keeps what a narrower Deny leaves of a wildcard: a Deny on one action does not cover s3:*", () => {
    expect(
      allows([
        { Effect: "Allow", Action: "s3:*", Resource: "*" },
        { Effect: "Deny", Action: "s3:DeleteObject", Resource: "*" },
      ]),
    ).toEqual([{ actions: ["s3:*"], resources: ["*"], notAction: false, notResource: false }]);
  });

  it("ignores a conditional Deny, which may not apply to a request", () => {
    expect(
      allows([
        { Effect: "Allow", Action: "s3:PutObject", Resource: "*" },
        { Effect: "Deny", Action: "s3:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
      ]),
    ).toEqual([{ actions: ["s3:PutObject"], resources: ["*"], notAction: false, notResource: false }]);
  });

  it("reads NotAction as every action and NotResource as every resource", () => {
    expect(
      allows([
        { Effect: "Allow", NotAction: "iam:*", Resource: TABLE },
        { Effect: "Allow", Action: "s3:GetObject", NotResource: `${BUCKET}/private/*` },
      ]),
    ).toEqual([
      { actions: ["*"], resources: [TABLE], notAction: true, notResource: false },
      { actions: ["s3:GetObject"], resources: ["*"], notAction: false, notResource: true },
    ]);
  });

  it("honours a NotAction Deny for exact actions only, and a NotResource Deny", () => {
    expect(
      allows([
        { Effect: "Allow", Action: ["dynamodb:PutItem", "dynamodb:Get*"], Resource: TABLE },
        // Denies everything but reads: PutItem goes; a pattern could still grant a write, so Get* stays.
        { Effect: "Deny", NotAction: ["dynamodb:GetItem", "dynamodb:Query"], Resource: "*" },
      ]),
    ).toEqual([{ actions: ["dynamodb:Get*"], resources: [TABLE], notAction: false, notResource: false }]);
    expect(
      allows([
        { Effect: "Allow", Action: "s3:GetObject", Resource: [`${BUCKET}/public/a`, "arn:aws:s3:::other/a"] },
        { Effect: "Deny", Action: "s3:*", NotResource: `${BUCKET}/*` },
      ]),
    ).toEqual([{ actions: ["s3:GetObject"], resources: [`${BUCKET}/public/a`], notAction: false, notResource: false }]);
  });

  it("takes the known AWS-managed documents into account", () => {
    const bound = boundRoleWith("admin", [{ Effect: "Deny", Action: "iam:*", Resource: "*" }], ["AdministratorAccess"]);
    expect(effectiveAllows(statementsOfRole(bound)).map((a) => [a.policy.kind, a.actions])).toEqual([
      ["aws-managed", ["*"]],
    ]);
  });
});

describe("identity role bindings", () => {
  const estate = estateOf((s) => {
    const shopper = boundRole(s, "shopper");
    void boundRole(s, "guest", { as: "unauthenticated" });
    groupWithRole(s, "admin", shopper.arn);
    groupWithRole(s, "support", "arn:aws:iam::111122223333:role/outside");
    void role(s, { name: "unbound", trustPolicy: JSON.stringify(webIdentityTrust(undefined)) });
  });

  it("indexes every bound role with every way it is bound, and what cannot be followed", () => {
    const index = identityRoleBindings(estate);
    const byRole = new Map([...index.roles].map(([r, bindings]) => [roleDisplayName(r), describeBindings(bindings)]));
    expect(Object.fromEntries(byRole)).toEqual({
      shopper: "identity pool shopper-identities (authenticated), user pool group admin",
      guest: "identity pool guest-identities (unauthenticated)",
    });
    expect(index.unresolved.map((u) => [u.owner.kind, u.roleRef.text])).toEqual([
      ["UserGroup", "arn:aws:iam::111122223333:role/outside"],
    ]);
    expect(index.unknownPools).toEqual([]);
  });

  it("leaves groups out when asked", () => {
    const index = identityRoleBindings(estate, { includeGroups: false });
    expect(
      [...index.roles.values()]
        .flat()
        .map((b) => b.kind)
        .sort(),
    ).toEqual(["authenticated", "unauthenticated"]);
    expect(index.unresolved).toEqual([]);
  });

  it("checkBoundRoles checks each bound role once and reports unresolved roles as UNKNOWN", () => {
    const checked: string[] = [];
    const findings = checkBoundRoles(estate, (r) => {
      checked.push(roleDisplayName(r));
      return { resource: r, status: "PASS", messageId: "ok" };
    });
    expect(checked.sort()).toEqual(["guest", "shopper"]);
    expect(findings.map((f) => [f.resource.kind, f.status, f.messageId, f.data])).toEqual([
      ["UserGroup", "UNKNOWN", "unresolvedRole", { role: "arn:aws:iam::111122223333:role/outside" }],
      ["IamRole", "PASS", "ok", undefined],
      ["IamRole", "PASS", "ok", undefined],
    ]);
  });
});
