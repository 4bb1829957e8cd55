// audit(): the rules run over a stack of the user's app in memory, the way the deploy gate sees it,
// returning the Report that `authwarden check --synth` would write for the same stack.

import type { IConstruct } from "constructs";
import { evaluate } from "../engine/evaluate.js";
import { DEFAULT_POLICY, loadPolicy } from "../engine/policy-pack.js";
import { withGate, type Report } from "../engine/report.js";
import type { Severity } from "../engine/rule.js";
import { loadWaivers } from "../engine/waivers.js";
import { UsageError } from "../errors.js";
import { isJsonObject, safeJsonParse, type JsonObject } from "../io/safe-json.js";
import { RULES_BY_ID } from "../rules/index.js";
import { estateFromStackDocument } from "../sources/synth/loader.js";
import { appLibrary, stackLibrary, type CdkStack } from "../gate/cdk-library.js";

export interface AuditOptions {
  /** Policy pack name or policy file (JSON or YAML). Default pci-dss-4.0.1. */
  readonly policy?: string;
  /** Waivers file: accepted exceptions, each with a reason, an owner and an expiry. */
  readonly waivers?: string;
  /** Unwaived failures at or above this severity fail the gate (report.gate). Default high. */
  readonly failOn?: Severity;
  /** The stack to audit when an app holds several; its id. */
  readonly stack?: string;
  /** Source files in results are named relative to this directory. Default: the working directory. */
  readonly projectRoot?: string;
  /** Fixed clock for waiver expiry. */
  readonly now?: Date;
}

/** A TerraformStack or App of cdktf 0.21 or cdktn 0.24, or the JSON string Testing.synth(stack) returns. */
export type AuditTarget = IConstruct | string;

/**
 * Audits one stack in memory. `target` is the stack, an app holding it (the only stack, or the one
 * named by options.stack), or the string of cdktf's Testing.synth(stack), which carries no construct
 * paths or source lines. Aspects on the stack run first, as Testing.synth runs them.
 */
export function audit(target: AuditTarget, options: AuditOptions = {}): Report {
  const { name, document } = stackDocument(target, options.stack);
  const estate = estateFromStackDocument(
    name,
    document,
    options.projectRoot ? { projectRoot: options.projectRoot } : {},
  );
  const policy = loadPolicy(options.policy ?? DEFAULT_POLICY, RULES_BY_ID);
  const waivers = options.waivers ? loadWaivers(options.waivers, RULES_BY_ID) : [];
  const report = evaluate(estate, policy, RULES_BY_ID, { waivers, ...(options.now ? { now: options.now } : {}) });
  return withGate(report, options.failOn ?? "high");
}

function stackDocument(target: AuditTarget, wanted: string | undefined): { name: string; document: JsonObject } {
  if (typeof target === "string") {
    const document = safeJsonParse(target);
    if (!isJsonObject(document)) throw new UsageError("audit(): the synth string is not a Terraform JSON object");
    return { name: wanted ?? "stack", document };
  }
  const stack = stackLibrary(target) ? (target as CdkStack) : stackOfApp(target, wanted);
  // Testing.synth runs the stack's aspects (a tagging aspect, the gate) as a real synth does.
  stackLibrary(stack)!.Testing.synth(stack);
  return { name: stack.node.id, document: stack.toTerraform() as JsonObject };
}

function stackOfApp(app: IConstruct, wanted: string | undefined): CdkStack {
  if (!appLibrary(app))
    throw new UsageError("audit(): expected a TerraformStack or App of cdktf 0.21 or cdktn 0.24, or a synth string");
  const stacks = app.node.findAll().filter((c): c is CdkStack => stackLibrary(c) !== undefined);
  const ids = stacks.map((s) => s.node.id);
  const chosen = wanted === undefined && stacks.length === 1 ? stacks[0] : stacks.find((s) => s.node.id === wanted);
  if (chosen) return chosen;
  throw new UsageError(
    wanted === undefined
      ? `audit(): the app holds ${stacks.length} stacks (${ids.join(", ") || "none"}); name one with { stack }`
      : `audit(): the app has no stack ${JSON.stringify(wanted)} (stacks: ${ids.join(", ") || "none"})`,
  );
}
