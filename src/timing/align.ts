// Aligns the transcript's words to the speech of a recording. The voice detector gives the pauses;
// every pause lies between two words, and dynamic programming finds which gap between words each
// pause falls in. A mapping's cost is what the speech model makes of it: each stretch of speech
// between two chosen pauses should last as long as its letters take at the speaker's rate (a log
// ratio, looser for short stretches), a pause is likelier after a sentence or a clause than between
// two words, and a long one likelier still; a pause can also be passed over (a stop inside a word,
// a quiet syllable) at a cost growing with its length, and speech can go untranscribed (music, an
// aside) at a cost a second. Within each stretch the words share its speech frames by their letters.

import { FRAME_SECONDS } from '../audio/features.js';
import type { VoiceActivity } from '../audio/voice.js';

/** What the aligner needs of each word: its length in letters and what follows it. */
export interface AlignWord {
  letters: number;
  /** The gap after the word: 0 between words, 1 after a clause, 2 after a sentence or at a blank line, 3 at a marker (a slide change) or a sound event. */
  after: 0 | 1 | 2 | 3;
}

export interface AlignedWord {
  start: number;
  end: number;
  /** 0–1: how sure the alignment is of the word's start (1: it starts right after a pause it was matched to). */
  confidence: number;
}

/** A stretch where audio and text disagree, for the warnings. */
export interface Disagreement {
  kind: 'speech-without-text' | 'text-without-speech';
  start: number;
  end: number;
  /** The word (index) at or after which it is. */
  word: number;
}

export interface Alignment {
  words: AlignedWord[];
  disagreements: Disagreement[];
  /** Spoken letters a second of speech, as measured. */
  rate: number;
}

/** −log likelihoods of a pause at a gap, by the gap's kind (between words, clause, sentence, paragraph). */
const PAUSE_AT = [2.3, 0.8, 0.15, 0.05];
/** −log likelihoods of no pause at a gap, by kind. */
const NO_PAUSE_AT = [0.1, 0.6, 2.0, 3.0];
/**
 * Typical length of a pause at each kind of gap, in seconds (between words, clause, sentence,
 * paragraph), and of a silence inside a word (a stop, a quiet syllable): a pause's length is
 * log-normal around it, so a long pause points to a sentence end.
 */
const PAUSE_LENGTH = [0.18, 0.3, 0.5, 0.7];
const STOP_LENGTH = 0.12;
const PAUSE_LOG_VARIANCE = 0.5 ** 2;
/** −log likelihood of a silence inside a word, over and above its length. */
const SKIP_BASE = 2.5;
/** Speech with no text, a second (music, applause, an untranscribed aside). */
const UNTRANSCRIBED_PER_SECOND = 4;
const UNTRANSCRIBED_BASE = 4;
/** Spread of a stretch's log duration ratio: the speaker's pace, and a word's own length (over its letters). */
const PACE_VARIANCE = 0.15 ** 2;
const LETTER_VARIANCE = 0.25;
/** Most pauses passed over in one stretch, and most words in one stretch. */
const MAX_SKIPPED = 6;
const MAX_WORDS = 200;
/** States kept for each pause, and how far above the best a state may lie. */
const BEAM_STATES = 240;
const BEAM_COST = 40;
/** Spread of the log ratio of the speech left to the text left, for judging states against each other. */
const OUTLOOK_VARIANCE = 0.2 ** 2;

/** −log likelihood of a pause's length around a typical length (log-normal, up to a constant). */
function lengthCost(length: number, typical: number): number {
  const d = Math.log(Math.max(length, 0.01) / typical);
  return (d * d) / (2 * PAUSE_LOG_VARIANCE);
}

/** A pause (or the window's edge) the words may meet: those before it end at `start`, those after start at `end`. */
interface Point {
  start: number;
  end: number;
}

/** Cumulative count of speech frames, to measure speech between two times. */
function speechCounter(voice: VoiceActivity) {
  const n = voice.speech.length;
  const cumulative = new Int32Array(n + 1);
  for (let f = 0; f < n; f++) cumulative[f + 1] = cumulative[f] + voice.speech[f];
  const frameOf = (t: number) => Math.max(0, Math.min(n, Math.round(t / FRAME_SECONDS)));
  return {
    seconds: (from: number, to: number) => (to <= from ? 0 : (cumulative[frameOf(to)] - cumulative[frameOf(from)]) * FRAME_SECONDS),
    /** The time by which `seconds` of speech have passed since `from` (within [from, to]). */
    timeAfter(from: number, to: number, seconds: number): number {
      const base = cumulative[frameOf(from)];
      const want = base + Math.round(seconds / FRAME_SECONDS);
      let lo = frameOf(from);
      let hi = frameOf(to);
      if (want <= base) {
        // the first speech frame at or after `from`
        while (lo < hi && !voice.speech[lo]) lo++;
        return Math.min(to, Math.max(from, lo * FRAME_SECONDS));
      }
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] >= want) hi = mid;
        else lo = mid + 1;
      }
      return Math.min(to, Math.max(from, lo * FRAME_SECONDS));
    },
  };
}

interface StateSet {
  gaps: Int32Array;
  costs: Float64Array;
  fromPause: Int32Array;
  fromState: Int32Array;
}

/** Aligns `words` to the speech between `from` and `to` seconds. */
export function alignWords(words: AlignWord[], voice: VoiceActivity, from: number, to: number): Alignment {
  const n = words.length;
  const speech = speechCounter(voice);
  const pauses: Point[] = voice.pauses.filter((p) => p.start >= from && p.end <= to).map((p) => ({ start: p.start, end: p.end }));
  // The edges of the speech in the window are pauses that must be used at the first and last gap.
  let first = from;
  while (first < to && speech.seconds(from, first + FRAME_SECONDS) === 0) first += FRAME_SECONDS;
  let last = to;
  while (last > first && speech.seconds(last - FRAME_SECONDS, to) === 0) last -= FRAME_SECONDS;
  const points: Point[] = [{ start: from, end: Math.min(first, to) }, ...pauses.filter((p) => p.start > first && p.end < last), { start: Math.max(last, first), end: to }];

  const letters = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) letters[i + 1] = letters[i] + words[i].letters;
  const noPause = new Float64Array(n + 1); // cost of no pause at the gaps 1..g-1 after words 0..g-2
  for (let g = 1; g <= n; g++) noPause[g] = noPause[g - 1] + (g - 1 >= 1 ? NO_PAUSE_AT[words[g - 2].after] : 0);
  const interiorNoPause = (g0: number, g1: number) => (g1 - 1 > g0 ? noPause[g1] - noPause[g0 + 1] : 0);
  const totalSpeech = speech.seconds(from, to);

  const run = (rate: number) => {
    const m = points.length;
    const sets: StateSet[] = new Array(m);
    // Every pause must be explained somehow (at a gap, inside a word, or in untranscribed speech),
    // so each explanation costs its excess over the pause's likeliest one: stretches left
    // untranscribed then gain nothing from their pauses.
    const rawPauseCost = (j: number, kind: number) => {
      const length = points[j].end - points[j].start;
      return PAUSE_AT[kind] + (length > 0 ? lengthCost(length, PAUSE_LENGTH[kind]) : 0);
    };
    const rawSkipCost = (j: number) => SKIP_BASE + lengthCost(points[j].end - points[j].start, STOP_LENGTH);
    const baseline = new Float64Array(m);
    for (let j = 0; j < m; j++) baseline[j] = Math.min(rawSkipCost(j), ...PAUSE_AT.map((_, kind) => rawPauseCost(j, kind)));
    const pauseCost = (j: number, g: number) => rawPauseCost(j, g === 0 || g === n ? 3 : words[g - 1].after) - baseline[j];
    const skipCost = (j: number) => rawSkipCost(j) - baseline[j];
    const skipped = new Float64Array(m + 1);
    for (let j = 0; j < m; j++) skipped[j + 1] = skipped[j] + skipCost(j);
    for (let j = 0; j < m; j++) {
      const candidates = new Map<number, { cost: number; fromPause: number; fromState: number }>();
      const offer = (g: number, cost: number, fromPause: number, fromState: number) => {
        const known = candidates.get(g);
        if (!known || cost < known.cost) candidates.set(g, { cost, fromPause, fromState });
      };
      // The text may start after any pause: what speech comes before it goes untranscribed.
      const before = speech.seconds(from, points[j].end);
      offer(0, j === 0 ? 0 : UNTRANSCRIBED_BASE + UNTRANSCRIBED_PER_SECOND * before, -1, -1);
      for (let k = Math.max(0, j - 1 - MAX_SKIPPED); k < j; k++) {
        const set = sets[k];
        const span = speech.seconds(points[k].end, points[j].start);
        const between = skipped[j] - skipped[k + 1];
        for (let s = 0; s < set.gaps.length; s++) {
          const g0 = set.gaps[s];
          const base = set.costs[s] + between;
          // no words: speech with no text
          if (g0 > 0 && g0 < n && span > 0) offer(g0, base + UNTRANSCRIBED_BASE + UNTRANSCRIBED_PER_SECOND * span + pauseCost(j, g0), k, s);
          if (span <= 0) continue;
          const most = Math.min(n, g0 + MAX_WORDS);
          for (let g = g0 + 1; g <= most; g++) {
            const l = letters[g] - letters[g0];
            const expected = l / rate;
            if (expected > span * 3 + 1) break;
            if (expected * 3 + 1 < span) continue;
            const ratio = Math.log(span / expected);
            const variance = PACE_VARIANCE + LETTER_VARIANCE / Math.max(1, l);
            const cost = base + (ratio * ratio) / (2 * variance) + interiorNoPause(g0, g) + pauseCost(j, g);
            offer(g, cost, k, s);
          }
          // The end of the speech always takes the rest of the text, however badly it fits, so that
          // audio far shorter than the text still gets every word (and a warning).
          if (j === m - 1 && most < n + 1 && g0 < n) {
            const l = letters[n] - letters[g0];
            const ratio = Math.log(Math.max(span, FRAME_SECONDS) / (l / rate));
            offer(n, base + (ratio * ratio) / (2 * PACE_VARIANCE) + interiorNoPause(g0, n), k, s);
          }
        }
      }
      // Keep the best states only, judged with what they leave to do: a state far behind (or ahead
      // of) the text has paid little so far but must squeeze the rest of the text into the rest of
      // the speech, and would crowd out the right ones if judged on its cost so far.
      const left = speech.seconds(points[j].end, to);
      const outlook = (g: number) => {
        const ratio = Math.log((left + 1) / ((letters[n] - letters[g]) / rate + 1));
        return (ratio * ratio) / (2 * OUTLOOK_VARIANCE);
      };
      // At the end of the speech only states that have placed every word can finish.
      if (j === m - 1) for (const g of [...candidates.keys()]) if (g !== n) candidates.delete(g);
      const ranked = [...candidates.entries()].map(([g, c]) => ({ g, c, judged: c.cost + outlook(g) })).sort((a, b) => a.judged - b.judged || a.g - b.g);
      const best = ranked.length ? ranked[0].judged : 0;
      const kept = ranked.filter((r) => r.judged <= best + BEAM_COST).slice(0, BEAM_STATES).map((r) => [r.g, r.c] as const);
      sets[j] = {
        gaps: Int32Array.from(kept.map(([g]) => g)),
        costs: Float64Array.from(kept.map(([, c]) => c.cost)),
        fromPause: Int32Array.from(kept.map(([, c]) => c.fromPause)),
        fromState: Int32Array.from(kept.map(([, c]) => c.fromState)),
      };
    }
    // The text may end before any pause: what speech follows goes untranscribed.
    let end = { pause: -1, state: -1, cost: Infinity };
    for (let j = 0; j < m; j++) {
      const set = sets[j];
      const after = j === m - 1 ? 0 : UNTRANSCRIBED_BASE + UNTRANSCRIBED_PER_SECOND * speech.seconds(points[j].start, to);
      for (let s = 0; s < set.gaps.length; s++) {
        if (set.gaps[s] !== n) continue;
        const cost = set.costs[s] + after;
        if (cost < end.cost) end = { pause: j, state: s, cost };
      }
    }
    // the chosen pause of each gap, from the end back
    const chosen: Array<{ gap: number; pause: number }> = [];
    for (let j = end.pause, s = end.state; j >= 0 && s >= 0; ) {
      const set = sets[j];
      chosen.unshift({ gap: set.gaps[s], pause: j });
      const nj = set.fromPause[s];
      s = set.fromState[s];
      j = nj;
    }
    return chosen;
  };

  // First at the rate the text's length over the speech's gives, then again at the rate that
  // alignment measured on the stretches it gave words (speech left untranscribed not counted).
  const guess = clampRate(totalSpeech > 0 ? letters[n] / totalSpeech : 14);
  let chosen = run(guess);
  const measured = clampRate(measuredRate(chosen, points, letters, speech) || guess);
  if (Math.abs(Math.log(measured / guess)) > 0.02) chosen = run(measured);
  const rate = clampRate(measuredRate(chosen, points, letters, speech) || guess);
  const disagreements = disagreementsOf(chosen, points, letters, speech, rate, n);
  // speech before the first word or after the last, left untranscribed
  if (chosen.length) {
    const before = speech.seconds(from, points[chosen[0].pause].end);
    const after = speech.seconds(points[chosen[chosen.length - 1].pause].start, to);
    if (before > DISAGREEMENT_SECONDS) disagreements.unshift({ kind: 'speech-without-text', start: from, end: points[chosen[0].pause].end, word: 0 });
    if (after > DISAGREEMENT_SECONDS) disagreements.push({ kind: 'speech-without-text', start: points[chosen[chosen.length - 1].pause].start, end: to, word: n - 1 });
  } else disagreements.push({ kind: 'text-without-speech', start: from, end: to, word: 0 });
  return { words: placeWords(words, chosen, points, letters, speech, rate, from, to), disagreements, rate };
}

type Chosen = Array<{ gap: number; pause: number }>;
type Counter = ReturnType<typeof speechCounter>;

/**
 * Spoken letters a second of speech a speaker can keep up (about 100 to 250 words a minute, pauses
 * left out): the text's length over the speech's is taken as the rate only within these, so a
 * transcript missing half the talk, or holding twice it, is not timed at a rate nobody speaks.
 */
const RATE_RANGE = [9, 22];
const clampRate = (rate: number) => Math.max(RATE_RANGE[0], Math.min(RATE_RANGE[1], rate));
/** A stretch is told as a disagreement when it holds this much speech (or text) beyond what the other takes, in seconds. */
const DISAGREEMENT_SECONDS = 4;

/** Letters a second of speech over the stretches that carry words. */
function measuredRate(chosen: Chosen, points: Point[], letters: Float64Array, speech: Counter): number {
  let l = 0;
  let t = 0;
  for (let c = 1; c < chosen.length; c++) {
    const a = chosen[c - 1];
    const b = chosen[c];
    if (b.gap === a.gap) continue;
    l += letters[b.gap] - letters[a.gap];
    t += speech.seconds(points[a.pause].end, points[b.pause].start);
  }
  return t > 0 ? l / t : 0;
}

/** Shares each stretch's speech among its words by their letters. */
function placeWords(words: AlignWord[], chosen: Chosen, points: Point[], letters: Float64Array, speech: Counter, rate: number, from: number, to: number): AlignedWord[] {
  const n = words.length;
  const placed: AlignedWord[] = new Array(n);
  if (chosen.length < 2) {
    // nothing could be aligned: the words spread evenly over the window
    for (let i = 0; i < n; i++) placed[i] = { start: from + ((to - from) * letters[i]) / letters[n], end: from + ((to - from) * letters[i + 1]) / letters[n], confidence: 0 };
    return placed;
  }
  for (let c = 1; c < chosen.length; c++) {
    const a = chosen[c - 1];
    const b = chosen[c];
    if (b.gap === a.gap) continue;
    const start = points[a.pause].end;
    const end = Math.max(start, points[b.pause].start);
    const span = speech.seconds(start, end);
    const l = letters[b.gap] - letters[a.gap];
    const fit = Math.exp(-Math.abs(Math.log(Math.max(span, 0.01) / Math.max(l / rate, 0.01))));
    for (let i = a.gap; i < b.gap; i++) {
      const share = (x: number) => (l > 0 ? (span * (letters[x] - letters[a.gap])) / l : 0);
      const wordStart = i === a.gap ? start : speech.timeAfter(start, end, share(i));
      // a word ends where its last speech frame ends: before a silence, not at the next word's start
      const wordEnd = i === b.gap - 1 ? end : Math.max(wordStart, speech.timeAfter(start, end, share(i + 1)));
      const sinceAnchor = Math.min(letters[i] - letters[a.gap], letters[b.gap] - letters[i]) / rate;
      placed[i] = { start: wordStart, end: wordEnd, confidence: round2(fit * (i === a.gap ? 1 : Math.exp(-sinceAnchor / 8))) };
    }
  }
  // words before the first or after the last chosen gap (not aligned) sit at the edges
  for (let i = 0; i < n; i++) if (!placed[i]) placed[i] = { start: i < chosen[0].gap ? from : to, end: i < chosen[0].gap ? from : to, confidence: 0 };
  return placed;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Stretches of speech with no text, and text squeezed into far less speech than it takes. */
function disagreementsOf(chosen: Chosen, points: Point[], letters: Float64Array, speech: Counter, rate: number, n: number): Disagreement[] {
  const found: Disagreement[] = [];
  for (let c = 1; c < chosen.length; c++) {
    const a = chosen[c - 1];
    const b = chosen[c];
    const start = points[a.pause].end;
    const end = points[b.pause].start;
    const span = speech.seconds(start, end);
    const expected = (letters[b.gap] - letters[a.gap]) / rate;
    if (span - expected > DISAGREEMENT_SECONDS && span > 2 * expected) found.push({ kind: 'speech-without-text', start, end, word: Math.min(a.gap, n - 1) });
    else if (expected - span > DISAGREEMENT_SECONDS && expected > 2 * span) found.push({ kind: 'text-without-speech', start, end, word: Math.min(a.gap, n - 1) });
  }
  return found;
}
