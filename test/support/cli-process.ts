// The CLI as its own process, run from source through tsx (so tests measure the code under test,
// not a stale dist/): the same run() and exit code as bin/authwarden.js. With
// AUTHWARDEN_TEST_MAX_RSS=FILE it writes its peak resident set size (bytes) to FILE on exit.

import { writeFileSync } from "node:fs";
import { run } from "../../checks/cli/index.js";

const code = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutIsTTY: false,
  env: process.env,
});
process.exitCode = code;
const rssFile = process.env.AUTHWARDEN_TEST_MAX_RSS;
// resourceUsage().maxRSS is getrusage's ru_maxrss, in kilobytes.
if (rssFile) process.on("exit", () => writeFileSync(rssFile, String(process.resourceUsage().maxRSS * 1024)));
