// `authwarden rules`: the rule catalog, as a table or as JSON.

import { Option, type Command } from "commander";
import { wrapText } from "../../reports/terminal-text.js";
import { catalog } from "../engine/catalog.js";
import { RULES } from "../rules/index.js";
import type { CliIo } from "./audit.js";
import { COMMAND_DESCRIPTIONS } from "./commands.js";

export function registerRules(program: Command, io: CliIo): void {
  program
    .command("rules")
    .description(COMMAND_DESCRIPTIONS.rules)
    .addOption(new Option("--format <format>", "console or json").choices(["console", "json"]).default("console"))
    .option("--quiet", "only the rule ids, one per line")
    .action((options: { format: "console" | "json"; quiet?: boolean }) => {
      if (options.quiet)
        io.stdout(
          catalog(RULES)
            .map((e) => `${e.id}\n`)
            .join(""),
        );
      else if (options.format === "json") io.stdout(`${JSON.stringify(catalog(RULES), null, 2)}\n`);
      else io.stdout(rulesTable(io.stdoutIsTTY ? io.columns : undefined));
    });
}

/** Columns as wide as their widest cell; the title wraps under itself to the terminal's width. */
function rulesTable(width: number | undefined): string {
  const header = { id: "id", severity: "severity", requirements: "PCI DSS v4.0.1", title: "secure state" };
  const rows = [header, ...catalog(RULES).map((e) => ({ ...e, requirements: e.requirements.join(",") }))];
  const idWidth = Math.max(...rows.map((r) => r.id.length));
  const severityWidth = Math.max(...rows.map((r) => r.severity.length));
  const requirementsWidth = Math.max(...rows.map((r) => r.requirements.length));
  const indent = idWidth + severityWidth + requirementsWidth + 6;
  const lines = rows.map((r) => {
    const title = wrapText(r.title, width === undefined ? Infinity : width - indent).join(`\n${" ".repeat(indent)}`);
    return `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(severityWidth)}  ${r.requirements.padEnd(requirementsWidth)}  ${title}`;
  });
  return `${lines.join("\n")}\n`;
}
