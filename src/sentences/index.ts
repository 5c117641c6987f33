// The sentences stage: decides which words close a sentence and groups the token stream into units
// (sentences, sound events, markers) for timing and cue building.

import { ABBREVIATIONS, FUNCTION_WORDS, bare } from '../normalize/english.js';
import type { MarkerToken, Segment, Token, Unit, WordToken } from '../types.js';

/** A marker closes the paragraph before it. */
function placeMarker(units: Unit[], marker: MarkerToken, segment: number) {
  const last = units[units.length - 1];
  if (last?.type === 'sentence') last.paragraphEnd = true;
  units.push({ type: 'marker', marker, segment });
}

const TERMINAL = /[.?!…]["'”’)\]]*$/;

function isAbbreviation(word: string): boolean {
  const w = word.replace(/["'”’)\]]+$/, '').toLowerCase();
  return ABBREVIATIONS.has(w) || /^(?:\p{L}\.){2,}$/u.test(w);
}

/** Does this word close its sentence, given the token after it? */
export function closesSentence(word: WordToken, next: Token | undefined): boolean {
  if (!TERMINAL.test(word.text)) return false;
  if (/\d\.$/.test(word.text) && next?.type === 'word' && /^\d/.test(next.text)) return false;
  if (!isAbbreviation(word.text)) return true;
  // "at 5 p.m. for anyone" goes on; "at 5 p.m. The next talk" does not
  if (next?.type !== 'word') return true;
  const key = bare(next.text);
  return /^\p{Lu}/u.test(next.text) && (FUNCTION_WORDS.has(key) || key === 'i');
}

/**
 * Marks sentence ends on the word tokens (in place) and returns the units in order. A sentence
 * is also cut where a sound event, a `>>` turn or a segment boundary interrupts it, and at a marker
 * whose time is known (`pinned`); a marker with no known time waits for the sentence to end.
 */
export function splitSentences(tokens: Token[], segments: Segment[], pinned: (marker: MarkerToken) => boolean = () => false): Unit[] {
  const units: Unit[] = [];
  let words: WordToken[] = [];
  let segment = 0;
  let waiting: MarkerToken[] = [];
  const flush = () => {
    if (words.length > 0) units.push({ type: 'sentence', words, segment, paragraphEnd: false });
    words = [];
    for (const marker of waiting) placeMarker(units, marker, segment);
    waiting = [];
  };
  tokens.forEach((t, i) => {
    while (segment < segments.length - 1 && i >= segments[segment].endToken) {
      flush();
      segment++;
    }
    if (t.type === 'word') {
      t.sentenceEnd = closesSentence(t, tokens[i + 1]);
      words.push(t);
      if (t.sentenceEnd) flush();
      return;
    }
    if (t.type === 'marker' && words.length > 0 && !pinned(t)) {
      waiting.push(t);
      return;
    }
    flush();
    if (t.type === 'event') units.push({ type: 'event', event: t, segment });
    else if (t.type === 'marker') placeMarker(units, t, segment);
  });
  flush();
  const last = units[units.length - 1];
  if (last?.type === 'sentence') {
    last.paragraphEnd = true;
    last.words[last.words.length - 1].sentenceEnd = true;
  }
  return units;
}
