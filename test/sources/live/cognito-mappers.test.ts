// The live mappers on real API responses: pools and clients created in the moto emulator with the
// AWS SDK, read back with DescribeUserPool, GetUserPoolMfaConfig and DescribeUserPoolClient, and
// mapped to the model. Values the emulator cannot return (a member outside the API's enum) are
// written into a real response by the test, as it says.

import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetUserPoolClientSessionConfigurationCommand,
  GetUserPoolMfaConfigCommand,
  SetUserPoolMfaConfigCommand,
  ListUserPoolClientSecretsCommand,
  SetUserPoolClientSessionConfigurationCommand,
  type UserPoolType,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { known, unknown } from "../../../checks/model/index.js";
import { clientFromApi, userPoolFromApi } from "../../../checks/sources/live/cognito-mappers.js";
import { clientSecretsFromApi, ssoSessionFromApi } from "../../../checks/sources/live/client-sessions.js";
import { EMULATOR_REGION, startEmulator, type Emulator } from "../../support/moto.js";

let emulator: Emulator;
let idp: CognitoIdentityProviderClient;

beforeAll(async () => {
  emulator = await startEmulator();
  idp = new CognitoIdentityProviderClient({
    region: EMULATOR_REGION,
    endpoint: emulator.url,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
}, 120_000);

afterAll(async () => {
  idp?.destroy();
  await emulator?.stop();
});

async function readPool(input: ConstructorParameters<typeof CreateUserPoolCommand>[0]) {
  const created = await idp.send(new CreateUserPoolCommand(input));
  const id = created.UserPool!.Id!;
  const described = await idp.send(new DescribeUserPoolCommand({ UserPoolId: id }));
  const mfa = await idp.send(new GetUserPoolMfaConfigCommand({ UserPoolId: id }));
  return { id, pool: described.UserPool!, mfa };
}

describe("userPoolFromApi", () => {
  it("maps what the API returns for a configured pool", async () => {
    const { id, pool, mfa } = await readPool({
      PoolName: "pass_configured",
      Policies: { PasswordPolicy: { MinimumLength: 14, RequireSymbols: true, PasswordHistorySize: 5 } },
      DeletionProtection: "ACTIVE",
      UserPoolTier: "PLUS",
      UserPoolAddOns: { AdvancedSecurityMode: "ENFORCED" },
    });
    const model = userPoolFromApi(id, "pass_configured", EMULATOR_REGION, known(pool), known(mfa));
    expect(model.name).toEqual(known("pass_configured"));
    expect(model.passwordPolicy.minimumLength).toEqual(known(14));
    expect(model.passwordPolicy.requireSymbols).toEqual(known(true));
    expect(model.passwordPolicy.passwordHistorySize).toEqual(known(5));
    expect(model.deletionProtection).toEqual(known("ACTIVE"));
    expect(model.tier).toEqual(known("PLUS"));
    expect(model.advancedSecurityMode).toEqual(known("ENFORCED"));
    expect(model.mfaConfiguration).toEqual(known("OFF"));
  });

  it("a member outside the API's enum is UNKNOWN with the reason, not a value a rule would judge", async () => {
    const { id, pool, mfa } = await readPool({ PoolName: "unknown_tier" });
    // The emulator validates UserPoolTier on create, so the unexpected value is written into its response here.
    const odd: UserPoolType = { ...pool, UserPoolTier: "GOLD" as UserPoolType["UserPoolTier"] };
    const model = userPoolFromApi(id, "unknown_tier", EMULATOR_REGION, known(odd), known(mfa));
    expect(model.tier).toMatchObject({
      known: false,
      reason: expect.stringContaining('UserPoolTier has an unexpected value "GOLD"'),
    });
  });

  it("a failed DescribeUserPool leaves every pool field unknown with its reason; the MFA settings still come from their own read", async () => {
    const { id, mfa } = await readPool({ PoolName: "unknown_denied" });
    const denied = unknown("AccessDenied on DescribeUserPool");
    const model = userPoolFromApi(id, "unknown_denied", EMULATOR_REGION, denied, known(mfa));
    for (const value of [model.tier, model.deletionProtection, model.passwordPolicy.minimumLength, model.tags])
      expect(value).toEqual(denied);
    expect(model.mfaConfiguration).toEqual(known("OFF"));
  });
});

describe("userPoolFromApi: the sign-in model", () => {
  const LOCKOUT = "arn:aws:lambda:eu-west-1:123456789012:function:staff-lockout";
  const CLAIMS = "arn:aws:lambda:eu-west-1:123456789012:function:claims:live";

  it("maps first factors, passkeys, email MFA, device configuration and the trigger functions", async () => {
    const { id, pool } = await readPool({
      PoolName: "pass_sign_in",
      UserPoolTier: "ESSENTIALS",
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ["PASSWORD", "WEB_AUTHN"] } },
      DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true },
      LambdaConfig: {
        PreAuthentication: LOCKOUT,
        PreTokenGenerationConfig: { LambdaArn: CLAIMS, LambdaVersion: "V2_0" },
      },
    });
    await idp.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: id,
        MfaConfiguration: "ON",
        SoftwareTokenMfaConfiguration: { Enabled: true },
        EmailMfaConfiguration: { Message: "Your code is {####}", Subject: "Code" },
        WebAuthnConfiguration: {
          RelyingPartyId: "auth.shop.example",
          UserVerification: "required",
          FactorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION",
        },
      }),
    );
    const mfa = await idp.send(new GetUserPoolMfaConfigCommand({ UserPoolId: id }));
    const model = userPoolFromApi(id, "pass_sign_in", EMULATOR_REGION, known(pool), known(mfa));
    expect(model.firstAuthFactors).toEqual(known(["PASSWORD", "WEB_AUTHN"]));
    expect(model.passkeyUserVerification).toEqual(known("required"));
    expect(model.passkeyRelyingPartyId).toEqual(known("auth.shop.example"));
    expect(model.passkeyFactorConfiguration).toEqual(known("MULTI_FACTOR_WITH_USER_VERIFICATION"));
    expect(model.emailMfaConfigured).toEqual(known(true));
    expect(model.deviceChallengeRequiredOnNewDevice).toEqual(known(true));
    expect(model.deviceOnlyRememberedOnUserPrompt).toEqual(known(true));
    expect(model.preTokenGenerationVersion).toEqual(known("V2_0"));
    expect(model.preAuthenticationTrigger).toMatchObject({
      known: true,
      value: { arn: LOCKOUT, functionName: known("staff-lockout") },
    });
    // A qualified ARN names the function without its alias.
    expect(model.preTokenGenerationTrigger).toMatchObject({
      known: true,
      value: { arn: CLAIMS, functionName: known("claims") },
    });
  });

  it("a pool created with nothing of it: PASSWORD only, passkey settings not shown (so unknown), no device tracking", async () => {
    const { id, pool, mfa } = await readPool({ PoolName: "default_sign_in" });
    const model = userPoolFromApi(id, "default_sign_in", EMULATOR_REGION, known(pool), known(mfa));
    expect(model.firstAuthFactors).toEqual(known(["PASSWORD"]));
    // GetUserPoolMfaConfig shows no WebAuthnConfiguration until passkeys are set (test/moto/ext_signin.py):
    // what is not shown is not assumed.
    expect(mfa.WebAuthnConfiguration).toBeUndefined();
    expect(model.passkeyUserVerification).toEqual(
      unknown("the API response has no WebAuthnConfiguration.UserVerification"),
    );
    expect(model.passkeyFactorConfiguration).toEqual(known("SINGLE_FACTOR", "default"));
    expect(model.deviceChallengeRequiredOnNewDevice).toEqual(known(false, "default"));
    expect(model.preTokenGenerationVersion).toEqual(known(null, "default"));
    expect(model.preAuthenticationTrigger).toEqual(known(null));
  });

  it("a response without a member the API always returns is a failed read, never the default", async () => {
    const { id, pool, mfa } = await readPool({ PoolName: "unknown_members" });
    // The emulator always returns these members, so the test removes them from its real responses.
    const { SignInPolicy: _, ...policies } = pool.Policies ?? {};
    const { UserPoolTier: __, ...withoutTier } = pool;
    const { WebAuthnConfiguration: ___, ...mfaWithoutPasskeys } = mfa;
    const model = userPoolFromApi(
      id,
      "unknown_members",
      EMULATOR_REGION,
      known({ ...withoutTier, Policies: policies }),
      known(mfaWithoutPasskeys),
    );
    expect(model.firstAuthFactors).toEqual(
      unknown("the API response has no Policies.SignInPolicy.AllowedFirstAuthFactors"),
    );
    expect(model.tier).toEqual(unknown("the API response has no UserPoolTier"));
    expect(model.passkeyUserVerification).toEqual(
      unknown("the API response has no WebAuthnConfiguration.UserVerification"),
    );
  });

  it("a failed GetUserPoolMfaConfig leaves the passkey settings unknown with its reason", async () => {
    const { id, pool } = await readPool({ PoolName: "unknown_mfa_denied" });
    const denied = unknown("AccessDenied on GetUserPoolMfaConfig");
    const model = userPoolFromApi(id, "unknown_mfa_denied", EMULATOR_REGION, known(pool), denied);
    for (const value of [model.passkeyUserVerification, model.passkeyFactorConfiguration, model.emailMfaConfigured])
      expect(value).toEqual(denied);
  });
});

describe("clientFromApi", () => {
  it("maps a client and takes the API's defaults for what it leaves out", async () => {
    const { id, pool, mfa } = await readPool({ PoolName: "pool_of_clients" });
    const created = await idp.send(
      new CreateUserPoolClientCommand({
        UserPoolId: id,
        ClientName: "pass_client",
        AccessTokenValidity: 15,
        TokenValidityUnits: { AccessToken: "minutes" },
        ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        PreventUserExistenceErrors: "ENABLED",
      }),
    );
    const clientId = created.UserPoolClient!.ClientId!;
    const detail = await idp.send(new DescribeUserPoolClientCommand({ UserPoolId: id, ClientId: clientId }));
    const owner = userPoolFromApi(id, "pool_of_clients", EMULATOR_REGION, known(pool), known(mfa));
    const sessions = { ssoSessionMaxValidityMinutes: known(60), clientSecrets: known([]) };
    const model = clientFromApi(owner, clientId, "pass_client", known(detail.UserPoolClient!), sessions);
    expect(model.accessTokenValidity).toMatchObject({ known: true, value: { seconds: 900 } });
    expect(model.explicitAuthFlows).toEqual(known(["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]));
    expect(model.preventUserExistenceErrors).toEqual(known("ENABLED"));
    expect(model.userPool).toBe(owner);
    // Left out of the request: the documented defaults, marked as defaults when the API omits them.
    expect(model.readAttributes).toMatchObject({ known: true });
    expect(model.authSessionValidityMinutes).toMatchObject({ known: true, value: 3 });
  });
});

describe("the live-only client and pool settings", () => {
  it("DcrConfiguration: absent is null; given, its members with the reference's defaults (Enabled, code only)", async () => {
    const none = await readPool({ PoolName: "pool_without_dcr" });
    expect(userPoolFromApi(none.id, "p", EMULATOR_REGION, known(none.pool), known(none.mfa)).dcrConfiguration).toEqual(
      known(null, "default"),
    );
    const open = await readPool({ PoolName: "pool_with_dcr", DcrConfiguration: { OpenDcrEnabled: true } });
    expect(userPoolFromApi(open.id, "p", EMULATOR_REGION, known(open.pool), known(open.mfa)).dcrConfiguration).toEqual(
      known({ enabled: true, openEnabled: true, openGrantTypes: ["code"] }),
    );
  });

  it("SSOSession.MaxValidityMinutes and the secrets' create dates, from real responses; a secret without a date is unknown", async () => {
    const { id } = await readPool({ PoolName: "pool_of_m2m", UserPoolTier: "ESSENTIALS" });
    const created = await idp.send(
      new CreateUserPoolClientCommand({ UserPoolId: id, ClientName: "m2m", GenerateSecret: true }),
    );
    const clientId = created.UserPoolClient!.ClientId!;
    await idp.send(
      new SetUserPoolClientSessionConfigurationCommand({
        UserPoolId: id,
        ClientId: clientId,
        SSOSession: { MaxValidityMinutes: 10 },
      }),
    );
    const session = await idp.send(
      new GetUserPoolClientSessionConfigurationCommand({ UserPoolId: id, ClientId: clientId }),
    );
    expect(ssoSessionFromApi(known(session))).toEqual(known(10));
    const secrets = await idp.send(new ListUserPoolClientSecretsCommand({ UserPoolId: id, ClientId: clientId }));
    const model = clientSecretsFromApi(known(secrets.ClientSecrets!));
    expect(model).toMatchObject({ known: true, value: [{ id: expect.stringMatching(/--\d+$/) }] });
    expect(model.known && Date.parse(model.value[0]!.createdAt)).toBeGreaterThan(0);
    // The emulator always returns the date, so its absence is written into a real response here.
    const dateless = secrets.ClientSecrets!.map(({ ClientSecretCreateDate: _, ...rest }) => rest);
    expect(clientSecretsFromApi(known(dateless))).toMatchObject({
      known: false,
      reason: expect.stringContaining("no ClientSecretCreateDate"),
    });
    expect(clientSecretsFromApi(null)).toEqual(known([]));
  });
});
