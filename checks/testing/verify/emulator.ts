// The local AWS emulator for `authwarden verify --apply-emulator`: moto's server with authwarden's
// extension module (shipped in the package as test/moto/authwarden_moto.py), on a free loopback port.

import { spawn } from "node:child_process";
import { join } from "node:path";
import { AuthwardenError } from "../../errors.js";
import { packageRoot } from "../../package-info.js";

export const MOTO_INSTALL = 'pip install "moto[server]==5.2.1"';

export class EmulatorError extends AuthwardenError {
  readonly code = "AUTHWARDEN_EMULATOR";
}

export interface RunningEmulator {
  readonly url: string;
  stop(): Promise<void>;
}

export function emulatorScript(): string {
  return join(packageRoot(), "test", "moto", "authwarden_moto.py");
}

/** Starts the emulator and resolves once it prints its ready line; moto missing is one line saying how to install it. */
export function startEmulator(
  python = process.env.AUTHWARDEN_PYTHON ?? "python3",
  timeoutMs = 60_000,
): Promise<RunningEmulator> {
  const child = spawn(python, [emulatorScript(), "0"], {
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1", PYTHONUNBUFFERED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const closed = new Promise<void>((res) => child.once("close", () => res()));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr = (stderr + d).slice(-20_000)));
  return new Promise((resolve, reject) => {
    const fail = (message: string) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new EmulatorError(message));
    };
    const timer = setTimeout(
      () => fail(`the emulator was not ready after ${timeoutMs} ms: ${stderr.trim().split("\n").pop() ?? ""}`),
      timeoutMs,
    );
    child.once("error", (e) => fail(`cannot start ${python}: ${e.message}`));
    child.once("exit", (code) => {
      // moto[server] brings boto3, botocore, flask and werkzeug: any of them missing is the same fix.
      if (/No module named '(moto|werkzeug|flask|boto3|botocore)/.test(stderr))
        fail(`moto is not installed: ${MOTO_INSTALL}`);
      else fail(`the emulator exited (${code}) before it was ready: ${stderr.trim().split("\n").pop() ?? ""}`);
    });
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
      const ready = /^moto ready on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout);
      if (!ready) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolve({
        url: ready[1]!,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
          await closed;
        },
      });
    });
  });
}
