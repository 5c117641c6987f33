// Voice activity: which frames of a recording hold speech. An adaptive loudness threshold: in each
// stretch of the talk, the noise floor (a low percentile of frame loudness) and the speech level (a
// high percentile) are measured over the half-minute around it, and a frame is speech when it rises
// far enough above the floor. Hysteresis (a higher level to start speech than to keep it) and least
// lengths for speech and for pauses keep single loud clicks and short stops inside words out.

import { FRAME_SECONDS, type AudioFeatures } from './features.js';

export interface VoiceOptions {
  /** Where between the noise floor (0) and the speech level (1) speech starts. */
  startShare: number;
  /** Where between the noise floor and the speech level speech goes on (lower: hysteresis). */
  keepShare: number;
  /** Least rise above the noise floor for speech, in dB, for quiet recordings with little range. */
  minRise: number;
  /** Shortest speech run kept, in seconds. */
  minSpeech: number;
  /** Shortest pause kept, in seconds: shorter silences are stops inside speech. */
  minPause: number;
  /** Half-width of the window the floor and level are measured over, in seconds. */
  window: number;
}

export const DEFAULT_VOICE_OPTIONS: VoiceOptions = {
  startShare: 0.3,
  keepShare: 0.2,
  minRise: 6,
  minSpeech: 0.08,
  minPause: 0.1,
  window: 15,
};

/** A silence between two stretches of speech, in seconds. */
export interface Pause {
  start: number;
  end: number;
}

export interface VoiceActivity {
  /** 1 for each frame of speech. */
  speech: Uint8Array;
  /** The pauses between speech, in time order (none before the first speech or after the last). */
  pauses: Pause[];
  /** First and last instant of speech, in seconds (0 and 0 when there is none). */
  speechStart: number;
  speechEnd: number;
  /** Seconds of speech in all. */
  speechSeconds: number;
}

const BIN_DB = 0.5;
const LOWEST_DB = -100;
const BINS = Math.ceil(-LOWEST_DB / BIN_DB) + 1;

function binOf(db: number): number {
  return Math.max(0, Math.min(BINS - 1, Math.round((db - LOWEST_DB) / BIN_DB)));
}

/** The q-quantile of a histogram of `count` values. */
function histogramQuantile(histogram: Int32Array, count: number, q: number): number {
  const target = q * count;
  let seen = 0;
  for (let b = 0; b < BINS; b++) {
    seen += histogram[b];
    if (seen > target) return LOWEST_DB + b * BIN_DB;
  }
  return 0;
}

/** Per-frame thresholds (start, keep) from the floor and level in a sliding window, measured once a second. */
function thresholds(loudness: Float32Array, options: VoiceOptions): { start: Float32Array; keep: Float32Array } {
  const n = loudness.length;
  const hop = Math.round(1 / FRAME_SECONDS);
  const half = Math.round(options.window / FRAME_SECONDS);
  const start = new Float32Array(n);
  const keep = new Float32Array(n);
  const histogram = new Int32Array(BINS);
  let lo = 0;
  let hi = 0; // the window is frames [lo, hi)
  for (let centre = 0; centre < n; centre += hop) {
    const from = Math.max(0, centre - half);
    const to = Math.min(n, centre + half);
    while (hi < to) histogram[binOf(loudness[hi++])]++;
    while (lo < from) histogram[binOf(loudness[lo++])]--;
    const count = hi - lo;
    const floor = histogramQuantile(histogram, count, 0.1);
    const level = histogramQuantile(histogram, count, 0.95);
    const range = level - floor;
    const startAt = floor + Math.max(options.startShare * range, options.minRise);
    const keepAt = floor + Math.max(options.keepShare * range, (options.minRise * options.keepShare) / options.startShare);
    for (let f = centre; f < Math.min(n, centre + hop); f++) {
      start[f] = startAt;
      keep[f] = keepAt;
    }
  }
  return { start, keep };
}

/** Removes runs of `value` shorter than `least` frames that lie between runs of the other value. */
function dropShortRuns(flags: Uint8Array, value: number, least: number): void {
  let f = 0;
  while (f < flags.length) {
    if (flags[f] !== value) {
      f++;
      continue;
    }
    let end = f;
    while (end < flags.length && flags[end] === value) end++;
    const inside = f > 0 && end < flags.length;
    if (end - f < least && (inside || value === 1)) flags.fill(1 - value, f, end);
    f = end;
  }
}

/** Finds the speech and the pauses of a recording. */
export function detectVoice(features: AudioFeatures, options: VoiceOptions = DEFAULT_VOICE_OPTIONS): VoiceActivity {
  const n = features.frames;
  // Loudness smoothed over three frames, so that one quiet frame inside a vowel does not cut it.
  const loudness = new Float32Array(n);
  const source = features.upper;
  for (let f = 0; f < n; f++) loudness[f] = (source[Math.max(0, f - 1)] + source[f] + source[Math.min(n - 1, f + 1)]) / 3;
  const { start, keep } = thresholds(loudness, options);
  const speech = new Uint8Array(n);
  let on = false;
  for (let f = 0; f < n; f++) {
    on = on ? loudness[f] >= keep[f] : loudness[f] >= start[f];
    speech[f] = on ? 1 : 0;
  }
  dropShortRuns(speech, 0, Math.round(options.minPause / FRAME_SECONDS));
  dropShortRuns(speech, 1, Math.round(options.minSpeech / FRAME_SECONDS));

  const pauses: Pause[] = [];
  let first = -1;
  let last = -1;
  let speechFrames = 0;
  for (let f = 0; f < n; f++) {
    if (!speech[f]) continue;
    speechFrames++;
    if (first < 0) first = f;
    else if (f > last + 1) pauses.push({ start: (last + 1) * FRAME_SECONDS, end: f * FRAME_SECONDS });
    last = f;
  }
  return {
    speech,
    pauses,
    speechStart: first < 0 ? 0 : first * FRAME_SECONDS,
    speechEnd: last < 0 ? 0 : (last + 1) * FRAME_SECONDS,
    speechSeconds: speechFrames * FRAME_SECONDS,
  };
}
