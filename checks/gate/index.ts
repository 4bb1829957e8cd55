// The deploy gate: a cdktf Aspect that audits each stack it is added to while the app synthesizes,
// with the same rules, policy and waivers as `authwarden check`. Unwaived failures at or above
// failOn become error annotations on the construct that made the resource, so `cdktf deploy`
// (which synthesizes first) refuses to deploy; failures below it become warnings.
//
//   import { ComplianceGate } from "authwarden/gate";
//   Aspects.of(stack).add(new ComplianceGate({ waivers: "waivers.yaml" }));

import type { IConstruct } from "constructs";
import { terminalSafe } from "../../reports/terminal-text.js";
import { evaluate } from "../engine/evaluate.js";
import { DEFAULT_POLICY, loadPolicy, type ResolvedPolicy } from "../engine/policy-pack.js";
import { withGate } from "../engine/report.js";
import { severityRank, type Severity } from "../engine/rule.js";
import { RULES_BY_ID } from "../rules/index.js";
import type { JsonObject } from "../io/safe-json.js";
import { estateFromStackDocument } from "../sources/synth/loader.js";
import { loadWaivers, type Waiver } from "../engine/waivers.js";
import { stackLibrary } from "./cdk-library.js";

export { enableSourceLocations, sourceLocationsEnabled } from "./source-locations.js";

export interface ComplianceGateOptions {
  /** Policy pack name or policy file (JSON or YAML). Default pci-dss-4.0.1. */
  readonly policy?: string;
  /** Waivers file: accepted exceptions, each with a reason, an owner and an expiry. */
  readonly waivers?: string;
  /** Unwaived failures at or above this severity block the deploy; lower ones warn. Default high. */
  readonly failOn?: Severity;
}

/** cdktf's and cdktn's IAspect, structurally: `Aspects.of(stack).add(new ComplianceGate())` in either. */
export class ComplianceGate {
  private readonly policy: ResolvedPolicy;
  private readonly waivers: readonly Waiver[];
  private readonly failOn: Severity;

  constructor(options: ComplianceGateOptions = {}) {
    // Read configuration when the app starts, so a bad policy or waiver file fails at once, naming the file.
    this.policy = loadPolicy(options.policy ?? DEFAULT_POLICY, RULES_BY_ID);
    this.waivers = options.waivers ? loadWaivers(options.waivers, RULES_BY_ID) : [];
    this.failOn = options.failOn ?? "high";
  }

  visit(node: IConstruct): void {
    const lib = stackLibrary(node);
    if (!lib) return;
    const { Annotations } = lib;
    // Exactly what will be written to cdk.tf.json, overrides included: toTerraform() resolves tokens to ${...} references.
    const document = (node as unknown as { toTerraform(): JsonObject }).toTerraform();
    const estate = estateFromStackDocument(node.node.id, document);
    const report = withGate(evaluate(estate, this.policy, RULES_BY_ID, { waivers: this.waivers }), this.failOn);
    const constructs = new Map(node.node.findAll().map((construct) => [construct.node.path, construct]));
    const threshold = severityRank(this.failOn);
    for (const result of report.results) {
      if (result.status !== "FAIL" && result.status !== "ERROR" && result.status !== "WAIVED") continue;
      const target = (result.resource.constructPath && constructs.get(result.resource.constructPath)) || node;
      if (result.waiver) {
        const w = result.waiver;
        Annotations.of(target).addInfo(
          terminalSafe(`[authwarden ${result.ruleId}] waived until ${w.expires} by ${w.owner}: ${w.reason}`),
        );
        continue;
      }
      // cdktf prints annotations on the terminal: names from the configuration must not carry escape sequences.
      const text = terminalSafe(`[authwarden ${result.ruleId}] ${result.message}. Fix: ${result.remediation}`);
      if (result.status === "ERROR" || severityRank(result.severity) >= threshold)
        Annotations.of(target).addError(text);
      else Annotations.of(target).addWarning(text);
    }
    for (const problem of report.waivers) {
      const what = problem.problem === "expired" ? `expired on ${problem.waiver.expires}` : "matches no failing result";
      Annotations.of(node).addWarning(
        terminalSafe(`[authwarden] waiver ${problem.waiver.id} (${problem.ruleId} on ${problem.selector}) ${what}`),
      );
    }
  }
}
