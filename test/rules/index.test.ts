// Keeps the catalog consistent, as ESLint's checkRuleFiles does: every rule file registered, its id
// equal to its file name, a test file per rule, packs naming only known rules and validating, and
// the README's catalog generated from rule metadata.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { assertValid } from "../../checks/io/json-schema.js";
import { builtInPolicyNames, loadPolicy } from "../../checks/engine/policy-pack.js";
import { catalog, catalogMarkdown } from "../../checks/engine/catalog.js";
import { SEVERITIES } from "../../checks/engine/rule.js";
import { RULES, RULES_BY_ID } from "../../checks/rules/index.js";

const ruleFiles = readdirSync(join("checks", "rules"))
  .filter((f) => f.endsWith(".ts") && f !== "index.ts")
  .map((f) => basename(f, ".ts"));

/**
 * The anchors GitHub gives a Markdown file's headings (github-slugger): inline markup dropped, lower
 * case, punctuation other than - and _ removed, spaces as -, and -1, -2... on repeats. Headings in
 * code fences are not headings.
 */
function githubAnchors(markdown: string): string[] {
  const anchors: string[] = [];
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const text = heading[1]!
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/[`*_~]|<[^>]*>/g, (m) => (m === "_" ? m : ""));
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, "")
      .replace(/ /g, "-");
    let unique = slug;
    for (let n = 1; anchors.includes(unique); n++) unique = `${slug}-${n}`;
    anchors.push(unique);
  }
  return anchors;
}

/** Rules that only the live account can judge (RULES.md: no Terraform attribute exists). */
const LIVE_ONLY = ["custom-domain-tls-policy"];

describe("rule catalog", () => {
  it("registers every rule file, and nothing else", () => {
    expect(RULES.map((r) => r.meta.id).sort()).toEqual([...ruleFiles].sort());
  });

  it.each(ruleFiles)("%s: id equals the file name, default export is the rule", async (file) => {
    const module = (await import(pathToFileURL(resolve("checks", "rules", `${file}.ts`)).href)) as {
      default: { meta: { id: string } };
    };
    expect(module.default.meta.id).toBe(file);
  });

  it.each(ruleFiles)("%s has a test file using the shared harness", (id) => {
    const testFile = join("test", "rules", `${id}.test.ts`);
    expect(existsSync(testFile), testFile).toBe(true);
    // A rule judged only by the live scan has no synth case to pass: its cases are live estates of the
    // emulator, run through the harness's evaluateRule.
    expect(readFileSync(testFile, "utf8")).toMatch(
      LIVE_ONLY.includes(id) ? /evaluateRule\(rule,/ : /RuleTester\.run\(rule,/,
    );
  });

  it.each(RULES.map((r) => [r.meta.id, r] as const))("%s has complete metadata", (_id, rule) => {
    const { meta } = rule;
    expect(SEVERITIES).toContain(meta.severity);
    // A rule cites a PCI DSS requirement with its relation, or, as a best practice, a source.
    expect(meta.pci.length + (meta.sources?.length ?? 0)).toBeGreaterThan(0);
    for (const reference of meta.pci) {
      expect(reference.id).toMatch(/^\d+(\.\d+)*$/);
      expect(["meets", "supports"]).toContain(reference.relation);
    }
    for (const source of meta.sources ?? []) expect(source.url).toMatch(/^https:\/\//);
    expect(meta.remediation.summary.length).toBeGreaterThan(10);
    expect(meta.remediation.cdktf.length).toBeGreaterThan(10);
    expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
    // Defaults and audience defaults satisfy the rule's own options schema.
    assertValid(meta.options.schema, meta.options.defaults, `${meta.id} defaults`);
    for (const options of Object.values(meta.options.audienceDefaults ?? {}))
      assertValid(meta.options.schema, options, `${meta.id} audience defaults`);
  });

  it("rules import no parser, and IAM analysis does not import the rule contract", () => {
    const importsOf = (dir: string): [string, string][] =>
      readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".ts"))
        .flatMap((f) =>
          [...readFileSync(join(dir, f), "utf8").matchAll(/from "([^"]+)"/g)].map((m): [string, string] => [f, m[1]!]),
        );
    const parsers = importsOf(join("checks", "rules")).filter(([, from]) => /\/(sources|io)\//.test(from));
    expect(parsers).toEqual([]);
    const contract = importsOf(join("checks", "iam")).filter(([, from]) => /\/(engine|rules)\//.test(from));
    expect(contract).toEqual([]);
  });

  it("every built-in pack validates and names only known rules", () => {
    expect(builtInPolicyNames()).toContain("pci-dss-4.0.1");
    for (const name of builtInPolicyNames()) {
      const policy = loadPolicy(name, RULES_BY_ID);
      for (const rule of policy.rules) expect(RULES_BY_ID.has(rule.id)).toBe(true);
    }
  });

  it("the pci-dss-4.0.1 pack enables every shipped rule", () => {
    expect(
      loadPolicy("pci-dss-4.0.1", RULES_BY_ID)
        .rules.map((r) => r.id)
        .sort(),
    ).toEqual(RULES.map((r) => r.meta.id).sort());
  });

  it("the baseline pack enables every rule with the relaxed consumer thresholds for every audience", () => {
    const baseline = loadPolicy("baseline", RULES_BY_ID);
    expect(baseline.rules.map((r) => r.id).sort()).toEqual(RULES.map((r) => r.meta.id).sort());
    const minLength = baseline.rules.find((r) => r.id === "password-min-length");
    expect(minLength?.options).toEqual({ minimumLength: 8 });
  });

  it("ships exactly the rule ids of the catalog contract (RULES.md)", () => {
    // The ids are a contract with reports, waivers and users' CI configuration: renaming one breaks them.
    expect(RULES.map((r) => r.meta.id).sort()).toEqual(
      [
        "auth-log-retention",
        "custom-domain-tls-policy",
        "password-min-length",
        "password-composition",
        "password-history",
        "temporary-password-validity",
        "password-only-needs-risk-analysis",
        "account-lockout",
        "mfa-required",
        "mfa-factor-strength",
        "mfa-no-remembered-device-bypass",
        "passkey-user-verification-required",
        "mfa-on-sensitive-actions",
        "threat-protection-enforced",
        "threat-protection-custom-auth",
        "compromised-credentials-blocked",
        "account-takeover-response",
        "access-token-lifetime",
        "id-token-lifetime",
        "sso-session-lifetime",
        "m2m-client-no-user-flows",
        "m2m-client-secret-age",
        "open-client-registration-disabled",
        "refresh-token-lifetime",
        "refresh-token-rotation",
        "auth-session-lifetime",
        "token-revocation-enabled",
        "user-existence-errors-hidden",
        "oauth-no-implicit-grant",
        "oauth-https-redirects",
        "client-auth-flows-secure",
        "client-privileged-attributes-readonly",
        "identity-pool-guest-access",
        "identity-pool-classic-flow-disabled",
        "identity-role-trust-audience",
        "identity-role-trust-amr",
        "identity-role-no-wildcards",
        "identity-role-per-identity-scoping",
        "identity-role-no-privilege-escalation",
        "identity-role-no-broad-managed-policies",
        "identity-role-session-duration",
        "identity-role-mapping-deny-ambiguous",
        "no-plaintext-secrets",
        "saml-idp-hardening",
        "federated-email-verified",
        "deletion-protection",
        "self-signup-disabled",
        "account-recovery-verified",
        "auth-event-logging",
        "waf-protection",
        "api-waf-protection",
        "no-cardholder-data-attributes",
        "api-methods-authorized",
      ].sort(),
    );
  });

  it("every rule's docs URL is the repository's README at an anchor GitHub generates from a heading", () => {
    const readme = readFileSync("README.md", "utf8");
    for (const entry of catalog(RULES)) {
      expect(entry.docsUrl).toBe(`https://github.com/authwarden/authwarden#${entry.id}`);
      expect(githubAnchors(readme), entry.id).toContain(new URL(entry.docsUrl!).hash.slice(1));
    }
  });

  it("the README documents the catalog generated from rule metadata (run npm run docs)", () => {
    const readme = readFileSync("README.md", "utf8");
    const start = readme.indexOf("<!-- rules:start -->");
    const end = readme.indexOf("<!-- rules:end -->");
    expect(start).toBeGreaterThan(-1);
    expect(readme.slice(start + "<!-- rules:start -->".length, end).trim()).toBe(catalogMarkdown(RULES));
  });
});
