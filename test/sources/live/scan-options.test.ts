// The scan's --timeout: a duration with its unit, checked before anything is read.

import { describe, expect, it } from "vitest";
import { DEFAULT_SCAN_TIMEOUT, parseDuration } from "../../../checks/cli/scan.js";
import { runCli } from "../../support/run-cli.js";

describe("scan --timeout", () => {
  it("reads durations in ms, s, m and h, and the default is 15 minutes", () => {
    expect(parseDuration("500ms")).toBe(500);
    expect(parseDuration("90s")).toBe(90_000);
    expect(parseDuration("15m")).toBe(900_000);
    expect(parseDuration("2h")).toBe(7_200_000);
    expect(parseDuration(DEFAULT_SCAN_TIMEOUT)).toBe(900_000);
  });

  it("rejects what is not a positive duration that a timer can hold, in one line, exit 2", async () => {
    for (const value of ["15", "0s", "-5m", "soon", "1.5m", "30d", "600h"]) {
      expect(parseDuration(value), value).toBeUndefined();
      const { code, stdout, stderr } = await runCli(["scan", "--region", "eu-west-1", "--timeout", value], {});
      expect(code, value).toBe(2);
      expect(stdout).toBe("");
      expect(stderr.trimEnd().split("\n"), value).toEqual([
        `authwarden: --timeout ${JSON.stringify(value)} is not a duration such as 90s, 15m or 1h (units ms, s, m, h; at most 24 days)`,
      ]);
    }
  });
});
