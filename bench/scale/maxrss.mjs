// Loaded with `node --import` into each process the scale bench times: records the process's own
// peak resident set size (KiB) at exit, in the file the bench names.
import { writeFileSync } from "node:fs";

const file = process.env.AUTHWARDEN_BENCH_RSS_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
