// The replication step of the scale bench: a real synth and a real plan of a few units of the
// generated module (module.ts) copied to any number of units. Unit i is a copy of template unit
// i mod k with the template's token renamed to unit i's, in every place it appears (addresses,
// names, references, construct paths), so the copies are linked exactly as the planned units are.

import { unitToken } from "./module.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The template unit (0..templates-1) an entry belongs to, by the token it carries; undefined when shared. */
function templateOf(text: string, templates: number): number | undefined {
  for (let j = 0; j < templates; j++) if (text.includes(unitToken(j))) return j;
  return undefined;
}

/** Copies of the template units' entries for units 0..units-1, shared entries kept once at the front. */
function replicateEntries<T extends Json>(entries: readonly T[], templates: number, units: number): T[] {
  const shared: T[] = [];
  const byTemplate: string[][] = Array.from({ length: templates }, () => []);
  for (const entry of entries) {
    const text = JSON.stringify(entry);
    const j = templateOf(text, templates);
    if (j === undefined) shared.push(entry);
    else byTemplate[j]!.push(text);
  }
  const out = [...shared];
  for (let i = 0; i < units; i++) {
    const j = i % templates;
    for (const text of byTemplate[j]!) out.push(JSON.parse(text.split(unitToken(j)).join(unitToken(i))) as T);
  }
  return out;
}

function objectAt(value: Json | undefined, where: string): JsonObject {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new Error(`template has no object at ${where}`);
  return value;
}

function arrayAt(value: Json | undefined, where: string): Json[] {
  if (!Array.isArray(value)) throw new Error(`template has no array at ${where}`);
  return value;
}

/**
 * `terraform show -json` output for `units` units from the output for `templates` units. Written
 * compact, as terraform prints it.
 */
export function replicatePlan(planText: string, templates: number, units: number): string {
  const plan = objectAt(JSON.parse(planText) as Json, "the plan");
  const scale = (container: Json | undefined, key: string, where: string) => {
    const object = objectAt(container, where);
    object[key] = replicateEntries(arrayAt(object[key], `${where}.${key}`), templates, units);
  };
  scale(objectAt(plan.planned_values, "planned_values").root_module, "resources", "planned_values.root_module");
  scale(plan, "resource_changes", "plan");
  scale(objectAt(plan.configuration, "configuration").root_module, "resources", "configuration.root_module");
  if (Array.isArray(plan.relevant_attributes)) scale(plan, "relevant_attributes", "plan");
  return JSON.stringify(plan);
}

/** A stack's cdk.tf.json for `units` units from the one cdktf synthesized for `templates` units, as cdktf indents it. */
export function replicateStack(stackText: string, templates: number, units: number): string {
  const document = objectAt(JSON.parse(stackText) as Json, "the stack");
  const byType = objectAt(document.resource, "resource");
  for (const [type, byName] of Object.entries(byType)) {
    const blocks = Object.entries(objectAt(byName, `resource.${type}`)).map(([name, body]) => ({ name, body }));
    const copies = replicateEntries(blocks as unknown as Json[], templates, units) as unknown as typeof blocks;
    byType[type] = Object.fromEntries(copies.map(({ name, body }) => [name, body]));
  }
  return JSON.stringify(document, null, 2);
}
