// `scan --all-regions` and links across Regions, against the emulator. The Region list is AWS's SSM
// public parameters under /aws/service/global-infrastructure/services/cognito-idp/regions, which moto
// serves from its own copy of them, ten to a page; a list that cannot be read is exit 2, never a
// scan of one Region. An identity pool in eu-west-1 whose provider is a user pool in us-east-1 is
// linked to it when both Regions are scanned, and its inherited audience is unknown, with the
// reason, when us-east-1 was not read. A policy lets consumer identity pools take guests, so the
// guest-access verdict shows the link: PASS linked to the consumer pool, UNKNOWN without it (and
// FAIL, as a workforce pool, had it been left unlinked).

import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { CognitoIdentityClient, CreateIdentityPoolCommand } from "@aws-sdk/client-cognito-identity";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../../checks/engine/report.js";
import { COGNITO_REGIONS_PATH, cognitoRegions } from "../../../checks/sources/live/cognito-regions.js";
import { EMULATOR_CREDENTIALS, startEmulator, type Emulator } from "../../support/moto.js";
import { runCli } from "../../support/run-cli.js";

const CREDENTIALS = { accessKeyId: "test", secretAccessKey: "test" };
const POOL_REGION = "us-east-1";
const IDENTITY_REGION = "eu-west-1";

const policy = join(mkdtempSync(join(tmpdir(), "authwarden-regions-")), "policy.yaml");
writeFileSync(
  policy,
  "extends: pci-dss-4.0.1\nrules:\n  identity-pool-guest-access:\n    audienceOptions:\n      consumer:\n        allowGuestAccess: true\n",
);

let emulator: Emulator;
let customerPoolId: string;
const savedEnv = { ...process.env };

beforeAll(async () => {
  Object.assign(process.env, EMULATOR_CREDENTIALS);
  emulator = await startEmulator();
  const east = new CognitoIdentityProviderClient({
    region: POOL_REGION,
    endpoint: emulator.url,
    credentials: CREDENTIALS,
  });
  const pool = await east.send(
    new CreateUserPoolCommand({ PoolName: "customers", UserPoolTags: { "pci:audience": "consumer" } }),
  );
  customerPoolId = pool.UserPool!.Id!;
  const client = await east.send(new CreateUserPoolClientCommand({ UserPoolId: customerPoolId, ClientName: "web" }));
  east.destroy();
  const west = new CognitoIdentityProviderClient({
    region: IDENTITY_REGION,
    endpoint: emulator.url,
    credentials: CREDENTIALS,
  });
  await west.send(new CreateUserPoolCommand({ PoolName: "staff" }));
  west.destroy();
  const identity = new CognitoIdentityClient({
    region: IDENTITY_REGION,
    endpoint: emulator.url,
    credentials: CREDENTIALS,
  });
  await identity.send(
    new CreateIdentityPoolCommand({
      IdentityPoolName: "shoppers",
      AllowUnauthenticatedIdentities: true,
      AllowClassicFlow: false,
      CognitoIdentityProviders: [
        {
          ProviderName: `cognito-idp.${POOL_REGION}.amazonaws.com/${customerPoolId}`,
          ClientId: client.UserPoolClient!.ClientId!,
          ServerSideTokenCheck: true,
        },
      ],
    }),
  );
  identity.destroy();
}, 120_000);

afterAll(async () => {
  await emulator?.stop();
  process.env = savedEnv;
});

async function scanJson(...flags: string[]): Promise<Report> {
  const run = await runCli([
    "scan",
    ...flags,
    "--endpoint-url",
    emulator.url,
    "--policy",
    policy,
    "--quiet",
    "--format",
    "json",
  ]);
  expect(run.stderr).toBe("");
  expect([0, 1]).toContain(run.code);
  return JSON.parse(run.stdout) as Report;
}

const identityPoolResults = (report: Report) => report.results.filter((r) => r.resource.kind === "IdentityPool");
const guestAccess = (report: Report) => report.results.filter((r) => r.ruleId === "identity-pool-guest-access");

describe("the Regions of Amazon Cognito", () => {
  it("are read from the SSM public parameters, every page", async () => {
    const pages: string[] = [];
    const regions = await cognitoRegions({
      region: IDENTITY_REGION,
      endpointUrl: emulator.url,
      hook: (client) =>
        client.middlewareStack.add(
          ((next: (a: unknown) => unknown) => (args: { input: { Path?: string } }) => {
            pages.push(args.input.Path ?? "");
            return next(args);
          }) as never,
          { step: "initialize", name: "recordPages" } as never,
        ),
    });
    // moto answers ten parameters a page: more than one page proves NextToken is followed.
    expect(pages.length).toBeGreaterThan(1);
    expect(new Set(pages)).toEqual(new Set([COGNITO_REGIONS_PATH]));
    expect(regions.length).toBeGreaterThan(10 * (pages.length - 1));
    expect(regions).toEqual([...regions].sort());
    expect(regions).toEqual(expect.arrayContaining([IDENTITY_REGION, POOL_REGION]));
    for (const region of regions) expect(region).toMatch(/^[a-z]{2,4}(-[a-z]+)+-\d$/);
  });

  it("scan --all-regions scans each of them and finds the pools of both Regions", async () => {
    const regions = await cognitoRegions({ region: IDENTITY_REGION, endpointUrl: emulator.url });
    const report = await scanJson("--all-regions");
    expect(report.scan!.regions).toEqual(regions);
    expect(report.scan!.accounts[0]!.regions.map((r) => r.name)).toEqual(regions);
    const pools = report.results.filter((r) => r.ruleId === "password-min-length").map((r) => r.resource.region);
    expect(pools.sort()).toEqual([POOL_REGION, IDENTITY_REGION].sort());
    // The identity pool's provider is in another Region, scanned too: linked.
    for (const result of identityPoolResults(report))
      expect(result.audience).toMatchObject({ audience: "consumer", via: "linked" });
  }, 240_000);

  it("--all-regions with --region is bad usage: exit 2, one line, nothing written", async () => {
    const run = await runCli(["scan", "--all-regions", "--region", IDENTITY_REGION, "--endpoint-url", emulator.url]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^authwarden: --all-regions and --region: give one of them\n$/);
  });

  it("a Region list that cannot be read is exit 2, one line, never a scan of one Region", async () => {
    // A closed port: the list read fails as an unreachable endpoint does (no emulator fault needed).
    const run = await runCli([
      "scan",
      "--all-regions",
      "--endpoint-url",
      "http://127.0.0.1:9",
      "--request-timeout",
      "2000",
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(run.stderr).toContain(
      `--all-regions: the Regions of Amazon Cognito (${COGNITO_REGIONS_PATH}) could not be read`,
    );
  }, 60_000);
});

describe("an identity pool whose provider is a user pool of another Region", () => {
  it("is linked to it when both Regions are scanned: it inherits the pool's audience", async () => {
    const report = await scanJson("--region", IDENTITY_REGION, "--region", POOL_REGION);
    const results = identityPoolResults(report);
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(result.resource.region).toBe(IDENTITY_REGION);
      expect(result.audience).toMatchObject({ audience: "consumer", via: "linked" });
    }
    expect(guestAccess(report).map((r) => [r.status, r.message])).toEqual([
      ["PASS", expect.stringContaining("allows guests but binds no unauthenticated role")],
    ]);
  }, 120_000);

  it("has an unknown audience, with the reason, when the other Region was not read", async () => {
    const report = await scanJson("--region", IDENTITY_REGION);
    const results = identityPoolResults(report);
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(result.audience.via).toBe("unknown");
    const reason = `its provider, user pool ${customerPoolId}, is in ${POOL_REGION}, which this scan did not read`;
    expect(guestAccess(report).map((r) => [r.status, r.message])).toEqual([
      ["UNKNOWN", expect.stringContaining(reason)],
    ]);
  }, 120_000);
});
