// A Terraform configuration's module tree, expanded the way Terraform addresses it: the root
// module, each local child module (source "./..." or "../...") once per instance of its for_each
// or count where those are static, and each resource per instance of its own for_each or count.
// Variables flow in from module arguments, outputs flow out through module.NAME references, and
// every resource's attributes are evaluated in its instance (values.ts says what stays residual).

import { relative } from "node:path";
import { InputError } from "../../errors.js";
import type { LoadDiagnostic } from "../../model/index.js";
import { isJsonObject, type JsonObject, type JsonValue } from "../../io/safe-json.js";
import type { TerraformResource } from "../terraform/attributes.js";
import { renderExpr } from "../terraform/hcl-render.js";
import { applySteps, Evaluator, traversalExpr, type Scope, type Step } from "./evaluate.js";
import { defineKey, isObject, Residual, type V } from "./values.js";
import { constantValue, defineOwn, emitValue, RawText, TemplateCache } from "./config-values.js";
import { callDirectory, isLocalSource, type ModuleDeclarations } from "./declarations.js";
import { readConfigFile } from "./file-function.js";

/** The module tree's declarations by directory, and where each call's source leads. */
export interface ModuleTree {
  readonly modules: ReadonlyMap<string, ModuleDeclarations>;
}

const MAX_INSTANCES = 10_000;
const MAX_DEPTH = 32;
const RESOURCE_META = new Set([
  "count",
  "for_each",
  "depends_on",
  "lifecycle",
  "provider",
  "provisioner",
  "connection",
  "//",
]);
const CALL_META = new Set(["source", "version", "count", "for_each", "providers", "depends_on", "//"]);

type Expansion =
  | { readonly kind: "single" }
  | { readonly kind: "keys"; readonly keys: readonly { readonly key: string | number; readonly value: V }[] }
  | { readonly kind: "computed"; readonly reason: string };

interface Binding {
  readonly each?: { readonly key: V; readonly value: V };
  readonly count?: number;
}

/** The whole expansion: every resource instance, and the diagnostics of what could not be expanded. */
export function expandModuleTree(
  tree: ModuleTree,
  rootDir: string,
  rootValues: ReadonlyMap<string, V>,
): { resources: TerraformResource[]; diagnostics: LoadDiagnostic[] } {
  const root = tree.modules.get(rootDir);
  if (!root) throw new Error(`the root module ${rootDir} was not loaded`);
  const out = { resources: [] as TerraformResource[], diagnostics: [] as LoadDiagnostic[] };
  const context = { tree, templates: new TemplateCache(), out, rootDir, unreadFiles: new Set<string>() };
  const instance = new ModuleInstance(context, root, "", rootValues, [rootDir]);
  instance.emit();
  return out;
}

interface Context {
  readonly tree: ModuleTree;
  readonly templates: TemplateCache;
  readonly out: { resources: TerraformResource[]; diagnostics: LoadDiagnostic[] };
  /** Where Terraform runs: file() reads relative paths from here, path.module is relative to it. */
  readonly rootDir: string;
  /** Files file() could not read, reported once each. */
  readonly unreadFiles: Set<string>;
}

type CallInstances =
  | { readonly kind: "unread"; readonly source: string }
  | { readonly kind: "single"; readonly instance: ModuleInstance }
  | { readonly kind: "keys"; readonly instances: ReadonlyMap<string | number, ModuleInstance> }
  | { readonly kind: "computed"; readonly instance: ModuleInstance };

class ModuleInstance implements Scope {
  private readonly locals = new Map<string, V>();
  private readonly outputs = new Map<string, V>();
  private readonly pending = new Set<string>();
  private readonly calls = new Map<string, CallInstances>();

  constructor(
    private readonly context: Context,
    private readonly decl: ModuleDeclarations,
    /** "" for the root module, module.brand["acme"]. for an instance of a child. */
    private readonly prefix: string,
    private readonly variables: ReadonlyMap<string, V>,
    private readonly ancestry: readonly string[],
  ) {}

  resolve(name: string, steps: readonly Step[]): V {
    const first = steps[0];
    const attr = first && "attr" in first ? first.attr : undefined;
    switch (name) {
      case "var":
        if (attr !== undefined && this.variables.has(attr))
          return applySteps(this.variables.get(attr)!, steps.slice(1));
        return new Residual(traversalExpr(name, steps));
      case "local":
        if (attr !== undefined && this.decl.locals.has(attr)) return applySteps(this.local(attr), steps.slice(1));
        return new Residual(traversalExpr(name, steps));
      case "module":
        return attr !== undefined ? this.moduleValue(attr, steps.slice(1)) : new Residual(traversalExpr(name, steps));
      case "path":
        // path.module as Terraform gives it: the module's directory relative to where Terraform runs.
        if (attr === "module" && steps.length === 1) return relative(this.context.rootDir, this.decl.dir) || ".";
        return new Residual(traversalExpr(name, steps));
      case "each":
      case "count":
      case "terraform":
      case "self":
        return new Residual(traversalExpr(name, steps));
      default:
        // A resource or data source: its attributes are known only at plan or apply.
        return new Residual(traversalExpr(`${this.prefix}${name}`, steps));
    }
  }

  readFile(path: string): string | undefined {
    const read = readConfigFile(this.context.rootDir, path);
    if ("text" in read) return read.text;
    if (!this.context.unreadFiles.has(read.problem)) {
      this.context.unreadFiles.add(read.problem);
      this.context.out.diagnostics.push({
        message: `file(${JSON.stringify(path)}) in ${this.decl.dir}: ${read.problem}; the value it gives is unknown`,
      });
    }
    return undefined;
  }

  /** Every resource of this instance and of the module instances below it. */
  emit(): void {
    for (const block of this.decl.resources) this.emitResource(block);
    for (const name of [...this.decl.calls.keys()].sort()) {
      const instances = this.callInstances(name);
      if (instances.kind === "single" || instances.kind === "computed") instances.instance.emit();
      else if (instances.kind === "keys") for (const child of instances.instances.values()) child.emit();
    }
  }

  private emitResource(block: ModuleDeclarations["resources"][number]): void {
    const relative = block.mode === "data" ? `data.${block.type}.${block.name}` : `${block.type}.${block.name}`;
    const base = `${this.prefix}${relative}`;
    const expansion = this.expansion(block.body, base, block.file);
    const instances: { suffix: string; binding: Binding }[] =
      expansion.kind === "keys"
        ? expansion.keys.map(({ key, value }) => ({
            suffix: `[${JSON.stringify(key)}]`,
            binding: typeof key === "number" && value === null ? { count: key } : { each: { key, value } },
          }))
        : [{ suffix: "", binding: {} }];
    for (const { suffix, binding } of instances) {
      const address = `${base}${suffix}`;
      const values: Record<string, unknown> = {};
      const evaluator = new Evaluator(this.bound(binding));
      for (const [key, value] of Object.entries(block.body))
        if (!RESOURCE_META.has(key)) defineOwn(values, key, emitValue(this.jsonValue(value, evaluator)));
      this.context.out.resources.push({
        mode: block.mode,
        type: block.type,
        address,
        values,
        attributeMode: "config",
        provenance: {
          source: "hcl",
          inputFile: block.file,
          ...(block.line !== undefined ? { inputLine: block.line } : {}),
          address,
        },
      });
    }
  }

  /** The instance keys of a block's for_each or count; count instances carry a null value. */
  private expansion(body: JsonObject, address: string, file: string): Expansion {
    const evaluator = new Evaluator(this);
    if (body.count !== undefined) {
      const count = this.jsonValue(body.count, evaluator);
      if (typeof count === "number" && Number.isInteger(count) && count >= 0 && count <= MAX_INSTANCES)
        return { kind: "keys", keys: Array.from({ length: count }, (_, index) => ({ key: index, value: null })) };
      return this.computed(address, file, "count", count);
    }
    if (body.for_each !== undefined) {
      const forEach = this.jsonValue(body.for_each, evaluator);
      // Terraform needs the keys of a for_each map known; its values may be known only at apply.
      if (isObject(forEach) && Object.keys(forEach).length <= MAX_INSTANCES)
        return {
          kind: "keys",
          keys: Object.keys(forEach)
            .sort()
            .map((key) => ({ key, value: forEach[key]! })),
        };
      if (Array.isArray(forEach) && forEach.length <= MAX_INSTANCES && forEach.every((k) => typeof k === "string"))
        return {
          kind: "keys",
          keys: [...new Set(forEach as string[])].sort().map((key) => ({ key, value: key })),
        };
      return this.computed(address, file, "for_each", forEach);
    }
    return { kind: "single" };
  }

  private computed(address: string, file: string, meta: string, value: V): Expansion {
    const shown = value instanceof Residual ? renderExpr(value.expr) : JSON.stringify(value);
    const reason = `${address}: ${meta} is ${shown.slice(0, 200)}, which is not known statically; its instances are not enumerated, so it is read once with ${meta === "count" ? "count.index" : "each.key and each.value"} unknown`;
    this.context.out.diagnostics.push({ message: reason, address, file });
    return { kind: "computed", reason };
  }

  private bound(binding: Binding): Scope {
    if (binding.each === undefined && binding.count === undefined) return this;
    return {
      resolve: (name, steps) => {
        const first = steps[0];
        const attr = first && "attr" in first ? first.attr : undefined;
        if (name === "each" && binding.each && (attr === "key" || attr === "value"))
          return applySteps(binding.each[attr], steps.slice(1));
        if (name === "count" && binding.count !== undefined && attr === "index")
          return applySteps(binding.count, steps.slice(1));
        return this.resolve(name, steps);
      },
      readFile: (path) => this.readFile(path),
    };
  }

  /** A value of hcl2json's JSON (strings are templates) evaluated here. */
  jsonValue(value: JsonValue, evaluator: Evaluator): V {
    if (typeof value === "string") {
      if (!value.includes("${") && !value.includes("%{")) return value;
      const expr = this.context.templates.get(value);
      return expr ? evaluator.eval(expr) : new RawText(value);
    }
    if (Array.isArray(value)) return value.map((item) => this.jsonValue(item, evaluator));
    if (isJsonObject(value)) {
      const out: Record<string, V> = {};
      for (const [key, item] of Object.entries(value)) defineKey(out, key, this.jsonValue(item, evaluator));
      return out;
    }
    return value;
  }

  private local(name: string): V {
    const cached = this.locals.get(name);
    if (cached !== undefined) return cached;
    const key = `local.${name}`;
    if (this.pending.has(key)) return new Residual(traversalExpr("local", [{ attr: name }]));
    this.pending.add(key);
    const value = this.jsonValue(this.decl.locals.get(name)!, new Evaluator(this));
    this.pending.delete(key);
    this.locals.set(name, value);
    return value;
  }

  output(name: string): V | undefined {
    const cached = this.outputs.get(name);
    if (cached !== undefined) return cached;
    const block = this.decl.outputs.get(name);
    if (!block) return undefined;
    const key = `output.${name}`;
    if (this.pending.has(key) || block.body.value === undefined) return undefined;
    this.pending.add(key);
    const value = this.jsonValue(block.body.value, new Evaluator(this));
    this.pending.delete(key);
    this.outputs.set(name, value);
    return value;
  }

  private allOutputs(): V {
    const out: Record<string, V> = {};
    for (const name of this.decl.outputs.keys()) {
      const value = this.output(name);
      if (value !== undefined) defineKey(out, name, value);
    }
    return out;
  }

  private moduleValue(name: string, steps: readonly Step[]): V {
    const residual = () => new Residual(traversalExpr(`${this.prefix}module`, [{ attr: name }, ...steps]));
    if (!this.decl.calls.has(name)) return residual();
    const instances = this.callInstances(name);
    const fromInstance = (instance: ModuleInstance, rest: readonly Step[]): V => {
      const first = rest[0];
      if (first === undefined) return instance.allOutputs();
      if (!("attr" in first)) return residual();
      const value = instance.output(first.attr);
      return value === undefined ? residual() : applySteps(value, rest.slice(1));
    };
    switch (instances.kind) {
      case "unread":
      case "computed":
        return residual();
      case "single":
        return fromInstance(instances.instance, steps);
      case "keys": {
        const first = steps[0];
        if (first === undefined) {
          const all = [...instances.instances].map(([key, instance]) => [key, instance.allOutputs()] as const);
          if (all.every(([key]) => typeof key === "number")) return all.map(([, value]) => value);
          const out: Record<string, V> = {};
          for (const [key, value] of all) defineKey(out, String(key), value);
          return out;
        }
        const key = "index" in first ? first.index : undefined;
        const instance = typeof key === "string" || typeof key === "number" ? instances.instances.get(key) : undefined;
        return instance ? fromInstance(instance, steps.slice(1)) : residual();
      }
    }
  }

  private callInstances(name: string): CallInstances {
    const cached = this.calls.get(name);
    if (cached) return cached;
    const block = this.decl.calls.get(name)!;
    const address = `${this.prefix}module.${name}`;
    const source = block.body.source;
    let result: CallInstances;
    if (typeof source !== "string" || !isLocalSource(source)) {
      const shown = typeof source === "string" ? source : "an expression";
      this.context.out.diagnostics.push({
        message: `${address} (source ${JSON.stringify(shown)}) is not read: authwarden reads local module sources (./, ../) only, so the resources of this module are not audited`,
        address,
        file: block.file,
        incomplete: true,
      });
      result = { kind: "unread", source: shown };
    } else {
      const dir = callDirectory(this.decl.dir, source);
      const decl = this.context.tree.modules.get(dir);
      if (!decl) throw new Error(`module directory ${dir} was not loaded`);
      if (this.ancestry.includes(dir))
        throw new InputError(
          block.file,
          `${address} calls ${source}, which calls itself: a module cannot include itself`,
        );
      if (this.ancestry.length > MAX_DEPTH)
        throw new InputError(block.file, `${address} nests modules deeper than ${MAX_DEPTH} levels`);
      const expansion = this.expansion(block.body, address, block.file);
      const make = (suffix: string, binding: Binding) =>
        new ModuleInstance(this.context, decl, `${address}${suffix}.`, this.arguments(block.body, decl, binding), [
          ...this.ancestry,
          dir,
        ]);
      if (expansion.kind === "keys") {
        const instances = new Map<string | number, ModuleInstance>();
        for (const { key, value } of expansion.keys)
          instances.set(
            key,
            make(
              `[${JSON.stringify(key)}]`,
              typeof key === "number" && value === null ? { count: key } : { each: { key, value } },
            ),
          );
        result = { kind: "keys", instances };
      } else result = { kind: expansion.kind, instance: make("", {}) };
    }
    this.calls.set(name, result);
    return result;
  }

  /** The child's variables: the call's arguments, else the declared defaults; any other stays var.NAME. */
  private arguments(body: JsonObject, child: ModuleDeclarations, binding: Binding): Map<string, V> {
    const evaluator = new Evaluator(this.bound(binding));
    const values = new Map<string, V>();
    for (const [name, variable] of child.variables) {
      if (Object.hasOwn(body, name) && !CALL_META.has(name)) values.set(name, this.jsonValue(body[name]!, evaluator));
      else if (variable.body.default !== undefined)
        values.set(name, constantValue(variable.body.default, this.context.templates));
    }
    return values;
  }
}
