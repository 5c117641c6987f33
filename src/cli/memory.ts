// Memory for very long inputs. V8 lets its heap grow to several times the live data before it
// collects, which is right for ordinary transcripts (speed) but not for a file of hundreds of
// thousands of words, built in sections whose garbage is short-lived: there, V8 is told to favour
// size, which keeps the peak near twice the live data.

import { setFlagsFromString } from 'node:v8';

/** Inputs above this size (about 20 talks' worth of text) are built with the heap kept small. */
export const LARGE_INPUT_BYTES = 1_000_000;

let applied = false;

export function preferSmallHeapFor(bytes: number): void {
  if (applied || bytes < LARGE_INPUT_BYTES) return;
  applied = true;
  setFlagsFromString('--optimize-for-size');
}
