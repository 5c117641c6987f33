// Atomic file output: write a temporary file beside the target, then rename it into place, so a
// reader never sees a half-written file. Temporary files carry the writer's process id, so that an
// interrupted run's leftovers can be told apart from a running one's and swept.

import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const pending = new Set<string>();
let exitHookInstalled = false;
const TEMPORARY = /^\..+\.tmp-(\d+)-[a-z0-9]+$/;

/** Removes this thread's temporary files that have not been renamed yet (on exit or interrupt). */
export function removePendingFiles(): void {
  for (const file of pending) rmSync(file, { force: true });
  pending.clear();
}

export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
}

function processIsAlive(pid: number): boolean {
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

export function writeFileAtomic(target: string, content: string): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', removePendingFiles);
  }
  mkdirSync(dirname(target), { recursive: true });
  const temporary = temporaryPathFor(target);
  pending.add(temporary);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, target);
  } finally {
    pending.delete(temporary);
    rmSync(temporary, { force: true });
  }
}
