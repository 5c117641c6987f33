// Pins the estimated timeline to known times: the markers file's image markers, the talk's start
// (--offset) and the video's length (--duration). Between two known points the speech keeps the
// model's relative timing, scaled to fill exactly the time between them (piecewise, not one global
// rate), so every known marker lands exactly on its time and the others keep their order.

import { inputError } from '../diagnostic.js';
import type { MarkerAnchor, MarkerTable } from '../read/markers.js';
import { formatClock } from '../read/time.js';
import type { MarkerTime, TimedUnit } from '../types.js';

export interface TimelinePins {
  markers?: MarkerTable;
  /** Length of the video in seconds: the speech ends there. */
  duration?: number;
  /** Where the talk starts in the video, in seconds (default 0). */
  offset?: number;
}

/** The pinned timeline, with the times the cue stage must keep. */
export interface PinnedTiming {
  units: TimedUnit[];
  markers: MarkerTime[];
  /** Times of the pinned markers, ascending: no cue may cross one, and the speech after it starts there. */
  pins: number[];
  /** Earliest and latest time a cue may take. */
  start: number;
  end?: number;
}

/** The number N of `img/<name>_<N>.png`. */
function markerNumber(image: string): number | null {
  const m = /(\d+)\.[A-Za-z0-9]+$/.exec(image);
  return m ? Number(m[1]) : null;
}

function baseName(image: string): string {
  return image.slice(image.lastIndexOf('/') + 1);
}

export function names(key: string, image: string): boolean {
  if (key === image || key === baseName(image)) return true;
  return /^\d+$/.test(key) && markerNumber(image) === Number(key);
}

/** Which marker unit each anchor names; an error for names that match none or several markers. */
export function resolveAnchors(units: TimedUnit[], table: MarkerTable): Map<number, MarkerAnchor> {
  const resolved = new Map<number, MarkerAnchor>();
  for (const anchor of table.anchors) {
    const matches: number[] = [];
    units.forEach((u, i) => {
      if (u.type === 'marker' && names(anchor.key, u.marker.image)) matches.push(i);
    });
    if (matches.length === 0) throw inputError(anchor.line, `marker "${anchor.key}" names no image marker in the transcript`, table.source);
    if (matches.length > 1) {
      const lines = matches.map((i) => {
        const u = units[i];
        return u.type === 'marker' ? u.marker.line : 0;
      });
      throw inputError(anchor.line, `marker "${anchor.key}" is ambiguous: it names the markers on transcript lines ${lines.join(', ')}`, table.source);
    }
    const other = resolved.get(matches[0]);
    if (other) throw inputError(anchor.line, `marker "${anchor.key}" names the same image marker as "${other.key}" (line ${other.line})`, table.source);
    resolved.set(matches[0], anchor);
  }
  return resolved;
}

interface Point {
  /** Units before this index lie at or before the point. */
  unit: number;
  model: number;
  real: number;
}

function modelEnd(units: TimedUnit[]): number {
  for (let i = units.length - 1; i >= 0; i--) {
    const u = units[i];
    if (u.type === 'sentence') return u.ends[u.ends.length - 1];
    if (u.type === 'event') return u.end;
  }
  return 0;
}

/**
 * A talk's silent lead-in before its first word, as a prior: a few seconds of title or settling
 * (5 s, between none and the 7 to 8 s of the two timed W3C talks, not fitted to them), give or take 3 s.
 */
const LEAD_IN = { mean: 5, spread: 3 };
/** How far a speaker's pace strays from the model's, as a share of the model's length (one standard deviation). */
const PACE_SPREAD = 0.12;

/**
 * The likeliest lead-in when a single time is known after it (`real`, at `model` seconds into the
 * model's timeline) and not the start: the slack real − model is the lead-in plus the speaker's
 * difference in pace, which over a long stretch is far the larger (12 % of 10 min is 72 s); so the
 * slack moves the prior only in proportion to how uncertain each is (Gaussian estimate). Over a
 * whole talk this is about the prior; over a short clip, mostly the slack.
 */
export function expectedLeadIn(real: number, model: number): number {
  const leadVariance = LEAD_IN.spread ** 2;
  const paceVariance = (PACE_SPREAD * model) ** 2;
  const lead = LEAD_IN.mean + ((real - model - LEAD_IN.mean) * leadVariance) / (leadVariance + paceVariance);
  return Math.max(0, Math.min(lead, real));
}

function checkOrder(points: Array<Point & { anchor?: MarkerAnchor }>, source: string | undefined) {
  for (let k = 1; k < points.length; k++) {
    const prev = points[k - 1];
    const point = points[k];
    if (point.real >= prev.real) continue;
    const culprit = point.anchor ?? prev.anchor;
    const what = (p: typeof point) => (p.anchor ? `marker "${p.anchor.key}" (line ${p.anchor.line}) at ${formatClock(p.real)}` : p.unit < 0 ? `the start (--offset) at ${formatClock(p.real)}` : `the end (--duration) at ${formatClock(p.real)}`);
    throw inputError(culprit?.line ?? 0, `times go backwards: ${what(point)} comes after ${what(prev)} in the transcript`, culprit ? source : undefined);
  }
}

/** Maps the model's timeline onto the known times. Throws a DiagnosticError (code `input`) for anchors that cannot be used. */
export function pinTiming(timed: { units: TimedUnit[]; markers: MarkerTime[] }, pins: TimelinePins): PinnedTiming {
  const { units } = timed;
  const offset = pins.offset ?? 0;
  const anchors = pins.markers ? resolveAnchors(units, pins.markers) : new Map<number, MarkerAnchor>();
  const points: Array<Point & { anchor?: MarkerAnchor }> = [{ unit: -1, model: 0, real: offset }];
  [...anchors.keys()]
    .sort((a, b) => a - b)
    .forEach((i) => {
      const u = units[i];
      if (u.type === 'marker') points.push({ unit: i, model: u.time, real: anchors.get(i)!.time, anchor: anchors.get(i) });
    });
  if (pins.duration !== undefined) points.push({ unit: units.length, model: modelEnd(units), real: pins.duration });
  checkOrder(points, pins.markers?.source);

  // With a single known time (the duration, or one marker) the rate says nothing about the start:
  // the speech starts after the lead-in it most likely has, rather than at 0.
  if (pins.offset === undefined && points.length === 2) points[0].real = expectedLeadIn(points[1].real, points[1].model);

  // Past the last known point the speech goes on at the mean rate of the known stretch.
  const known = pins.offset === undefined && points.length > 2 ? points.slice(1) : points;
  const first = known[0];
  const last = known[known.length - 1];
  const meanRate = last.model > first.model ? (last.real - first.real) / (last.model - first.model) : 1;
  // With no --offset, a talk rarely starts speaking at 0: when two known times give the rate, the
  // start is placed that far before the first of them (not before 0), so a silent lead-in is not
  // spread over the first minute of speech.
  if (pins.offset === undefined && known !== points) points[0].real = Math.max(0, Math.min(first.real, first.real - first.model * meanRate));

  let k = 0;
  const mapper = (index: number) => {
    while (k + 1 < points.length && points[k + 1].unit <= index) k++;
    const p = points[k];
    const q = points[k + 1];
    if (!q) return (t: number) => p.real + (t - p.model) * meanRate;
    const span = q.model - p.model;
    if (span <= 0) return () => p.real;
    const rate = (q.real - p.real) / span;
    return (t: number) => Math.min(q.real, p.real + (t - p.model) * rate);
  };

  const markers: MarkerTime[] = [];
  const mapped: TimedUnit[] = units.map((u, i) => {
    const at = mapper(i);
    if (u.type === 'marker') {
      const anchor = anchors.get(i);
      const time = anchor ? anchor.time : at(u.time);
      markers.push({ image: u.marker.image, line: u.marker.line, time, pinned: !!anchor });
      return { ...u, time };
    }
    if (u.type === 'event') return { ...u, start: at(u.start), end: at(u.end) };
    return { ...u, starts: u.starts.map(at), ends: u.ends.map(at) };
  });
  const pinTimes = [...anchors.values()].map((a) => a.time).sort((a, b) => a - b);
  return { units: mapped, markers, pins: pinTimes, start: offset, ...(pins.duration !== undefined ? { end: pins.duration } : {}) };
}
