// Settles cue times in whole milliseconds: cues never overlap, keep the minimum gap and duration,
// stay on screen long enough to read where there is room, and never cross a pinned time. A pinned
// marker splits the cues into groups: the group after it starts exactly at the pin, the group before
// it ends at least the minimum gap earlier. Only where the pins leave too little room for the
// profile's minimum durations are a group's cues squeezed in proportion to their text.

import type { StyleProfile } from '../types.js';

export interface TimedSpan {
  start: number;
  end: number;
  chars: number;
}

export interface TimeBounds {
  /** Pinned times in seconds, ascending. */
  pins?: number[];
  /** No cue starts before this (the talk's start); no cue ends after `end` (the video's length). */
  start?: number;
  end?: number;
}

export interface SettledTimes {
  starts: number[];
  ends: number[];
  /** Groups [first, end) of cue indices the pins forced below the profile's limits, with their window in ms. */
  squeezed: Array<{ first: number; end: number; from: number; to: number }>;
}

/** Millisecond limits, rounded so that a cue at the limit still keeps it after rounding. */
export function limitsInMs(profile: StyleProfile) {
  return {
    minDuration: Math.ceil(profile.minDuration * 1000 - 1e-6),
    maxDuration: Math.floor(profile.maxDuration * 1000 + 1e-6),
    minGap: Math.ceil(profile.minGap * 1000 - 1e-6),
  };
}

const toMs = (seconds: number) => Math.round(seconds * 1000);

export function settleTimes(spans: TimedSpan[], profile: StyleProfile, bounds: TimeBounds = {}): SettledTimes {
  const limit = limitsInMs(profile);
  const starts = spans.map((s) => toMs(s.start));
  const ends = spans.map((s) => toMs(s.end));
  const squeezed: SettledTimes['squeezed'] = [];
  const pins = (bounds.pins ?? []).map(toMs);
  const floor = bounds.start !== undefined ? toMs(bounds.start) : 0;
  const ceiling = bounds.end !== undefined ? toMs(bounds.end) : Infinity;

  // group g holds the cues from the g-th pin (or the start) to the next one
  let first = 0;
  for (let g = 0; g <= pins.length; g++) {
    const lo = g === 0 ? floor : pins[g - 1];
    const nextPin = g < pins.length ? pins[g] : undefined;
    let end = first;
    while (end < spans.length && (nextPin === undefined || starts[end] < nextPin)) end++;
    const hi = nextPin === undefined ? ceiling : nextPin - limit.minGap;
    settleGroup(first, end, lo, hi, nextPin ?? ceiling);
    first = end;
  }
  return { starts, ends, squeezed };

  function settleGroup(a: number, b: number, lo: number, hi: number, wall: number) {
    if (a >= b) return;
    const estimatedStarts = starts.slice(a, b);
    const estimatedEnds = ends.slice(a, b);
    // First try to give every cue the time it takes to read; where the pins leave too little room
    // for that, only the minimum duration (the reading-speed check then names the fast cues); where
    // there is not even room for that, squeeze.
    const readable = (i: number) => Math.min(limit.maxDuration, Math.max(limit.minDuration, Math.ceil((spans[i].chars / profile.maxCharsPerSecond) * 1000)));
    const fits = place(a, b, lo, hi, readable) || place(a, b, lo, hi, () => limit.minDuration);
    if (!fits) {
      for (let i = a; i < b; i++) [starts[i], ends[i]] = [estimatedStarts[i - a], estimatedEnds[i - a]];
      squeeze(a, b, lo, Math.min(hi, wall));
    }
    // close gaps too short to see, where there is room
    for (let i = a; i < b; i++) {
      const room = i + 1 < b ? starts[i + 1] - limit.minGap : hi;
      if (room - ends[i] < 500 && room - ends[i] > 0) ends[i] = Math.max(ends[i], Math.min(room, starts[i] + limit.maxDuration));
    }

    /** Places the group's cues, each at least need(i) long; false (times left half-set) when they cannot fit. */
    function place(a: number, b: number, lo: number, hi: number, need: (i: number) => number): boolean {
      for (let i = a; i < b; i++) [starts[i], ends[i]] = [estimatedStarts[i - a], estimatedEnds[i - a]];
      // forward: after the previous cue and the gap, long enough to read; a cue that needs more time
      // than its speech pushes the next one later (the lag is absorbed by the pauses after it)
      for (let i = a; i < b; i++) {
        starts[i] = Math.max(starts[i], i === a ? lo : ends[i - 1] + limit.minGap);
        ends[i] = Math.min(Math.max(ends[i], starts[i] + need(i)), starts[i] + limit.maxDuration);
      }
      if (ends[b - 1] <= hi) return true;
      // backward: pull the cues back before the next pin when the forward pass pushed them past it
      let room = hi;
      for (let i = b - 1; i >= a; i--) {
        ends[i] = Math.min(ends[i], room);
        starts[i] = Math.min(starts[i], ends[i] - need(i));
        room = starts[i] - limit.minGap;
      }
      return starts[a] >= lo;
    }
  }

  /** Too little room for the profile: share the window among the cues in proportion to their text. */
  function squeeze(a: number, b: number, lo: number, hi: number) {
    const n = b - a;
    let gap = limit.minGap;
    let available = hi - lo - gap * (n - 1);
    if (available < n) {
      gap = 0;
      available = Math.max(0, hi + limit.minGap - lo);
    }
    const weights = spans.slice(a, b).map((s) => Math.max(1, s.chars));
    const total = weights.reduce((x, y) => x + y, 0);
    let used = 0;
    for (let i = a; i < b; i++) {
      starts[i] = lo + Math.floor((available * used) / total) + gap * (i - a);
      used += weights[i - a];
      ends[i] = lo + Math.floor((available * used) / total) + gap * (i - a);
    }
    squeezed.push({ first: a, end: b, from: lo, to: hi });
  }
}
