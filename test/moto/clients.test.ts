// The emulator's app client sessions, secrets and DcrConfiguration (test/moto/ext_clients.py), through
// the AWS SDK the scanner uses: stored and returned as the API reference documents them, with its errors.
import {
  AddUserPoolClientSecretCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolClientSecretCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetUserPoolClientSessionConfigurationCommand,
  ListUserPoolClientSecretsCommand,
  SetUserPoolClientSessionConfigurationCommand,
  UpdateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMULATOR_REGION, startEmulator, type Emulator } from "../support/moto.js";

let emulator: Emulator;
let idp: CognitoIdentityProviderClient;

beforeAll(async () => {
  emulator = await startEmulator();
  idp = new CognitoIdentityProviderClient({
    region: EMULATOR_REGION,
    endpoint: emulator.url,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  });
}, 120_000);

afterAll(async () => {
  idp?.destroy();
  if (emulator) expect(await emulator.stop()).toBe(0);
});

async function pool(tier: "LITE" | "ESSENTIALS" | "PLUS" = "ESSENTIALS"): Promise<string> {
  const created = await idp.send(
    new CreateUserPoolCommand({ PoolName: `pool-${Math.random().toString(36).slice(2)}`, UserPoolTier: tier }),
  );
  return created.UserPool!.Id!;
}

async function appClient(userPoolId: string, generateSecret: boolean): Promise<string> {
  const created = await idp.send(
    new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: "app", GenerateSecret: generateSecret }),
  );
  return created.UserPoolClient!.ClientId!;
}

async function rejection(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { name: string; message: string };
  }
  throw new Error("the call succeeded");
}

describe("GetUserPoolClientSessionConfiguration / SetUserPoolClientSessionConfiguration", () => {
  it("a client never configured has the default 60 minutes; a set value is returned", async () => {
    const userPoolId = await pool();
    const clientId = await appClient(userPoolId, false);
    const before = await idp.send(
      new GetUserPoolClientSessionConfigurationCommand({ UserPoolId: userPoolId, ClientId: clientId }),
    );
    expect(before).toMatchObject({
      UserPoolId: userPoolId,
      ClientId: clientId,
      SSOSession: { MaxValidityMinutes: 60 },
    });
    const set = await idp.send(
      new SetUserPoolClientSessionConfigurationCommand({
        UserPoolId: userPoolId,
        ClientId: clientId,
        SSOSession: { MaxValidityMinutes: 0 },
      }),
    );
    expect(set.SSOSession).toEqual({ MaxValidityMinutes: 0 });
    const after = await idp.send(
      new GetUserPoolClientSessionConfigurationCommand({ UserPoolId: userPoolId, ClientId: clientId }),
    );
    expect(after.SSOSession).toEqual({ MaxValidityMinutes: 0 });
  });

  it("out of range, the Lite tier, an unknown client: the documented errors", async () => {
    const userPoolId = await pool();
    const clientId = await appClient(userPoolId, false);
    const set = (id: string, minutes: number, client = clientId) =>
      idp.send(
        new SetUserPoolClientSessionConfigurationCommand({
          UserPoolId: id,
          ClientId: client,
          SSOSession: { MaxValidityMinutes: minutes },
        }),
      );
    expect(await rejection(set(userPoolId, 129_601))).toMatchObject({
      name: "InvalidParameterException",
      message: expect.stringContaining("between 0 and 129600"),
    });
    const lite = await pool("LITE");
    expect((await rejection(set(lite, 15, await appClient(lite, false)))).name).toBe(
      "FeatureUnavailableInTierException",
    );
    expect((await rejection(set(userPoolId, 15, "doesnotexist"))).name).toBe("ResourceNotFoundException");
  });
});

describe("ListUserPoolClientSecrets / AddUserPoolClientSecret / DeleteUserPoolClientSecret", () => {
  it("a confidential client lists the secret it was created with, by id and date, never its value", async () => {
    const userPoolId = await pool();
    const before = Date.now();
    const clientId = await appClient(userPoolId, true);
    const listed = await idp.send(new ListUserPoolClientSecretsCommand({ UserPoolId: userPoolId, ClientId: clientId }));
    expect(listed.ClientSecrets).toHaveLength(1);
    const [secret] = listed.ClientSecrets!;
    expect(secret!.ClientSecretId).toMatch(new RegExp(`^${clientId}--\\d+$`));
    expect(secret!.ClientSecretCreateDate).toBeInstanceOf(Date);
    expect(secret!.ClientSecretCreateDate!.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(secret!.ClientSecretValue).toBeUndefined();
  });

  it("adds a second secret (its value only in the response), refuses a third, deletes the old one but never the last", async () => {
    const userPoolId = await pool();
    const clientId = await appClient(userPoolId, true);
    const added = await idp.send(new AddUserPoolClientSecretCommand({ UserPoolId: userPoolId, ClientId: clientId }));
    expect(added.ClientSecretDescriptor?.ClientSecretValue).toMatch(/^[\w+]{24,64}$/);
    const described = await idp.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId }));
    expect(described.UserPoolClient?.ClientSecret).toBe(added.ClientSecretDescriptor?.ClientSecretValue);
    const listed = await idp.send(new ListUserPoolClientSecretsCommand({ UserPoolId: userPoolId, ClientId: clientId }));
    expect(listed.ClientSecrets!.map((s) => s.ClientSecretValue)).toEqual([undefined, undefined]);
    expect(
      (await rejection(idp.send(new AddUserPoolClientSecretCommand({ UserPoolId: userPoolId, ClientId: clientId }))))
        .name,
    ).toBe("LimitExceededException");
    const [first, second] = listed.ClientSecrets!;
    await idp.send(
      new DeleteUserPoolClientSecretCommand({
        UserPoolId: userPoolId,
        ClientId: clientId,
        ClientSecretId: first!.ClientSecretId,
      }),
    );
    const left = await idp.send(new ListUserPoolClientSecretsCommand({ UserPoolId: userPoolId, ClientId: clientId }));
    expect(left.ClientSecrets!.map((s) => s.ClientSecretId)).toEqual([second!.ClientSecretId]);
    expect(
      (
        await rejection(
          idp.send(
            new DeleteUserPoolClientSecretCommand({
              UserPoolId: userPoolId,
              ClientId: clientId,
              ClientSecretId: second!.ClientSecretId,
            }),
          ),
        )
      ).name,
    ).toBe("InvalidParameterException");
  });

  it("a secret of your own is stored without being echoed; a public client has no secrets to add to", async () => {
    const userPoolId = await pool();
    const clientId = await appClient(userPoolId, true);
    const added = await idp.send(
      new AddUserPoolClientSecretCommand({ UserPoolId: userPoolId, ClientId: clientId, ClientSecret: "a".repeat(32) }),
    );
    expect(added.ClientSecretDescriptor?.ClientSecretValue).toBeUndefined();
    const publicClient = await appClient(userPoolId, false);
    const listed = await idp.send(
      new ListUserPoolClientSecretsCommand({ UserPoolId: userPoolId, ClientId: publicClient }),
    );
    expect(listed.ClientSecrets).toEqual([]);
    expect(
      (
        await rejection(
          idp.send(new AddUserPoolClientSecretCommand({ UserPoolId: userPoolId, ClientId: publicClient })),
        )
      ).name,
    ).toBe("InvalidParameterException");
  });
});

describe("DcrConfiguration on CreateUserPool / UpdateUserPool / DescribeUserPool", () => {
  it("is returned as given; a pool without one has none", async () => {
    const plain = await pool();
    expect(
      (await idp.send(new DescribeUserPoolCommand({ UserPoolId: plain }))).UserPool?.DcrConfiguration,
    ).toBeUndefined();
    const created = await idp.send(
      new CreateUserPoolCommand({
        PoolName: "open-dcr",
        UserPoolTier: "ESSENTIALS",
        DcrConfiguration: { EnableStatus: "Enabled", OpenDcrEnabled: true, OpenDcrGrantTypes: ["client_credentials"] },
      }),
    );
    const id = created.UserPool!.Id!;
    expect((await idp.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool?.DcrConfiguration).toEqual({
      EnableStatus: "Enabled",
      OpenDcrEnabled: true,
      OpenDcrGrantTypes: ["client_credentials"],
    });
    await idp.send(new UpdateUserPoolCommand({ UserPoolId: id, DcrConfiguration: { OpenDcrEnabled: false } }));
    expect((await idp.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool?.DcrConfiguration).toEqual({
      OpenDcrEnabled: false,
    });
  });

  it("a grant type outside the enum is InvalidParameterException", async () => {
    const error = await rejection(
      idp.send(
        new CreateUserPoolCommand({
          PoolName: "bad-dcr",
          DcrConfiguration: { OpenDcrGrantTypes: ["password" as "code"] },
        }),
      ),
    );
    expect(error).toMatchObject({
      name: "InvalidParameterException",
      message: expect.stringContaining("enum value set"),
    });
  });
});
