// `authwarden rules`: the rule catalog, as a table or as JSON.

import { Option, type Command } from "commander";
import { catalog } from "../engine/catalog.js";
import { RULES } from "../rules/index.js";
import type { CliIo } from "./audit.js";

export function registerRules(program: Command, io: CliIo): void {
  program
    .command("rules")
    .description("list the rule catalog: id, title, severity, PCI DSS requirements, options")
    .addOption(new Option("--format <format>", "console or json").choices(["console", "json"]).default("console"))
    .action((options: { format: "console" | "json" }) => {
      io.stdout(options.format === "json" ? `${JSON.stringify(catalog(RULES), null, 2)}\n` : rulesTable());
    });
}

function rulesTable(): string {
  const entries = catalog(RULES);
  const width = Math.max(...entries.map((e) => e.id.length));
  const lines = entries.map(
    (e) => `${e.id.padEnd(width)}  ${e.severity.padEnd(8)}  ${e.requirements.join(",").padEnd(18)}  ${e.title}`,
  );
  return `${["id".padEnd(width) + "  severity  PCI DSS v4.0.1      secure state", ...lines].join("\n")}\n`;
}
