// The plan loader on the plain-Terraform reference estate (test/fixtures/plain-terraform, planned by
// its regenerate.ts with real terraform): what a plan of hand-written HCL shows only by references
// (a roles map, module outputs, lists of references) is linked to the resources it names.

import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluate } from "../../../checks/engine/evaluate.js";
import { DEFAULT_POLICY, loadPolicy } from "../../../checks/engine/policy-pack.js";
import type { Estate } from "../../../checks/model/index.js";
import { RULES_BY_ID } from "../../../checks/rules/index.js";
import { loadPlan } from "../../../checks/sources/plan/loader.js";
import { PLAIN_ESTATE_DIR } from "../../fixtures/plain-terraform/estate.js";

let estate: Estate;
beforeAll(() => {
  estate = loadPlan(join(PLAIN_ESTATE_DIR, "plan.json"));
});

const IDENTITY = "module.identity[0]";
const ACME = 'module.brand["acme"]';

describe("plan of plain Terraform: the identity pool roles attachment", () => {
  it("binds the role the roles map references, although the map is unknown and shows no keys", () => {
    const [pool] = estate.identityPools;
    if (!pool?.roles.known) throw new Error(pool?.roles.known === false ? pool.roles.reason : "no identity pool");
    const { authenticated, unauthenticated, unslotted } = pool.roles.value;
    expect([authenticated, unauthenticated]).toEqual([null, null]);
    expect(unslotted.map((b) => [b.role?.provenance.address, b.slots])).toEqual([
      [`${IDENTITY}.aws_iam_role.authenticated_pass`, ["authenticated", "unauthenticated"]],
    ]);
  });

  it("reads the known role_mapping block and links each rule's role from its reference", () => {
    const roles = estate.identityPools[0]!.roles;
    if (!roles.known) throw new Error(roles.reason);
    const [mapping] = roles.value.mappings;
    expect(mapping?.type).toBe("Rules");
    expect(mapping?.ambiguousRoleResolution).toMatchObject({ known: true, value: "Deny" });
    expect(mapping?.rules.map((r) => [r.value, r.role?.provenance.address])).toEqual([
      ["wholesale", `${IDENTITY}.aws_iam_role.role_wildcard_fail`],
      ["partner", `${IDENTITY}.aws_iam_role.trust_aud_fail`],
    ]);
  });

  it("reads a policy document data source whose condition values are a list of references", () => {
    const role = estate.iamRoles.find((r) => r.provenance.address === `${IDENTITY}.aws_iam_role.authenticated_pass`);
    if (!role?.trustPolicy.known)
      throw new Error(role?.trustPolicy.known === false ? role.trustPolicy.reason : "no role");
    const aud = role.trustPolicy.value.statements[0]!.conditions.find(
      (c) => c.key === "cognito-identity.amazonaws.com:aud",
    );
    expect(aud?.values.map((v) => v.exactRef)).toEqual([
      { address: `${IDENTITY}.aws_cognito_identity_pool.this`, attribute: "id" },
    ]);
  });
});

describe("plan of plain Terraform: module outputs and lists of references", () => {
  it("links a WAF association whose resource_arn is a module output to the pool of that module instance", () => {
    const [association] = estate.wafAssociations.filter(
      (a) => a.provenance.address === "aws_wafv2_web_acl_association.acme_pool",
    );
    expect(association?.userPool?.provenance.address).toBe(`${ACME}.aws_cognito_user_pool.this`);
  });

  it('links an authorizer\'s provider_arns list, written [module.brand["acme"].user_pool_arn], element by element', () => {
    const [authorizer] = estate.apiAuthorizers;
    expect(authorizer?.providerArns.known).toBe(true);
    expect(authorizer?.userPools.map((p) => p.provenance.address)).toEqual([`${ACME}.aws_cognito_user_pool.this`]);
  });

  it("links an identity pool provider through module outputs passed as module arguments", () => {
    const providers = estate.identityPools[0]!.providers;
    if (!providers.known) throw new Error(providers.reason);
    expect(providers.value.map((p) => p.client?.provenance.address)).toEqual([
      `${ACME}.aws_cognito_user_pool_client.web[0]`,
    ]);
  });
});

describe("plan of plain Terraform: roles bound in an unknown slot are judged on their own", () => {
  const results = () => evaluate(estate, loadPolicy(DEFAULT_POLICY, RULES_BY_ID), RULES_BY_ID, {}).results;
  const status = (rule: string, address: string) =>
    results().find((r) => r.ruleId === rule && r.resource.address === address);

  it("judges a slot-independent rule on the role (no UNKNOWN on the identity pool)", () => {
    expect(status("identity-role-no-wildcards", `${IDENTITY}.aws_iam_role.authenticated_pass`)?.status).toBe("PASS");
    expect(status("identity-role-no-wildcards", `${IDENTITY}.aws_cognito_identity_pool.this`)).toBeUndefined();
  });

  it("says UNKNOWN for trust-amr only because the slot decides, naming why", () => {
    const amr = status("identity-role-trust-amr", `${IDENTITY}.aws_iam_role.authenticated_pass`);
    expect(amr?.status).toBe("UNKNOWN");
    expect(amr?.message).toMatch(/passes in one slot and fails in another.*roles is known only after apply/);
  });
});
