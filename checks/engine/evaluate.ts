// Runs the rules of a resolved policy over an Estate and returns the in-memory Report. A rule that
// throws becomes one ERROR result and the run goes on. Nothing is written here.

import type { AudienceIndex, AudienceInfo } from "./audience.js";
import { AudienceViews } from "./audience-agreement.js";
import { RuleExecutionError } from "../errors.js";
import { AUDIENCES, type Audience, type Estate, type ModelObject } from "../model/index.js";
import { toolVersion } from "../package-info.js";
import { applicability, type ControlApplicability } from "./pci-applicability.js";
import type { ResolvedPolicy, ResolvedRuleConfig } from "./policy-pack.js";
import { requirementRollups } from "./requirements.js";
import { summarize, type NotJudged, type Report, type Result, type ResultResource } from "./report.js";
import {
  SHARED_MESSAGES,
  STATUSES,
  type Finding,
  type MessageData,
  type PciReference,
  type Rule,
  type RuleOptions,
} from "./rule.js";
import { applyWaivers, type Waiver } from "./waivers.js";

export interface EvaluateOptions {
  /** Fixed clock for reproducible reports and waiver expiry. */
  readonly now?: Date;
  readonly waivers?: readonly Waiver[];
}

export function evaluate(
  estate: Estate,
  policy: ResolvedPolicy,
  rules: ReadonlyMap<string, Rule>,
  options: EvaluateOptions = {},
): Report {
  const views = new AudienceViews(estate, policy.audience);
  const audiences = views.index;
  const parts = new ResultParts(audiences);
  const now = options.now ?? new Date();
  const results: Result[] = [];
  const notJudged: NotJudged[] = [];
  for (const config of policy.rules) {
    const rule = rules.get(config.id);
    if (!rule) continue;
    const judgedBy = rule.meta.judgedBy;
    if (judgedBy && !judgedBy.sources.includes(estate.source)) {
      notJudged.push({ ruleId: rule.meta.id, reason: notJudgedReason(judgedBy) });
      continue;
    }
    // One push per result: spreading a rule's results as arguments overflows the stack at scale.
    for (const result of runRule(rule, config, estate, views, parts, now)) results.push(result);
  }
  const waived = applyWaivers(results, options.waivers ?? [], now);
  waived.results.sort(compareResults);
  return {
    tool: { name: "authwarden", version: toolVersion() },
    generatedAt: now.toISOString(),
    source: estate.source,
    inputs: estate.inputs,
    scopes: estate.scopes,
    policy: { name: policy.name, version: policy.version, ...(policy.file ? { file: policy.file } : {}) },
    audiences: estate.userPools
      .map((pool) => {
        const info = audiences.of(pool);
        return {
          key: pool.key,
          name: pool.name.known ? pool.name.value : null,
          audience: info.audience,
          declared: info.declared,
          via: info.via,
        };
      })
      .sort((a, b) => a.key.localeCompare(b.key)),
    summary: summarize(waived.results, estate.diagnostics),
    results: waived.results,
    requirements: requirementRollups(waived.results),
    waivers: waived.problems,
    notJudged: notJudged.sort((a, b) => a.ruleId.localeCompare(b.ruleId)),
    diagnostics: estate.diagnostics,
  };
}

function notJudgedReason(judgedBy: NonNullable<Rule["meta"]["judgedBy"]>): string {
  const only = judgedBy.sources.length === 1 && judgedBy.sources[0] === "live";
  return `${only ? "judged only by the live scan" : `judged only on ${judgedBy.sources.join(", ")} sources`}: ${judgedBy.reason}`;
}

function runRule(
  rule: Rule,
  config: ResolvedRuleConfig,
  estate: Estate,
  views: AudienceViews,
  parts: ResultParts,
  now: Date,
): Result[] {
  const optionsByAudience = new Map<Audience, RuleOptions>();
  const optionsFor = (audience: Audience): RuleOptions => {
    let resolved = optionsByAudience.get(audience);
    if (!resolved) {
      resolved = {
        ...rule.meta.options.defaults,
        ...config.options,
        ...rule.meta.options.audienceDefaults?.[audience],
        ...config.audienceOptions[audience],
      };
      optionsByAudience.set(audience, resolved);
    }
    return resolved;
  };
  try {
    const findings = views.judge((audiences) =>
      rule.check(estate, {
        options: (resource) => optionsFor(audiences.of(resource).audience),
        audience: (resource) => audiences.of(resource),
        now,
      }),
    );
    const controls = new RuleControls(rule);
    return findings.map((finding) => toResult(rule, config, finding, parts.of(finding.resource), controls));
  } catch (cause) {
    const error = new RuleExecutionError(rule.meta.id, cause);
    return [
      {
        ruleId: rule.meta.id,
        title: rule.meta.title,
        status: "ERROR",
        severity: config.severity,
        messageId: "error",
        message: error.message,
        resource: { kind: "Rule", name: rule.meta.id, key: `rule:${rule.meta.id}`, source: estate.source },
        audience: { audience: "workforce", declared: false, via: "default" },
        controls: rule.meta.pci.map(({ id, relation }) => ({ id, relation, applicable: true })),
        references: rule.meta.sources ?? [],
        evidence: [],
        remediation: rule.meta.remediation.summary,
      },
    ];
  }
}

function toResult(
  rule: Rule,
  config: ResolvedRuleConfig,
  finding: Finding,
  resource: ResourceParts,
  controls: RuleControls,
): Result {
  return {
    ruleId: rule.meta.id,
    title: rule.meta.title,
    status: finding.status,
    severity: config.severity,
    messageId: finding.messageId,
    message: renderMessage(rule, finding),
    resource: resource.resource,
    audience: resource.audience,
    controls:
      finding.requirements === undefined
        ? controls.of(resource)
        : applicability(referencesOf(rule, finding), resource.info),
    references: rule.meta.sources ?? NONE,
    evidence: finding.evidence ?? NONE,
    remediation: rule.meta.remediation.summary,
  };
}

/** Shared by every result without evidence or references (a Report is read-only). */
const NONE: readonly never[] = Object.freeze([]);

/** What every result about a resource shares: its description and audience, worked out once per run. */
interface ResourceParts {
  readonly resource: ResultResource;
  readonly info: AudienceInfo;
  readonly audience: Result["audience"];
  /** The index of the controls the resource's results share in RuleControls (audience, and whether unknown). */
  readonly controlsSlot: number;
}

class ResultParts {
  private readonly byObject = new Map<ModelObject, ResourceParts>();
  /** Result audiences are values of few distinct inputs: one object each, shared by the results. */
  private readonly audiences = new Map<string, Result["audience"]>();

  constructor(private readonly index: AudienceIndex) {}

  of(resource: ModelObject): ResourceParts {
    let parts = this.byObject.get(resource);
    if (!parts) {
      const info = this.index.of(resource);
      parts = {
        resource: resultResource(resource),
        info,
        audience: this.audienceOf(info),
        controlsSlot: AUDIENCES.indexOf(info.audience) * 2 + (info.via === "unknown" ? 1 : 0),
      };
      this.byObject.set(resource, parts);
    }
    return parts;
  }

  private audienceOf(info: AudienceInfo): Result["audience"] {
    const key = `${info.audience}/${info.declared}/${info.via}`;
    let audience = this.audiences.get(key);
    if (!audience) {
      audience = { audience: info.audience, declared: info.declared, via: info.via };
      this.audiences.set(key, audience);
    }
    return audience;
  }
}

/**
 * A rule's controls for findings that name no requirement subset, by the audience of the resource and
 * whether it is unknown (all applicability() reads), built once each and shared by the results.
 */
class RuleControls {
  private readonly bySlot: (readonly ControlApplicability[] | undefined)[] = [];

  constructor(private readonly rule: Rule) {}

  of(resource: ResourceParts): readonly ControlApplicability[] {
    let controls = this.bySlot[resource.controlsSlot];
    if (!controls) {
      controls = applicability(this.rule.meta.pci, resource.info);
      this.bySlot[resource.controlsSlot] = controls;
    }
    return controls;
  }
}

/** The rule's PCI references the finding bears on: all of them unless the finding names fewer. */
function referencesOf(rule: Rule, finding: Finding): readonly PciReference[] {
  const only = finding.requirements;
  if (only === undefined) return rule.meta.pci;
  const unknownIds = only.filter((id) => !rule.meta.pci.some((r) => r.id === id));
  if (unknownIds.length > 0)
    throw new RuleExecutionError(
      rule.meta.id,
      new Error(`finding names requirements the rule does not cite: ${unknownIds.join(", ")}`),
    );
  return rule.meta.pci.filter((r) => only.includes(r.id));
}

export function displayName(resource: ModelObject): string {
  return resource.name.known
    ? resource.name.value
    : (resource.provenance.address ?? resource.provenance.arn ?? resource.key);
}

/** A message template split once: literal text, then per placeholder its text as written and its name. */
const compiledTemplates = new Map<string, readonly string[]>();

function templateParts(template: string): readonly string[] {
  let parts = compiledTemplates.get(template);
  if (!parts) {
    parts = template.split(/(\{\{\s*(\w+)\s*\}\})/);
    compiledTemplates.set(template, parts);
  }
  return parts;
}

const NO_DATA: MessageData = Object.freeze({});

function renderMessage(rule: Rule, finding: Finding): string {
  const shared: Readonly<Record<string, string>> = SHARED_MESSAGES;
  const template = rule.meta.messages[finding.messageId] ?? shared[finding.messageId];
  if (template === undefined)
    throw new RuleExecutionError(rule.meta.id, new Error(`unknown messageId ${JSON.stringify(finding.messageId)}`));
  const parts = templateParts(template);
  const data: MessageData = finding.data ?? NO_DATA;
  let text = parts[0]!;
  for (let i = 1; i < parts.length; i += 3) {
    const key = parts[i + 1]!;
    // An unfilled placeholder stays as written, so the RuleTester can point at it.
    const value = key in data ? data[key] : key === "resource" ? displayName(finding.resource) : undefined;
    text += (value === undefined ? parts[i]! : String(value)) + parts[i + 2]!;
  }
  return text;
}

function parentOf(resource: ModelObject): string | undefined {
  if (resource.kind === "ApiRoute") return resource.apiName.known ? resource.apiName.value : undefined;
  const pool = "userPool" in resource ? resource.userPool : undefined;
  return pool?.name.known ? pool.name.value : undefined;
}

// Every rule that judges a resource describes it the same way: built once per resource.
const resultResources = new WeakMap<ModelObject, ResultResource>();

function resultResource(resource: ModelObject): ResultResource {
  let described = resultResources.get(resource);
  if (!described) {
    described = describeResource(resource);
    resultResources.set(resource, described);
  }
  return described;
}

function describeResource(resource: ModelObject): ResultResource {
  const p = resource.provenance;
  const parent = parentOf(resource);
  return {
    kind: resource.kind,
    name: resource.name.known ? resource.name.value : null,
    key: resource.key,
    ...(parent !== undefined ? { parent } : {}),
    source: p.source,
    ...(p.address ? { address: p.address } : {}),
    ...(p.arn ? { arn: p.arn } : {}),
    ...(p.stack ? { stack: p.stack } : {}),
    ...(p.constructPath ? { constructPath: p.constructPath } : {}),
    ...(p.file ? { file: p.file } : {}),
    ...(p.line !== undefined ? { line: p.line } : {}),
    ...(p.column !== undefined ? { column: p.column } : {}),
    ...(p.callSites?.length ? { callSites: p.callSites } : {}),
    ...(p.inputFile ? { inputFile: p.inputFile } : {}),
    ...(p.inputLine !== undefined ? { inputLine: p.inputLine } : {}),
    ...(p.account ? { account: p.account } : {}),
    ...(p.region ? { region: p.region } : {}),
  };
}

/** The report's result order: rule, resource key, status, message. */
export function compareResults(a: Result, b: Result): number {
  return (
    a.ruleId.localeCompare(b.ruleId) ||
    a.resource.key.localeCompare(b.resource.key) ||
    STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status) ||
    a.message.localeCompare(b.message)
  );
}
