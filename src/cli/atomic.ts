// Atomic file output: write a temporary file beside the target, then rename it into place, so a
// reader never sees a half-written file and an interrupted run leaves none behind.

import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const pending = new Set<string>();
let cleanupInstalled = false;

function removePending() {
  for (const file of pending) rmSync(file, { force: true });
  pending.clear();
}

function installCleanup() {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', removePending);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      removePending();
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
}

export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
}

export function writeFileAtomic(target: string, content: string): void {
  installCleanup();
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
