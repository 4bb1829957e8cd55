// The emulator's API Gateway v2 additions (test/moto/ext_http.py), through the AWS SDK as the scanner
// calls them: GetAuthorizers lists what CreateAuthorizer made, with the JWT configuration, and an
// unknown API is NotFoundException.
import {
  ApiGatewayV2Client,
  CreateApiCommand,
  CreateAuthorizerCommand,
  GetAuthorizersCommand,
} from "@aws-sdk/client-apigatewayv2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMULATOR_CREDENTIALS, EMULATOR_REGION, startEmulator, type Emulator } from "../support/moto.js";

let emulator: Emulator;
let client: ApiGatewayV2Client;

beforeAll(async () => {
  emulator = await startEmulator();
  client = new ApiGatewayV2Client({
    region: EMULATOR_REGION,
    endpoint: emulator.url,
    credentials: {
      accessKeyId: EMULATOR_CREDENTIALS.AWS_ACCESS_KEY_ID,
      secretAccessKey: EMULATOR_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
    },
  });
});

afterAll(async () => {
  client?.destroy();
  if (emulator) expect(await emulator.stop()).toBe(0);
});

describe("apigatewayv2 GetAuthorizers", () => {
  it("lists every authorizer of the API with its JWT configuration", async () => {
    const api = await client.send(new CreateApiCommand({ Name: "shop-http", ProtocolType: "HTTP" }));
    const issuer = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc123";
    // One after the other: the listing is in creation order, which concurrent creates leave to chance.
    const created = [];
    for (const name of ["customers", "staff"])
      created.push(
        await client.send(
          new CreateAuthorizerCommand({
            ApiId: api.ApiId,
            Name: name,
            AuthorizerType: "JWT",
            IdentitySource: ["$request.header.Authorization"],
            JwtConfiguration: { Issuer: issuer, Audience: [`${name}-client`] },
          }),
        ),
      );
    const listed = await client.send(new GetAuthorizersCommand({ ApiId: api.ApiId }));
    expect(listed.NextToken).toBeUndefined();
    expect(
      (listed.Items ?? []).map((a) => ({
        id: a.AuthorizerId,
        name: a.Name,
        type: a.AuthorizerType,
        jwt: a.JwtConfiguration,
      })),
    ).toEqual(
      created.map((a, i) => ({
        id: a.AuthorizerId,
        name: ["customers", "staff"][i],
        type: "JWT",
        jwt: { Issuer: issuer, Audience: [`${["customers", "staff"][i]}-client`] },
      })),
    );
  });

  it("answers NotFoundException for an API that does not exist", async () => {
    await expect(client.send(new GetAuthorizersCommand({ ApiId: "doesnotexist" }))).rejects.toMatchObject({
      name: "NotFoundException",
    });
  });
});
