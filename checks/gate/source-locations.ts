// Records where each Terraform element was created, so cdk.tf.json can point back at the TypeScript.
//
// cdktf's TerraformElement constructor calls `this.node.addMetadata("stacktrace", "trace")` but does
// not ask constructs to capture a trace (constructs 10 only captures one when `options.stackTrace`
// is true), so `"//".metadata.stackTrace` is normally absent. Wrapping Node.prototype.addMetadata
// turns tracing on for that one metadata type. The trace is captured below the wrapper (constructs
// passes `this.addMetadata`, which is now the wrapper, as the frame to hide), so frame 0 is
// `new TerraformElement`, followed by the provider class constructor and then the stacks/*.ts line
// that called `new X(...)`.
//
// This is a monkeypatch of constructs internals (10.4.x), not an API: keep it version-pinned.
import { Node, type IConstruct, type MetadataOptions } from "constructs";
import { UsageError } from "../errors.js";

const PATCHED = Symbol.for("authwarden/source-locations");

type AddMetadata = (type: string, data: unknown, options?: MetadataOptions) => void;

interface PatchableNodePrototype {
  addMetadata: AddMetadata;
  [PATCHED]?: AddMetadata;
}

/**
 * Makes every construct created afterwards record its creation stack trace in the "stacktrace"
 * metadata entry, which cdktf and cdktn write to `"//".metadata.stackTrace` in cdk.tf.json, so
 * reports (SARIF included) name the TypeScript file and line of each resource, with the call sites
 * above a wrapper construct as related locations. Idempotent. Call it right after `new App()`,
 * before the stacks: given the app, it refuses to run late, when constructs already exist without
 * a location. Returns a function that restores the original method.
 *
 *   const app = new App();
 *   enableSourceLocations(app);
 */
export function enableSourceLocations(app?: IConstruct): () => void {
  if (app && app.node.children.length > 0)
    throw new UsageError(
      `enableSourceLocations(app) was called after ${app.node.children.map((c) => c.node.id).join(", ")} was created: ` +
        "call it before the stacks, so their resources record where they were made",
    );
  const proto = Node.prototype as unknown as PatchableNodePrototype;
  const existing = proto[PATCHED];
  if (existing) {
    return () => restore(proto);
  }
  const original = proto.addMetadata;
  proto[PATCHED] = original;
  proto.addMetadata = function patchedAddMetadata(
    this: Node,
    type: string,
    data: unknown,
    options: MetadataOptions = {},
  ): void {
    const effective = type === "stacktrace" ? { ...options, stackTrace: true } : options;
    original.call(this, type, data, effective);
  };
  return () => restore(proto);
}

function restore(proto: PatchableNodePrototype): void {
  const original = proto[PATCHED];
  if (original) {
    proto.addMetadata = original;
    delete proto[PATCHED];
  }
}

/** Whether enableSourceLocations() is currently in effect. */
export function sourceLocationsEnabled(): boolean {
  return (Node.prototype as unknown as PatchableNodePrototype)[PATCHED] !== undefined;
}

export interface SourceLocation {
  /** Absolute file path (file:// URLs are converted). */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The raw stack frame the location came from. */
  readonly frame: string;
}

/**
 * The first frame of a recorded stack trace that lies outside node_modules and outside Node's
 * internals: the line of stacks/*.ts that created the resource. Undefined when there is none.
 */
export function firstUserFrame(stackTrace: readonly string[] | undefined): SourceLocation | undefined {
  for (const frame of stackTrace ?? []) {
    if (frame.includes("node_modules") || frame.includes("node:internal") || frame.includes("(node:")) {
      continue;
    }
    const match = /\(?((?:file:\/\/)?\/[^():]+|[A-Za-z]:\\[^():]+):(\d+):(\d+)\)?$/.exec(frame);
    if (!match) continue;
    const raw = match[1] ?? "";
    const file = raw.startsWith("file://") ? decodeURIComponent(raw.slice("file://".length)) : raw;
    return { file, line: Number(match[2]), column: Number(match[3]), frame };
  }
  return undefined;
}
