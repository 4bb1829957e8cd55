// Synthesizes the reference app (stacks/main.ts) into a temporary directory, once per test file.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { compliantVariant, createShopStack } from "../../stacks/main.js";
import { buildApp } from "../../stacks/main.js";

/** Both stacks, shop-compliant and shop-legacy. */
export function synthReferenceApp(): string {
  const outdir = mkdtempSync(join(tmpdir(), "authwarden-ref-"));
  const app = new App({ outdir });
  buildApp(app);
  app.synth();
  return outdir;
}

/** A synth output that holds shop-compliant alone. */
export function synthCompliantOnly(): string {
  const outdir = mkdtempSync(join(tmpdir(), "authwarden-compliant-"));
  const app = new App({ outdir });
  createShopStack(app, "shop-compliant", compliantVariant);
  app.synth();
  return outdir;
}
