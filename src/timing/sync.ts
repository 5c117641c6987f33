// Re-timing a caption draft to its recording: the draft's cue starts are matched to the speech
// onsets the voice detector finds (the ends of pauses). First the whole draft: an offset and a
// drift (true = offset + rate × draft), searched on a grid of drifts with the offsets voted for by
// every cue–onset pair, then fitted by least squares on the cues that land near an onset. Then each
// cue on its own: a cue still far from any onset that a nearby onset explains is moved to it.

import type { VoiceActivity } from '../audio/voice.js';

export interface SyncFit {
  /** Seconds added to the draft's times (after the drift). */
  offset: number;
  /** The draft's clock rate against the recording's: true = offset + rate × draft. */
  rate: number;
  /** Cues whose start lands within reach of an onset after the fit, of all. */
  matched: number;
  /** Cues moved on their own, after the fit. */
  moved: number;
}

export interface SyncedCue {
  start: number;
  end: number;
}

export interface SyncOptions {
  /** Largest offset searched, in seconds either way. */
  maxOffset: number;
  /** Largest drift searched, as a share (0.05: ±5 %). */
  maxDrift: number;
  /** Move single cues to a nearby onset after the fit. */
  perCue: boolean;
}

export const DEFAULT_SYNC_OPTIONS: SyncOptions = { maxOffset: 120, maxDrift: 0.05, perCue: false };

/** A cue start within this of an onset counts as on it, in the vote and in the fit. */
const MATCH_REACH = 0.4;
/** Votes are counted in bins of this many seconds of offset. */
const VOTE_BIN = 0.1;
/** How far outside the recording's speech the draft's first or last cue start may fall, in seconds. */
const SLACK = 3;
/** Drift grid step. */
const DRIFT_STEP = 0.0005;
/** A fit that moves no cue by more than this leaves the draft as it is (an already-synced draft). */
const NO_CHANGE = 0.1;
/** Longest lead of a caption over its voice that is still in sync, in seconds. */
const LEAD = 0.4;
/** A draft with this share of the fit's matched cues on time as it is is left alone. */
const IN_SYNC_SHARE = 0.9;
/** Per cue: a cue is moved only when it is this far from the usual lead over its onset, to an onset at most this far. */
const CUE_OFF = 0.3;
const CUE_REACH = 1.0;
/** Least pause before an onset a single cue is moved to. */
const CUE_PAUSE = 0.25;

/** Onsets of speech: the start of the speech and the end of every pause, ascending. */
function onsetsOf(voice: VoiceActivity): Array<{ time: number; pause: number }> {
  const onsets = [{ time: voice.speechStart, pause: Infinity }];
  for (const p of voice.pauses) onsets.push({ time: p.end, pause: p.end - p.start });
  return onsets;
}

/** Index of the first onset at or after `t`. */
function lowerBound(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function nearest(times: Float64Array, t: number): number {
  const i = lowerBound(times, t);
  if (i === 0) return 0;
  if (i === times.length) return times.length - 1;
  return t - times[i - 1] <= times[i] - t ? i - 1 : i;
}

/** Fits offset and drift of the draft's starts to the onsets. */
export function fitDraft(starts: number[], voice: VoiceActivity, options: SyncOptions = DEFAULT_SYNC_OPTIONS): { offset: number; rate: number; matched: number } {
  const first = Math.min(...starts);
  const last = Math.max(...starts);
  const onsets = onsetsOf(voice);
  const times = Float64Array.from(onsets.map((o) => o.time));
  if (starts.length === 0 || times.length === 0) return { offset: 0, rate: 1, matched: 0 };
  const bins = Math.ceil((2 * options.maxOffset) / VOTE_BIN) + 1;
  const votes = new Float64Array(bins);
  let best = { offset: 0, rate: 1, score: -1 };
  const steps = Math.round(options.maxDrift / DRIFT_STEP);
  for (let s = -steps; s <= steps; s++) {
    const rate = 1 + s * DRIFT_STEP;
    votes.fill(0);
    for (const start of starts) {
      const mapped = rate * start;
      const lo = lowerBound(times, mapped - options.maxOffset);
      const hi = lowerBound(times, mapped + options.maxOffset);
      for (let k = lo; k < hi; k++) {
        const bin = Math.round((times[k] - mapped + options.maxOffset) / VOTE_BIN);
        // a vote spreads over the bins within reach, so that near misses still count
        votes[bin] += 1;
        if (bin > 0) votes[bin - 1] += 0.5;
        if (bin + 1 < bins) votes[bin + 1] += 0.5;
      }
    }
    for (let b = 0; b < bins; b++) {
      // the draft must stay within the recording's speech (give or take a few seconds)
      const offset = b * VOTE_BIN - options.maxOffset;
      if (offset + rate * first < voice.speechStart - SLACK || offset + rate * last > voice.speechEnd + SLACK) continue;
      // ties go to the smaller drift, then the smaller offset: a draft that fits as it is stays
      const score = votes[b] - 1e-6 * Math.abs(s) - 1e-9 * Math.abs(b * VOTE_BIN - options.maxOffset);
      if (score > best.score) best = { offset: b * VOTE_BIN - options.maxOffset, rate, score };
    }
  }
  // least squares on the cues that land near an onset, twice (the second on the refined fit)
  let { offset, rate } = best;
  let matched = 0;
  for (let round = 0; round < 2; round++) {
    const xs: number[] = [];
    const ys: number[] = [];
    for (const start of starts) {
      const mapped = offset + rate * start;
      const k = nearest(times, mapped);
      if (Math.abs(times[k] - mapped) <= MATCH_REACH) {
        xs.push(start);
        ys.push(times[k]);
      }
    }
    matched = xs.length;
    if (xs.length < 3) break;
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < xs.length; i++) {
      sxy += (xs[i] - mx) * (ys[i] - my);
      sxx += (xs[i] - mx) ** 2;
    }
    const fitted = sxx > 0 ? sxy / sxx : 1;
    rate = Math.abs(fitted - 1) <= options.maxDrift ? fitted : rate;
    offset = my - rate * mx;
  }
  return { offset, rate, matched };
}

/** Re-times the draft's cues: the fit for all, then per cue. Returns the new times and the fit. */
export function syncDraft(cues: SyncedCue[], voice: VoiceActivity, options: SyncOptions = DEFAULT_SYNC_OPTIONS): { cues: SyncedCue[]; fit: SyncFit } {
  const starts = cues.map((c) => c.start);
  let { offset, rate, matched } = fitDraft(starts, voice, options);
  const first = Math.min(...starts);
  const last = Math.max(...cues.map((c) => c.end));
  // A draft whose cues start on the onsets as they are (or a little before: captions may lead the
  // voice) is in sync already, as is one the fit would change by no more than NO_CHANGE.
  const onsetTimes = Float64Array.from(onsetsOf(voice).map((o) => o.time));
  const onTime = starts.filter((s) => {
    if (!onsetTimes.length) return false;
    const lead = onsetTimes[nearest(onsetTimes, s + LEAD / 2)] - s;
    return lead >= -NO_CHANGE && lead <= LEAD;
  }).length;
  if (onTime >= IN_SYNC_SHARE * matched || Math.max(Math.abs(offset + (rate - 1) * first), Math.abs(offset + (rate - 1) * last)) <= NO_CHANGE) {
    offset = 0;
    rate = 1;
  }
  const mapped = cues.map((c) => ({ start: offset + rate * c.start, end: offset + rate * c.end }));
  let moved = 0;
  if (options.perCue) {
    const onsets = onsetsOf(voice).filter((o) => o.pause >= CUE_PAUSE);
    const times = Float64Array.from(onsets.map((o) => o.time));
    // the draft's usual lead over the onsets (captions often start a little before the voice)
    const residuals = mapped.map((c) => (times.length ? times[nearest(times, c.start)] - c.start : 0)).filter((r) => Math.abs(r) <= MATCH_REACH).sort((a, b) => a - b);
    const lead = residuals.length ? residuals[residuals.length >> 1] : 0;
    mapped.forEach((c, i) => {
      if (!times.length) return;
      const k = nearest(times, c.start + lead);
      const shift = times[k] - lead - c.start;
      if (Math.abs(shift) <= CUE_OFF || Math.abs(shift) > CUE_REACH) return;
      const start = c.start + shift;
      // never past the previous cue's start or the next one's, nor past its own end
      if ((i > 0 && start <= mapped[i - 1].start) || (i + 1 < mapped.length && start >= mapped[i + 1].start) || start >= c.end) return;
      c.start = start;
      if (i > 0 && mapped[i - 1].end > start) mapped[i - 1].end = Math.max(mapped[i - 1].start, start);
      moved++;
    });
  }
  for (const c of mapped) {
    c.start = Math.max(0, c.start);
    c.end = Math.max(c.start, c.end);
  }
  return { cues: mapped, fit: { offset, rate, matched, moved } };
}
