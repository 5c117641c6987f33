// Some transcriptions wrap speech at a fixed width, like captions, rather than at the speaker's
// pauses: most of their lines without a stop inside have nearly the same length, and such a line's
// final stop only marks the wrap. This finds those lines, for the stop decision (sentence-ends.ts).

import type { ParsedTranscript } from '../read/transcript.js';

/** Width of the band of line lengths (in characters) that wrapped lines fall in. */
const BAND = 20;
/** Share of lines without an inner stop that must fall in one band for the transcript to count as wrapped. */
const WRAPPED_SHARE = 0.75;
/** Fewer lines than this say nothing about a style. */
const MIN_LINES = 50;

/**
 * The lines that look wrapped at the transcript's width: no sentence stop or change of speaker
 * inside, and a length within the band most such lines fall in. Empty unless the transcript as a
 * whole is wrapped at a width.
 */
export function linesWrappedAtWidth(parsed: ParsedTranscript): ReadonlySet<number> {
  const plain: { line: number; length: number }[] = [];
  for (const { line, pieces } of parsed.lines) {
    if (pieces.some((p) => p.kind === 'turn')) continue;
    const text = pieces.map((p) => (p.kind === 'text' ? p.text : '')).join('').trim();
    if (!text || /[。？！.?!]/.test(text.replace(/。$/, ''))) continue;
    plain.push({ line, length: [...text].length });
  }
  if (plain.length < MIN_LINES) return new Set();
  const lengths = plain.map((p) => p.length).sort((a, b) => a - b);
  // the densest band: for each length as its lower edge, how many lengths fall within BAND of it
  let best = 0;
  let from = 0;
  for (let i = 0, j = 0; i < lengths.length; i++) {
    while (j < lengths.length && lengths[j] < lengths[i] + BAND) j++;
    if (j - i > best) {
      best = j - i;
      from = lengths[i];
    }
  }
  if (best / lengths.length < WRAPPED_SHARE) return new Set();
  return new Set(plain.filter((p) => p.length >= from && p.length < from + BAND).map((p) => p.line));
}
