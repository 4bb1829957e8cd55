import { describe, expect, it } from "vitest";
import { describeAwsError } from "../../../checks/sources/live/read.js";
import { COGNITO_QUOTAS, RateLimiter } from "../../../checks/sources/live/rate-limit.js";

/** A clock that only moves when the limiter sleeps, so waits are counted exactly. */
function fakeClock() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
    elapsed: () => now,
  };
}

describe("rate limiter", () => {
  it("lets a burst of the quota through, then spaces requests at the quota's rate", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(clock.now, clock.sleep);
    for (let i = 0; i < 15; i++) await limiter.take("UserPoolRead");
    expect(clock.elapsed()).toBe(0);
    for (let i = 0; i < 15; i++) await limiter.take("UserPoolRead");
    // 15 more requests at 15 per second take about one second.
    expect(clock.elapsed()).toBeGreaterThanOrEqual(990);
    expect(clock.elapsed()).toBeLessThanOrEqual(1100);
  });

  it("keeps per-pool quotas apart: two pools' client reads do not slow each other", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(clock.now, clock.sleep);
    for (let i = 0; i < COGNITO_QUOTAS.UserPoolClientRead.perPool; i++) {
      await limiter.take("UserPoolClientRead", "pool-a");
      await limiter.take("UserPoolClientRead", "pool-b");
    }
    expect(clock.elapsed()).toBe(0);
    await limiter.take("UserPoolClientRead", "pool-a");
    expect(clock.elapsed()).toBeGreaterThan(0);
  });

  it("holds a per-pool category to its account-wide rate too: 40 pools' client reads pass at 15 per second", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(clock.now, clock.sleep);
    // One read for each of 45 pools: no pool is near its 5 per second, the account is 3x its 15.
    await Promise.all(Array.from({ length: 45 }, (_, i) => limiter.take("UserPoolClientRead", `pool-${i}`)));
    // A burst of 15, then 30 more at 15 per second: about 2 seconds.
    expect(clock.elapsed()).toBeGreaterThanOrEqual(1990);
    expect(clock.elapsed()).toBeLessThanOrEqual(2100);
  });

  it("limits each identity pool operation on its own", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(clock.now, clock.sleep);
    for (let i = 0; i < COGNITO_QUOTAS.DescribeIdentityPool.perSecond; i++) {
      await limiter.take("DescribeIdentityPool");
      await limiter.take("GetIdentityPoolRoles");
    }
    expect(clock.elapsed()).toBe(0);
  });

  it("lets requests still waiting for a token go once the scan's deadline aborts, without waiting their turn", async () => {
    const limiter = new RateLimiter();
    const deadline = new AbortController();
    const started = Date.now();
    const waiting = Promise.all(Array.from({ length: 100 }, () => limiter.take("UserPoolRead", "", deadline.signal)));
    setTimeout(() => deadline.abort(), 50);
    await waiting;
    // 100 requests at 15 per second would take over 5 seconds.
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe("describeAwsError", () => {
  it.each([
    [
      { name: "AccessDeniedException", message: "not authorized", $metadata: { httpStatusCode: 400 } },
      /^access denied/,
    ],
    [
      { name: "ThrottlingException", message: "Rate exceeded", $metadata: { httpStatusCode: 400 } },
      /^throttled after retries/,
    ],
    [
      { name: "SyntaxError", message: "Unexpected token '<'", $metadata: { httpStatusCode: 500 } },
      /endpoint failed with HTTP 500 or does not implement/,
    ],
    [
      { name: "TimeoutError", message: "socket timed out" },
      /^the request timed out \(TimeoutError: socket timed out\)/,
    ],
    [{ name: "Error", code: "ETIMEDOUT", message: "connect ETIMEDOUT 10.0.0.1:443" }, /^the request timed out/],
    [{ name: "Error", code: "ECONNRESET", message: "socket hang up" }, /^the request failed/],
  ])("%o", (error, expected) => {
    expect(describeAwsError(error)).toMatch(expected);
  });
});
