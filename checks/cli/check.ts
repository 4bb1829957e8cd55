// `authwarden check`: the PR-time audit of planned configuration, from a cdktf synth output, a
// Terraform plan (located through its synth output when one is given) or Terraform configuration.

import type { Command } from "commander";
import { UsageError } from "../errors.js";
import { COMMAND_DESCRIPTIONS } from "./commands.js";
import { loadSource, type SourceRequest } from "../sources/index.js";
import {
  addAuditOptions,
  auditAndEmit,
  loadAuditConfig,
  type AuditOptions,
  type CliIo,
  type SetExitCode,
} from "./audit.js";

interface CheckOptions extends AuditOptions {
  synth?: string | true;
  plan?: string;
  hcl?: string;
  stack?: string[];
  varFile?: string[];
  var?: string[];
}

const DEFAULT_SYNTH_DIR = "cdktf.out";

export function registerCheck(program: Command, io: CliIo, setExitCode: SetExitCode): void {
  addAuditOptions(
    program
      .command("check")
      .description(COMMAND_DESCRIPTIONS.check)
      .option(
        "--synth [dir]",
        "cdktf synth output directory (default cdktf.out); beside --plan, where findings come from in the source",
      )
      .option("--plan <file>", "terraform show -json output of a saved plan; - reads it from standard input")
      .option(
        "--hcl <dir>",
        "Terraform configuration directory: its .tf and .tf.json files and local modules; beside --plan, the .tf lines of findings",
      )
      .option("--stack <name...>", "only these stacks of the synth output")
      .option(
        "--var-file <file>",
        "with --hcl: a .tfvars or .tfvars.json file of root variable values (repeatable)",
        collect,
      )
      .option("--var <name=value>", "with --hcl: a root variable value (repeatable)", collect),
  ).action(async (options: CheckOptions) => {
    setExitCode(await check(options, io));
  });
}

async function check(options: CheckOptions, io: CliIo): Promise<number> {
  const request = sourceRequest(options);
  const config = loadAuditConfig(options);
  return auditAndEmit(await loadSource(request), options, io, config);
}

/** Repeatable options keep every value, in the order given. */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function sourceRequest(options: CheckOptions): SourceRequest {
  if (options.synth === undefined && options.plan === undefined && options.hcl === undefined)
    throw new UsageError("check needs a source: --synth [dir], --plan plan.json or --hcl dir");
  if (options.hcl !== undefined && options.synth !== undefined)
    throw new UsageError(
      "--hcl and --synth are sources of their own: give one (beside --plan, either locates findings)",
    );
  const synthDir = options.synth === true ? DEFAULT_SYNTH_DIR : options.synth;
  const stacks = options.stack ? { stacks: options.stack } : {};
  const variables = { files: options.varFile ?? [], assignments: options.var ?? [] };
  if ((variables.files.length > 0 || variables.assignments.length > 0) && (options.hcl === undefined || options.plan))
    throw new UsageError("--var-file and --var give values to the variables of --hcl; a plan or synth holds its own");
  if (options.hcl !== undefined && options.plan === undefined)
    return { kind: "hcl", path: options.hcl, ...stacks, variables };
  const originsFrom = synthDir ?? options.hcl;
  if (options.plan !== undefined)
    return {
      kind: "plan",
      // `terraform show -json plan.out | authwarden check --plan -`: the JSON reader takes "-" as standard input.
      path: options.plan,
      ...stacks,
      ...(originsFrom === undefined ? {} : { originsFrom }),
    };
  return { kind: "synth", path: synthDir ?? DEFAULT_SYNTH_DIR, ...stacks };
}
