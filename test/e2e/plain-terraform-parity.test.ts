// The plain-Terraform reference estate (test/fixtures/plain-terraform: a root module with local
// child modules by for_each and count, policy documents, jsonencode with comments, a roles
// attachment of references, a group role, a WAF association through a module output, REST and HTTP
// APIs) gives the same verdict per rule and resource from its real plan (plan.json, made by
// terraform with the provider mirror: regenerate.ts) and from its HCL, as RULES.md promises. Where
// one source truly cannot know what the other does, the exception is named here with the reason.

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../checks/engine/report.js";
import { PLAIN_ESTATE_DIR } from "../fixtures/plain-terraform/estate.js";
import { checkReport } from "../support/run-cli.js";

const PLAN = join(PLAIN_ESTATE_DIR, "plan.json");

interface Exception {
  readonly ruleId: string;
  readonly address: string;
  readonly plan: string;
  readonly hcl: string;
  readonly why: string;
}

/** Where the plan cannot know what the HCL says. */
const PLAN_CANNOT_KNOW: readonly Exception[] = [
  {
    ruleId: "identity-role-trust-amr",
    address: "module.identity[0].aws_iam_role.authenticated_pass",
    plan: "UNKNOWN",
    hcl: "PASS",
    why: "the plan shows the roles map only by the references it holds, so it cannot tell the slot (authenticated or unauthenticated) the role is bound in; the HCL has the map's keys",
  },
];

/** "ruleId address" -> what the rule said of the resource: status, kind, name and parent. */
function verdicts(report: Report): Map<string, string> {
  const out = new Map<string, string>();
  for (const result of report.results) {
    const { kind, name, parent, address } = result.resource;
    const key = `${result.ruleId} ${address}`;
    expect(out.has(key), `${key} judged twice`).toBe(false);
    out.set(key, JSON.stringify({ status: result.status, kind, name, parent }));
  }
  return out;
}

/** The differences between two verdict maps, as "key: a -> b" with the statuses. */
function differences(plan: Map<string, string>, hcl: Map<string, string>): Exception[] {
  const keys = [...new Set([...plan.keys(), ...hcl.keys()])].sort();
  const out: Exception[] = [];
  for (const key of keys) {
    if (plan.get(key) === hcl.get(key)) continue;
    const [ruleId, address] = [key.slice(0, key.indexOf(" ")), key.slice(key.indexOf(" ") + 1)];
    const status = (value: string | undefined) => (value ? (JSON.parse(value) as { status: string }).status : "absent");
    const a = plan.get(key);
    const b = hcl.get(key);
    // Same status but another name or parent is a difference too: it shows up with both records.
    out.push({
      ruleId,
      address,
      plan: status(a) === status(b) ? `${a}` : status(a),
      hcl: status(a) === status(b) ? `${b}` : status(b),
      why: "",
    });
  }
  return out;
}

const withoutWhy = (list: readonly Exception[]) => list.map(({ why: _why, ...rest }) => rest);

describe("the plain-Terraform estate: plan and HCL", () => {
  it("give the same verdict per rule and resource, but for the named exceptions", async () => {
    const plan = verdicts(await checkReport(["--plan", PLAN]));
    const hcl = verdicts(await checkReport(["--hcl", PLAIN_ESTATE_DIR]));
    expect(plan.size).toBeGreaterThan(100);
    expect(withoutWhy(differences(plan, hcl))).toEqual(withoutWhy(PLAN_CANNOT_KNOW));
  });

  it("read from HCL, a variable without a value is UNKNOWN where the plan had its value, and --var gives it", async () => {
    // The same estate with acme's MFA setting taken from a root variable without a default; the
    // plan was made with that variable's value as written (ON).
    const dir = mkdtempSync(join(tmpdir(), "authwarden-plain-var-"));
    cpSync(PLAIN_ESTATE_DIR, dir, { recursive: true, filter: (source) => !/\.(json|ts)$/.test(source) });
    const main = readFileSync(join(dir, "main.tf"), "utf8");
    expect(main).toContain('acme        = "ON"');
    writeFileSync(
      join(dir, "main.tf"),
      `variable "acme_mfa" {\n  type = string\n}\n\n${main.replace('acme        = "ON"', "acme        = var.acme_mfa")}`,
    );
    const plan = verdicts(await checkReport(["--plan", PLAN]));
    const unknownVar = await checkReport(["--hcl", dir]);
    const pool = 'module.brand["acme"].aws_cognito_user_pool.this';
    const status = (key: string) => (JSON.parse(plan.get(key)!) as { status: string }).status;
    const hclCannotKnow: Exception[] = [
      ...[
        "mfa-factor-strength",
        "mfa-no-remembered-device-bypass",
        "mfa-required",
        "password-only-needs-risk-analysis",
      ].map((ruleId) => ({
        ruleId,
        address: pool,
        plan: status(`${ruleId} ${pool}`),
        hcl: "UNKNOWN",
        why: "mfa_configuration is var.acme_mfa, which has no value in the HCL alone",
      })),
      {
        ruleId: "mfa-on-sensitive-actions",
        address: "aws_api_gateway_method.checkout_post",
        plan: status("mfa-on-sensitive-actions aws_api_gateway_method.checkout_post"),
        hcl: "UNKNOWN",
        why: "the route's authorizer is acme's pool, whose MFA is var.acme_mfa",
      },
      {
        ruleId: "mfa-on-sensitive-actions",
        address: "aws_apigatewayv2_route.payment_methods",
        plan: status("mfa-on-sensitive-actions aws_apigatewayv2_route.payment_methods"),
        hcl: "UNKNOWN",
        why: "the HTTP route's JWT issuer is acme's pool, whose MFA is var.acme_mfa",
      },
    ];
    expect(withoutWhy(differences(plan, verdicts(unknownVar)))).toEqual(
      withoutWhy(
        [...hclCannotKnow, ...PLAN_CANNOT_KNOW].sort((a, b) =>
          `${a.ruleId} ${a.address}` < `${b.ruleId} ${b.address}` ? -1 : 1,
        ),
      ),
    );
    for (const exception of hclCannotKnow) {
      const result = unknownVar.results.find(
        (r) => r.ruleId === exception.ruleId && r.resource.address === exception.address,
      )!;
      expect(result.message).toContain("var.acme_mfa");
    }
    const given = verdicts(await checkReport(["--hcl", dir, "--var", "acme_mfa=ON"]));
    expect(withoutWhy(differences(plan, given))).toEqual(withoutWhy(PLAN_CANNOT_KNOW));
  });
});
