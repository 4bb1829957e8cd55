#!/usr/bin/env node
// Entry point of the authwarden command; the compiled CLI lives in dist/ (built by `npm ci` / `npm run build`).
import { run } from "../dist/checks/cli.js";

const code = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  env: process.env,
});
process.exitCode = code;
