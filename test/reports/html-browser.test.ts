// The HTML evidence report in a real browser (Debian's chromium through playwright-core): hostile
// names run no script and load nothing; the shop-legacy report is screenshotted for review into
// test/.work/screenshots/ (git-ignored). A missing chromium fails this file, it never skips.

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.js";
import { visibleEscapes } from "../../reports/escape.js";
import { BIDI_NAME, CLIENT_NAME, hostileSynth, SCRIPT } from "../support/hostile-fixture.js";
import { synthLargeEstate } from "../support/large-estate.js";
import { synthReferenceApp } from "../support/reference-synth.js";
import { runAllFormats, type AllFormatsRun } from "../support/reports.js";

const SCREENSHOTS = join(process.cwd(), "test", ".work", "screenshots");

let browser: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

interface Watched {
  readonly page: Page;
  readonly dialogs: string[];
  readonly requests: string[];
  readonly errors: string[];
}

async function open(file: string): Promise<Watched> {
  const page = await browser.newPage();
  const watched: Watched = { page, dialogs: [], requests: [], errors: [] };
  page.on("dialog", (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("request", (request) => watched.requests.push(request.url()));
  page.on("pageerror", (error) => watched.errors.push(error.message));
  await page.route("**/*", (route) => (route.request().url().startsWith("file:") ? route.continue() : route.abort()));
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  return watched;
}

describe("the HTML report with hostile names, in Chromium", () => {
  let run: AllFormatsRun;
  let watched: Watched;

  beforeAll(async () => {
    run = await runAllFormats(hostileSynth());
    watched = await open(join(run.dir, "authwarden.html"));
  });

  it("runs no script: no dialog, no script or handler element, no page error", async () => {
    await watched.page.waitForTimeout(250);
    expect(watched.dialogs).toEqual([]);
    expect(watched.errors).toEqual([]);
    const found = await watched.page.evaluate(() => ({
      scripts: document.querySelectorAll("script").length,
      images: document.querySelectorAll("img").length,
      handlers: [...document.querySelectorAll("*")].filter((el) =>
        [...el.attributes].some((a) => a.name.startsWith("on")),
      ).length,
    }));
    expect(found).toEqual({ scripts: 0, images: 0, handlers: 0 });
  });

  it("shows the payloads as text", async () => {
    const text = await watched.page.evaluate(() => document.body.innerText);
    expect(text).toContain(SCRIPT);
    // Control and bidi characters are shown as escapes, never rendered.
    expect(text).toContain(visibleEscapes(CLIENT_NAME));
    expect(text).toContain(visibleEscapes(BIDI_NAME));
  });

  it("loads nothing but the file itself, and declares a CSP that forbids scripts", async () => {
    expect(watched.requests.filter((url) => !url.startsWith("data:"))).toEqual([
      pathToFileURL(join(run.dir, "authwarden.html")).href,
    ]);
    const csp = await watched.page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "",
    );
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("default-src 'none'");
  });

  it("the JUnit XML of the same run is well-formed XML with the failures counted", async () => {
    const xml = run.files["authwarden.junit.xml"]!;
    const parsed = await watched.page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, "application/xml");
      return {
        errors: doc.getElementsByTagName("parsererror").length,
        failures: doc.getElementsByTagName("failure").length,
        names: [...doc.getElementsByTagName("testcase")].map((t) => t.getAttribute("name")),
      };
    }, xml);
    expect(parsed.errors).toBe(0);
    expect(parsed.failures).toBe(run.report.summary.byStatus.FAIL);
    expect(parsed.names.some((name) => name?.includes(SCRIPT))).toBe(true);
  });
});

describe("the shop-legacy HTML report, screenshotted for review", () => {
  it("renders with its sections, the SVG chart and every requirement block; screenshots are written", async () => {
    const run = await runAllFormats(synthReferenceApp(), ["--stack", "shop-legacy"]);
    const file = join(run.dir, "authwarden.html");
    const { page, dialogs, errors } = await open(file);
    await page.setViewportSize({ width: 1280, height: 900 });
    mkdirSync(SCREENSHOTS, { recursive: true });
    const layout = await page.evaluate(() => ({
      sections: [...document.querySelectorAll("main section h2")].map((h) => h.textContent),
      chart: (() => {
        const svg = document.querySelector("svg.chart");
        const box = svg?.getBoundingClientRect();
        return { bars: svg?.querySelectorAll("rect").length ?? 0, width: box?.width ?? 0, height: box?.height ?? 0 };
      })(),
      requirementBlocks: document.querySelectorAll(".req").length,
      overflowing: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    }));
    expect(layout.sections).toEqual([
      "1. Summary of Assessment",
      "2. Scope of Work and Evidence Sources",
      "3. Findings and Observations",
      "4. Waivers and Compensating Controls",
      "5. Best-Practice Findings",
      "6. Evidence Register (Other Assessment Evidence)",
    ]);
    expect(layout.chart.bars).toBe(10);
    expect(layout.chart.width).toBeGreaterThan(600);
    expect(layout.chart.height).toBeGreaterThan(100);
    expect(layout.requirementBlocks).toBeGreaterThan(3);
    expect(layout.overflowing).toBe(false);

    await page.screenshot({ path: join(SCREENSHOTS, "shop-legacy-top.png") });
    await page.locator("#findings").screenshot({ path: join(SCREENSHOTS, "shop-legacy-findings.png") });
    await page.screenshot({ path: join(SCREENSHOTS, "shop-legacy-full.png"), fullPage: true });
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: join(SCREENSHOTS, "shop-legacy-print.png"), fullPage: true });
    writeFileSync(join(SCREENSHOTS, "shop-legacy.pdf"), await page.pdf({ format: "A4", printBackground: true }));
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});

/** Pages of a PDF as Chromium writes it: one /Type /Page object per page (the tree is /Type /Pages). */
function pdfPages(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

describe("the evidence report of a 200-pool estate, in Chromium", () => {
  let run: AllFormatsRun;
  let watched: Watched;

  beforeAll(async () => {
    run = await runAllFormats(synthLargeEstate(200, 300));
    watched = await open(join(run.dir, "authwarden.html"));
  });

  it("prints to fewer than 200 A4 pages", async () => {
    const pdf = await watched.page.pdf({ format: "A4", printBackground: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(SCREENSHOTS, "estate-200.pdf"), pdf);
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThan(10);
    expect(pages).toBeLessThan(200);
  });

  it("fits the screen's width, and find-in-page reaches every pool, collapsed lists included", async () => {
    const { page } = watched;
    expect(await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)).toBe(
      false,
    );
    const last = run.report.audiences
      .map((a) => a.name!)
      .sort()
      .at(-1)!;
    // The register lists it; a collapsed list in the findings holds it too, and find opens it.
    const found = await page.evaluate((name) => {
      const w = window as unknown as { find: (text: string) => boolean };
      return w.find(name);
    }, last);
    expect(found).toBe(true);
    const registerText = await page.locator("#evidence").innerText();
    for (const a of run.report.audiences) expect(registerText).toContain(a.name!);
    expect(watched.errors).toEqual([]);
  });
});
