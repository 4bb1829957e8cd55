// The configuration sources behind one signature: what to read, and the Estate it holds. The CLI,
// drift and the test API name a source or let it be detected from the path; none dispatches by hand.

import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError, UsageError } from "../errors.js";
import { describeFsError } from "../io/safe-json.js";
import type { Estate } from "../model/index.js";
import type { HclVariables } from "./hcl/loader.js";
import { allObjects } from "../model/index.js";
import type { SourceOrigin } from "./plan/loader.js";

export type ConfigurationSourceKind = "synth" | "plan" | "hcl";

export interface SourceRequest {
  readonly kind: ConfigurationSourceKind;
  /** The synth output directory, the plan JSON file or the Terraform configuration directory. */
  readonly path: string;
  /** synth: only these stacks. plan: the one stack of `originsFrom` the plan was made from. */
  readonly stacks?: readonly string[];
  /** plan: a synth output (construct paths, TypeScript lines) or the .tf directory (file and line) of the same configuration. */
  readonly originsFrom?: string;
  /** hcl: root variable values given on the command line (--var-file, --var). */
  readonly variables?: HclVariables;
}

export type Loader = (request: SourceRequest) => Estate | Promise<Estate>;

// Each source's reader is imported when that source is read: a plan check loads neither the HCL
// evaluator nor the synth reader.
const hclLoader = () => import("./hcl/loader.js");
const planLoader = () => import("./plan/loader.js");
const synthLoader = () => import("./synth/loader.js");

const LOADERS: Readonly<Record<ConfigurationSourceKind, Loader>> = {
  synth: async ({ path, stacks }) => (await synthLoader()).loadSynth(path, stacks ? { stacks } : {}),
  plan: async ({ path, stacks, originsFrom }) => {
    if (stacks && originsFrom === undefined)
      throw new UsageError("--stack with --plan needs --synth: a plan holds one configuration");
    if (stacks && stacks.length > 1)
      throw new UsageError("--plan with --synth takes one --stack: the stack the plan was made from");
    const { loadPlan, originsFromSynth } = await planLoader();
    // The synth output or .tf files only add where each finding came from; the plan is what is audited.
    const origins =
      originsFrom === undefined
        ? undefined
        : detectSource(originsFrom, "expected a cdktf synth output or a Terraform configuration directory") === "hcl"
          ? originsFromHcl(await (await hclLoader()).loadHcl(originsFrom))
          : originsFromSynth((await synthLoader()).loadSynth(originsFrom, stacks ? { stacks } : {}), stacks?.[0]);
    return loadPlan(path, origins ? { origins } : {});
  },
  hcl: async ({ path, stacks, variables }) => {
    if (stacks)
      throw new UsageError("--stack selects stacks of a synth output; --hcl reads one configuration directory");
    return (await hclLoader()).loadHcl(path, variables);
  },
};

/** The .tf file and line of each address of a Terraform configuration, as a plan's origins. */
function originsFromHcl(estate: Estate): Map<string, SourceOrigin> {
  const origins = new Map<string, SourceOrigin>();
  for (const { provenance: p } of allObjects(estate))
    if (p.address && p.inputFile)
      origins.set(p.address, { file: p.inputFile, ...(p.inputLine !== undefined ? { line: p.inputLine } : {}) });
  return origins;
}

export async function loadSource(request: SourceRequest): Promise<Estate> {
  return LOADERS[request.kind](request);
}

/**
 * Which source a path holds: a file is a plan JSON, a directory with manifest.json a cdktf synth
 * output, any other directory Terraform configuration. `expects` completes the message of a path
 * that does not exist.
 */
export function detectSource(path: string, expects: string): ConfigurationSourceKind {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (error) {
    throw new InputError(path, `${describeFsError(error)}: ${expects}`);
  }
  if (!isDirectory) return "plan";
  return existsSync(join(path, "manifest.json")) ? "synth" : "hcl";
}
