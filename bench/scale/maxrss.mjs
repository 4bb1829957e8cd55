// Loaded with `node --import` into each process the scale bench times: records the process's own
// peak resident set size (KiB) and CPU time (microseconds) at exit, in the file the bench names.
import { writeFileSync } from "node:fs";

const file = process.env.AUTHWARDEN_BENCH_RSS_FILE;
if (file)
  process.on("exit", () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRSS, cpu: userCPUTime + systemCPUTime }));
  });
