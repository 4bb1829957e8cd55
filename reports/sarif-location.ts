// Where a SARIF result points: the TypeScript construct (synth) or .tf block (HCL, or a plan read
// beside --synth/--hcl) when known, else the resource's line in the input file, else the ARN as a
// logical location. Files inside the repository are named relative to its root under %SRCROOT%,
// whatever directory the audit ran in, so GitHub can match them to the checkout; files outside it
// keep an absolute file: URI.

import { isAbsolute, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type * as Sarif from "sarif";
import type { Report, Result } from "../checks/engine/report.js";

export const SRCROOT = "%SRCROOT%";

export interface LocationContext {
  readonly root: string | undefined;
  readonly cwd: string;
}

/** run.originalUriBaseIds: %SRCROOT% as the root's file: URI (with the trailing slash SARIF requires). */
export function originalUriBaseIds(context: LocationContext): Record<string, Sarif.ArtifactLocation> | undefined {
  if (!context.root) return undefined;
  const href = pathToFileURL(context.root).href;
  return { [SRCROOT]: { uri: href.endsWith("/") ? href : `${href}/` } };
}

export function artifactLocation(path: string, context: LocationContext): Sarif.ArtifactLocation {
  const absolute = resolve(context.cwd, path);
  if (context.root) {
    const rel = relative(context.root, absolute);
    if (rel !== "" && !rel.startsWith("..") && !isAbsolute(rel))
      return { uri: rel.split(sep).map(encodeURIComponent).join("/"), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(absolute).href };
}

/** The part of the category after the source: the stacks or account and regions, else the input files. */
export function scopeOf(report: Report, context: LocationContext): string {
  const parts =
    report.scopes.length > 0
      ? report.scopes
      : report.inputs.map((i) => {
          const location = artifactLocation(i.path, context);
          return location.uriBaseId ? decodeURIComponent(location.uri!) : i.path;
        });
  const text = parts.join("+").replace(/[^\w.+-]+/g, "-");
  return text.length <= 200 ? text : text.slice(0, 200);
}

export function location(result: Result, context: LocationContext): Sarif.Location {
  const r = result.resource;
  const logical: Sarif.LogicalLocation[] = [];
  if (r.address)
    logical.push({
      fullyQualifiedName: r.stack ? `${r.stack}/${r.address}` : r.address,
      name: r.name ?? r.address,
      kind: "resource",
    });
  if (r.arn) logical.push({ fullyQualifiedName: r.arn, name: r.name ?? r.arn, kind: "resource" });
  if (logical.length === 0) logical.push({ fullyQualifiedName: r.key, name: r.name ?? r.key, kind: "resource" });
  const file = r.file ?? r.inputFile;
  if (!file) return { logicalLocations: logical };
  const region: Sarif.Region = r.file
    ? {
        startLine: r.line !== undefined && r.line > 0 ? r.line : 1,
        ...(r.column !== undefined && r.column > 0 ? { startColumn: r.column } : {}),
      }
    : { startLine: r.inputLine ?? 1 };
  return {
    physicalLocation: { artifactLocation: artifactLocation(file, context), region },
    logicalLocations: logical,
    ...(r.constructPath ? { message: { text: `construct ${r.constructPath}` } } : {}),
  };
}

/**
 * The app's other frames as related locations: the wrapper construct lines that create the resource
 * (below the primary location, which is where its values are set), then the callers above it, so a
 * code-scanning alert leads from the call site into the wrapper and out to each caller.
 */
export function relatedLocations(result: Result, context: LocationContext): { relatedLocations?: Sarif.Location[] } {
  const sites = result.resource.callSites ?? [];
  if (sites.length === 0) return {};
  let callers = 0;
  return {
    relatedLocations: sites.map((site, index) => ({
      id: index + 1,
      physicalLocation: {
        artifactLocation: artifactLocation(site.file, context),
        region: { startLine: site.line, ...(site.column !== undefined ? { startColumn: site.column } : {}) },
      },
      message: {
        text:
          site.role === "wrapper"
            ? "the wrapper construct creates the resource here"
            : callers++ === 0
              ? "called from here"
              : "which is called from here",
      },
    })),
  };
}
