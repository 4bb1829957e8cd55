// Report files are written all or none (issue 10): through temporaries renamed into place, with
// the previous set restored when a rename fails part-way, temporaries removed on SIGTERM, and an
// output directory that cannot be created refused in one line before anything is audited.

import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";
import { ensureBuilt, runBin, spawnBin } from "./bin-process.js";

const PLAN = join(process.cwd(), "test", "fixtures", "plans", "shop-legacy.json");
const OLD = "the previous report\n";

function tempDir(prefix = "authwarden-write-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

function expectOneLine(stderr: string, fragment: RegExp | string): void {
  expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(stderr).toMatch(fragment);
}

beforeAll(() => ensureBuilt());

describe("--output-dir that cannot be created: exit 2, one line, before auditing", () => {
  it("under /proc (Node's recursive mkdir would spin there forever)", async () => {
    const { code, stdout, stderr } = await runCli([
      "check",
      "--plan",
      PLAN,
      "--format",
      "json",
      "--output-dir",
      "/proc/authwarden-out/reports",
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expectOneLine(
      stderr,
      /\/proc\/authwarden-out\/reports: cannot be used as the output directory: \/proc is on the proc kernel file system/,
    );
  });

  it("a path through a regular file", async () => {
    const file = join(tempDir(), "plain-file");
    writeFileSync(file, "not a directory");
    const { code, stderr } = await runCli(["check", "--plan", PLAN, "--output-dir", join(file, "out")]);
    expect(code).toBe(2);
    expectOneLine(stderr, `${file} is not a directory`);
  });

  it("a directory the user may not write in", () => {
    const parent = tempDir();
    chmodSync(parent, 0o555);
    // Root writes anywhere, so as root the command runs as nobody; either way nothing is created.
    const asRoot = process.getuid?.() === 0;
    const run = runBin(["check", "--plan", PLAN, "--output-dir", join(parent, "out")], asRoot ? { uid: 65534 } : {});
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expectOneLine(run.stderr, `no permission to write in ${parent}`);
    expect(readdirSync(parent)).toEqual([]);
  });

  it("is refused before the input is read: a bad output dir wins over a missing input", async () => {
    const { code, stderr } = await runCli(["check", "--plan", "/no/such/plan.json", "--output-dir", "/proc/x"]);
    expect(code).toBe(2);
    expectOneLine(stderr, /^authwarden: \/proc\/x: cannot be used as the output directory/);
  });
});

describe("a rename that fails part-way restores the previous reports", () => {
  it("authwarden.sarif is a non-empty directory: exit 2, authwarden.json is the old one, no temporaries", async () => {
    const out = tempDir();
    writeFileSync(join(out, "authwarden.json"), OLD);
    mkdirSync(join(out, "authwarden.sarif"));
    writeFileSync(join(out, "authwarden.sarif", "keep"), "user data");
    const { code, stderr } = await runCli(["check", "--plan", PLAN, "--format", "json", "sarif", "--output-dir", out]);
    expect(code).toBe(2);
    expectOneLine(
      stderr,
      `${join(out, "authwarden.sarif")}: cannot be replaced (is a directory); no report was changed`,
    );
    expect(readFileSync(join(out, "authwarden.json"), "utf8")).toBe(OLD);
    expect(readdirSync(out).sort()).toEqual(["authwarden.json", "authwarden.sarif"]);
    expect(readdirSync(join(out, "authwarden.sarif"))).toEqual(["keep"]);
  });

  it("a report that did not exist before is removed again", async () => {
    const out = tempDir();
    mkdirSync(join(out, "authwarden.md", "x"), { recursive: true });
    const { code } = await runCli(["check", "--plan", PLAN, "--format", "json", "markdown", "--output-dir", out]);
    expect(code).toBe(2);
    expect(readdirSync(out)).toEqual(["authwarden.md"]);
  });

  it("when every rename succeeds, the whole new set replaces the old one", async () => {
    const out = tempDir();
    writeFileSync(join(out, "authwarden.json"), OLD);
    const { code, stdout } = await runCli(["check", "--plan", PLAN, "--format", "json", "sarif", "--output-dir", out]);
    expect(code).toBe(1);
    expect(stdout).toContain(`reports written: ${join(out, "authwarden.json")}, ${join(out, "authwarden.sarif")}`);
    expect(readdirSync(out).sort()).toEqual(["authwarden.json", "authwarden.sarif"]);
    expect(JSON.parse(readFileSync(join(out, "authwarden.json"), "utf8"))).toMatchObject({ source: "plan" });
  });
});

describe("a signal while the reports are written", () => {
  it.each(["SIGTERM", "SIGINT"] as const)(
    "%s removes the temporaries, leaves the previous report, and kills",
    async (sent) => {
      const out = tempDir();
      writeFileSync(join(out, "authwarden.json"), OLD);
      const plan = readFileSync(PLAN);
      // The JSON report must not fit in a pipe's buffer (64 KiB), so its write blocks on the FIFO below.
      const { stdout: report } = await runCli(["check", "--plan", PLAN, "--format", "json"]);
      expect(report.length).toBeGreaterThan(65_536);

      const child = spawnBin(["check", "--plan", "-", "--format", "sarif", "json", "--output-dir", out]);
      const exited = once(child, "exit");
      // The temporary of authwarden.json is named by the child's pid: made a FIFO before the child has
      // its input, the child's write into it blocks until we read, and we never do. Opening our end
      // returns once the child has opened its end: from then on it is mid-write, deterministically.
      const temporary = join(out, `authwarden.json.${child.pid}.tmp`);
      execFileSync("mkfifo", [temporary]);
      child.stdin!.end(plan);
      const reader = await open(temporary, "r");
      try {
        // authwarden.sarif was written first and is complete, still under its temporary name.
        expect(readdirSync(out)).toContain(`authwarden.sarif.${child.pid}.tmp`);
        child.kill(sent);
        const [code, signal] = await exited;
        expect({ code, signal }).toEqual({ code: null, signal: sent });
      } finally {
        await reader.close();
      }
      expect(readdirSync(out)).toEqual(["authwarden.json"]);
      expect(readFileSync(join(out, "authwarden.json"), "utf8")).toBe(OLD);
      expect(existsSync(temporary)).toBe(false);
    },
  );
});
