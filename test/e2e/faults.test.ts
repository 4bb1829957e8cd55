// Fault tests of the live scan through the real command (bin/authwarden.js on the compiled CLI): the
// reference stacks are applied once to the moto emulator, and a fault-injecting proxy
// (test/support/fault-proxy.ts) sits between the SDK (--endpoint-url) and the emulator to play what the
// emulator cannot: denied reads, empty 200s, 5xx, a hang, slow answers, and the emulator killed
// mid-scan. Whatever the fault, no verdict may become PASS (or NOT_APPLICABLE) that was not so on a clean
// read, the gate fails, the report counts the failed reads, and the scan ends within its --timeout.

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report, Result } from "../../checks/engine/report.js";
import { assertValid } from "../../checks/io/json-schema.js";
import { BIN, ensureBuilt } from "../cli/bin-process.js";
import { seededRandom, startFaultProxy, startSilentServer, type FaultProxy } from "../support/fault-proxy.js";
import {
  EMULATOR_REGION,
  REPO_ROOT,
  startEmulator,
  synthForEmulator,
  TerraformStackRun,
  type Emulator,
  EMULATOR_CREDENTIALS,
} from "../support/moto.js";

interface BinRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly elapsedMs: number;
}

/** Runs the installed command asynchronously: the proxy answers from this process, so it must not block. */
function runBin(args: readonly string[], env: NodeJS.ProcessEnv): Promise<BinRun> {
  const started = Date.now();
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    // Far past every --timeout used here: only a scan that ignores its bound gets here.
    const killer = setTimeout(() => child.kill("SIGKILL"), 180_000);
    child.once("error", rej);
    child.once("close", (code) => {
      clearTimeout(killer);
      res({ code, stdout, stderr, elapsedMs: Date.now() - started });
    });
  });
}

/** The environment of a scheduled scan with nothing of this machine's: dummy keys, an empty home, no IMDS. */
function scannerEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: mkdtempSync(join(tmpdir(), "authwarden-home-")),
    ...EMULATOR_CREDENTIALS,
    ...extra,
  };
}

let emulator: Emulator;
let proxy: FaultProxy;
let clean: Report;

beforeAll(async () => {
  ensureBuilt();
  emulator = await startEmulator();
  const synthDir = synthForEmulator(emulator.url);
  await Promise.all(
    ["shop-legacy", "shop-compliant"].map(async (stack) => {
      const run = new TerraformStackRun(synthDir, stack);
      const init = await run.init();
      if (init.code !== 0) throw new Error(`terraform init failed for ${stack}:\n${init.stderr}`);
      const apply = await run.apply();
      if (apply.code !== 0) throw new Error(`terraform apply failed for ${stack}:\n${apply.stderr.slice(-4000)}`);
    }),
  );
  proxy = await startFaultProxy(emulator.url);
}, 900_000);

afterAll(async () => {
  await proxy?.close();
  await emulator?.stop();
});

interface Scan extends BinRun {
  readonly report: Report;
}

/** One scan through the proxy, its JSON report written with --output-dir (so "written" is checked too). */
async function scan(timeout: string, requestTimeoutMs: number): Promise<Scan> {
  const out = mkdtempSync(join(tmpdir(), "authwarden-faults-"));
  const run = await runBin(
    [
      "scan",
      "--region",
      EMULATOR_REGION,
      "--endpoint-url",
      proxy.url,
      "--quiet",
      "--timeout",
      timeout,
      "--request-timeout",
      String(requestTimeoutMs),
      "--format",
      "json",
      "--output-dir",
      out,
    ],
    scannerEnv(),
  );
  const file = join(out, "authwarden.json");
  expect(existsSync(file), `no report written: ${run.stderr}`).toBe(true);
  return { ...run, report: JSON.parse(readFileSync(file, "utf8")) as Report };
}

// Parsed once: the validator is compiled per schema object, and two objects with one $id clash.
const reportSchema = JSON.parse(
  readFileSync(join(REPO_ROOT, "reports", "schema", "authwarden-report.schema.json"), "utf8"),
) as Record<string, unknown>;

const key = (r: Result) => `${r.ruleId} | ${r.resource.key}`;

/** What every fault must hold to. */
function expectFailsClosed(faulted: Scan, timeoutMs: number): void {
  const { report } = faulted;
  expect(faulted.code, faulted.stderr).toBe(1);
  expect(faulted.stderr).toBe("");
  assertValid(reportSchema, report, "authwarden.json");
  expect(report.gate?.passed).toBe(false);
  const failedReads = report.diagnostics.filter((d) => d.failedRead).length;
  expect(failedReads).toBeGreaterThan(0);
  expect(report.summary.failedReads).toBe(failedReads);
  // Compared per rule and resource with the clean scan: a fault never makes a verdict look better.
  const before = new Map(clean.results.map((r) => [key(r), r.status]));
  const improved = report.results
    .filter((r) => (r.status === "PASS" || r.status === "NOT_APPLICABLE") && before.get(key(r)) !== r.status)
    .map((r) => `${key(r)}: clean ${before.get(key(r)) ?? "absent"}, faulted ${r.status} (${r.message})`);
  expect(improved).toEqual([]);
  // Whatever the clean scan judged and the faulted one lost must be owned up to as an incomplete audit.
  const after = new Set(report.results.map(key));
  if (clean.results.some((r) => !after.has(key(r)))) expect(report.diagnostics.some((d) => d.incomplete)).toBe(true);
  // A bound, not a speed test: the scan stops at its timeout, plus start-up, evaluation and writing.
  expect(faulted.elapsedMs).toBeLessThan(timeoutMs + 15_000);
}

describe("the live scan through a fault-injecting proxy", () => {
  it("a clean scan through the proxy reads everything, and the command prints nothing on stderr (the SDK's Node version warning included)", async () => {
    proxy.setPlan(() => ({ kind: "pass" }));
    const run = await scan("120s", 10_000);
    clean = run.report;
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    expect(clean.diagnostics).toEqual([]);
    expect(clean.summary.failedReads).toBe(0);
    expect(clean.results.filter((r) => r.status === "PASS").length).toBeGreaterThan(20);
    expect(new Set(proxy.calls.map((c) => c.protocol))).toEqual(new Set(["json", "query", "rest"]));
    const stdout = await runBin(
      ["scan", "--region", EMULATOR_REGION, "--endpoint-url", proxy.url, "--quiet", "--no-color"],
      scannerEnv(),
    );
    expect(stdout.stderr).toBe("");
    expect(stdout.stdout).toMatch(/gate failed/);
  }, 240_000);

  it("every Describe and Get denied (a scanner role with List permissions only), as AWS answers a denial", async () => {
    proxy.setPlan((call) => (/^(Describe|Get)/.test(call.operation) ? { kind: "deny" } : { kind: "pass" }));
    const faulted = await scan("60s", 5_000);
    expectFailsClosed(faulted, 60_000);
    expect(faulted.report.diagnostics.filter((d) => d.failedRead).every((d) => /access denied/.test(d.message))).toBe(
      true,
    );
    // The pools' audience cannot be read, so nothing is judged as if they were workforce (or any audience).
    const audiences = faulted.report.audiences;
    expect(audiences.length).toBeGreaterThan(0);
    for (const a of audiences) expect(a.via, a.key).toBe("unknown");
    for (const r of faulted.report.results.filter((r) => r.ruleId === "self-signup-disabled"))
      expect(r.status, r.message).toBe("UNKNOWN");
    // Without the pool's ARN the web ACL cannot be looked up: unknown, not a missing WAF.
    const waf = faulted.report.results.filter((r) => r.ruleId === "waf-protection");
    expect(waf.length).toBe(4);
    for (const r of waf) {
      expect(r.status, r.message).toBe("UNKNOWN");
      expect(r.message).toMatch(/ARN of user pool .* is not known: user pool .* could not be read: access denied/);
    }
  }, 120_000);

  it("the app clients' session configuration and secrets denied, then the session read answering an empty 200: the rules reading them are UNKNOWN, never the default", async () => {
    const judged = (report: Report, ruleId: string) =>
      report.results.filter((r) => r.ruleId === ruleId && r.status !== "NOT_APPLICABLE");
    // Clients the clean scan judged on these reads, kept so a fault cannot hide them.
    expect(judged(clean, "sso-session-lifetime").length).toBeGreaterThan(0);
    expect(judged(clean, "m2m-client-secret-age").length).toBeGreaterThan(0);
    const newReads = new Set(["GetUserPoolClientSessionConfiguration", "ListUserPoolClientSecrets"]);
    proxy.setPlan((call) => (newReads.has(call.operation) ? { kind: "deny" } : { kind: "pass" }));
    const denied = await scan("60s", 5_000);
    expectFailsClosed(denied, 60_000);
    for (const ruleId of ["sso-session-lifetime", "m2m-client-secret-age"]) {
      const results = judged(denied.report, ruleId);
      expect(results.length, ruleId).toBe(judged(clean, ruleId).length);
      for (const r of results) {
        expect(r.status, r.message).toBe("UNKNOWN");
        expect(r.message).toMatch(/access denied/);
      }
    }
    proxy.setPlan((call) =>
      call.operation === "GetUserPoolClientSessionConfiguration" ? { kind: "empty" } : { kind: "pass" },
    );
    const empty = await scan("60s", 5_000);
    expectFailsClosed(empty, 60_000);
    for (const r of judged(empty.report, "sso-session-lifetime")) {
      expect(r.status, r.message).toBe("UNKNOWN");
      expect(r.message).toMatch(/lacks SSOSession.MaxValidityMinutes, which the API always returns/);
    }
  }, 240_000);

  it("a 200 with an empty body on every Describe", async () => {
    proxy.setPlan((call) => (call.operation.startsWith("Describe") ? { kind: "empty" } : { kind: "pass" }));
    const faulted = await scan("60s", 5_000);
    expectFailsClosed(faulted, 60_000);
    const lacking = faulted.report.diagnostics.filter((d) =>
      /the response lacks \w+, which the API always returns/.test(d.message),
    );
    expect(lacking.length).toBeGreaterThanOrEqual(faulted.report.summary.failedReads);
  }, 120_000);

  it("HTTP 500 on 80% of the calls (seeded, so the same calls fail on every run)", async () => {
    const random = seededRandom(20260101);
    proxy.setPlan(() =>
      random() < 0.8
        ? {
            kind: "status",
            status: 500,
            body: JSON.stringify({ __type: "InternalErrorException", message: "injected" }),
          }
        : { kind: "pass" },
    );
    const faulted = await scan("30s", 5_000);
    expectFailsClosed(faulted, 30_000);
    expect(faulted.report.diagnostics.some((d) => /HTTP 500/.test(d.message))).toBe(true);
  }, 120_000);

  it("an endpoint that accepts every request and never answers", async () => {
    proxy.setPlan(() => ({ kind: "hang" }));
    const faulted = await scan("6s", 1_000);
    expectFailsClosed(faulted, 6_000);
    expect(faulted.report.diagnostics.some((d) => d.incomplete)).toBe(true);
  }, 120_000);

  it("a 10 s delay on every call: the scan stops at its --timeout, cancels what is in flight and reports the rest as not read", async () => {
    proxy.setPlan(() => ({ kind: "delay", ms: 10_000 }));
    // The request timeout is above the scan timeout, so it is the scan's bound that ends the scan.
    const faulted = await scan("4s", 30_000);
    expectFailsClosed(faulted, 4_000);
    const diagnostics = faulted.report.diagnostics;
    expect(
      diagnostics.some((d) => d.failedRead && /could not be read: the scan timed out \(--timeout 4s\)/.test(d.message)),
    ).toBe(true);
    expect(diagnostics.find((d) => d.incomplete && !d.failedRead)?.message).toMatch(
      /^the scan timed out \(--timeout 4s\): \d+ reads? (was|were) not done/,
    );
  }, 120_000);

  // Last: it kills the emulator.
  it("the emulator killed mid-scan", async () => {
    let seen = 0;
    proxy.setPlan(() => {
      seen += 1;
      if (seen === 25) emulator.process.kill("SIGKILL");
      return { kind: "pass" };
    });
    const faulted = await scan("20s", 2_000);
    expect(emulator.process.signalCode ?? emulator.process.exitCode).not.toBeNull();
    expectFailsClosed(faulted, 20_000);
  }, 120_000);
});

describe("no credentials at all", () => {
  const scanArgs = ["scan", "--region", EMULATOR_REGION, "--endpoint-url", "http://127.0.0.1:9", "--quiet"];

  async function expectNoCredentials(env: NodeJS.ProcessEnv, boundMs: number): Promise<void> {
    const out = mkdtempSync(join(tmpdir(), "authwarden-nocreds-"));
    const run = await runBin([...scanArgs, "--format", "json", "--output-dir", out], env);
    expect(run.code, run.stdout).toBe(2);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^authwarden: no AWS credentials: tried environment variables \(AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY\), SSO, the shared config and credentials files \(profile "default"\), credential_process, a web identity token file \(AWS_WEB_IDENTITY_TOKEN_FILE\), ECS container or EC2 instance metadata credentials/,
    );
    expect(existsSync(join(out, "authwarden.json"))).toBe(false);
    expect(run.elapsedMs).toBeLessThan(boundMs);
  }

  it("with instance metadata disabled: one line naming the chain tried, exit 2, no report", async () => {
    await expectNoCredentials(
      {
        PATH: process.env.PATH,
        HOME: mkdtempSync(join(tmpdir(), "authwarden-home-")),
        AWS_EC2_METADATA_DISABLED: "true",
      },
      20_000,
    );
  }, 60_000);

  // IMDS that is merely unreachable: a loopback endpoint that accepts and never answers, the worst case
  // off EC2; the lookup is bounded (1 s, no retry), so the command still ends at once.
  it("with an instance metadata endpoint that never answers: the same line, within seconds", async () => {
    const silent = await startSilentServer();
    try {
      await expectNoCredentials(
        {
          PATH: process.env.PATH,
          HOME: mkdtempSync(join(tmpdir(), "authwarden-home-")),
          AWS_EC2_METADATA_SERVICE_ENDPOINT: silent.url,
        },
        20_000,
      );
    } finally {
      await silent.close();
    }
  }, 60_000);
});
