// Is a word ordinary English? Looked up in the `word-list` package's list (275,000 lower-case
// words, one a line, sorted: 2.8 MB). The list is never read whole: a run asks about a few dozen
// words, so each is found by bisection over the file's bytes with small positioned reads, which
// costs microseconds where reading the file costs tens of milliseconds.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Below this many bytes, the bisection reads the rest of the range at once and scans it. */
const SCAN_BYTES = 4096;
/** Enough for any line of the list (its longest word has 45 letters). */
const PROBE_BYTES = 128;

let list: { fd: number; size: number } | undefined;
const known = new Map<string, boolean>();

function openList(): { fd: number; size: number } {
  if (!list) {
    const fd = openSync(join(dirname(require.resolve('word-list')), 'words.txt'), 'r');
    list = { fd, size: fstatSync(fd).size };
    process.once('exit', () => closeSync(fd));
  }
  return list;
}

function read(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const bytes = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, bytes);
}

/** Whether `wanted` is a line of the sorted list (compared as bytes, as the list is sorted). */
function lookUp(wanted: Buffer): boolean {
  const { fd, size } = openList();
  // invariant: the line holding `wanted`, if any, starts in [lo, hi)
  let lo = 0;
  let hi = size;
  while (hi - lo > SCAN_BYTES) {
    const mid = (lo + hi) >> 1;
    const probe = read(fd, mid, PROBE_BYTES);
    const start = probe.indexOf(10) + 1; // the first whole line after mid
    let end = probe.indexOf(10, start);
    if (start === 0 || end < 0) end = probe.length;
    const order = start === 0 ? -1 : wanted.compare(probe, start, end);
    if (order === 0) return true;
    if (order < 0) hi = mid + 1;
    else lo = mid + start;
  }
  const block = read(fd, lo, hi - lo + PROBE_BYTES);
  for (let start = 0; start < block.length && start <= hi - lo; ) {
    let end = block.indexOf(10, start);
    if (end < 0) end = block.length;
    if (wanted.compare(block, start, end) === 0) return true;
    start = end + 1;
  }
  return false;
}

/** True when the word (any casing) is in the `word-list` package's list of English words. */
export function isEnglish(word: string): boolean {
  const lower = word.toLowerCase();
  let found = known.get(lower);
  if (found === undefined) {
    found = lower !== '' && !lower.includes('\n') && lookUp(Buffer.from(lower, 'latin1'));
    known.set(lower, found);
  }
  return found;
}
