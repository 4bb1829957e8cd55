// Keeps the catalog consistent, as ESLint's checkRuleFiles does: every rule file registered, its id
// equal to its file name, a test file per rule, packs naming only known rules and validating, and
// the README's catalog generated from rule metadata.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { assertValid } from "../checks/json-schema.js";
import { builtInPolicyNames, loadPolicy } from "../checks/policy-pack.js";
import { catalogMarkdown } from "../checks/rule-catalog.js";
import { SEVERITIES } from "../checks/rule.js";
import { RULES, RULES_BY_ID } from "../checks/rules/index.js";

const ruleFiles = readdirSync(join("checks", "rules"))
  .filter((f) => f.endsWith(".ts") && f !== "index.ts")
  .map((f) => basename(f, ".ts"));

describe("rule catalog", () => {
  it("registers every rule file, and nothing else", () => {
    expect(RULES.map((r) => r.meta.id).sort()).toEqual([...ruleFiles].sort());
  });

  it.each(ruleFiles)("%s: id equals the file name, default export is the rule", async (file) => {
    const module = (await import(pathToFileURL(resolve("checks", "rules", `${file}.ts`)).href)) as { default: { meta: { id: string } } };
    expect(module.default.meta.id).toBe(file);
  });

  it.each(ruleFiles)("%s has a test file using the shared harness", (id) => {
    const testFile = join("test", "rules", `${id}.test.ts`);
    expect(existsSync(testFile), testFile).toBe(true);
    expect(readFileSync(testFile, "utf8")).toMatch(/RuleTester\.run\(rule,/);
  });

  it.each(RULES.map((r) => [r.meta.id, r] as const))("%s has complete metadata", (_id, rule) => {
    const { meta } = rule;
    expect(SEVERITIES).toContain(meta.severity);
    expect(meta.requirements.length).toBeGreaterThan(0);
    for (const requirement of meta.requirements) expect(requirement).toMatch(/^\d+(\.\d+)*$/);
    expect(meta.remediation.summary.length).toBeGreaterThan(10);
    expect(meta.remediation.cdktf.length).toBeGreaterThan(10);
    expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
    // Defaults and audience defaults satisfy the rule's own options schema.
    assertValid(meta.options.schema, meta.options.defaults, `${meta.id} defaults`);
    for (const options of Object.values(meta.options.audienceDefaults ?? {})) assertValid(meta.options.schema, options, `${meta.id} audience defaults`);
  });

  it("every built-in pack validates and names only known rules", () => {
    expect(builtInPolicyNames()).toContain("pci-dss-4.0.1");
    for (const name of builtInPolicyNames()) {
      const policy = loadPolicy(name, RULES_BY_ID);
      for (const rule of policy.rules) expect(RULES_BY_ID.has(rule.id)).toBe(true);
    }
  });

  it("the pci-dss-4.0.1 pack enables every shipped rule", () => {
    expect(loadPolicy("pci-dss-4.0.1", RULES_BY_ID).rules.map((r) => r.id).sort()).toEqual(RULES.map((r) => r.meta.id).sort());
  });

  it("the README documents the catalog generated from rule metadata (run npm run docs)", () => {
    const readme = readFileSync("README.md", "utf8");
    const start = readme.indexOf("<!-- rules:start -->");
    const end = readme.indexOf("<!-- rules:end -->");
    expect(start).toBeGreaterThan(-1);
    expect(readme.slice(start + "<!-- rules:start -->".length, end).trim()).toBe(catalogMarkdown(RULES));
  });
});
