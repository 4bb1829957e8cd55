// `npm run bench:live` (and part of `npm run bench`): a live scan of 10 and 50 user pools made with the
// AWS SDK in the moto emulator, through a local proxy (test/support/fault-proxy.ts) that holds every
// call for a fixed latency, as a real endpoint's round trip would. Prints the calls per pool by
// operation, the most calls in flight at once, and the wall time beside the time the Cognito quotas
// impose (the slowest quota bucket's calls / its rate) plus one call's latency. No pass/fail.
//
//   npm run bench:live                        10 and 50 pools, 50 ms per call
//   AUTHWARDEN_BENCH_LATENCY_MS=100 npm run bench:live

import { performance } from "node:perf_hooks";
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { sdkClientFactory, type ClientHook } from "../checks/sources/live/clients.js";
import { scanAccount } from "../checks/sources/live/loader.js";
import { COGNITO_QUOTAS, type QuotaCategory } from "../checks/sources/live/rate-limit.js";
import { startFaultProxy, type ProxiedCall } from "../test/support/fault-proxy.js";
import { EMULATOR_REGION, startEmulator } from "../test/support/moto.js";

const LATENCY_MS = Math.max(0, Number(process.env.AUTHWARDEN_BENCH_LATENCY_MS) || 50);
const SIZES = [10, 50];
const CLIENTS_PER_POOL = 2;
const TARGET_RATIO = 1.2;

// The emulator takes any credentials; set only when the environment has none, so nothing real is used.
process.env.AWS_ACCESS_KEY_ID ??= "bench";
process.env.AWS_SECRET_ACCESS_KEY ??= "bench";
process.env.AWS_EC2_METADATA_DISABLED ??= "true";

/**
 * The quota bucket each operation the scan sends draws on, as checks/sources/live read them (the category, and
 * whether its per-pool constraint applies). Measurement only: the scanner's own call sites name their categories.
 */
const BUCKET: Record<string, QuotaCategory> = {
  ListUserPools: "UserPoolRead",
  DescribeUserPool: "UserPoolRead",
  GetUserPoolMfaConfig: "UserPoolRead",
  DescribeRiskConfiguration: "UserPoolRead",
  GetLogDeliveryConfiguration: "UserPoolRead",
  DescribeUserPoolDomain: "UserPoolRead",
  ListUserPoolClients: "UserPoolClientRead",
  DescribeUserPoolClient: "UserPoolClientRead",
  ListIdentityProviders: "UserPoolResourceRead",
  DescribeIdentityProvider: "UserPoolResourceRead",
  ListGroups: "UserPoolResourceRead",
  ListResourceServers: "UserPoolResourceRead",
  ListIdentityPools: "ListIdentityPools",
  DescribeIdentityPool: "DescribeIdentityPool",
  GetIdentityPoolRoles: "GetIdentityPoolRoles",
};

/** The least time the quotas allow for these calls: each bucket's calls over its rate, the slowest bucket. */
function quotaSeconds(calls: readonly ProxiedCall[], pools: number): { seconds: number; bucket: string } {
  const counts = new Map<string, number>();
  for (const call of calls) {
    const category = BUCKET[call.operation] ?? `Default:${call.protocol}`;
    counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  let slowest = { seconds: 0, bucket: "none" };
  for (const [bucket, n] of counts) {
    const limit = COGNITO_QUOTAS[(bucket in COGNITO_QUOTAS ? bucket : "Default") as QuotaCategory];
    const perPool = "perPool" in limit ? n / pools / limit.perPool : 0;
    const seconds = Math.max(n / limit.perSecond, perPool);
    if (seconds > slowest.seconds) slowest = { seconds, bucket: `${bucket} (${n} calls at ${limit.perSecond}/s)` };
  }
  return slowest;
}

async function createPools(url: string, from: number, to: number): Promise<void> {
  const idp = new CognitoIdentityProviderClient({ region: EMULATOR_REGION, endpoint: url });
  for (let i = from; i < to; i++) {
    const pool = await idp.send(new CreateUserPoolCommand({ PoolName: `bench-pool-${i}`, MfaConfiguration: "OFF" }));
    const id = pool.UserPool!.Id!;
    for (let c = 0; c < CLIENTS_PER_POOL; c++)
      await idp.send(new CreateUserPoolClientCommand({ UserPoolId: id, ClientName: `bench-client-${i}-${c}` }));
    await idp.send(new CreateUserPoolDomainCommand({ UserPoolId: id, Domain: `bench-domain-${i}` }));
  }
  idp.destroy();
}

/** Counts the requests in flight across every client the scan builds, at the SDK's outermost step, and times them. */
function inFlightCounter(): { hook: ClientHook; peak: () => number; medianMs: () => number } {
  let now = 0;
  let peak = 0;
  const durations: number[] = [];
  const hook: ClientHook = (client) =>
    (client.middlewareStack.add as unknown as (mw: unknown, options: unknown) => void)(
      (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
        now += 1;
        peak = Math.max(peak, now);
        const start = performance.now();
        try {
          return await next(args);
        } finally {
          now -= 1;
          durations.push(performance.now() - start);
        }
      },
      { step: "initialize", name: "benchInFlight" },
    );
  const medianMs = () => [...durations].sort((a, b) => a - b)[Math.floor(durations.length / 2)] ?? 0;
  return { hook, peak: () => peak, medianMs };
}

const emulator = await startEmulator();
const proxy = await startFaultProxy(emulator.url);
try {
  console.log(`live scan through a proxy adding ${LATENCY_MS} ms per call (${CLIENTS_PER_POOL} app clients per pool)`);
  // Moto loads each service's backend on its first call: one unmeasured scan first, so that is not timed.
  await createPools(emulator.url, 0, 1);
  await scanAccount(sdkClientFactory({ endpointUrl: emulator.url }), { regions: [EMULATOR_REGION] });
  let made = 1;
  for (const pools of SIZES) {
    await createPools(emulator.url, made, pools);
    made = pools;
    proxy.setPlan(() => (LATENCY_MS > 0 ? { kind: "delay", ms: LATENCY_MS } : { kind: "pass" }));
    const counter = inFlightCounter();
    const start = performance.now();
    const estate = await scanAccount(sdkClientFactory({ endpointUrl: proxy.url, hook: counter.hook }), {
      regions: [EMULATOR_REGION],
    });
    const seconds = (performance.now() - start) / 1000;
    if (estate.userPools.length !== pools || estate.diagnostics.length > 0)
      throw new Error(
        `the scan read ${estate.userPools.length} of ${pools} pools with ${estate.diagnostics.length} diagnostics: ${estate.diagnostics[0]?.message ?? ""}`,
      );
    const calls = [...proxy.calls];
    const byOperation = new Map<string, number>();
    for (const call of calls) byOperation.set(call.operation, (byOperation.get(call.operation) ?? 0) + 1);
    const perCategory = new Map<string, number>();
    for (const call of calls) {
      const category = BUCKET[call.operation] ?? "other";
      perCategory.set(category, (perCategory.get(category) ?? 0) + 1);
    }
    const quota = quotaSeconds(calls, pools);
    const bound = quota.seconds + LATENCY_MS / 1000;
    console.log(
      `\n${pools} pools: ${calls.length} calls, at most ${counter.peak()} in flight, median call ${counter.medianMs().toFixed(0)} ms`,
    );
    for (const [operation, n] of [...byOperation].sort())
      console.log(`  ${operation.padEnd(30)} ${String(n).padStart(5)}  ${(n / pools).toFixed(2)} per pool`);
    console.log(
      `  per pool by category: ${[...perCategory]
        .sort()
        .map(([c, n]) => `${c} ${(n / pools).toFixed(2)}`)
        .join(", ")}`,
    );
    console.log(
      `  wall ${seconds.toFixed(2)} s; the quotas allow ${quota.seconds.toFixed(2)} s (${quota.bucket}) + ${LATENCY_MS} ms = ${bound.toFixed(2)} s; ratio ${(seconds / bound).toFixed(2)} (target <= ${TARGET_RATIO})`,
    );
  }
} finally {
  await proxy.close();
  await emulator.stop();
}
