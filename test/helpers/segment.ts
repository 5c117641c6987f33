// Crafted sessions for the speaker stage: a stock talk body, where a crafted line lands, and a
// segment list reduced to what the cases compare.

import { detectSpeakers } from '../../src/segment/index.js';
import type { Segment } from '../../src/types.js';
import { normalizeLines } from './pipeline.js';

/** About 50 words of talk with no handoff signal in it. */
export const BODY = [
  'Today I want to show you how we test the parsers in our team.',
  'We start with small inputs and we grow them slowly until something breaks.',
  'Every bug we found became a new case, and the suite now runs in a minute on a laptop.',
];
/** The source line of the n-th crafted line (normalizeLines puts a blank line between lines). */
export const lineOf = (n: number) => 2 * n - 1;
export const detect = (...lines: string[]) => detectSpeakers(normalizeLines(...lines).tokens);
export const summary = (segments: Segment[]) => segments.map((s) => [s.role, s.speaker, s.startLine, s.endLine]);
