// authwarden/testing in-process: audit() of a stack, an app and a Testing.synth string, and the
// matchers' verdicts and failure messages, in cdktf 0.21 and cdktn 0.24 stacks.

import { CognitoUserPool } from "@cdktf/provider-aws/lib/cognito-user-pool/index.js";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { CognitoUserPool as CdktnUserPool } from "@cdktn/provider-aws/lib/cognito-user-pool/index.js";
import { AwsProvider as CdktnAwsProvider } from "@cdktn/provider-aws/lib/provider/index.js";
import { Aspects, TerraformStack, Testing } from "cdktf";
import * as cdktn from "cdktn";
import { beforeAll, describe, expect, it } from "vitest";
import { ComplianceGate } from "../../checks/gate/index.js";
import { audit, authwardenMatchers } from "../../checks/testing/index.js";
import "../../checks/testing/vitest.js";
import { buildApp } from "../../stacks/main.js";

expect.extend(authwardenMatchers);

const WEAK = { mfaConfiguration: "OFF", passwordPolicy: { minimumLength: 8 } } as const;

function weakStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "weak");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  new CognitoUserPool(stack, "staff", { name: "staff", ...WEAK });
  return stack;
}

describe("audit()", () => {
  let reference: ReturnType<typeof buildApp>;
  beforeAll(() => {
    reference = buildApp(Testing.app(), { gate: false });
  });

  it("passes the compliant reference stack and fails the legacy one, as check --synth does", () => {
    expect(audit(reference.compliant).gate).toEqual({ failOn: "high", passed: true, blocking: 0 });
    const legacy = audit(reference.legacy);
    expect(legacy.gate?.passed).toBe(false);
    expect(legacy.results.find((r) => r.ruleId === "mfa-required" && r.status === "FAIL")?.resource).toMatchObject({
      stack: "shop-legacy",
      constructPath: expect.stringMatching(/^shop-legacy\//),
      file: expect.stringMatching(/^stacks\/.*\.ts$/),
    });
  });

  it("audits the named stack of an app, and refuses to guess between several", () => {
    const app = reference.compliant.node.scope!;
    expect(audit(app, { stack: "shop-legacy" }).scopes).toEqual(["shop-legacy"]);
    expect(() => audit(app)).toThrow("the app holds 2 stacks (shop-compliant, shop-legacy); name one with { stack }");
    expect(() => audit(app, { stack: "nope" })).toThrow(
      'the app has no stack "nope" (stacks: shop-compliant, shop-legacy)',
    );
    expect(() => audit({} as never)).toThrow("expected a TerraformStack or App of cdktf 0.21 or cdktn 0.24");
  });

  it("gives a Testing.synth string the same verdicts as the stack, without source locations", () => {
    const stack = weakStack();
    const verdicts = (report: ReturnType<typeof audit>): string[] =>
      report.results.map((r) => `${r.ruleId} ${r.resource.address} ${r.status}`);
    const fromString = audit(Testing.synth(stack), { stack: "weak" });
    expect(verdicts(fromString)).toEqual(verdicts(audit(stack)));
    expect(fromString.results.every((r) => r.resource.constructPath === undefined)).toBe(true);
  });

  it("applies the options: a lower fail-on blocks medium findings", () => {
    const stack = reference.compliant;
    expect(audit(stack, { failOn: "high" }).gate?.passed).toBe(true);
    const strict = audit(stack, { failOn: "info" });
    expect(strict.gate?.blocking).toBe(strict.results.filter((r) => r.status === "FAIL").length);
  });
});

describe("the matchers", () => {
  it("pass and fail with the findings in the message", () => {
    const stack = weakStack();
    expect(stack).toFailRule("mfa-required", { resource: "staff" });
    expect(stack).toFailRule("password-min-length");
    expect(stack).not.toFailRule("mfa-required", { resource: "someone-else" });
    expect(stack).not.toPassCompliance();
    let message = "";
    try {
      expect(stack).toPassCompliance();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(
      /^expected the stack to pass the compliance gate \(fail-on high\); \d+ findings block it:\n/,
    );
    expect(message).toMatch(
      /\n {2}FAIL mfa-required \[high\] weak\/staff: staff has MFA OFF for first factors PASSWORD \(default on create\); expected ON/,
    );
    expect(message).toMatch(/\(test\/testing\/audit\.test\.ts:\d+\)/);
  });

  it("name the rule's real results when the expected failure is not there", () => {
    const compliant = buildApp(Testing.app(), { gate: false }).compliant;
    expect(() => expect(compliant).toFailRule("mfa-required")).toThrow(
      /^expected rule mfa-required to fail; its results:\n {2}PASS mfa-required/,
    );
    expect(() => expect(weakStack()).toFailRule("mfa-required", { resource: "nobody" })).toThrow(
      /\(no result names nobody: resources are weak\/staff\)/,
    );
    expect(() => expect(compliant).toFailRule("no-such-rule")).toThrow("the policy ran no such rule (pci-dss-4.0.1)");
  });

  it("report UNKNOWN results with their reasons", () => {
    const stack = weakStack();
    expect(() => expect(stack).toHaveNoUnknowns()).toThrow(
      /rules could not judge:\n {2}UNKNOWN auth-event-logging \[medium\] weak\/staff: .*hashicorp\/aws/,
    );
    expect(audit(stack)).not.toHaveNoUnknowns();
  });

  it("take a Report that audit() returned", () => {
    const report = audit(weakStack());
    expect(report).toFailRule("mfa-required", { resource: "aws_cognito_user_pool.staff" });
  });
});

describe("in a cdktn 0.24 app", () => {
  function cdktnStack(config: object): cdktn.TerraformStack {
    const stack = new cdktn.TerraformStack(cdktn.Testing.app(), "tn");
    new CdktnAwsProvider(stack, "aws", { region: "eu-west-1" });
    new CdktnUserPool(stack, "staff", { name: "staff", ...config });
    return stack;
  }

  it("audits a cdktn stack, provider 6.x attribute shapes included", () => {
    const stack = cdktnStack(WEAK);
    expect(stack).toFailRule("mfa-required", { resource: "staff" });
    // provider 6.x can express log delivery: the rule judges it instead of saying UNKNOWN.
    expect(audit(stack).results.find((r) => r.ruleId === "auth-event-logging")?.status).toBe("FAIL");
  });

  it("runs the gate as a cdktn aspect: errors on the construct, so cdktn refuses to synthesize", () => {
    const stack = cdktnStack(WEAK);
    cdktn.Aspects.of(stack).add(new ComplianceGate());
    cdktn.Testing.synth(stack);
    const errors = stack.node
      .findAll()
      .flatMap((c) =>
        c.node.metadata.filter((m) => m.type === "@cdktf/error").map((m) => `${c.node.path} ${String(m.data)}`),
      );
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/^tn\/staff \[authwarden mfa-required\]/)]));
  });
});

it("the gate still runs as a cdktf aspect", () => {
  const stack = weakStack();
  Aspects.of(stack).add(new ComplianceGate());
  expect(() => Testing.fullSynth(stack)).toThrow(/\[authwarden mfa-required\]/);
});
