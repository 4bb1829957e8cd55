// The emulator's handlers for what moto 5.2.1 lacks (test/moto/authwarden_moto.py), over the wire
// (JSON 1.1, X-Amz-Target): documented response shapes, request validation and error shapes.
import type { RiskConfigurationType } from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsJson, iamQuery, startEmulator, type Emulator } from "../support/moto.js";

let emulator: Emulator;
const identity = (op: string, input: unknown) => awsJson(emulator.url, "cognito-identity", op, input);
const idp = (op: string, input: unknown) => awsJson(emulator.url, "cognito-idp", op, input);

const UNKNOWN_IDENTITY_POOL = "eu-west-1:00000000-0000-0000-0000-000000000000";
const UNKNOWN_USER_POOL = "eu-west-1_doesnotexist";
const ROLE_AUTH = "arn:aws:iam::123456789012:role/auth";
const ROLE_GUEST = "arn:aws:iam::123456789012:role/guest";

function expectError(
  res: { status: number; body: Record<string, unknown>; contentType: string | null },
  type: string,
  message?: RegExp,
) {
  expect(res.status).toBe(400);
  expect(res.contentType).toContain("json");
  expect(res.body.__type).toBe(type);
  expect(typeof res.body.message).toBe("string");
  if (message) expect(res.body.message).toMatch(message);
}

async function newIdentityPool(): Promise<string> {
  const res = await identity("CreateIdentityPool", {
    IdentityPoolName: `pool_${Math.random().toString(36).slice(2)}`,
    AllowUnauthenticatedIdentities: false,
  });
  expect(res.status).toBe(200);
  return String(res.body.IdentityPoolId);
}

async function newUserPool(tier?: "LITE" | "ESSENTIALS" | "PLUS"): Promise<string> {
  const res = await idp("CreateUserPool", {
    PoolName: `pool-${Math.random().toString(36).slice(2)}`,
    ...(tier ? { UserPoolTier: tier } : {}),
  });
  expect(res.status).toBe(200);
  return String((res.body.UserPool as Record<string, unknown>).Id);
}

async function newClient(userPoolId: string): Promise<string> {
  const res = await idp("CreateUserPoolClient", { UserPoolId: userPoolId, ClientName: "app" });
  expect(res.status).toBe(200);
  return String((res.body.UserPoolClient as Record<string, unknown>).ClientId);
}

beforeAll(async () => {
  emulator = await startEmulator();
});

afterAll(async () => {
  if (emulator) expect(await emulator.stop()).toBe(0);
});

describe("the emulator process", () => {
  it("listens on loopback and loads the AWS-managed IAM policies", async () => {
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { status, xml } = await iamQuery(emulator.url, "GetPolicy", {
      PolicyArn: "arn:aws:iam::aws:policy/AmazonS3FullAccess",
    });
    expect(status).toBe(200);
    expect(xml).toContain("<PolicyName>AmazonS3FullAccess</PolicyName>");
  });

  it("stops cleanly on SIGTERM (exit 0, 'moto stopped')", async () => {
    const other = await startEmulator();
    let out = "";
    other.process.stdout?.on("data", (d: string) => (out += d));
    expect(await other.stop()).toBe(0);
    expect(out).toContain("moto stopped");
  });
});

describe("SetIdentityPoolRoles / GetIdentityPoolRoles", () => {
  it("a new pool has no roles", async () => {
    const id = await newIdentityPool();
    const res = await identity("GetIdentityPoolRoles", { IdentityPoolId: id });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ IdentityPoolId: id, Roles: {} });
  });

  it("stores roles and role mappings per pool and returns them", async () => {
    const a = await newIdentityPool();
    const b = await newIdentityPool();
    const mappings = {
      "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc:client1": { Type: "Token", AmbiguousRoleResolution: "Deny" },
      "graph.facebook.com": {
        Type: "Rules",
        AmbiguousRoleResolution: "AuthenticatedRole",
        RulesConfiguration: { Rules: [{ Claim: "isAdmin", MatchType: "Equals", Value: "yes", RoleARN: ROLE_AUTH }] },
      },
    };
    const set = await identity("SetIdentityPoolRoles", {
      IdentityPoolId: a,
      Roles: { authenticated: ROLE_AUTH, unauthenticated: ROLE_GUEST },
      RoleMappings: mappings,
    });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({});
    expect((await identity("GetIdentityPoolRoles", { IdentityPoolId: a })).body).toEqual({
      IdentityPoolId: a,
      Roles: { authenticated: ROLE_AUTH, unauthenticated: ROLE_GUEST },
      RoleMappings: mappings,
    });
    expect((await identity("GetIdentityPoolRoles", { IdentityPoolId: b })).body).toEqual({
      IdentityPoolId: b,
      Roles: {},
    });
  });

  it("a later call replaces the roles; an empty map clears them (terraform's destroy)", async () => {
    const id = await newIdentityPool();
    await identity("SetIdentityPoolRoles", {
      IdentityPoolId: id,
      Roles: { authenticated: ROLE_AUTH, unauthenticated: ROLE_GUEST },
    });
    await identity("SetIdentityPoolRoles", { IdentityPoolId: id, Roles: { authenticated: ROLE_GUEST } });
    expect((await identity("GetIdentityPoolRoles", { IdentityPoolId: id })).body.Roles).toEqual({
      authenticated: ROLE_GUEST,
    });
    await identity("SetIdentityPoolRoles", { IdentityPoolId: id, Roles: {}, RoleMappings: {} });
    expect((await identity("GetIdentityPoolRoles", { IdentityPoolId: id })).body).toEqual({
      IdentityPoolId: id,
      Roles: {},
    });
  });

  it("the roles go away with the pool", async () => {
    const id = await newIdentityPool();
    await identity("SetIdentityPoolRoles", { IdentityPoolId: id, Roles: { authenticated: ROLE_AUTH } });
    expect((await identity("DeleteIdentityPool", { IdentityPoolId: id })).status).toBe(200);
    expectError(await identity("GetIdentityPoolRoles", { IdentityPoolId: id }), "ResourceNotFoundException");
  });

  it("unknown pool: ResourceNotFoundException", async () => {
    expectError(
      await identity("GetIdentityPoolRoles", { IdentityPoolId: UNKNOWN_IDENTITY_POOL }),
      "ResourceNotFoundException",
      new RegExp(`IdentityPool '${UNKNOWN_IDENTITY_POOL}' not found`),
    );
    expectError(
      await identity("SetIdentityPoolRoles", {
        IdentityPoolId: UNKNOWN_IDENTITY_POOL,
        Roles: { authenticated: ROLE_AUTH },
      }),
      "ResourceNotFoundException",
    );
  });

  it("constraint violations: ValidationException worded as AWS words them", async () => {
    expectError(
      await identity("GetIdentityPoolRoles", { IdentityPoolId: "eu-west-1_userpoolid" }),
      "ValidationException",
      /^1 validation error detected: Value 'eu-west-1_userpoolid' at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: /,
    );
    expectError(
      await identity("GetIdentityPoolRoles", {}),
      "ValidationException",
      /Value null at 'identityPoolId' failed to satisfy constraint: Member must not be null/,
    );
    const id = await newIdentityPool();
    expectError(
      await identity("SetIdentityPoolRoles", { IdentityPoolId: id, Roles: { admin: ROLE_AUTH } }),
      "ValidationException",
      /at 'roles.key' failed to satisfy constraint: Member must satisfy regular expression pattern: \(un\)\?authenticated/,
    );
    expectError(
      await identity("SetIdentityPoolRoles", {
        IdentityPoolId: id,
        Roles: {},
        RoleMappings: { x: { Type: "Group", AmbiguousRoleResolution: "Deny" } },
      }),
      "ValidationException",
      /Member must satisfy enum value set: \[Token, Rules\]/,
    );
    expectError(
      await identity("SetIdentityPoolRoles", { IdentityPoolId: id }),
      "ValidationException",
      /at 'roles'.*must not be null/,
    );
  });

  it("rules of the API reference: InvalidParameterException", async () => {
    const id = await newIdentityPool();
    expectError(
      await identity("SetIdentityPoolRoles", {
        IdentityPoolId: id,
        Roles: {},
        RoleMappings: { "graph.facebook.com": { Type: "Token" } },
      }),
      "InvalidParameterException",
      /AmbiguousRoleResolution is required/,
    );
    expectError(
      await identity("SetIdentityPoolRoles", {
        IdentityPoolId: id,
        Roles: {},
        RoleMappings: { "graph.facebook.com": { Type: "Rules", AmbiguousRoleResolution: "Deny" } },
      }),
      "InvalidParameterException",
      /RulesConfiguration is required/,
    );
    const rule = { Claim: "c", MatchType: "Equals", Value: "v", RoleARN: ROLE_AUTH };
    expectError(
      await identity("SetIdentityPoolRoles", {
        IdentityPoolId: id,
        Roles: {},
        RoleMappings: {
          p: { Type: "Rules", AmbiguousRoleResolution: "Deny", RulesConfiguration: { Rules: Array(26).fill(rule) } },
        },
      }),
      "InvalidParameterException",
      /at most 25/,
    );
    expectError(
      await identity("SetIdentityPoolRoles", {
        IdentityPoolId: id,
        Roles: { authenticated: "arn:aws:s3:::not-a-role-bucket" },
      }),
      "InvalidParameterException",
      /Invalid role ARN/,
    );
  });

  it("a member of the wrong JSON type: SerializationException", async () => {
    const id = await newIdentityPool();
    expectError(
      await identity("SetIdentityPoolRoles", { IdentityPoolId: id, Roles: "authenticated" }),
      "SerializationException",
    );
  });
});

describe("CreateIdentityPool / DescribeIdentityPool carry AllowClassicFlow", () => {
  it("defaults to false and echoes what was set", async () => {
    const plain = await newIdentityPool();
    expect((await identity("DescribeIdentityPool", { IdentityPoolId: plain })).body.AllowClassicFlow).toBe(false);
    const res = await identity("CreateIdentityPool", {
      IdentityPoolName: "classic",
      AllowUnauthenticatedIdentities: false,
      AllowClassicFlow: true,
    });
    expect(res.body.AllowClassicFlow).toBe(true);
    const id = String(res.body.IdentityPoolId);
    expect((await identity("DescribeIdentityPool", { IdentityPoolId: id })).body.AllowClassicFlow).toBe(true);
    const upd = await identity("UpdateIdentityPool", {
      IdentityPoolId: id,
      IdentityPoolName: "classic",
      AllowUnauthenticatedIdentities: false,
      AllowClassicFlow: false,
    });
    expect(upd.body.AllowClassicFlow).toBe(false);
  });

  it("UpdateIdentityPool of an unknown pool: ResourceNotFoundException (stock moto answers 500)", async () => {
    expectError(
      await identity("UpdateIdentityPool", {
        IdentityPoolId: UNKNOWN_IDENTITY_POOL,
        IdentityPoolName: "x",
        AllowUnauthenticatedIdentities: false,
      }),
      "ResourceNotFoundException",
    );
  });
});

describe("SetRiskConfiguration / DescribeRiskConfiguration", () => {
  const compromised = { EventFilter: ["SIGN_IN"], Actions: { EventAction: "BLOCK" } };
  const takeover = {
    NotifyConfiguration: {
      From: "security@example.com",
      SourceArn: "arn:aws:ses:eu-west-1:123456789012:identity/security@example.com",
      BlockEmail: { Subject: "Blocked", TextBody: "We blocked a sign-in." },
    },
    Actions: {
      LowAction: { Notify: false, EventAction: "NO_ACTION" },
      MediumAction: { Notify: false, EventAction: "MFA_IF_CONFIGURED" },
      HighAction: { Notify: true, EventAction: "BLOCK" },
    },
  };

  it("a pool without one describes as just its id", async () => {
    const pool = await newUserPool("PLUS");
    const res = await idp("DescribeRiskConfiguration", { UserPoolId: pool });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ RiskConfiguration: { UserPoolId: pool } });
  });

  it("returns RiskConfiguration with the documented members and LastModifiedDate (epoch seconds)", async () => {
    const pool = await newUserPool("PLUS");
    const before = Date.now() / 1000 - 5;
    const set = await idp("SetRiskConfiguration", {
      UserPoolId: pool,
      CompromisedCredentialsRiskConfiguration: compromised,
      AccountTakeoverRiskConfiguration: takeover,
      RiskExceptionConfiguration: { BlockedIPRangeList: ["192.0.2.0/24"], SkippedIPRangeList: ["2001:db8::/32"] },
    });
    expect(set.status).toBe(200);
    const rc = set.body.RiskConfiguration as Record<string, unknown>;
    expect(rc).toEqual({
      UserPoolId: pool,
      CompromisedCredentialsRiskConfiguration: compromised,
      AccountTakeoverRiskConfiguration: takeover,
      RiskExceptionConfiguration: { BlockedIPRangeList: ["192.0.2.0/24"], SkippedIPRangeList: ["2001:db8::/32"] },
      LastModifiedDate: expect.any(Number),
    });
    expect(rc.LastModifiedDate as number).toBeGreaterThan(before);
    expect((await idp("DescribeRiskConfiguration", { UserPoolId: pool })).body).toEqual(set.body);
  });

  it("EventFilter defaults to all events", async () => {
    const pool = await newUserPool("PLUS");
    const set = await idp("SetRiskConfiguration", {
      UserPoolId: pool,
      CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: "NO_ACTION" } },
    });
    const rc = set.body.RiskConfiguration as RiskConfigurationType;
    expect([...(rc.CompromisedCredentialsRiskConfiguration?.EventFilter ?? [])].sort()).toEqual([
      "PASSWORD_CHANGE",
      "SIGN_IN",
      "SIGN_UP",
    ]);
  });

  it("per app client: a client inherits the pool's until it has its own; UserPoolId and ClientId alone reset it", async () => {
    const pool = await newUserPool("PLUS");
    const client = await newClient(pool);
    await idp("SetRiskConfiguration", { UserPoolId: pool, CompromisedCredentialsRiskConfiguration: compromised });
    const inherited = (await idp("DescribeRiskConfiguration", { UserPoolId: pool, ClientId: client })).body
      .RiskConfiguration as RiskConfigurationType;
    expect(inherited.ClientId).toBeUndefined();
    expect(inherited.CompromisedCredentialsRiskConfiguration?.Actions?.EventAction).toBe("BLOCK");

    await idp("SetRiskConfiguration", {
      UserPoolId: pool,
      ClientId: client,
      CompromisedCredentialsRiskConfiguration: { EventFilter: ["SIGN_UP"], Actions: { EventAction: "NO_ACTION" } },
    });
    const own = (await idp("DescribeRiskConfiguration", { UserPoolId: pool, ClientId: client })).body
      .RiskConfiguration as RiskConfigurationType;
    expect(own.ClientId).toBe(client);
    expect(own.CompromisedCredentialsRiskConfiguration?.Actions?.EventAction).toBe("NO_ACTION");
    const poolLevel = (await idp("DescribeRiskConfiguration", { UserPoolId: pool })).body
      .RiskConfiguration as RiskConfigurationType;
    expect(poolLevel.CompromisedCredentialsRiskConfiguration?.Actions?.EventAction).toBe("BLOCK");

    await idp("SetRiskConfiguration", { UserPoolId: pool, ClientId: client });
    const reset = (await idp("DescribeRiskConfiguration", { UserPoolId: pool, ClientId: client })).body
      .RiskConfiguration as RiskConfigurationType;
    expect(reset.ClientId).toBeUndefined();
    expect(reset.CompromisedCredentialsRiskConfiguration?.Actions?.EventAction).toBe("BLOCK");

    await idp("SetRiskConfiguration", { UserPoolId: pool });
    expect((await idp("DescribeRiskConfiguration", { UserPoolId: pool })).body).toEqual({
      RiskConfiguration: { UserPoolId: pool },
    });
  });

  it("unknown pool or app client: ResourceNotFoundException", async () => {
    expectError(
      await idp("DescribeRiskConfiguration", { UserPoolId: UNKNOWN_USER_POOL }),
      "ResourceNotFoundException",
      /User pool eu-west-1_doesnotexist does not exist/,
    );
    expectError(
      await idp("SetRiskConfiguration", {
        UserPoolId: UNKNOWN_USER_POOL,
        CompromisedCredentialsRiskConfiguration: compromised,
      }),
      "ResourceNotFoundException",
    );
    const pool = await newUserPool("PLUS");
    expectError(
      await idp("DescribeRiskConfiguration", { UserPoolId: pool, ClientId: "nosuchclient" }),
      "ResourceNotFoundException",
      /client/i,
    );
  });

  it("bad input: InvalidParameterException", async () => {
    const pool = await newUserPool("PLUS");
    expectError(
      await idp("DescribeRiskConfiguration", { UserPoolId: "not a pool id" }),
      "InvalidParameterException",
      /^1 validation error detected: Value 'not a pool id' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: \[\\w-\]\+_\[0-9a-zA-Z\]\+$/,
    );
    expectError(
      await idp("SetRiskConfiguration", {
        UserPoolId: pool,
        CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: "MFA_REQUIRED" } },
      }),
      "InvalidParameterException",
      /compromisedCredentialsRiskConfiguration.actions.eventAction' failed to satisfy constraint: Member must satisfy enum value set: \[BLOCK, NO_ACTION\]/,
    );
    expectError(
      await idp("SetRiskConfiguration", {
        UserPoolId: pool,
        AccountTakeoverRiskConfiguration: {
          Actions: {},
          NotifyConfiguration: { SourceArn: "arn:aws:ses:eu-west-1::identity/x@example.com" },
        },
      }),
      "InvalidParameterException",
      /notifyConfiguration.sourceArn' failed to satisfy constraint/,
    );
    expectError(
      await idp("SetRiskConfiguration", {
        UserPoolId: pool,
        RiskExceptionConfiguration: { BlockedIPRangeList: ["not-a-cidr"] },
      }),
      "InvalidParameterException",
      /CIDR/,
    );
    expectError(
      await idp("SetRiskConfiguration", {
        UserPoolId: pool,
        AccountTakeoverRiskConfiguration: { Actions: { HighAction: { Notify: true, EventAction: "BLOCK" } } },
      }),
      "InvalidParameterException",
      /NotifyConfiguration is required/,
    );
  });
});

describe("SetLogDeliveryConfiguration / GetLogDeliveryConfiguration", () => {
  const notifications = {
    LogLevel: "ERROR",
    EventSource: "userNotification",
    CloudWatchLogsConfiguration: {
      LogGroupArn: "arn:aws:logs:eu-west-1:123456789012:log-group:/cognito/notifications",
    },
  };
  const authEvents = {
    LogLevel: "INFO",
    EventSource: "userAuthEvents",
    S3Configuration: { BucketArn: "arn:aws:s3:::auth-events" },
  };

  it("a pool without one has no log configurations", async () => {
    const pool = await newUserPool();
    expect((await idp("GetLogDeliveryConfiguration", { UserPoolId: pool })).body).toEqual({
      LogDeliveryConfiguration: { UserPoolId: pool, LogConfigurations: [] },
    });
  });

  it("stores and returns LogDeliveryConfiguration", async () => {
    const pool = await newUserPool("PLUS");
    const set = await idp("SetLogDeliveryConfiguration", {
      UserPoolId: pool,
      LogConfigurations: [notifications, authEvents],
    });
    expect(set.status).toBe(200);
    const expected = { LogDeliveryConfiguration: { UserPoolId: pool, LogConfigurations: [notifications, authEvents] } };
    expect(set.body).toEqual(expected);
    expect((await idp("GetLogDeliveryConfiguration", { UserPoolId: pool })).body).toEqual(expected);
    await idp("SetLogDeliveryConfiguration", { UserPoolId: pool, LogConfigurations: [] });
    expect((await idp("GetLogDeliveryConfiguration", { UserPoolId: pool })).body).toEqual({
      LogDeliveryConfiguration: { UserPoolId: pool, LogConfigurations: [] },
    });
  });

  it("user activity logs need the Plus plan: FeatureUnavailableInTierException", async () => {
    const pool = await newUserPool("ESSENTIALS");
    expectError(
      await idp("SetLogDeliveryConfiguration", { UserPoolId: pool, LogConfigurations: [authEvents] }),
      "FeatureUnavailableInTierException",
    );
    expect(
      (await idp("SetLogDeliveryConfiguration", { UserPoolId: pool, LogConfigurations: [notifications] })).status,
    ).toBe(200);
  });

  it("errors: unknown pool, wrong level for the source, two destinations, too many configurations", async () => {
    expectError(
      await idp("GetLogDeliveryConfiguration", { UserPoolId: UNKNOWN_USER_POOL }),
      "ResourceNotFoundException",
    );
    const pool = await newUserPool("PLUS");
    expectError(
      await idp("SetLogDeliveryConfiguration", {
        UserPoolId: pool,
        LogConfigurations: [{ ...notifications, LogLevel: "INFO" }],
      }),
      "InvalidParameterException",
    );
    expectError(
      await idp("SetLogDeliveryConfiguration", {
        UserPoolId: pool,
        LogConfigurations: [
          {
            ...authEvents,
            FirehoseConfiguration: { StreamArn: "arn:aws:firehose:eu-west-1:123456789012:deliverystream/x" },
          },
        ],
      }),
      "InvalidParameterException",
      /exactly one destination/,
    );
    expectError(
      await idp("SetLogDeliveryConfiguration", {
        UserPoolId: pool,
        LogConfigurations: [notifications, authEvents, authEvents],
      }),
      "InvalidParameterException",
      /at 'logConfigurations' failed to satisfy constraint: Member must have length less than or equal to 2/,
    );
    expectError(
      await idp("SetLogDeliveryConfiguration", {
        UserPoolId: pool,
        LogConfigurations: [{ ...authEvents, EventSource: "everything" }],
      }),
      "InvalidParameterException",
      /enum value set: \[userNotification, userAuthEvents\]/,
    );
  });
});

describe("UpdateResourceServer / DeleteResourceServer", () => {
  it("update replaces name and scopes; delete removes it; unknown ones are ResourceNotFoundException", async () => {
    const pool = await newUserPool();
    expect(
      (
        await idp("CreateResourceServer", {
          UserPoolId: pool,
          Identifier: "shop",
          Name: "Shop",
          Scopes: [{ ScopeName: "a", ScopeDescription: "A" }],
        })
      ).status,
    ).toBe(200);
    const upd = await idp("UpdateResourceServer", {
      UserPoolId: pool,
      Identifier: "shop",
      Name: "Shop API",
      Scopes: [{ ScopeName: "b", ScopeDescription: "B" }],
    });
    expect(upd.body).toEqual({
      ResourceServer: {
        UserPoolId: pool,
        Identifier: "shop",
        Name: "Shop API",
        Scopes: [{ ScopeName: "b", ScopeDescription: "B" }],
      },
    });
    expect((await idp("DeleteResourceServer", { UserPoolId: pool, Identifier: "shop" })).status).toBe(200);
    expectError(
      await idp("DescribeResourceServer", { UserPoolId: pool, Identifier: "shop" }),
      "ResourceNotFoundException",
    );
    expectError(
      await idp("DeleteResourceServer", { UserPoolId: pool, Identifier: "shop" }),
      "ResourceNotFoundException",
    );
  });
});

describe("DescribeUserPool", () => {
  it("reports UserPoolTier ESSENTIALS for a pool created without one, and the tier it was created with", async () => {
    const plain = await newUserPool();
    expect(
      ((await idp("DescribeUserPool", { UserPoolId: plain })).body.UserPool as Record<string, unknown>).UserPoolTier,
    ).toBe("ESSENTIALS");
    const plus = await newUserPool("PLUS");
    expect(
      ((await idp("DescribeUserPool", { UserPoolId: plus })).body.UserPool as Record<string, unknown>).UserPoolTier,
    ).toBe("PLUS");
  });
});
