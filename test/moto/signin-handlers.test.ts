// The emulator's sign-in and MFA handlers (test/moto/ext_signin.py), over the wire: what
// GetUserPoolMfaConfig and DescribeUserPool return as the Cognito API reference describes them,
// request validation, and the tier a setting needs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsJson, startEmulator, type Emulator } from "../support/moto.js";

let emulator: Emulator;
const idp = (op: string, input: unknown) => awsJson(emulator.url, "cognito-idp", op, input);

async function newUserPool(extra: Record<string, unknown> = {}): Promise<string> {
  const res = await idp("CreateUserPool", { PoolName: `pool-${Math.random().toString(36).slice(2)}`, ...extra });
  expect(res.status).toBe(200);
  return String((res.body.UserPool as Record<string, unknown>).Id);
}

async function describePool(id: string): Promise<Record<string, unknown>> {
  const res = await idp("DescribeUserPool", { UserPoolId: id });
  expect(res.status).toBe(200);
  return res.body.UserPool as Record<string, unknown>;
}

beforeAll(async () => {
  emulator = await startEmulator();
});

afterAll(async () => {
  if (emulator) expect(await emulator.stop()).toBe(0);
});

describe("GetUserPoolMfaConfig", () => {
  it("returns no passkey settings for a pool that never set them, and user verification preferred until given", async () => {
    const id = await newUserPool();
    const res = await idp("GetUserPoolMfaConfig", { UserPoolId: id });
    expect(res.status).toBe(200);
    // A returned WebAuthnConfiguration lands in terraform state as a block: a pool applied without one would never plan empty.
    expect(res.body).toEqual({ MfaConfiguration: "OFF" });
    await idp("SetUserPoolMfaConfig", {
      UserPoolId: id,
      WebAuthnConfiguration: { RelyingPartyId: "auth.shop.example" },
    });
    expect((await idp("GetUserPoolMfaConfig", { UserPoolId: id })).body).toEqual({
      MfaConfiguration: "OFF",
      WebAuthnConfiguration: { RelyingPartyId: "auth.shop.example", UserVerification: "preferred" },
    });
  });

  it("keeps what SetUserPoolMfaConfig set: email MFA, passkeys with their factor configuration, TOTP", async () => {
    const id = await newUserPool();
    const set = {
      UserPoolId: id,
      MfaConfiguration: "ON",
      SoftwareTokenMfaConfiguration: { Enabled: true },
      EmailMfaConfiguration: { Message: "Your code is {####}", Subject: "Sign-in code" },
      WebAuthnConfiguration: {
        RelyingPartyId: "auth.shop.example",
        UserVerification: "required",
        FactorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION",
      },
    };
    const answer = await idp("SetUserPoolMfaConfig", set);
    expect(answer.status).toBe(200);
    const { UserPoolId: _, ...expected } = set;
    expect(answer.body).toEqual(expected);
    expect((await idp("GetUserPoolMfaConfig", { UserPoolId: id })).body).toEqual(expected);
  });

  it("each SetUserPoolMfaConfig replaces the settings: passkeys left out are no longer returned", async () => {
    const id = await newUserPool();
    await idp("SetUserPoolMfaConfig", { UserPoolId: id, WebAuthnConfiguration: { UserVerification: "required" } });
    await idp("SetUserPoolMfaConfig", { UserPoolId: id, MfaConfiguration: "OFF" });
    expect((await idp("GetUserPoolMfaConfig", { UserPoolId: id })).body).toEqual({ MfaConfiguration: "OFF" });
  });

  it("refuses MFA ON without a factor, a value outside the enum, and passkeys on the Lite tier", async () => {
    const id = await newUserPool();
    const noFactor = await idp("SetUserPoolMfaConfig", { UserPoolId: id, MfaConfiguration: "ON" });
    expect(noFactor.status).toBe(400);
    expect(noFactor.body.__type).toBe("InvalidParameterException");
    const badEnum = await idp("SetUserPoolMfaConfig", {
      UserPoolId: id,
      WebAuthnConfiguration: { UserVerification: "sometimes" },
    });
    expect(badEnum.status).toBe(400);
    expect(String(badEnum.body.message)).toMatch(/userVerification/i);
    const lite = await newUserPool({ UserPoolTier: "LITE" });
    const onLite = await idp("SetUserPoolMfaConfig", {
      UserPoolId: lite,
      WebAuthnConfiguration: { UserVerification: "required" },
    });
    expect(onLite.status).toBe(400);
    expect(onLite.body.__type).toBe("FeatureUnavailableInTierException");
  });
});

describe("DescribeUserPool", () => {
  it("says a pool created without a sign-in policy allows PASSWORD only", async () => {
    const pool = await describePool(await newUserPool());
    expect((pool.Policies as Record<string, unknown>).SignInPolicy).toEqual({ AllowedFirstAuthFactors: ["PASSWORD"] });
  });

  it("echoes the sign-in policy, the device configuration and a versioned pre token generation trigger", async () => {
    const arn = "arn:aws:lambda:eu-west-1:123456789012:function:claims";
    const pool = await describePool(
      await newUserPool({
        Policies: { SignInPolicy: { AllowedFirstAuthFactors: ["PASSWORD", "WEB_AUTHN"] } },
        DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true },
        LambdaConfig: { PreTokenGenerationConfig: { LambdaArn: arn, LambdaVersion: "V2_0" } },
      }),
    );
    expect((pool.Policies as Record<string, unknown>).SignInPolicy).toEqual({
      AllowedFirstAuthFactors: ["PASSWORD", "WEB_AUTHN"],
    });
    expect(pool.DeviceConfiguration).toEqual({
      ChallengeRequiredOnNewDevice: true,
      DeviceOnlyRememberedOnUserPrompt: true,
    });
    expect(pool.LambdaConfig).toEqual({
      PreTokenGeneration: arn,
      PreTokenGenerationConfig: { LambdaArn: arn, LambdaVersion: "V2_0" },
    });
  });
});
