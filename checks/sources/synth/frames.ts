// Where a synthesized resource's value is set in the app's TypeScript, from the creation stack trace
// that enableSourceLocations() records ("//".metadata.stackTrace, innermost frame first).
//
// The innermost app frame is where `new CognitoUserPool(...)` runs, which is inside a wrapper
// construct whenever the app uses one; the values a rule judges are usually passed in by the
// wrapper's caller. The construct path says how many wrappers there are: between the stack (its
// first segment) and the resource (its last) every segment is a construct whose constructor is on
// the stack, so after the resource's own class chain the next `new X` frames, one per intermediate
// segment, are the wrappers' constructors, and the frame right above the last of them is the call
// site that configured the resource. Wrapper constructors are counted wherever they live: a wrapper
// library in node_modules counts as much as a shared wrapper file in the app.
//
// Limits, by design of what a trace can tell: a wrapper that creates the resource in a superclass
// constructor adds a second `new` frame for the same construct, so the chosen frame is then the
// subclass's super() call (still nearer the caller than the innermost line); when there are fewer
// constructor frames than segments (constructs created by factory functions) the innermost app frame is used.

import { isAbsolute, relative, sep } from "node:path";
import type { SourcePosition } from "../../model/index.js";

const FRAME = /^(?:at )?(?:(?<fn>.+?) \()?(?<path>(?:file:\/\/)?[^\s()]+?):(?<line>\d+):(?<column>\d+)\)?$/;

/** Frames of the construct library and provider bindings themselves: the resource's own class chain. */
const LIBRARY =
  /[\\/]node_modules[\\/](?:cdktf|cdktn|constructs|@cdktf[\\/]provider-[^\\/]+|@cdktn[\\/]provider-[^\\/]+)[\\/]|[\\/]\.gen[\\/]/;

/** Frames kept around the chosen one: enough to climb out of nested wrapper constructs. */
const MAX_RELATED = 6;

interface Frame {
  readonly constructor: boolean;
  readonly library: boolean;
  readonly app: boolean;
  readonly position: SourcePosition | undefined;
}

export interface SettingLocation extends SourcePosition {
  /** The app's other frames: the wrapper lines below the chosen one, then its callers, innermost first. */
  readonly callSites?: readonly SourcePosition[];
}

function parse(frame: string, projectRoot: string): Frame | undefined {
  const match = FRAME.exec(frame.trim());
  const groups = match?.groups;
  if (!groups?.path) return undefined;
  const raw = groups.path;
  const internal = raw.startsWith("node:") || frame.includes("node:internal");
  let path = raw.replace(/^file:\/\//, "");
  const library = LIBRARY.test(path);
  const app = !internal && !library && !path.includes("node_modules") && (isAbsolute(path) || path.startsWith("."));
  if (app && isAbsolute(path)) {
    const rel = relative(projectRoot, path);
    if (!rel.startsWith("..")) path = rel.split(sep).join("/");
  }
  return {
    constructor: groups.fn?.startsWith("new ") ?? false,
    library,
    app,
    position: app ? { file: path, line: Number(groups.line), column: Number(groups.column) } : undefined,
  };
}

/**
 * The app frame that sets the resource's values (see the file comment), with the app's other frames
 * as call sites: the wrapper frames below it role "wrapper", the callers above it role "caller".
 * Undefined when the trace has no frame in the app.
 */
export function settingLocation(
  stackTrace: readonly unknown[],
  constructPath: string | undefined,
  projectRoot: string,
): SettingLocation | undefined {
  const frames = stackTrace.flatMap((f) => (typeof f === "string" ? [parse(f, projectRoot)] : [])).filter((f) => !!f);
  const firstApp = frames.findIndex((f) => f.app);
  if (firstApp < 0) return undefined;
  const wrappers = constructPath ? Math.max(0, constructPath.split("/").length - 2) : 0;
  let chosen = firstApp;
  if (wrappers > 0) {
    // Skip the resource's own class chain (cdktf, the provider bindings), then count wrapper constructors.
    let index = frames.findIndex((f) => !f.library);
    let seen = 0;
    for (; index >= 0 && index < frames.length && seen < wrappers; index++) if (frames[index]!.constructor) seen++;
    const above = seen === wrappers ? frames.findIndex((f, i) => i >= index && f.app) : -1;
    if (above >= 0) chosen = above;
  }
  const primary = frames[chosen]!.position!;
  const related: SourcePosition[] = [];
  frames.forEach((f, i) => {
    if (!f.position || i === chosen || related.length >= MAX_RELATED) return;
    if (i < chosen && i < firstApp) return;
    related.push({ ...f.position, role: i < chosen ? "wrapper" : "caller" });
  });
  return { ...primary, ...(related.length > 0 ? { callSites: related } : {}) };
}
