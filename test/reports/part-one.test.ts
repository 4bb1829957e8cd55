// The first page of the evidence report: Part I (assessed entity, assessor, assessment period,
// scope statement) from the flags, and for a live scan the endpoint and account it read. A scan
// of the emulator (--endpoint-url) says on that page that it is not evidence of an AWS account.

import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EMULATOR_CREDENTIALS,
  EMULATOR_REGION,
  startEmulator,
  synthForEmulator,
  TerraformStackRun,
  type Emulator,
} from "../support/moto.js";
import { synthReferenceApp } from "../support/reference-synth.js";
import { runCli } from "../support/run-cli.js";

/** The report's header: what precedes its first section, the first page. */
const firstPage = (html: string) => html.slice(0, html.indexOf("<section"));

describe("Part I fields", () => {
  it("come from the flags, escaped, on the first page", async () => {
    const run = await runCli([
      "check",
      "--synth",
      synthReferenceApp(),
      "--stack",
      "shop-legacy",
      "--format",
      "html",
      "--assessed-entity",
      "ShopSphere Ltd <payments>",
      "--assessor",
      "Jane Roe, ISA",
      "--assessment-period",
      "2026-11-01 to 2026-11-30",
      "--scope-statement",
      "Cognito user pools of the storefront and admin portal",
    ]);
    expect(run.stderr).toBe("");
    const page = firstPage(run.stdout);
    expect(page).toContain("<dt>Assessed entity</dt><dd>ShopSphere Ltd &lt;payments&gt;</dd>");
    expect(page).toContain("<dt>Assessor</dt><dd>Jane Roe, ISA</dd>");
    expect(page).toContain("<dt>Assessment period</dt><dd>2026-11-01 to 2026-11-30</dd>");
    expect(page).toContain("<dt>Scope statement</dt><dd>Cognito user pools of the storefront and admin portal</dd>");
    expect(page).not.toContain("Endpoint scanned");
  });

  it("say they were not stated, and how to state them, when no flag gives them", async () => {
    const run = await runCli(["check", "--synth", synthReferenceApp(), "--stack", "shop-legacy", "--format", "html"]);
    expect(firstPage(run.stdout)).toContain(
      '<dt>Assessor</dt><dd><span class="missing">not stated (--assessor)</span></dd>',
    );
  });
});

describe("a live scan of the emulator", () => {
  let emulator: Emulator;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, EMULATOR_CREDENTIALS);
    emulator = await startEmulator();
    const stack = new TerraformStackRun(synthForEmulator(emulator.url), "shop-legacy");
    const init = await stack.init();
    if (init.code !== 0) throw new Error(`terraform init failed:\n${init.stderr}`);
    const apply = await stack.apply();
    if (apply.code !== 0) throw new Error(`terraform apply failed:\n${apply.stderr.slice(-4000)}`);
  }, 600_000);

  afterAll(async () => {
    await emulator?.stop();
    process.env = savedEnv;
  });

  it("names the endpoint and the account, and says on its first page that it is not AWS", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "authwarden-live-html-")), "out");
    const run = await runCli(
      [
        "scan",
        "--region",
        EMULATOR_REGION,
        "--endpoint-url",
        emulator.url,
        "--quiet",
        "--format",
        "html",
        "json",
        "--output-dir",
        out,
      ],
      process.env,
    );
    expect(run.stderr).toBe("");
    const html = readFileSync(join(out, "authwarden.html"), "utf8");
    const account = /^account (\d{12})$/.exec(
      (JSON.parse(readFileSync(join(out, "authwarden.json"), "utf8")) as { scopes: string[] }).scopes[0]!,
    )?.[1];
    expect(account).toMatch(/^\d{12}$/);
    const page = firstPage(html);
    expect(page).toContain(`<dt>Endpoint scanned</dt><dd class="mono">${emulator.url}</dd>`);
    expect(page).toContain(`<dt>Account scanned</dt><dd class="mono">${account}</dd>`);
    expect(page).toMatch(
      /<p class="notice emulator"><strong>Not an AWS account:<\/strong> every request of this scan went to <span class="mono">http:\/\/127\.0\.0\.1:\d+<\/span> \(set with --endpoint-url\)/,
    );
  });
});
