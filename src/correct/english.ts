// Is a word ordinary English? Looked up in the `word-list` package's list (274,000 lower-case ASCII
// words, one a line, sorted: 2.8 MB). The list is never read whole: a run asks about a few dozen
// words, so each is found by bisection over the file's bytes with small positioned reads, which
// costs microseconds where reading the file costs tens of milliseconds. (Two neighbouring pairs of
// the list are out of order, "manlily"/"manlihood" and "sharrows"/"sharrowed"; the last read runs
// a probe's length past its range, so such a word is still found: test/english.test.ts checks.)

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Below this many bytes, the bisection reads the rest of the range at once and searches it. */
const SCAN_BYTES = 32 * 1024;
/** Enough for any line of the list (its longest word has 28 letters). */
const PROBE_BYTES = 128;

let list: { fd: number; size: number } | undefined;
const known = new Map<string, boolean>();
/** The first whole line after a byte offset: every lookup starts with the same few probes. */
const probes = new Map<number, string | null>();

function openList(): { fd: number; size: number } {
  if (!list) {
    const fd = openSync(join(dirname(require.resolve('word-list')), 'words.txt'), 'r');
    list = { fd, size: fstatSync(fd).size };
    process.once('exit', () => closeSync(fd));
  }
  return list;
}

function read(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  const bytes = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, bytes);
}

/** The first line that starts after `offset` (null when none does within a probe's reach). */
function lineAfter(fd: number, offset: number): string | null {
  let line = probes.get(offset);
  if (line === undefined) {
    const probe = read(fd, offset, PROBE_BYTES);
    const start = probe.indexOf(10) + 1;
    const end = start === 0 ? -1 : probe.indexOf(10, start);
    line = start === 0 ? null : probe.toString('latin1', start, end < 0 ? probe.length : end);
    probes.set(offset, line);
  }
  return line;
}

/**
 * Whether `wanted` (lower case, compared as latin1 bytes, the order the list is sorted in) is a
 * line of the list.
 */
function lookUp(wanted: string): boolean {
  const { fd, size } = openList();
  // invariant: the line holding `wanted`, if any, starts in [lo, hi)
  let lo = 0;
  let hi = size;
  while (hi - lo > SCAN_BYTES) {
    const mid = (lo + hi) >> 1;
    const line = lineAfter(fd, mid);
    if (line === wanted) return true;
    if (line === null || wanted < line) hi = mid + 1;
    else lo = mid + 1;
  }
  // the range, with the line it ends in: one native search for the word as a whole line
  const block = read(fd, lo, hi - lo + PROBE_BYTES);
  const first = block.indexOf(10);
  if (lo === 0 && block.toString('latin1', 0, first < 0 ? block.length : first) === wanted) return true;
  if (block.indexOf(`\n${wanted}\n`, 0, 'latin1') >= 0) return true;
  // the file's last line may have no newline after it
  const tail = `\n${wanted}`;
  return lo + block.length === size && block.toString('latin1', block.length - tail.length) === tail;
}

/** True when the word (any casing) is in the `word-list` package's list of English words. */
export function isEnglish(word: string): boolean {
  const lower = word.toLowerCase();
  let found = known.get(lower);
  if (found === undefined) {
    // the list is ASCII; a word with anything else in it is not on it
    found = /^[\x21-\x7e]+$/.test(lower) && lookUp(lower);
    known.set(lower, found);
  }
  return found;
}
