// The style-profile flags shared by `captions build` and `captions check`: --profile and the custom
// limits over it, validated here so that a bad value is a usage error (exit 2).

import type { Command } from 'commander';
import { customizeProfile, profileByName, PROFILES, type ProfileOverrides } from '../cues/profile.js';
import type { StyleProfile } from '../types.js';
import { UsageError } from './outputs.js';

export interface ProfileFlags {
  profile: string;
  maxChars?: string;
  maxLines?: string;
  maxCps?: string;
  minDuration?: string;
  maxDuration?: string;
  minGap?: string;
}

export function addProfileOptions(command: Command): Command {
  return command
    .option('--profile <name>', `caption style profile (${Object.keys(PROFILES).join(', ')})`, 'netflix')
    .option('--max-chars <n>', 'characters a line at most (overrides the profile)')
    .option('--max-lines <n>', 'lines a cue at most')
    .option('--max-cps <n>', 'reading speed at most, in characters a second')
    .option('--min-duration <s>', 'shortest time a cue stays on screen, in seconds')
    .option('--max-duration <s>', 'longest time a cue stays on screen, in seconds')
    .option('--min-gap <s>', 'shortest gap between cues, in seconds');
}

/**
 * Upper bounds of the limits: far beyond any caption style (two lines of 42 characters, 20
 * characters a second, seven seconds on screen), and low enough that the cue stage's work stays
 * small (a cue of 100,000 lines made a 30-line input take 40 s).
 */
export const PROFILE_BOUNDS = { maxChars: 500, maxLines: 20, maxCps: 200, minDuration: 60, maxDuration: 3600, minGap: 60 } as const;

function number(flag: string, text: string | undefined, max: number, { integer = false, min = 0, allowZero = false } = {}): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  const ok = text.trim() !== '' && Number.isFinite(value) && (allowZero ? value >= min : value > min) && value <= max && (!integer || Number.isInteger(value));
  if (!ok) throw new UsageError(`${flag} takes a ${integer ? 'whole ' : ''}number ${allowZero ? 'from 0' : 'above 0'} up to ${max}, not "${text}"`);
  return value;
}

export function profileFromFlags(flags: ProfileFlags): StyleProfile {
  const base = profileByName(flags.profile);
  if (!base) throw new UsageError(`unknown profile "${flags.profile}" (choose from ${Object.keys(PROFILES).join(', ')})`);
  const overrides: ProfileOverrides = {
    maxChars: number('--max-chars', flags.maxChars, PROFILE_BOUNDS.maxChars, { integer: true }),
    maxLines: number('--max-lines', flags.maxLines, PROFILE_BOUNDS.maxLines, { integer: true }),
    maxCps: number('--max-cps', flags.maxCps, PROFILE_BOUNDS.maxCps),
    minDuration: number('--min-duration', flags.minDuration, PROFILE_BOUNDS.minDuration, { allowZero: true }),
    maxDuration: number('--max-duration', flags.maxDuration, PROFILE_BOUNDS.maxDuration),
    minGap: number('--min-gap', flags.minGap, PROFILE_BOUNDS.minGap, { allowZero: true }),
  };
  const profile = customizeProfile(base, overrides);
  if (profile.minDuration > profile.maxDuration) {
    throw new UsageError(`the minimum duration (${profile.minDuration} s) is above the maximum (${profile.maxDuration} s)`);
  }
  return profile;
}
