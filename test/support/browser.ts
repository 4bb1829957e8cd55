// Headless Chromium for report tests: Debian's chromium package driven by playwright-core through
// its executablePath. No browser is downloaded; a missing chromium fails with a clear message.

import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

export const CHROMIUM = process.env.AUTHWARDEN_CHROMIUM ?? "/usr/bin/chromium";

export function assertChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium package (npm test installs it when it can: .ci/provision) or set AUTHWARDEN_CHROMIUM`,
    );
  }
}

/** A fresh persistent context with its own profile directory, offline-minded launch flags. */
export async function launchChromium(): Promise<BrowserContext> {
  assertChromium();
  const profile = mkdtempSync(join(tmpdir(), "authwarden-chromium-"));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1280, height: 900 },
  });
}
