// The style-profile flags shared by `captions build` and `captions check`: --profile and the custom
// limits over it, validated here so that a bad value is a usage error (exit 2).

import { usageError } from '../../diagnostic.js';
import type { Command } from 'commander';
import { customizeProfile, profileByName, PROFILES, type ProfileOverrides } from '../../cues/profile.js';
import type { StyleProfile } from '../../types.js';
import { addFlags, decimalNumber, parseGiven, type FlagSpec, type FlagValues } from './flags.js';

/**
 * Upper bounds of the limits: far beyond any caption style (two lines of 42 characters, 20
 * characters a second, seven seconds on screen), and low enough that the cue stage's work stays
 * small (a cue of 100,000 lines made a 30-line input take 40 s).
 */
export const PROFILE_BOUNDS = { maxChars: 500, maxLines: 20, maxCps: 200, minDuration: 60, maxDuration: 3600, minGap: 60 } as const;

function number(flag: string, text: string, max: number, { integer = false, min = 0, allowZero = false } = {}): number {
  const value = decimalNumber(text);
  const ok = text.trim() !== '' && Number.isFinite(value) && (allowZero ? value >= min : value > min) && value <= max && (!integer || Number.isInteger(value));
  if (!ok) throw usageError(`${flag} takes a ${integer ? 'whole ' : ''}number ${allowZero ? 'from 0' : 'above 0'} up to ${max}, not "${text}"`);
  return value;
}

function knownProfile(name: string): StyleProfile {
  const profile = profileByName(name);
  if (!profile) throw usageError(`unknown profile "${name}" (choose from ${Object.keys(PROFILES).join(', ')})`);
  return profile;
}

export const PROFILE_FLAGS = {
  profile: { flags: '--profile <name>', help: `caption style profile (${Object.keys(PROFILES).join(', ')})`, default: 'netflix', parse: knownProfile },
  maxChars: { flags: '--max-chars <n>', help: 'characters a line at most (overrides the profile)', parse: (text: string) => number('--max-chars', text, PROFILE_BOUNDS.maxChars, { integer: true }) },
  maxLines: { flags: '--max-lines <n>', help: 'lines a cue at most', parse: (text: string) => number('--max-lines', text, PROFILE_BOUNDS.maxLines, { integer: true }) },
  maxCps: { flags: '--max-cps <n>', help: 'reading speed at most, in characters a second', parse: (text: string) => number('--max-cps', text, PROFILE_BOUNDS.maxCps) },
  minDuration: { flags: '--min-duration <s>', help: 'shortest time a cue stays on screen, in seconds', parse: (text: string) => number('--min-duration', text, PROFILE_BOUNDS.minDuration, { allowZero: true }) },
  maxDuration: { flags: '--max-duration <s>', help: 'longest time a cue stays on screen, in seconds', parse: (text: string) => number('--max-duration', text, PROFILE_BOUNDS.maxDuration) },
  minGap: { flags: '--min-gap <s>', help: 'shortest gap between cues, in seconds', parse: (text: string) => number('--min-gap', text, PROFILE_BOUNDS.minGap, { allowZero: true }) },
} as const satisfies Record<string, FlagSpec>;

export type ProfileFlags = FlagValues<typeof PROFILE_FLAGS>;

export function addProfileOptions(command: Command): Command {
  return addFlags(command, PROFILE_FLAGS);
}

export function profileFromFlags(flags: ProfileFlags): StyleProfile {
  const base = knownProfile(flags.profile ?? PROFILE_FLAGS.profile.default);
  const overrides: ProfileOverrides = {
    maxChars: parseGiven(flags.maxChars, PROFILE_FLAGS.maxChars.parse),
    maxLines: parseGiven(flags.maxLines, PROFILE_FLAGS.maxLines.parse),
    maxCps: parseGiven(flags.maxCps, PROFILE_FLAGS.maxCps.parse),
    minDuration: parseGiven(flags.minDuration, PROFILE_FLAGS.minDuration.parse),
    maxDuration: parseGiven(flags.maxDuration, PROFILE_FLAGS.maxDuration.parse),
    minGap: parseGiven(flags.minGap, PROFILE_FLAGS.minGap.parse),
  };
  const profile = customizeProfile(base, overrides);
  if (profile.minDuration > profile.maxDuration) {
    throw usageError(`the minimum duration (${profile.minDuration} s) is above the maximum (${profile.maxDuration} s)`);
  }
  return profile;
}
