#!/usr/bin/env node
// Entry point of the authwarden command; the compiled CLI lives in dist/cli (built by `npm ci` / `npm run build`).
// CommonJS (bin/package.json): Node sets up its ES-module loader only at the import() below, so
// `--version` does not pay for it (about 10 ms; bench/startup.ts).
"use strict";
// The AWS SDK warns on every run that its releases after January 2027 will need Node 22; the pinned
// release works on Node 20, so that one warning is dropped and every other warning still shows.
// @aws-sdk/core (emitWarningIfUnsupportedVersion) passes it as one string that starts with the
// warning's name, with no type argument, so the text is matched, not only the type.
const SDK_NODE_WARNING = /^NodeVersionSupportWarning: The AWS SDK for JavaScript \(v3\)/;
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = (warning, ...rest) => {
  const type = typeof rest[0] === "string" ? rest[0] : rest[0]?.type;
  const text = warning instanceof Error ? `${warning.name}: ${warning.message}` : String(warning);
  if (type === "NodeVersionSupportWarning" || SDK_NODE_WARNING.test(text)) return;
  emitWarning(warning, ...rest);
};

// `authwarden --version` alone is answered before anything else loads: it is the startup floor that
// scripts pay on every probe (bench/startup.ts measures it). The text is toolVersion()'s, from the
// same package.json.
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) {
  const { readFileSync } = require("node:fs");
  const manifest = JSON.parse(readFileSync(require("node:path").join(__dirname, "..", "package.json"), "utf8"));
  process.stdout.write(`${manifest.version}\n`);
  process.exit(0);
}

// A check holds its whole estate and every result until the report is written. V8's default lets the heap
// grow to several times what is live before a full collection, so the peak memory of identical runs of a
// 100k-resource plan varied from 1.0 to 1.9 GB; growing by at most 100% between full collections bounds it
// (1.2 GB every run) at about the same GC time. Read at each collection, so setting it here takes effect.
require("node:v8").setFlagsFromString("--heap-growing-percent=100");

async function main() {
  // The command line as one bundle (scripts/bundle-cli.ts): a module per source file cost a fifth of a small check.
  const { run } = await import("../dist/cli/index.js");

  // A reader that went away (`authwarden rules | head`) is not an error: output stops, quietly,
  // and the run still ends with its own exit code.
  let stdoutClosed = false;
  process.stdout.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
    stdoutClosed = true;
  });

  const code = await run(argv, {
    stdout: (text) => stdoutClosed || process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    columns: process.stdout.columns,
    env: process.env,
  });
  process.exitCode = code;
}

// A rejection here is a bug: left unhandled, Node prints it and exits with code 1, as a top-level await did.
main();
