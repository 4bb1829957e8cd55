// Reads a cdktf synth output directory (manifest.json, stacks/*/cdk.tf.json) into the Estate.

import { statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { InputError } from "../../errors.js";
import type { Estate, InputFile, Provenance, SourcePosition } from "../../model/index.js";
import { describeFsError, isJsonObject, readJsonSource, type JsonObject, type JsonValue } from "../../io/safe-json.js";
import { assertInputShape } from "../../io/schemas/index.js";
import type { TerraformResource } from "../terraform/attributes.js";
import { blockLines } from "../terraform/json-lines.js";
import { settingLocation } from "./frames.js";
import { requiredAwsProviderVersion } from "../terraform/provider-version.js";
import { buildEstateFromTerraform, type TerraformScope } from "../terraform/estate.js";

export interface SynthLoadOptions {
  /** Only these stacks (by manifest name); all stacks when absent. */
  readonly stacks?: readonly string[];
  /** Source file paths in provenance are made relative to this directory. Default: the current directory. */
  readonly projectRoot?: string;
}

export function loadSynth(dir: string, options: SynthLoadOptions = {}): Estate {
  assertDirectory(dir);
  const manifestPath = join(dir, "manifest.json");
  try {
    statSync(manifestPath);
  } catch (error) {
    throw new InputError(
      manifestPath,
      `${describeFsError(error)}: ${dir} is not a cdktf synth output directory (run cdktf synth first)`,
    );
  }
  const { value: manifest, sha256: manifestSha } = readJsonSource(manifestPath);
  if (!isJsonObject(manifest) || !isJsonObject(manifest.stacks))
    throw new InputError(manifestPath, 'has no "stacks" object: not a cdktf manifest');
  assertInputShape("cdktf-manifest", manifest, manifestPath);
  const stacks = manifest.stacks;

  const inputs: InputFile[] = [{ path: manifestPath, sha256: manifestSha, kind: "cdktf-manifest" }];
  const scopes: TerraformScope[] = [];
  const wanted = options.stacks ? new Set(options.stacks) : undefined;
  const names = Object.keys(stacks).sort();
  for (const wantedName of wanted ?? []) {
    if (!names.includes(wantedName))
      throw new InputError(
        manifestPath,
        `has no stack named ${JSON.stringify(wantedName)} (stacks: ${names.join(", ") || "none"})`,
      );
  }
  for (const name of names) {
    if (wanted && !wanted.has(name)) continue;
    const entry = stacks[name];
    const stackPath = isJsonObject(entry) ? entry.synthesizedStackPath : undefined;
    if (typeof stackPath !== "string")
      throw new InputError(manifestPath, `stack ${JSON.stringify(name)} has no synthesizedStackPath`);
    const file = resolveInside(dir, stackPath, manifestPath);
    if (!file.endsWith(".json"))
      throw new InputError(file, "holds HCL synth output (cdktf synth --hcl); synthesize JSON or audit it with --hcl");
    const { value: document, text, sha256 } = readJsonSource(file);
    if (!isJsonObject(document)) throw new InputError(file, "is not a Terraform JSON configuration object");
    assertInputShape("terraform-json", document, file);
    inputs.push({ path: file, sha256, kind: "cdk.tf.json" });
    scopes.push(readStack(name, file, document, options.projectRoot ?? process.cwd(), blockLines(text)));
  }
  return buildEstateFromTerraform({ source: "synth", inputs, scopes });
}

function assertDirectory(dir: string): void {
  try {
    if (!statSync(dir).isDirectory())
      throw new InputError(dir, "is not a directory: expected a cdktf synth output directory");
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      dir,
      `${describeFsError(error)}: expected a cdktf synth output directory (run cdktf synth first)`,
    );
  }
}

function resolveInside(dir: string, path: string, manifestPath: string): string {
  const root = resolve(dir);
  const file = resolve(root, path);
  if (file !== root && !file.startsWith(root + sep))
    throw new InputError(manifestPath, `stack path ${JSON.stringify(path)} points outside ${dir}`);
  return join(dir, relative(root, file));
}

/**
 * The Estate of one stack's Terraform JSON held in memory, as the deploy gate resolves it inside
 * the cdktf app before anything is written: the same reading as a synthesized cdk.tf.json.
 */
export function estateFromStackDocument(
  stack: string,
  document: JsonObject,
  options: { projectRoot?: string; label?: string } = {},
): Estate {
  const label = options.label ?? `${stack} (in memory)`;
  return buildEstateFromTerraform({
    source: "synth",
    inputs: [],
    scopes: [readStack(stack, label, document, options.projectRoot ?? process.cwd(), new Map())],
  });
}

function readStack(
  stack: string,
  file: string,
  document: JsonObject,
  projectRoot: string,
  lines: Map<string, number>,
): TerraformScope {
  const resources: TerraformResource[] = [];
  for (const [section, mode] of [
    ["resource", "managed"],
    ["data", "data"],
  ] as const) {
    const byType = document[section];
    if (byType === undefined) continue;
    if (!isJsonObject(byType)) throw new InputError(file, `"${section}" is not an object`);
    for (const [type, byName] of Object.entries(byType)) {
      for (const [name, body] of blockEntries(byName, file, `${section}.${type}`)) {
        const address = mode === "data" ? `data.${type}.${name}` : `${type}.${name}`;
        const { "//": comment, ...values } = body;
        resources.push({
          mode,
          type,
          address,
          values,
          attributeMode: "config",
          provenance: provenanceOf(stack, file, address, comment, projectRoot, lines.get(`${section}.${type}.${name}`)),
        });
      }
    }
  }
  const version = requiredAwsProviderVersion(document);
  return { name: stack, resources, ...(version ? { awsProviderVersion: version } : {}) };
}

/** resource.<type> maps names to a block object, or (hcl2json style) to an array holding one. */
function blockEntries(byName: JsonValue, file: string, where: string): [string, JsonObject][] {
  if (!isJsonObject(byName)) throw new InputError(file, `"${where}" is not an object`);
  const entries: [string, JsonObject][] = [];
  for (const [name, body] of Object.entries(byName)) {
    const block = Array.isArray(body) ? body[0] : body;
    if (!isJsonObject(block)) throw new InputError(file, `"${where}.${name}" is not a block object`);
    entries.push([name, block]);
  }
  return entries;
}

function provenanceOf(
  stack: string,
  file: string,
  address: string,
  comment: JsonValue | undefined,
  projectRoot: string,
  inputLine: number | undefined,
): Provenance {
  const metadata = isJsonObject(comment) && isJsonObject(comment.metadata) ? comment.metadata : undefined;
  const constructPath = typeof metadata?.path === "string" ? metadata.path : undefined;
  const location = sourceLocation(metadata?.stackTrace, constructPath, projectRoot);
  return {
    source: "synth",
    inputFile: file,
    ...(inputLine ? { inputLine } : {}),
    stack,
    address,
    ...(constructPath ? { constructPath } : {}),
    ...location,
  };
}

/** Where the app sets the resource's values (frames.ts), with the wrapper lines and callers around it. */
function sourceLocation(
  stackTrace: JsonValue | undefined,
  constructPath: string | undefined,
  projectRoot: string,
): { file?: string; line?: number; column?: number; callSites?: readonly SourcePosition[] } {
  if (!Array.isArray(stackTrace)) return {};
  return settingLocation(stackTrace, constructPath, projectRoot) ?? {};
}
