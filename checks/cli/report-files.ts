// Writing report files all or none. Every report is written to a temporary beside its target
// first; only when all are complete are they renamed into place, the previous files kept aside
// until the last rename succeeded, so a failure part-way puts the old set back. A SIGINT or
// SIGTERM while the temporaries are written removes them. The output directory is checked before
// anything is audited and created one level at a time: Node's recursive mkdir spins forever under
// /proc.

import {
  accessSync,
  constants,
  copyFileSync,
  linkSync,
  lstatSync,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
  statfsSync,
} from "node:fs";
import { writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { InputError } from "../errors.js";
import { describeFsError } from "../io/safe-json.js";

export interface ReportFile {
  readonly path: string;
  /** The content, or its chunks in order (a report larger than one string can hold). */
  readonly text: string | Iterable<string>;
}

// Kernel file systems where a directory cannot hold files (statfs f_type magic numbers, linux/magic.h).
const VIRTUAL_FILE_SYSTEMS: ReadonlyMap<number, string> = new Map([
  [0x9fa0, "proc"],
  [0x62656572, "sysfs"],
  [0x27e0eb, "cgroup"],
  [0x63677270, "cgroup2"],
  [0x64626720, "debugfs"],
  [0x74726163, "tracefs"],
  [0x73636673, "securityfs"],
  [0x1cd1, "devpts"],
  [0xcafe4a11, "bpf"],
  [0x62656570, "configfs"],
  [0x6165676c, "pstore"],
  [0xde5e81e4, "efivarfs"],
]);

/** The existing ancestor of `dir` (or dir itself) and the levels below it that would be created. */
function existingAncestor(dir: string): { existing: string; missing: string[] } {
  const missing: string[] = [];
  let current = resolve(dir);
  for (;;) {
    try {
      statSync(current);
      return { existing: current, missing };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const parent = dirname(current);
      if ((code !== "ENOENT" && code !== "ENOTDIR") || parent === current)
        throw new InputError(dir, `cannot be used as the output directory: ${current} ${describeFsError(error)}`);
      missing.unshift(current);
      current = parent;
    }
  }
}

/**
 * Refuses, without creating anything, an output directory that could not be created or written:
 * under a kernel file system, through a regular file, or without permission. Called before any
 * input is read, so a bad --output-dir costs nothing.
 */
export function checkOutputDir(dir: string): void {
  const { existing } = existingAncestor(dir);
  const problem = (text: string) => new InputError(dir, `cannot be used as the output directory: ${text}`);
  if (!statSync(existing).isDirectory()) throw problem(`${existing} is not a directory`);
  const type = VIRTUAL_FILE_SYSTEMS.get(Number(statfsSync(existing).type));
  if (type) throw problem(`${existing} is on the ${type} kernel file system`);
  try {
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch {
    throw problem(`no permission to write in ${existing}`);
  }
}

function makeDir(dir: string): void {
  checkOutputDir(dir);
  for (const level of existingAncestor(dir).missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST")
        throw new InputError(dir, `cannot create the output directory: ${level} ${describeFsError(error)}`);
    }
  }
}

interface Staged extends ReportFile {
  /** The new content, complete once written. */
  readonly temporary: string;
  /** The previous file, kept until every report is in place. */
  readonly previous: string;
}

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

/** Writes every file or none; on failure the files that existed before are as they were. */
export async function writeReportFiles(files: readonly ReportFile[]): Promise<void> {
  for (const dir of new Set(files.map((f) => dirname(resolve(f.path))))) makeDir(dir);
  // Named by process id: a leftover of this name can only be a stale one, and is replaced.
  const staged: Staged[] = files.map((f) => ({
    ...f,
    temporary: `${f.path}.${process.pid}.tmp`,
    previous: `${f.path}.${process.pid}.old`,
  }));
  const cleanUp = () => {
    for (const path of staged.flatMap((f) => [f.temporary, f.previous])) {
      try {
        rmSync(path, { force: true });
      } catch {
        // Not a file of ours (a directory by that name): left alone, and the error that matters is reported.
      }
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUp();
    removeHandlers();
    // Die of the signal as the default handler would, so the parent sees what happened.
    process.kill(process.pid, signal);
  };
  const removeHandlers = () => {
    for (const signal of SIGNALS) process.removeListener(signal, onSignal);
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  try {
    for (const f of staged) {
      try {
        await writeFile(f.temporary, f.text);
      } catch (error) {
        // Only a file system failure is the output's fault; a failing writer is an internal error.
        if ((error as NodeJS.ErrnoException).code === undefined) throw error;
        throw new InputError(f.path, `cannot be written (${describeFsError(error)}); no report was changed`);
      }
    }
    // Synchronous from here: a signal waits until the set is complete or rolled back.
    commit(staged);
  } finally {
    removeHandlers();
    cleanUp();
  }
}

function commit(staged: readonly Staged[]): void {
  const replaced: { file: Staged; hadPrevious: boolean }[] = [];
  for (const file of staged) {
    try {
      const hadPrevious = keepPrevious(file);
      renameSync(file.temporary, file.path);
      replaced.push({ file, hadPrevious });
    } catch (error) {
      const unrestored = rollBack(replaced);
      throw new InputError(
        file.path,
        `cannot be replaced (${describeFsError(error)}); ${unrestored.length === 0 ? "no report was changed" : `could not restore ${unrestored.join(", ")}`}`,
      );
    }
  }
}

/** Keeps the current file (a hard link, or a copy where links are not supported); false when there is none. */
function keepPrevious(file: Staged): boolean {
  let kind;
  try {
    kind = lstatSync(file.path);
  } catch {
    return false;
  }
  // Anything but a file or link stays where it is, and the rename onto it fails.
  if (!kind.isFile() && !kind.isSymbolicLink()) return false;
  rmSync(file.previous, { force: true });
  try {
    linkSync(file.path, file.previous);
  } catch {
    copyFileSync(file.path, file.previous);
  }
  return true;
}

/** Puts back what the renames so far replaced; returns the paths it could not restore. */
function rollBack(replaced: readonly { file: Staged; hadPrevious: boolean }[]): string[] {
  const unrestored: string[] = [];
  for (const { file, hadPrevious } of [...replaced].reverse()) {
    try {
      if (hadPrevious) renameSync(file.previous, file.path);
      else rmSync(file.path, { force: true });
    } catch {
      unrestored.push(file.path);
    }
  }
  return unrestored;
}
