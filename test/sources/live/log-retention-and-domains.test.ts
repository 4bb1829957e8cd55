// The live reads behind auth-log-retention (GetLogDeliveryConfiguration, then DescribeLogGroups for
// each log group destination and GetBucketLifecycleConfiguration for each bucket destination) and custom-domain-tls-policy (DescribeUserPoolDomain for each custom
// domain; its verdicts are in test/rules/custom-domain-tls-policy.test.ts), against the emulator: pools, log groups,
// buckets with their lifecycles and domains are created through the AWS APIs, then scanned. Faults the emulator cannot produce (AccessDenied) are injected with an SDK middleware.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  DescribeLogGroupsCommand,
  PutRetentionPolicyCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  SetLogDeliveryConfigurationCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { CreateBucketCommand, PutBucketLifecycleConfigurationCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Rule } from "../../../checks/engine/rule.js";
import type { Estate } from "../../../checks/model/index.js";
import authLogRetention from "../../../checks/rules/auth-log-retention.js";
import { sdkClientFactory, type ClientHook } from "../../../checks/sources/live/clients.js";
import { scanAccount } from "../../../checks/sources/live/loader.js";
import { evaluateRule } from "../../harness/rule-tester.js";
import { EMULATOR_CREDENTIALS, EMULATOR_REGION, startEmulator, type Emulator } from "../../support/moto.js";

let emulator: Emulator;
const savedEnv = { ...process.env };
const CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-0000-4000-8000-000000000001";

async function seed(url: string): Promise<void> {
  const config = {
    region: EMULATOR_REGION,
    endpoint: url,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  };
  const idp = new CognitoIdentityProviderClient(config);
  const logs = new CloudWatchLogsClient(config);
  const pool = async (name: string) =>
    (await idp.send(new CreateUserPoolCommand({ PoolName: name, UserPoolTier: "PLUS" }))).UserPool!.Id!;
  const group = async (name: string, days?: number) => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: name }));
    if (days !== undefined)
      await logs.send(new PutRetentionPolicyCommand({ logGroupName: name, retentionInDays: days }));
    const listed = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: name }));
    return listed.logGroups!.find((g) => g.logGroupName === name)!.logGroupArn!;
  };
  const deliver = async (poolId: string, logGroupArn: string) =>
    idp.send(
      new SetLogDeliveryConfigurationCommand({
        UserPoolId: poolId,
        LogConfigurations: [
          {
            EventSource: "userAuthEvents",
            LogLevel: "INFO",
            CloudWatchLogsConfiguration: { LogGroupArn: logGroupArn },
          },
        ],
      }),
    );
  await deliver(await pool("pass_retention_400"), await group("/cognito/pass_retention_400", 400));
  await deliver(await pool("pass_never_expires"), await group("/cognito/pass_never_expires"));
  await deliver(await pool("fail_retention_30"), await group("/cognito/fail_retention_30", 30));
  // Two pools sharing one log group: it is read once.
  const shared = await group("/cognito/shared", 731);
  await deliver(await pool("pass_shared_a"), shared);
  await deliver(await pool("pass_shared_b"), shared);
  // A group that shares the prefix of another is not taken for it.
  await group("/cognito/missing-but-prefixed", 400);
  await deliver(
    await pool("unknown_missing_group"),
    `arn:aws:logs:${EMULATOR_REGION}:123456789012:log-group:/cognito/missing`,
  );
  await deliver(
    await pool("unknown_other_account"),
    `arn:aws:logs:${EMULATOR_REGION}:999999999999:log-group:/cognito/x`,
  );
  await pool("na_no_delivery");
  const deliverTo = async (poolId: string, destination: Record<string, unknown>) =>
    idp.send(
      new SetLogDeliveryConfigurationCommand({
        UserPoolId: poolId,
        LogConfigurations: [{ EventSource: "userAuthEvents", LogLevel: "INFO", ...destination }],
      }),
    );
  // Buckets: judged by their lifecycle's expiration, each read once.
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  const bucket = async (name: string, rules: { days?: number; prefix?: string; status?: string }[] | undefined) => {
    await s3.send(
      new CreateBucketCommand({ Bucket: name, CreateBucketConfiguration: { LocationConstraint: EMULATOR_REGION } }),
    );
    if (rules)
      await s3.send(
        new PutBucketLifecycleConfigurationCommand({
          Bucket: name,
          LifecycleConfiguration: {
            Rules: rules.map((r, i) => ({
              ID: `rule-${i}`,
              Status: (r.status ?? "Enabled") as "Enabled" | "Disabled",
              Filter: { Prefix: r.prefix ?? "" },
              ...(r.days !== undefined
                ? { Expiration: { Days: r.days } }
                : { NoncurrentVersionExpiration: { NoncurrentDays: 7 } }),
            })),
          },
        }),
      );
    return `arn:aws:s3:::${name}`;
  };
  const toBucket = async (poolName: string, arn: string) =>
    deliverTo(await pool(poolName), { S3Configuration: { BucketArn: arn } });
  await toBucket("s3_pass_no_lifecycle", await bucket("auth-events-no-lifecycle", undefined));
  await toBucket("s3_pass_400", await bucket("auth-events-400", [{ days: 400 }, { days: 30, status: "Disabled" }]));
  await toBucket("s3_pass_noncurrent_only", await bucket("auth-events-noncurrent", [{}]));
  await toBucket("s3_fail_30", await bucket("auth-events-30", [{ days: 400 }, { days: 30 }]));
  await toBucket("s3_unknown_prefixed", await bucket("auth-events-prefixed", [{ days: 30, prefix: "tmp/" }]));
  // Two pools sharing one bucket: it is read once.
  const sharedBucket = await bucket("auth-events-shared", [{ days: 731 }]);
  await toBucket("s3_pass_shared_a", sharedBucket);
  await toBucket("s3_pass_shared_b", sharedBucket);
  // A bucket that does not exist: NoSuchBucket, a failed read.
  await toBucket("s3_unknown_missing", "arn:aws:s3:::auth-events-missing");
  // The scanner cannot see past a Firehose stream: UNKNOWN, with the reason.
  await deliverTo(await pool("unknown_firehose"), {
    FirehoseConfiguration: { StreamArn: `arn:aws:firehose:${EMULATOR_REGION}:123456789012:deliverystream/auth` },
  });

  const domain = async (name: string, customDomain?: string, policy?: "TLS_V1" | "TLS_V1_2_2021" | "TLS_V1_3_2025") => {
    const id = await pool(name);
    await idp.send(
      new CreateUserPoolDomainCommand({
        UserPoolId: id,
        Domain: customDomain ?? name.replace(/_/g, "-"),
        ...(customDomain
          ? { CustomDomainConfig: { CertificateArn: CERTIFICATE, ...(policy ? { SecurityPolicy: policy } : {}) } }
          : {}),
      }),
    );
  };
  await domain("domain_tls12", "pass-auth.example.com", "TLS_V1_2_2021");
  await domain("domain_tls13", "pass-auth13.example.com", "TLS_V1_3_2025");
  await domain("domain_tls1", "fail-auth.example.com", "TLS_V1");
  await domain("domain_no_policy", "unknown-auth.example.com");
  await domain("domain_prefix");
}

beforeAll(async () => {
  Object.assign(process.env, EMULATOR_CREDENTIALS);
  emulator = await startEmulator();
  await seed(emulator.url);
}, 120_000);

afterAll(async () => {
  await emulator?.stop();
  process.env = savedEnv;
});

function scan(hook?: ClientHook): Promise<Estate> {
  return scanAccount(sdkClientFactory({ endpointUrl: emulator.url, maxAttempts: 1, ...(hook ? { hook } : {}) }), {
    regions: [EMULATOR_REGION],
  });
}

const verdicts = (estate: Estate, rule: Rule): Record<string, string> =>
  Object.fromEntries(evaluateRule(rule, estate).map((r) => [r.resource.name, `${r.status}: ${r.message}`]));

/** Records the operations sent; or, given `deny`, fails those commands with AccessDenied. */
function hookOf(sent: Set<string>, deny: readonly string[] = []): ClientHook {
  return (client) =>
    (client.middlewareStack.add as unknown as (mw: unknown, options: unknown) => void)(
      (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
        const name = (context.commandName ?? "").replace(/Command$/, "");
        sent.add(name);
        // AccessDenied is injected: the emulator does not enforce IAM.
        if (deny.includes(name))
          throw Object.assign(new Error(`User: scanner is not authorized to perform: ${name}`), {
            name: "AccessDeniedException",
            $fault: "client",
            $metadata: { httpStatusCode: 400 },
          });
        return next(args);
      },
      { step: "initialize", name: "record-or-deny" },
    );
}

describe("auth-log-retention on a live account", () => {
  it("reads each log group's retention and judges each pool by it", async () => {
    const estate = await scan();
    // The one failed read is the bucket that does not exist.
    expect(estate.diagnostics.map((d) => d.message)).toEqual([
      expect.stringMatching(/^lifecycle of S3 bucket auth-events-missing could not be read: NoSuchBucket/),
    ]);
    const status = Object.fromEntries(
      Object.entries(verdicts(estate, authLogRetention)).map(([k, v]) => [k, v.split(":")[0]]),
    );
    expect(status).toMatchObject({
      pass_retention_400: "PASS",
      pass_never_expires: "PASS",
      pass_shared_a: "PASS",
      pass_shared_b: "PASS",
      fail_retention_30: "FAIL",
      unknown_missing_group: "UNKNOWN",
      unknown_other_account: "UNKNOWN",
      na_no_delivery: "NOT_APPLICABLE",
      unknown_firehose: "UNKNOWN",
      s3_pass_no_lifecycle: "PASS",
      s3_pass_400: "PASS",
      s3_pass_noncurrent_only: "PASS",
      s3_fail_30: "FAIL",
      s3_unknown_prefixed: "UNKNOWN",
      s3_pass_shared_a: "PASS",
      s3_pass_shared_b: "PASS",
      s3_unknown_missing: "UNKNOWN",
    });
    const messages = verdicts(estate, authLogRetention);
    expect(messages.pass_never_expires).toContain("never expires");
    expect(messages.fail_retention_30).toContain("only 30 days");
    expect(messages.unknown_missing_group).toContain("does not exist");
    expect(messages.unknown_other_account).toContain("account 999999999999");
    expect(messages.s3_pass_no_lifecycle).toContain("never expires");
    expect(messages.s3_pass_400).toContain("keeps them 400 days");
    expect(messages.s3_fail_30).toContain("only 30 days");
    expect(messages.s3_unknown_prefixed).toContain("expires objects under prefix tmp/ after 30 days");
    expect(messages.s3_unknown_missing).toMatch(
      /lifecycle of S3 bucket auth-events-missing could not be read: NoSuchBucket/,
    );
    expect(messages.unknown_firehose).toContain("final destination and its retention are not visible");
  }, 60_000);

  it("sends one DescribeLogGroups per distinct log group, and only reads within the scanner's IAM policy", async () => {
    const sent = new Set<string>();
    let describeLogGroups = 0;
    const lifecycleReads: string[] = [];
    await scan((client) => {
      hookOf(sent)(client);
      (client.middlewareStack.add as unknown as (mw: unknown, options: unknown) => void)(
        (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
          if (context.commandName === "DescribeLogGroupsCommand") describeLogGroups += 1;
          if (context.commandName === "GetBucketLifecycleConfigurationCommand")
            lifecycleReads.push((args as { input: { Bucket: string } }).input.Bucket);
          return next(args);
        },
        { step: "initialize", name: "count-log-destination-reads" },
      );
    });
    // pass_retention_400, pass_never_expires, fail_retention_30, shared, missing (the other account's is not read).
    expect(describeLogGroups).toBe(5);
    // One read per bucket: the shared bucket once.
    expect(lifecycleReads.sort()).toEqual([
      "auth-events-30",
      "auth-events-400",
      "auth-events-missing",
      "auth-events-no-lifecycle",
      "auth-events-noncurrent",
      "auth-events-prefixed",
      "auth-events-shared",
    ]);
    expect(sent).toContain("DescribeLogGroups");
    expect(sent).toContain("DescribeUserPoolDomain");
    const policy = JSON.parse(readFileSync(join("policies", "scanner-iam-policy.json"), "utf8")) as {
      Statement: { Action: string[] }[];
    };
    const allowed = policy.Statement.flatMap((s) => s.Action).map((a) => a.split(":")[1]!.toLowerCase());
    // API Gateway's REST and HTTP API reads are all the one IAM action apigateway:GET.
    const apiGatewayReads = ["GetRestApis", "GetResources", "GetAuthorizers", "GetStages", "GetApis", "GetRoutes"];
    // S3 names the IAM action of GetBucketLifecycleConfiguration s3:GetLifecycleConfiguration.
    const iamActionOf: Record<string, string> = { GetBucketLifecycleConfiguration: "GetLifecycleConfiguration" };
    expect(sent).toContain("GetBucketLifecycleConfiguration");
    for (const op of sent) {
      expect(op).toMatch(/^(Describe|Get|List)/);
      if (apiGatewayReads.includes(op)) expect(allowed, `${op} needs apigateway:GET`).toContain("get");
      else expect(allowed, `${op} is not in the scanner policy`).toContain((iamActionOf[op] ?? op).toLowerCase());
    }
  }, 60_000);

  it("a denied DescribeLogGroups is a failed read: UNKNOWN with the reason, never PASS", async () => {
    const estate = await scan(hookOf(new Set(), ["DescribeLogGroups"]));
    const results = evaluateRule(authLogRetention, estate);
    // Only the bucket destinations, read by another call, still pass.
    expect(results.filter((r) => r.status === "PASS" && !(r.resource.name ?? "").startsWith("s3_"))).toEqual([]);
    for (const name of ["pass_retention_400", "pass_never_expires", "fail_retention_30", "pass_shared_a"]) {
      const result = results.find((r) => r.resource.name === name)!;
      expect(result.status, name).toBe("UNKNOWN");
      expect(result.message).toMatch(/access denied/);
    }
    expect(estate.diagnostics.filter((d) => d.failedRead && /log group/.test(d.message)).length).toBe(5);
  }, 60_000);

  it("a denied GetBucketLifecycleConfiguration is a failed read: UNKNOWN with the reason, never PASS", async () => {
    // AccessDenied is injected (hookOf): the emulator does not enforce IAM or bucket policies.
    const estate = await scan(hookOf(new Set(), ["GetBucketLifecycleConfiguration"]));
    const results = evaluateRule(authLogRetention, estate);
    for (const name of ["s3_pass_no_lifecycle", "s3_pass_400", "s3_fail_30", "s3_pass_shared_a", "s3_pass_shared_b"]) {
      const result = results.find((r) => r.resource.name === name)!;
      expect(result.status, name).toBe("UNKNOWN");
      expect(result.message).toMatch(/lifecycle of S3 bucket [\w-]+ could not be read: access denied/);
    }
    // The log group destinations are unaffected.
    expect(results.find((r) => r.resource.name === "pass_retention_400")!.status).toBe("PASS");
    // One failed read per bucket, marked as such.
    expect(estate.diagnostics.filter((d) => d.failedRead && /lifecycle of S3 bucket/.test(d.message)).length).toBe(7);
  }, 60_000);
});
