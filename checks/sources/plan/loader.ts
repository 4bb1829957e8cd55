// Reads `terraform show -json PLANFILE` output into the Estate. What the plan will leave in place is
// audited: resource changes that create, update, replace or keep (no-op) an object, and data
// sources; objects the plan deletes or forgets are not. Values come from change.after, with
// after_unknown, after_sensitive and the configuration expressions attached, so the attribute
// readers can recover what is unknown until apply (a reference, a jsonencode template) and never
// take a sensitive value from the plan. Resource addresses keep module and instance keys.

import { InputError } from "../../errors.js";
import { allObjects, type Estate, type LoadDiagnostic, type Provenance } from "../../model/index.js";
import { isJsonObject, readJsonSource, type JsonObject, type JsonValue } from "../../io/safe-json.js";
import { assertInputShape } from "../../io/schemas/index.js";
import type { TerraformResource } from "../terraform/attributes.js";
import { plannedAwsProviderVersion } from "../terraform/provider-version.js";
import { buildEstateFromTerraform } from "../terraform/estate.js";
import { planModuleOutputs } from "./module-outputs.js";

const SUPPORTED_MAJOR = 1;

export interface PlanLoadOptions {
  /** Construct path, TypeScript file and line by Terraform address, from the synth output of the same configuration. */
  readonly origins?: ReadonlyMap<string, SourceOrigin>;
}

export type SourceOrigin = Pick<Provenance, "stack" | "constructPath" | "file" | "line" | "column">;

export function loadPlan(file: string, options: PlanLoadOptions = {}): Estate {
  const { value: plan, sha256 } = readJsonSource(file);
  assertPlan(file, plan);
  assertInputShape("terraform-plan", plan, file);
  const configurations = configurationIndex(plan.configuration);
  const diagnostics: LoadDiagnostic[] = [];
  const resources: TerraformResource[] = [];
  const seen = new Set<string>();

  const add = (
    entry: JsonObject,
    values: JsonValue | undefined,
    extra: { unknown?: JsonValue; sensitive?: JsonValue; moduleAddress?: string },
  ) => {
    const address = entry.address;
    const mode = entry.mode === "data" ? "data" : "managed";
    if (
      typeof address !== "string" ||
      typeof entry.type !== "string" ||
      typeof entry.name !== "string" ||
      seen.has(address)
    )
      return;
    seen.add(address);
    const moduleAddress = extra.moduleAddress ?? moduleOf(address);
    const configKey = `${moduleAddress ? `${stripInstanceKeys(moduleAddress)}.` : ""}${mode === "data" ? "data." : ""}${entry.type}.${entry.name}`;
    const expressions = configurations.get(configKey);
    if (!expressions)
      diagnostics.push({
        message: `${address} has no configuration in the plan; values unknown until apply cannot be recovered`,
        address,
        file,
      });
    const provenance: Provenance = { source: "plan", inputFile: file, address, ...options.origins?.get(address) };
    resources.push({
      mode,
      type: entry.type,
      address,
      values: isJsonObject(values) ? values : {},
      attributeMode: "values",
      ...(extra.unknown !== undefined ? { unknownAfterApply: extra.unknown } : {}),
      ...(extra.sensitive !== undefined ? { sensitiveValues: extra.sensitive } : {}),
      ...(expressions ? { expressions } : {}),
      ...(moduleAddress ? { referencePrefix: `${moduleAddress}.` } : {}),
      provenance,
    });
  };

  for (const change of arrayOf(plan.resource_changes)) {
    if (!isJsonObject(change) || !isJsonObject(change.change) || change.deposed !== undefined) continue;
    const actions = arrayOf(change.change.actions).filter((a): a is string => typeof a === "string");
    if (!audited(actions)) continue;
    add(change, change.change.after, {
      unknown: change.change.after_unknown,
      sensitive: change.change.after_sensitive,
      ...(typeof change.module_address === "string" ? { moduleAddress: change.module_address } : {}),
    });
  }
  // Data sources read while planning are in prior_state (complete values) and planned_values.
  const priorState = isJsonObject(plan.prior_state) ? plan.prior_state.values : undefined;
  for (const module of [plan.planned_values, priorState]) {
    for (const entry of moduleResources(module)) {
      if (entry.mode === "data") add(entry, entry.values, { sensitive: entry.sensitive_values });
    }
  }
  resources.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  const moduleOutputs = planModuleOutputs(
    plan.configuration,
    resources.map((r) => r.address),
  );
  const linked = moduleOutputs.size > 0 ? resources.map((r) => ({ ...r, moduleOutputs })) : resources;

  const version = plannedAwsProviderVersion(plan.configuration);
  return buildEstateFromTerraform({
    source: "plan",
    inputs: [{ path: file, sha256, kind: "terraform-plan" }],
    scopes: [{ resources: linked, ...(version ? { awsProviderVersion: version } : {}) }],
    diagnostics,
  });
}

/**
 * Where each Terraform address of a synthesized configuration came from, for joining a plan's
 * findings back to constructs. An address held by several stacks is left out unless `stack` picks one.
 */
export function originsFromSynth(estate: Estate, stack?: string): Map<string, SourceOrigin> {
  const origins = new Map<string, SourceOrigin>();
  const ambiguous = new Set<string>();
  const provenances = allObjects(estate).flatMap((object) => [
    object.provenance,
    ...(object.kind === "IamRole" && object.policies.known ? object.policies.value.map((p) => p.provenance) : []),
  ]);
  for (const p of provenances) {
    if (!p.address || (stack !== undefined && p.stack !== stack)) continue;
    const origin: SourceOrigin = {
      ...(p.stack ? { stack: p.stack } : {}),
      ...(p.constructPath ? { constructPath: p.constructPath } : {}),
      ...(p.file ? { file: p.file } : {}),
      ...(p.line !== undefined ? { line: p.line } : {}),
      ...(p.column !== undefined ? { column: p.column } : {}),
    };
    const previous = origins.get(p.address);
    if (previous && previous.stack !== origin.stack) ambiguous.add(p.address);
    origins.set(p.address, origin);
  }
  for (const address of ambiguous) origins.delete(address);
  return origins;
}

/** One line naming the file for anything that is not a plan this loader reads. */
function assertPlan(file: string, plan: JsonValue): asserts plan is JsonObject {
  if (!isJsonObject(plan))
    throw new InputError(file, "is not a Terraform plan: expected the JSON object of terraform show -json PLANFILE");
  const version = plan.format_version;
  const isState = plan.values !== undefined && plan.planned_values === undefined && plan.resource_changes === undefined;
  if (isState)
    throw new InputError(
      file,
      "is a Terraform state, not a plan: run terraform show -json PLANFILE on a saved plan (terraform plan -out PLANFILE)",
    );
  if (
    typeof version !== "string" ||
    (plan.planned_values === undefined && plan.resource_changes === undefined && plan.configuration === undefined)
  ) {
    throw new InputError(
      file,
      "is not a Terraform plan: it has no format_version, planned_values or resource_changes (expected terraform show -json PLANFILE)",
    );
  }
  const major = Number(/^(\d+)\./.exec(version)?.[1] ?? NaN);
  if (major !== SUPPORTED_MAJOR)
    throw new InputError(
      file,
      `has plan format_version ${JSON.stringify(version).slice(0, 40)}; authwarden reads format ${SUPPORTED_MAJOR}.x`,
    );
}

/** create, update, replace and no-op leave an object to audit; delete and forget do not. */
function audited(actions: readonly string[]): boolean {
  if (actions.includes("create") || actions.includes("update") || actions.includes("no-op") || actions.includes("read"))
    return true;
  return false;
}

function arrayOf(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}

/** The resources of planned_values / state values root_module and its child modules, at any depth. */
function moduleResources(container: JsonValue | undefined): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (module: JsonValue | undefined, depth: number) => {
    if (!isJsonObject(module) || depth > 100) return;
    for (const resource of arrayOf(module.resources)) if (isJsonObject(resource)) out.push(resource);
    for (const child of arrayOf(module.child_modules)) visit(child, depth + 1);
  };
  visit(isJsonObject(container) ? container.root_module : undefined, 0);
  return out;
}

const INSTANCE_KEY = /\[(?:\d+|"(?:[^"\\]|\\.)*")\]/g;

export function stripInstanceKeys(address: string): string {
  return address.replace(INSTANCE_KEY, "");
}

/** The module instance part of a resource address: module.a["x"].module.b of module.a["x"].module.b.aws_x.y[0]. */
function moduleOf(address: string): string | undefined {
  const match = /^((?:module\.[A-Za-z_][\w-]*(?:\[(?:\d+|"(?:[^"\\]|\\.)*")\])?\.)+)/.exec(address);
  return match?.[1]?.slice(0, -1);
}

/** Configuration expressions by module path (without instance keys) and resource address. */
function configurationIndex(configuration: JsonValue | undefined): Map<string, Record<string, unknown>> {
  const index = new Map<string, Record<string, unknown>>();
  const visit = (module: JsonValue | undefined, path: string, depth: number) => {
    if (!isJsonObject(module) || depth > 100) return;
    for (const resource of arrayOf(module.resources)) {
      if (!isJsonObject(resource) || typeof resource.type !== "string" || typeof resource.name !== "string") continue;
      const key = `${path}${resource.mode === "data" ? "data." : ""}${resource.type}.${resource.name}`;
      index.set(key, isJsonObject(resource.expressions) ? resource.expressions : {});
    }
    const calls = isJsonObject(module.module_calls) ? module.module_calls : {};
    for (const [name, call] of Object.entries(calls)) {
      if (isJsonObject(call)) visit(call.module, `${path}module.${name}.`, depth + 1);
    }
  };
  visit(isJsonObject(configuration) ? configuration.root_module : undefined, "", 0);
  return index;
}
