// The command line: one file per command registers it; run() parses arguments and maps the outcome
// to exit codes (0 gate passed, 1 gate failed, 2 bad usage or unreadable input, one line on stderr).

import { Command, CommanderError } from "commander";
import { terminalSafe } from "../../reports/terminal-text.js";
import { AuthwardenError } from "../errors.js";
import { toolVersion } from "../package-info.js";
import type { CliIo } from "./audit.js";
import { registerCheck } from "./check.js";
import { registerRules } from "./rules.js";
import { registerScan } from "./scan.js";

export type { CliIo } from "./audit.js";

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const setExitCode = (code: number) => {
    exitCode = code;
  };
  const program = new Command()
    .name("authwarden")
    .description("Audit an Amazon Cognito auth estate against PCI DSS v4.0.1 rules.")
    .version(toolVersion())
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError(true);
  registerCheck(program, io, setExitCode);
  registerScan(program, io, setExitCode);
  registerRules(program, io);

  try {
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
