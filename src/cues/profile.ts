// Caption style profiles: the limits every cue is built to keep.

import type { StyleProfile } from '../types.js';

const FRAME_24FPS = 1 / 24;

/** Netflix English timed-text style: 42 characters a line, 2 lines, 5/6 s to 7 s, 2 frames apart. */
export const NETFLIX: StyleProfile = {
  name: 'netflix',
  maxCharsPerLine: 42,
  maxLines: 2,
  minDuration: 5 / 6,
  maxDuration: 7,
  minGap: 2 * FRAME_24FPS,
  maxCharsPerSecond: 20,
};

export const PROFILES: Record<string, StyleProfile> = { netflix: NETFLIX };

export function profileByName(name: string): StyleProfile | undefined {
  return PROFILES[name.toLowerCase()];
}
