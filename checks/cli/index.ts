// The command line: one file per command registers it; run() parses arguments and maps the outcome
// to exit codes (0 gate passed, 1 gate failed, 2 bad usage or unreadable input, one line on stderr).
// Only the module of the command that runs is loaded (the others are named for --help), so
// `--version` and `--help` start without the rule engine, the report writers or the AWS SDK.

import { Command, CommanderError } from "commander";
import { terminalSafe } from "../../reports/terminal-text.js";
import { AuthwardenError } from "../errors.js";
import { toolVersion } from "../package-info.js";
import type { CliIo, SetExitCode } from "./audit.js";
import { COMMAND_DESCRIPTIONS, isCommandName, type CommandName } from "./commands.js";

export type { CliIo } from "./audit.js";

type Register = (program: Command, io: CliIo, setExitCode: SetExitCode) => void;

const LOADERS: Readonly<Record<CommandName, () => Promise<Register>>> = {
  check: async () => (await import("./check.js")).registerCheck,
  scan: async () => (await import("./scan.js")).registerScan,
  merge: async () => (await import("./merge.js")).registerMerge,
  rules: async () => (await import("./rules.js")).registerRules,
  verify: async () => (await import("./verify.js")).registerVerify,
};

/** The command argv asks for (`help CMD` included): the first word that is not an option. */
function requestedCommand(argv: readonly string[]): CommandName | undefined {
  const words = argv.filter((arg) => !arg.startsWith("-"));
  const name = words[0] === "help" ? words[1] : words[0];
  return isCommandName(name) ? name : undefined;
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const setExitCode = (code: number) => {
    exitCode = code;
  };
  const program = new Command()
    .name("authwarden")
    .description("Audit an Amazon Cognito auth estate against PCI DSS v4.0.1 rules.")
    .version(toolVersion(), "-v, --version", "print the version")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError(true)
    .addHelpText(
      "after",
      "\nSettings: a flag overrides its AUTHWARDEN_* variable (AUTHWARDEN_FAIL_ON for --fail-on), which overrides\n" +
        ".authwarden.yaml (found from the working directory upward, or named by AUTHWARDEN_CONFIG).\n" +
        "Exit codes: 0 gate passed, 1 gate failed, 2 bad usage or unreadable input.\n",
    );

  try {
    const requested = requestedCommand(argv);
    for (const name of Object.keys(COMMAND_DESCRIPTIONS) as CommandName[]) {
      if (name === requested) (await LOADERS[name]())(program, io, setExitCode);
      else program.command(name).description(COMMAND_DESCRIPTIONS[name]);
    }
    // .authwarden.yaml and AUTHWARDEN_* fill what the command line left unset.
    program.hook("preAction", async (_program, command) => {
      const { applyConfiguration } = await import("./config-file.js");
      applyConfiguration(command, io);
    });
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof AuthwardenError) {
      io.stderr(`authwarden: ${terminalSafe(error.message)}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(
      `authwarden: internal error: ${terminalSafe(message)}${io.env.AUTHWARDEN_DEBUG ? `\n${(error as Error).stack ?? ""}` : " (set AUTHWARDEN_DEBUG=1 for the stack trace)"}\n`,
    );
    return 2;
  }
}
