// The scan's one status line on stderr, rewritten in place (only on a terminal): accounts entered,
// regions done, pools read, and what is being read now.

import { terminalSafe } from "../../reports/terminal-text.js";
import type { AccountsProgress } from "../sources/live/org-scan.js";
import type { CliIo } from "./audit.js";

export interface TerminalProgress extends AccountsProgress {
  done(): void;
}

export function terminalProgress(io: CliIo, totals: { accounts: number; units: number }): TerminalProgress {
  let accounts = 0;
  let units = 0;
  let pools = 0;
  let reads = 0;
  const write = (now: string) =>
    io.stderr(
      `\r\u001b[2K${terminalSafe(
        `scanning · accounts ${accounts}/${totals.accounts} · regions ${units}/${totals.units} · pools ${pools} · ${reads} read · ${now}`,
      ).slice(0, 120)}`,
    );
  return {
    account(account) {
      accounts += 1;
      write(`account ${account || "(own)"}`);
    },
    read(account) {
      let region = "";
      return (event) => {
        reads += 1;
        if (event.kind === "pool") pools += 1;
        if (event.kind === "region") region = event.name;
        write(
          `${account ? `${account} ` : ""}${region}${event.kind === "region" ? "" : ` · ${event.kind} ${event.name}`}`,
        );
      };
    },
    unitDone(account, region) {
      units += 1;
      write(`${account ? `${account} ` : ""}${region} done`);
    },
    done: () => io.stderr("\r\u001b[2K"),
  };
}
