import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { TerraformVariable } from "cdktf";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../checks/errors.js";
import { loadSynth } from "../../../checks/sources/synth/loader.js";
import { attachRoles, client, consumerPool, identityPool, role, userPool } from "../../harness/cognito-fixtures.js";
import { estateOf, synthFixture } from "../../harness/synth-fixture.js";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "authwarden-synth-"));
}

describe("synth loader: unreadable input", () => {
  it("names a missing directory", () => {
    expect(() => loadSynth("/nonexistent/cdktf.out")).toThrow(/^\/nonexistent\/cdktf\.out: does not exist/);
  });

  it("names the missing manifest.json", () => {
    const dir = tempDir();
    expect(() => loadSynth(dir)).toThrow(
      new RegExp(`^${join(dir, "manifest.json")}: does not exist: .* is not a cdktf synth output directory`),
    );
  });

  it("names a truncated cdk.tf.json and says it is truncated", () => {
    const dir = synthFixture((s) => userPool(s, "pool"));
    const file = join(dir, "stacks", "fixture", "cdk.tf.json");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
    const error = catchError(() => loadSynth(dir));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).file).toBe(file);
    expect(error.message).toMatch(/is not valid JSON \(truncated/);
    expect(error.message.split("\n")).toHaveLength(1);
  });

  it("names a binary stack file", () => {
    const dir = synthFixture((s) => userPool(s, "pool"));
    const file = join(dir, "stacks", "fixture", "cdk.tf.json");
    writeFileSync(file, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]));
    expect(() => loadSynth(dir)).toThrow(`${file}: is a binary file, not JSON`);
  });

  it("refuses a manifest whose stack path leaves the directory", () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "manifest.json"),
      JSON.stringify({ stacks: { evil: { synthesizedStackPath: "../../etc/passwd.json" } } }),
    );
    expect(() => loadSynth(dir)).toThrow(/points outside/);
  });

  it("names an unknown --stack", () => {
    const dir = synthFixture((s) => userPool(s, "pool"));
    expect(() => loadSynth(dir, { stacks: ["nope"] })).toThrow(/has no stack named "nope" \(stacks: fixture\)/);
  });
});

describe("synth loader: the model", () => {
  it("fills Cognito defaults and marks them as defaults", () => {
    const estate = estateOf((s) => client(s, "web", userPool(s, "pool")));
    const pool = estate.userPools[0]!;
    expect(pool.mfaConfiguration).toEqual({ known: true, value: "OFF", origin: "default" });
    expect(pool.passwordPolicy.minimumLength).toEqual({ known: true, value: 8, origin: "default" });
    expect(pool.deletionProtection).toMatchObject({ value: "INACTIVE", origin: "default" });
    const webClient = estate.userPoolClients[0]!;
    expect(webClient.userPool).toBe(pool);
    expect(webClient.refreshTokenValidity).toMatchObject({ value: { seconds: 30 * 86400 }, origin: "default" });
    expect(webClient.enableTokenRevocation).toMatchObject({ value: true, origin: "default" });
    expect(webClient.preventUserExistenceErrors).toMatchObject({ value: "LEGACY", origin: "default" });
  });

  it("converts token validity with the default units: hours for access and ID tokens, days for refresh", () => {
    const estate = estateOf((s) =>
      client(s, "web", userPool(s, "pool"), { accessTokenValidity: 12, idTokenValidity: 1, refreshTokenValidity: 2 }),
    );
    const webClient = estate.userPoolClients[0]!;
    expect(webClient.accessTokenValidity).toMatchObject({
      value: { seconds: 12 * 3600, unit: "hours", unitDefaulted: true },
    });
    expect(webClient.idTokenValidity).toMatchObject({ value: { seconds: 3600, unit: "hours" } });
    expect(webClient.refreshTokenValidity).toMatchObject({ value: { seconds: 2 * 86400, unit: "days" } });
  });

  it("marks variables as unknown with the reason, never as a default", () => {
    const estate = estateOf((s) => {
      const mfa = new TerraformVariable(s, "mfa", { type: "string" });
      userPool(s, "pool", { mfaConfiguration: mfa.stringValue });
    });
    const mfa = estate.userPools[0]!.mfaConfiguration;
    expect(mfa.known).toBe(false);
    expect(!mfa.known && mfa.reason).toMatch(/mfa_configuration is set from var\.mfa/);
  });

  it("records provenance: stack, address, construct path, input file", () => {
    const estate = estateOf((s) => userPool(s, "pool"));
    expect(estate.userPools[0]!.provenance).toMatchObject({
      source: "synth",
      stack: "fixture",
      address: "aws_cognito_user_pool.pool",
      constructPath: "fixture/pool",
    });
    expect(estate.inputs.map((i) => i.kind)).toEqual(["cdktf-manifest", "cdk.tf.json"]);
    expect(estate.inputs[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("resolves identity pool -> roles attachment -> role -> policies, including data-source documents", () => {
    const estate = estateOf((s) => {
      const pool = identityPool(s, "identities");
      const trust = new DataAwsIamPolicyDocument(s, "trust", {
        statement: [
          {
            actions: ["sts:AssumeRoleWithWebIdentity"],
            principals: [{ type: "Federated", identifiers: ["cognito-identity.amazonaws.com"] }],
          },
        ],
      });
      attachRoles(s, pool, {
        authenticated: role(s, {
          name: "auth",
          trustPolicy: trust.json,
          policies: [JSON.stringify({ Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: "*" }] })],
        }),
      });
    });
    const identities = estate.identityPools.find((p) => p.name.known && p.name.value === "identities")!;
    expect(identities.providers).toMatchObject({
      known: true,
      value: [{ userPool: { kind: "UserPool" }, client: { kind: "UserPoolClient" } }],
    });
    const roles = identities.roles.known ? identities.roles.value : undefined;
    const auth = roles?.authenticated?.role;
    expect(auth?.name).toMatchObject({ value: "auth" });
    expect(auth?.trustPolicy).toMatchObject({
      known: true,
      value: { statements: [{ effect: "Allow", actions: ["sts:AssumeRoleWithWebIdentity"] }] },
    });
    expect(auth?.policies).toMatchObject({
      known: true,
      value: [{ kind: "inline", document: { known: true, value: { statements: [{ actions: ["s3:GetObject"] }] } } }],
    });
  });

  it("reads a consumer tag on the pool", () => {
    const estate = estateOf((s) => consumerPool(s, "shoppers"));
    expect(estate.userPools[0]!.tags).toMatchObject({ value: { "pci:audience": "consumer" } });
  });

  it("reads every stack of a multi-stack manifest and keeps keys apart", () => {
    const dir = synthFixture((s) => userPool(s, "pool"), "one");
    const other = synthFixture((s) => userPool(s, "pool"), "two");
    mkdirSync(join(dir, "stacks", "two"), { recursive: true });
    writeFileSync(join(dir, "stacks", "two", "cdk.tf.json"), readFileSync(join(other, "stacks", "two", "cdk.tf.json")));
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as {
      stacks: Record<string, unknown>;
    };
    manifest.stacks.two = {
      ...(manifest.stacks.one as object),
      name: "two",
      synthesizedStackPath: "stacks/two/cdk.tf.json",
    };
    writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest));
    const estate = loadSynth(dir);
    expect(estate.userPools.map((p) => p.key).sort()).toEqual([
      "one/aws_cognito_user_pool.pool",
      "two/aws_cognito_user_pool.pool",
    ]);
  });
});

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}

describe("synth loader: where each resource is in cdk.tf.json", () => {
  it("records the line of each resource block, for locations when no TypeScript line is known", () => {
    const dir = synthFixture((s) => {
      const pool = userPool(s, "pool", { mfaConfiguration: "ON" });
      client(s, "web", pool, { callbackUrls: ["https://shop.example/${weird}{["] });
      userPool(s, "second");
    });
    const estate = loadSynth(dir);
    const file = join(dir, "stacks", "fixture", "cdk.tf.json");
    const lines = readFileSync(file, "utf8").split("\n");
    const objects = [...estate.userPools, ...estate.userPoolClients];
    expect(objects).toHaveLength(3);
    for (const object of objects) {
      const { inputLine, address } = object.provenance;
      const name = address!.split(".").pop()!;
      expect(lines[inputLine! - 1], address).toMatch(new RegExp(`^\\s*"${name}": \\{`));
    }
  });
});
