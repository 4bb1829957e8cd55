// The commands by name, with what `authwarden --help` says of each. Nothing here imports a
// command's code: index.ts loads only the module of the command that runs, so `--version` and
// `--help` never load the rule engine or the AWS SDK.

export const COMMAND_DESCRIPTIONS = {
  check: "audit synthesized cdktf stacks, a Terraform plan or a Terraform configuration directory",
  scan: "audit a live AWS account, read-only (Describe, Get and List calls only)",
  merge: "combine the JSON reports of a sharded scan (scan --shard K/N) into one report",
  rules: "list the rule catalog: id, title, severity, PCI DSS requirements, options",
  verify: "the provider-backed harness on a cdktf app: synth, terraform plan, apply to the emulator, parity",
} as const;

export type CommandName = keyof typeof COMMAND_DESCRIPTIONS;

export function isCommandName(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMAND_DESCRIPTIONS, name);
}

/** The environment variables a scan takes its region from, in the order it reads them. */
export const REGION_VARIABLES = ["AWS_REGION", "AWS_DEFAULT_REGION"] as const;
