// The input shape schemas accept what the real tools write (cdktf synth, terraform show -json,
// hcl2json) and name the JSON path of what they refuse.

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigValidationError } from "../../checks/errors.js";
import { assertInputShape } from "../../checks/io/schemas/index.js";
import { synthReferenceApp } from "../support/reference-synth.js";

const PLANS = join(import.meta.dirname, "..", "fixtures", "plans");
const json = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;

describe("input schemas on real tools' output", () => {
  it("accept every committed terraform plan", () => {
    const plans = readdirSync(PLANS).filter((name) => name.endsWith(".json"));
    expect(plans.length).toBeGreaterThanOrEqual(4);
    for (const name of plans)
      expect(() => assertInputShape("terraform-plan", json(join(PLANS, name)), name)).not.toThrow();
  });

  it("accept the reference app's manifest and every stack document", () => {
    const dir = synthReferenceApp();
    const manifest = json(join(dir, "manifest.json"));
    expect(() => assertInputShape("cdktf-manifest", manifest, "manifest.json")).not.toThrow();
    for (const stack of Object.values(manifest.stacks as Record<string, { synthesizedStackPath: string }>)) {
      const file = join(dir, stack.synthesizedStackPath);
      expect(() => assertInputShape("terraform-json", json(file), file)).not.toThrow();
    }
  });

  it("name the file and the JSON path of a wrong shape", () => {
    const plan = json(join(PLANS, "modules.json"));
    const bad = { ...plan, resource_changes: { a: 1 } };
    expect(() => assertInputShape("terraform-plan", bad, "plan.json")).toThrow(ConfigValidationError);
    expect(() => assertInputShape("terraform-plan", bad, "plan.json")).toThrow(
      "plan.json: /resource_changes must be array",
    );
    expect(() => assertInputShape("cdktf-manifest", { stacks: {} }, "manifest.json")).toThrow(
      "manifest.json: /stacks is empty",
    );
    expect(() => assertInputShape("terraform-json", { resources: {} }, "cdk.tf.json")).toThrow(
      'cdk.tf.json: / has unknown property "resources"',
    );
  });

  it("allow plan properties a later format 1.x adds", () => {
    const plan = { ...json(join(PLANS, "modules.json")), action_invocations: [], some_future_key: { x: 1 } };
    expect(() => assertInputShape("terraform-plan", plan, "plan.json")).not.toThrow();
  });
});
