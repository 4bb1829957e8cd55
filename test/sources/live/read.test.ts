import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../../checks/sources/live/rate-limit.js";
import { LiveReads } from "../../../checks/sources/live/read.js";

const failAfter = (ms: number, name: string) => () =>
  new Promise<never>((_, reject) =>
    setTimeout(() => reject(Object.assign(new Error(`${name} failed`), { name: "AccessDeniedException" })), ms),
  );

describe("concurrent live reads", () => {
  it("report their diagnostics in the order the units were forked, not the order they finished in", async () => {
    const reads = new LiveReads(new RateLimiter());
    const first = reads.fork();
    const second = reads.fork();
    const third = reads.fork();
    // The last unit forked finishes first, the first one last.
    await Promise.all([
      first.read("first", "UserPoolRead", "", failAfter(60, "first")),
      second.read("second", "UserPoolRead", "", failAfter(30, "second")),
      third.read("third", "UserPoolRead", "", failAfter(1, "third")),
    ]);
    expect(reads.diagnostics.map((d) => d.message.split(" ")[0])).toEqual(["first", "second", "third"]);
    expect(reads.diagnostics.every((d) => d.failedRead)).toBe(true);
  });

  it("count the reads a deadline cut short across all forks", async () => {
    const deadline = new AbortController();
    deadline.abort();
    const reads = new LiveReads(new RateLimiter(), undefined, {
      signal: deadline.signal,
      reason: "the scan timed out",
    });
    const never = () => new Promise<never>(() => undefined);
    await Promise.all([
      reads.fork().read("a", "UserPoolRead", "", never),
      reads.fork().read("b", "Default", "iam", never),
    ]);
    expect(reads.timedOutReads).toBe(2);
    expect(reads.diagnostics.map((d) => d.message)).toEqual([
      "a could not be read: the scan timed out",
      "b could not be read: the scan timed out",
    ]);
  });
});
