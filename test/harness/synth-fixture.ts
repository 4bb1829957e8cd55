// Builds a small cdktf stack with the real provider bindings, synthesizes it with cdktf's Testing
// API, and loads the output with the real synth loader: fixtures come from cdktf, never typed by hand.

import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { Testing, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { Estate } from "../../checks/model/index.js";
import { loadSynth } from "../../checks/sources/synth/loader.js";

export type StackBuilder = (scope: Construct) => void;

export function synthFixture(build: StackBuilder, stackName = "fixture"): string {
  const app = Testing.app();
  const stack = new TerraformStack(app, stackName);
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  build(stack);
  return Testing.fullSynth(stack);
}

export function estateOf(build: StackBuilder): Estate {
  return loadSynth(synthFixture(build));
}
