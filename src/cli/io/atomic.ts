// Atomic file output: write a temporary file beside the target, then rename it into place, so a
// reader never sees a half-written file. A set of outputs (one input's captions, chapters, review) is
// written to temporary files first and renamed only when all were written, so a failed write (a full
// disk) leaves the previous set as it was. Temporary files carry the writer's process id, so that an
// interrupted run's leftovers can be told apart from a running one's and swept.

import { writeError } from '../../diagnostic.js';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { escapesRoot } from './run-paths.js';

const pending = new Set<string>();
let exitHookInstalled = false;
const TEMPORARY = /^\..+\.tmp-(\d+)-[a-z0-9]+$/;

/** Removes this thread's temporary files that have not been renamed yet (on exit or interrupt). */
export function removePendingFiles(): void {
  for (const file of pending) rmSync(file, { force: true });
  pending.clear();
}

/** Characters of the target's name a temporary name keeps: any name that fits the file system must fit with its suffix. */
const TEMPORARY_NAME_CHARS = 40;

export function temporaryPathFor(target: string): string {
  const name = Array.from(basename(target)).slice(0, TEMPORARY_NAME_CHARS).join('');
  return join(dirname(target), `.${name}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
}

/** Whether a process of this id is running (one we may not signal counts as running). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files in `directory` left by this process (after its workers were stopped), or by
 * processes that no longer run (a run killed with SIGKILL). Another live run's files are left alone.
 */
export function sweepTemporaryFiles(directory: string): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return 0;
  }
  for (const name of names) {
    const match = TEMPORARY.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || !processIsAlive(pid)) {
      rmSync(join(directory, name), { force: true });
      removed++;
    }
  }
  return removed;
}

/** What an existing path is when it is neither a regular file nor a folder; null otherwise. */
function specialFileKind(path: string): string | null {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats || stats.isFile() || stats.isDirectory()) return null;
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isFIFO()) return 'a pipe';
  return stats.isSocket() ? 'a socket' : 'a special file';
}

export function writeFileAtomic(target: string, content: string): void {
  writeFilesAtomic([{ path: target, text: content }]);
}

export interface FileToWrite {
  path: string;
  text: string;
  /** The output directory the file must stay inside (by real path), if any. */
  root?: { lexical: string; real: string };
}

/**
 * Writes every file to a temporary file beside it, then renames them all into place. A file with a
 * `root` has its folder checked, just before it is made, to lie inside it by real path. Throws a DiagnosticError (code `write`).
 */
export function writeFilesAtomic(files: FileToWrite[]): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', removePendingFiles);
  }
  const temporaries: string[] = [];
  const attempt = <T>(path: string, step: () => T): T => {
    try {
      return step();
    } catch (error) {
      if (error instanceof Error && 'code' in error) throw writeError(path, error as NodeJS.ErrnoException);
      throw error;
    }
  };
  try {
    for (const { path, text, root } of files) {
      if (root) {
        const outside = escapesRoot(root, path);
        if (outside) throw writeError(path, Object.assign(new Error(`refusing to write it: ${outside}`), { code: 'EOUTSIDE' }));
      }
      // a rename would put a regular file in place of a device or a pipe (`-o /dev/null`): refused
      const special = attempt(path, () => specialFileKind(path));
      if (special) throw writeError(path, Object.assign(new Error(`not a regular file (${special}): captions writes only regular files`), { code: 'ENOTREG' }));
      attempt(path, () => mkdirSync(dirname(path), { recursive: true }));
      const temporary = temporaryPathFor(path);
      pending.add(temporary);
      temporaries.push(temporary);
      attempt(path, () => writeFileSync(temporary, text));
    }
    // a folder where a file must go would fail its rename half-way through the set: refuse it first
    for (const { path } of files) {
      if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw writeError(path, Object.assign(new Error('is a directory'), { code: 'EISDIR' }));
    }
    files.forEach(({ path }, k) => attempt(path, () => renameSync(temporaries[k], path)));
  } finally {
    for (const temporary of temporaries) {
      pending.delete(temporary);
      // a failed removal must not hide the error that stopped the set
      try {
        rmSync(temporary, { force: true });
      } catch {}
    }
  }
}
