// hcl2json's Go runtime writes through Node's fs; on a non-blocking pipe a write can fail with
// EAGAIN (seen once in a full test run). That fault cannot be produced on demand with the real
// parser, so a parse function that fails the way it did is injected here, and says so.
import { describe, expect, it } from "vitest";
import { parseWithRetry } from "../../../checks/sources/hcl/loader.js";

const eagain = () => Object.assign(new Error("EAGAIN: resource temporarily unavailable, write"), { code: "EAGAIN" });

describe("parsing HCL when the runtime's write fails for a moment", () => {
  it("tries again, and the file's parse is what counts", async () => {
    let calls = 0;
    const parse = async () => {
      calls++;
      if (calls === 1) throw eagain();
      return { resource: {} };
    };
    await expect(parseWithRetry(parse, "main.tf", "")).resolves.toEqual({ resource: {} });
    expect(calls).toBe(2);
  });

  it("a write failure that persists is an internal error, never 'not valid HCL'", async () => {
    const parse = () => Promise.reject(eagain());
    await expect(parseWithRetry(parse, "main.tf", "")).rejects.toThrow(/^hcl2json failed to write \(EAGAIN\)/);
  });

  it("a syntax error is not retried", async () => {
    let calls = 0;
    const parse = () => {
      calls++;
      return Promise.reject(new Error("parse config: [main.tf:1,10-11: Unclosed configuration block]"));
    };
    await expect(parseWithRetry(parse, "main.tf", "")).rejects.toThrow(/Unclosed configuration block/);
    expect(calls).toBe(1);
  });
});
