#!/usr/bin/env node
// Entry point of the authwarden command; the compiled CLI lives in dist/ (built by `npm ci` / `npm run build`).
// The AWS SDK warns on every run that future releases will need Node 22; the pinned release works
// on Node 20, so that one warning is dropped and every other warning still shows.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = (warning, ...rest) => {
  const type = typeof rest[0] === "string" ? rest[0] : rest[0]?.type;
  if (
    type === "NodeVersionSupportWarning" ||
    (warning instanceof Error && warning.name === "NodeVersionSupportWarning")
  )
    return;
  emitWarning(warning, ...rest);
};

const { run } = await import("../dist/checks/cli/index.js");

// A reader that went away (`authwarden rules | head`) is not an error: output stops, quietly,
// and the run still ends with its own exit code.
let stdoutClosed = false;
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") throw error;
  stdoutClosed = true;
});

const code = await run(process.argv.slice(2), {
  stdout: (text) => stdoutClosed || process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  columns: process.stdout.columns,
  env: process.env,
});
process.exitCode = code;
