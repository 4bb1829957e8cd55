// What synth alone cannot catch: the provider rejects values at plan time. The harness surfaces
// terraform's own message as a clear failure, so a fixture the provider refuses never passes silently.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { loadSynth } from "../../checks/sources/synth/loader.js";
import { client, userPool } from "../harness/cognito-fixtures.js";
import { OFFLINE_PROVIDER, planJson, synthApp } from "../support/terraform-plan.js";

describe("provider validation at plan time", () => {
  it("an access token valid for 48 hours synthesizes, but terraform plan fails with the provider's message", async () => {
    const outdir = mkdtempSync(join(tmpdir(), "authwarden-provider-validation-"));
    const stackDir = synthApp(outdir, (app) => {
      const stack = new TerraformStack(app, "too-long");
      new AwsProvider(stack, "aws", { region: "eu-west-1", ...OFFLINE_PROVIDER });
      client(stack, "fail_48_hours", userPool(stack, "staff"), {
        accessTokenValidity: 48,
        tokenValidityUnits: [{ accessToken: "hours" }],
      });
    });
    // Synth and the synth loader accept it: only the provider knows the 24-hour limit.
    expect(loadSynth(outdir).userPoolClients[0]?.accessTokenValidity).toMatchObject({
      known: true,
      value: { seconds: 48 * 3600 },
    });
    const error = await planJson(stackDir("too-long")).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error, "terraform plan should refuse an access token validity above 24 hours").toBeInstanceOf(Error);
    expect(error!.message).toMatch(/terraform plan failed in .*too-long/);
    expect(error!.message).toMatch(/access_token_validity/);
  }, 300_000);
});
