// Memory for very long inputs. After each full collection V8 lets its heap grow to several times
// the live data before collecting again: right for ordinary transcripts (fewer collections), but on
// a file of hundreds of thousands of words, built in sections whose garbage is short-lived, the
// peak then runs to twice what is needed. There V8 is told to grow its heap by 20% at a time, which
// keeps the peak near the live data at about the same speed (measured: 100 talks in one file,
// 444 MB → 269 MB peak, 9.2 s → 10.3 s; `--optimize-for-size` also halves the peak but costs 2.3×).

import { setFlagsFromString } from 'node:v8';

/** Inputs above this size (about 20 talks' worth of text) are built with the heap kept small. */
export const LARGE_INPUT_BYTES = 1_000_000;

let applied = false;

export function preferSmallHeapFor(bytes: number): void {
  if (applied || bytes < LARGE_INPUT_BYTES) return;
  applied = true;
  setFlagsFromString('--heap-growing-percent=10');
}
