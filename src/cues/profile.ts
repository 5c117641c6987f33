// Caption style profiles: the limits every cue is built to keep (and `captions check` checks).

import type { StyleProfile } from '../types.js';

const FRAME_24FPS = 1 / 24;
const FRAME_25FPS = 1 / 25;

/**
 * Characters a word takes in a caption line, its space included: measured on the shipped example's
 * cues (5.4). Used to turn a words-a-minute guideline into characters a second.
 */
export const CHARS_PER_WORD = 5.4;

/** Netflix English timed-text style: 42 characters a line, 2 lines, 20 cps, 5/6 s to 7 s, 2 frames apart. */
export const NETFLIX: StyleProfile = {
  name: 'netflix',
  maxCharsPerLine: 42,
  maxLines: 2,
  minDuration: 5 / 6,
  maxDuration: 7,
  minGap: 2 * FRAME_24FPS,
  maxCharsPerSecond: 20,
};

/**
 * BBC subtitle guidelines: 37 characters a line, 2 lines, 160 to 180 words a minute. 180 words a
 * minute × 5.4 characters a word / 60 = 16.2, so at most 16 characters a second; at least 1 s on
 * screen, at most 7 s, 2 frames at 25 fps between cues.
 */
export const BBC: StyleProfile = {
  name: 'bbc',
  maxCharsPerLine: 37,
  maxLines: 2,
  minDuration: 1,
  maxDuration: 7,
  minGap: 2 * FRAME_25FPS,
  maxCharsPerSecond: 16,
};

export const PROFILES: Record<string, StyleProfile> = { netflix: NETFLIX, bbc: BBC };

export function profileByName(name: string): StyleProfile | undefined {
  const key = name.toLowerCase();
  // own names only: "constructor" or "__proto__" would otherwise find an object's built-in properties
  return Object.hasOwn(PROFILES, key) ? PROFILES[key] : undefined;
}

/** The custom limits one can set over a profile; the names are the command-line flags in camelCase. */
export interface ProfileOverrides {
  maxChars?: number;
  maxLines?: number;
  maxCps?: number;
  minDuration?: number;
  maxDuration?: number;
  minGap?: number;
}

/** A profile with some limits replaced; the name says it was customised. */
export function customizeProfile(base: StyleProfile, overrides: ProfileOverrides): StyleProfile {
  const profile: StyleProfile = {
    name: base.name,
    maxCharsPerLine: overrides.maxChars ?? base.maxCharsPerLine,
    maxLines: overrides.maxLines ?? base.maxLines,
    maxCharsPerSecond: overrides.maxCps ?? base.maxCharsPerSecond,
    minDuration: overrides.minDuration ?? base.minDuration,
    maxDuration: overrides.maxDuration ?? base.maxDuration,
    minGap: overrides.minGap ?? base.minGap,
  };
  const changed = Object.values(overrides).some((v) => v !== undefined);
  return changed ? { ...profile, name: `${base.name}+custom` } : profile;
}
