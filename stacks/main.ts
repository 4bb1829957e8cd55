// cdktf app entry (cdktf.json: "npx tsx stacks/main.ts"): the two ShopSphere reference estates.
//   shop-compliant: satisfies every rule of the pci-dss-4.0.1 pack under the shop's policy (SHOP_POLICY)
//   shop-legacy:    the same constructs with the mistakes real shops make
// Importing this module builds nothing; buildApp() does, and synth only runs when executed directly.
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { App, Aspects } from "cdktf";
import { ComplianceGate, enableSourceLocations } from "../checks/gate/index.js";
import type { AwsProviderConfig } from "@cdktf/provider-aws/lib/provider/index.js";
import { createShopStack, type ShopStack } from "./shop-stack.js";
import { compliantVariant, SHOP_POLICY } from "./compliant-variant.js";
import { legacyVariant } from "./legacy-variant.js";

export { compliantVariant, legacyVariant, SHOP_POLICY };
export { createShopStack, ShopStack, DEFAULT_REGION } from "./shop-stack.js";

export const STACK_IDS = { compliant: "shop-compliant", legacy: "shop-legacy" } as const;

export interface BuildAppOptions {
  /** Merged over { region: "eu-west-1" } in both stacks (endpoints, skip_* flags, credentials). */
  readonly provider?: Partial<AwsProviderConfig>;
  /** Record stacks/*.ts creation sites in "//".metadata.stackTrace (default true). */
  readonly sourceLocations?: boolean;
  /**
   * Gate shop-compliant with the authwarden rules at synth time (default true): a failing rule is
   * an error annotation and cdktf refuses to deploy. shop-legacy is never gated: it exists to be audited.
   */
  readonly gate?: boolean;
}

export interface ShopApp {
  readonly compliant: ShopStack;
  readonly legacy: ShopStack;
}

/** Adds both reference estates to `app`. Works with `new App()` and with cdktf's `Testing.app()`. */
export function buildApp(app: App, options: BuildAppOptions = {}): ShopApp {
  if (options.sourceLocations !== false) enableSourceLocations();
  const stackOptions = options.provider ? { provider: options.provider } : {};
  const compliant = createShopStack(app, STACK_IDS.compliant, compliantVariant, stackOptions);
  if (options.gate !== false) Aspects.of(compliant).add(new ComplianceGate({ policy: SHOP_POLICY }));
  return { compliant, legacy: createShopStack(app, STACK_IDS.legacy, legacyVariant, stackOptions) };
}

function isEntryPoint(): boolean {
  const argv1 = process.argv[1];
  if (!argv1) return false;
  try {
    return realpathSync(argv1) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  // Patch before the App exists so every construct records where it was created.
  enableSourceLocations();
  const app = new App(); // outdir: CDKTF_OUTDIR when the cdktf CLI runs us, else cdktf.out
  buildApp(app);
  app.synth();
}
