// Transcription garbage no caption should carry: a phrase the recogniser looped on, a sound tag
// repeated over and over, tags for silence. Each kind is removed with its own warning code, so that
// CI can fail on it (`--fail-on repetition-loop`).

import type { Diagnostic } from '../diagnostic.js';
import type { Token } from '../types.js';
import { bare } from './english.js';

/** A repeated unit shorter than this many words is speech ("no, no, no"), not a loop. */
const MIN_LOOP_WORDS = 3;
/** Longest repeated unit looked for, in words. */
const MAX_LOOP_WORDS = 40;
/** A phrase said this many times in a row is a loop. */
const MIN_REPEATS = 3;

/** Words of other speech after which a loop that comes back is still the same loop. */
const LOOP_RESUMES_WITHIN = 200;

/** Sound tags that mark the absence of sound: nothing to caption. */
const SILENCE = new Set(['[silence]', '[blank_audio]', '[no speech]', '[pause]']);

type WordLike = Extract<Token, { type: 'word' }>;

/**
 * Collapses every phrase of MIN_LOOP_WORDS or more words repeated MIN_REPEATS or more times in a row
 * into its first saying. Markers and sound tags inside the loop stay where they are.
 */
export function collapseLoops<T extends { type: string; line: number }>(tokens: T[], warnings: Diagnostic[]): T[] {
  const wordAt: number[] = [];
  tokens.forEach((t, i) => {
    if (t.type === 'word') wordAt.push(i);
  });
  const keys = wordAt.map((i) => bare((tokens[i] as unknown as WordLike).text));
  const removed = new Set<number>();
  // A loop the recogniser falls back into after a few real words is the same loop: one warning.
  const loops: Array<{ key: string; phrase: string; repeats: number; first: number; last: number; endWord: number }> = [];
  // A loop of period p starting at word i needs word i again at i + p: the periods worth trying at i
  // are the distances to the next sayings of its word, found by following `nextSame`.
  const nextSame = new Array<number>(keys.length).fill(-1);
  const lastSeen = new Map<string, number>();
  for (let k = keys.length - 1; k >= 0; k--) {
    nextSame[k] = lastSeen.get(keys[k]) ?? -1;
    lastSeen.set(keys[k], k);
  }
  let i = 0;
  while (i < keys.length) {
    let found: { period: number; repeats: number } | null = null;
    for (let at = nextSame[i]; at >= 0 && at - i <= MAX_LOOP_WORDS && i + (at - i) * MIN_REPEATS <= keys.length; at = nextSame[at]) {
      const period = at - i;
      if (period < MIN_LOOP_WORDS) continue;
      let repeats = 1;
      while (sameRun(keys, i, i + repeats * period, period)) repeats++;
      if (repeats >= MIN_REPEATS && (!found || repeats * period > found.repeats * found.period)) found = { period, repeats };
    }
    if (!found) {
      i++;
      continue;
    }
    const { period, repeats } = found;
    const end = i + period * repeats;
    const key = keys.slice(i, i + period).join(' ');
    const previous = loops[loops.length - 1];
    const resumed = previous && previous.key === key && i - previous.endWord <= LOOP_RESUMES_WITHIN;
    for (let k = resumed ? i : i + period; k < end; k++) removed.add(wordAt[k]);
    const last = tokens[wordAt[end - 1]].line;
    if (resumed) {
      previous.repeats += repeats;
      previous.last = last;
      previous.endWord = end;
    } else {
      const phrase = wordAt.slice(i, i + period).map((k) => (tokens[k] as unknown as WordLike).text).join(' ');
      loops.push({ key, phrase, repeats, first: tokens[wordAt[i]].line, last, endWord: end });
    }
    i = end;
  }
  for (const loop of loops) {
    const lines = loop.first === loop.last ? `line ${loop.first}` : `lines ${loop.first}–${loop.last}`;
    warnings.push({ line: loop.first, severity: 'warning', code: 'repetition-loop', message: `"${loop.phrase}" repeated ${loop.repeats} times (${lines}); kept once` });
  }
  return removed.size ? tokens.filter((_, k) => !removed.has(k)) : tokens;
}

function sameRun(keys: string[], a: number, b: number, length: number): boolean {
  if (b + length > keys.length) return false;
  for (let k = 0; k < length; k++) if (keys[a + k] !== keys[b + k]) return false;
  return true;
}

/**
 * Merges a run of one sound tag ("[applause] [applause] [applause]", with nothing but markers between)
 * into one, and removes tags for silence.
 */
export function cleanSoundTags<T extends { type: string; line: number; text?: string }>(tokens: T[], warnings: Diagnostic[]): T[] {
  const out: T[] = [];
  let run: { text: string; first: number; last: number; count: number } | null = null;
  const closeRun = () => {
    if (run && run.count > 1) {
      const lines = run.first === run.last ? `line ${run.first}` : `lines ${run.first}–${run.last}`;
      warnings.push({ line: run.first, severity: 'warning', code: 'sound-tag-run', message: `${run.text} repeated ${run.count} times in a row (${lines}); kept once` });
    }
    run = null;
  };
  for (const t of tokens) {
    if (t.type === 'event' && SILENCE.has(t.text!)) {
      warnings.push({ line: t.line, severity: 'warning', code: 'silence-tag', message: `${t.text} is not captioned` });
      continue;
    }
    if (t.type === 'event') {
      if (run && run.text === t.text) {
        run.count++;
        run.last = t.line;
        continue;
      }
      closeRun();
      run = { text: t.text!, first: t.line, last: t.line, count: 1 };
    } else if (t.type !== 'marker') {
      closeRun();
    }
    out.push(t);
  }
  closeRun();
  return out;
}
