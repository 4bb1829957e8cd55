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
    for (let i = 0; i < COGNITO_QUOTAS.UserPoolClientRead.perSecond; i++) {
      await limiter.take("UserPoolClientRead", "pool-a");
      await limiter.take("UserPoolClientRead", "pool-b");
    }
    expect(clock.elapsed()).toBe(0);
    await limiter.take("UserPoolClientRead", "pool-a");
    expect(clock.elapsed()).toBeGreaterThan(0);
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
