// Policy packs and user policies: data files validated by policies/schema/policy-pack.schema.json
// and by each rule's options schema, resolved along their "extends" chain.

import { readJsonFile } from "../io/safe-json.js";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { AudienceSettings } from "./audience.js";
import { readDataFile } from "../io/data-file.js";
import { ConfigValidationError, InputError } from "../errors.js";
import { assertValid } from "../io/json-schema.js";
import type { Audience } from "../model/index.js";
import { policiesDir } from "../package-info.js";
import { takesOptions, type Rule, type RuleOptions, type Severity } from "./rule.js";

export const DEFAULT_POLICY = "pci-dss-4.0.1";

export interface ResolvedRuleConfig {
  readonly id: string;
  readonly severity: Severity;
  readonly options: RuleOptions;
  readonly audienceOptions: Partial<Record<Audience, RuleOptions>>;
}

export interface ResolvedPolicy {
  readonly name: string;
  readonly version: string;
  /** The user's file, when the policy came from one. */
  readonly file?: string;
  readonly audience: AudienceSettings;
  /** Enabled rules, by id order. */
  readonly rules: readonly ResolvedRuleConfig[];
}

interface PolicyFile {
  name?: string;
  version?: string;
  extends?: string;
  audience?: Partial<AudienceSettings>;
  rules?: Record<
    string,
    {
      enabled?: boolean;
      severity?: Severity;
      options?: RuleOptions;
      audienceOptions?: Partial<Record<Audience, RuleOptions>>;
    }
  >;
}

let packSchema: Record<string, unknown> | undefined;
function schema(): Record<string, unknown> {
  packSchema ??= readJsonFile(join(policiesDir(), "schema", "policy-pack.schema.json")) as Record<string, unknown>;
  return packSchema;
}

export function builtInPolicyNames(): string[] {
  return ["pci-dss-4.0.1", "baseline"].filter((name) => existsSync(join(policiesDir(), `${name}.json`)));
}

/** Resolves a built-in pack name or a policy file (JSON or YAML) against the rule registry. */
export function loadPolicy(reference: string, rules: ReadonlyMap<string, Rule>): ResolvedPolicy {
  const file = locate(reference, process.cwd());
  const chain = readChain(file, rules, []);
  const leaf = chain[chain.length - 1]!;
  const builtIn = chain[0]!;
  const merged = new Map<
    string,
    {
      enabled: boolean;
      severity?: Severity;
      options: RuleOptions;
      audienceOptions: Partial<Record<Audience, RuleOptions>>;
    }
  >();
  const audience: AudienceSettings = { tagKey: "pci:audience", namePatterns: [], default: "workforce" };
  let mergedAudience = audience;
  for (const { content } of chain) {
    if (content.audience) mergedAudience = { ...mergedAudience, ...content.audience } as AudienceSettings;
    for (const [id, config] of Object.entries(content.rules ?? {})) {
      const previous = merged.get(id) ?? { enabled: true, options: {}, audienceOptions: {} };
      const audienceOptions = { ...previous.audienceOptions };
      for (const [aud, opts] of Object.entries(config.audienceOptions ?? {})) {
        audienceOptions[aud as Audience] = { ...audienceOptions[aud as Audience], ...opts };
      }
      merged.set(id, {
        enabled: config.enabled ?? previous.enabled,
        ...((config.severity ?? previous.severity) ? { severity: config.severity ?? previous.severity } : {}),
        options: { ...previous.options, ...config.options },
        audienceOptions,
      });
    }
  }
  const resolved = [...merged.entries()]
    .filter(([, config]) => config.enabled)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, config]) => ({
      id,
      severity: config.severity ?? rules.get(id)!.meta.severity,
      options: config.options,
      audienceOptions: config.audienceOptions,
    }));
  return {
    name: leaf.content.name ?? `${builtIn.content.name ?? "custom"} (customized)`,
    version: leaf.content.version ?? builtIn.content.version ?? "0",
    ...(chain.length > 1 || !leaf.builtIn ? { file: leaf.file } : {}),
    audience: mergedAudience,
    rules: resolved,
  };
}

function locate(reference: string, base: string): string {
  const builtIn = join(policiesDir(), `${reference}.json`);
  if (/^[a-z0-9][a-z0-9.-]*$/.test(reference) && !/\.(json|ya?ml)$/.test(reference) && existsSync(builtIn))
    return builtIn;
  const file = resolve(base, reference);
  if (!existsSync(file)) {
    const names = builtInPolicyNames().join(", ");
    throw new InputError(reference, `is neither a policy file nor a built-in policy pack (built-in: ${names})`);
  }
  return file;
}

function readChain(
  file: string,
  rules: ReadonlyMap<string, Rule>,
  seen: string[],
): { file: string; content: PolicyFile; builtIn: boolean }[] {
  if (seen.includes(file))
    throw new ConfigValidationError(file, "/extends", `forms a cycle (${[...seen, file].join(" -> ")})`);
  const content = readPolicyFile(file);
  assertValid(schema(), content, file);
  for (const [id, config] of Object.entries(content.rules ?? {})) {
    const rule = rules.get(id);
    if (!rule) throw new ConfigValidationError(file, `/rules/${id}`, "names an unknown rule (see authwarden rules)");
    if (config.options) validateOptions(rule, config.options, file, `/rules/${id}/options`);
    for (const [aud, opts] of Object.entries(config.audienceOptions ?? {})) {
      validateOptions(rule, opts, file, `/rules/${id}/audienceOptions/${aud}`);
    }
  }
  const entry = { file, content, builtIn: dirname(file) === policiesDir() };
  if (!content.extends) return [entry];
  const parent = locate(content.extends, dirname(file));
  return [...readChain(parent, rules, [...seen, file]), entry];
}

function validateOptions(rule: Rule, options: RuleOptions, file: string, pointer: string): void {
  // A rule without options has no schema to quote, so say so instead of "must NOT have additional properties".
  const given = Object.keys(options);
  if (!takesOptions(rule.meta) && given.length > 0)
    throw new ConfigValidationError(file, pointer, `sets ${given.join(", ")}, but ${rule.meta.id} takes no options`);
  assertValid(rule.meta.options.schema, options, file, pointer);
}

function readPolicyFile(file: string): PolicyFile {
  return readDataFile(file) as PolicyFile;
}
