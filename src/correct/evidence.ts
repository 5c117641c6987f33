// Fixes that need evidence rather than a listed variant, made after the dictionary's own: words heard
// split ("C Python", "open SSL"), the heading's terms and names heard by sound ("Pigeon" → Pyjion,
// "Golek to me" → Gilectomy, "Carrer" → Kehrer), the lexicon's terms and people, and, last, the
// talk's own fixes carried to its other spellings of the same words. Every fix passes the slot
// checks of slots.ts: a word in a name or place slot is made a name or nothing.

import type { Correction, Token, WordToken } from '../types.js';
import { wordKey } from './dictionary.js';
import { isEnglish } from './english.js';
import { similarity } from './fuzzy.js';
import type { Heading } from './heading.js';
import { termKey, type Lexicon, type Person } from './lexicon.js';
import type { TermIndex } from './matcher.js';
import { blockedBySlot, firstNamesOf, hasTechnicalContext } from './slots.js';
import { soundSpelling, soundsLike } from './sound.js';
import { partsOf, replaceSpan } from './span.js';

export interface EvidenceInput {
  index: TermIndex;
  heading: Heading;
  lexicon: Lexicon;
  /** Words already changed by the dictionary: left alone. */
  touched: Set<WordToken>;
  minConfidence: number;
  /** This text's corrections so far; the pass adds its own. */
  corrections: Correction[];
}

interface Fix {
  length: number;
  to: string;
  kind: 'term' | 'name';
  rule: string;
  confidence: number;
}

const PLAIN = /^\p{L}+$/u;
/** Capitalised words the English list leaves out (it is lower case) that are no terms. */
const CALENDAR = new Set('monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october november december'.split(' '));
const SENTENCE_STOP = /[.?!]["'”’)\]]*$/;
const soundCache = new Map<string, string>();
const sound = (word: string) => {
  let s = soundCache.get(word);
  if (s === undefined) soundCache.set(word, (s = soundSpelling(word)));
  return s;
};
const english = (word: string) => isEnglish(word.toLowerCase());
const capitalised = (word: string) => /^\p{Lu}/u.test(word);

/** Sound spellings of joined words: each word's, with the joins' doubled letters and vowels merged. */
const joinedSound = (words: string[]) =>
  words
    .map(sound)
    .join('')
    .replace(/(.)\1+/g, '$1');

/** A term's key (letters and digits, lower case) → the term, from the dictionary's and the lexicon's one-word terms. */
function joinableTerms(index: TermIndex, lexicon: Lexicon): Map<string, { display: string; curated: boolean }> {
  const terms = new Map<string, { display: string; curated: boolean }>();
  for (const patterns of index.byFirstWord.values()) {
    for (const p of patterns) if (p.how === 'case' && !p.entry.term.includes(' ')) terms.set(termKey(p.entry.term), { display: p.entry.term, curated: true });
  }
  for (const [key, term] of lexicon.byKey) if (!terms.has(key)) terms.set(key, { display: term.display, curated: false });
  return terms;
}

/**
 * The text's words joined in twos and threes, and hyphenated words without their hyphens
 * ("cpython" for "C Python", "C-Python"): added to its vocabulary, so that the dictionary entries
 * such words can join into are reached.
 */
export function joinedWords(tokens: readonly Token[]): string[] {
  const joins: string[] = [];
  let previous: string[] = [];
  for (const t of tokens) {
    if (t.type !== 'word') {
      previous = [];
      continue;
    }
    const key = partsOf(t.text).body.toLowerCase();
    if (key.includes('-')) joins.push(key.replace(/-/g, ''));
    if (previous.length) joins.push(previous[previous.length - 1] + key);
    if (previous.length > 1) joins.push(previous[previous.length - 2] + previous[previous.length - 1] + key);
    previous = SENTENCE_STOP.test(t.text) ? [] : [...previous.slice(-1), key];
  }
  return joins;
}

export function correctByEvidence(tokens: Token[], input: EvidenceInput): Token[] {
  const { heading, lexicon, touched, minConfidence, corrections } = input;
  const firstNames = firstNamesOf(lexicon, heading);
  const joinable = joinableTerms(input.index, lexicon);
  const headingTerms = heading.terms.map((t) => ({ term: t, key: t.toLowerCase(), sound: soundSpelling(t) }));
  const headingPeople = heading.people;
  const fuzzyOn = minConfidence < 1;
  // the talk's own fixes: heard spelling → fix, and sound → fix (consistency within a talk)
  const heardFixes = new Map<string, { to: string; kind: 'term' | 'name' }>();
  const soundFixes = new Map<string, { to: string; kind: 'term' | 'name' }>();
  // how often each term, and each heard spelling, was fixed: an English word is carried over only
  // when the talk has fixed it at least twice ("gill" in a talk on the GIL), never after one fix
  // ("rest" → Rust once does not make every "rest" Rust)
  const fixedTerms = new Map<string, number>();
  const heardCounts = new Map<string, number>();
  const remember = (from: string, to: string, kind: 'term' | 'name') => {
    fixedTerms.set(to, (fixedTerms.get(to) ?? 0) + 1);
    if (from.toLowerCase() === to.toLowerCase()) return;
    heardCounts.set(from.toLowerCase(), (heardCounts.get(from.toLowerCase()) ?? 0) + 1);
    heardFixes.set(from.toLowerCase(), { to, kind });
    if (!to.includes(' ') && !from.includes(' ')) {
      soundFixes.set(sound(from.toLowerCase()), { to, kind });
      soundFixes.set(sound(to.toLowerCase()), { to, kind });
    }
  };
  for (const c of corrections) if ((c.kind === 'term' || c.kind === 'name') && c.confidence >= minConfidence) remember(c.from, c.to, c.kind);

  const bodyAt = (k: number): string | null => {
    const t = tokens[k];
    if (t?.type !== 'word' || touched.has(t)) return null;
    return partsOf(t.text).body;
  };
  /** Bodies of n words from i, as long as they are untouched words of one sentence with no punctuation between. */
  const spanBodies = (i: number, n: number): string[] | null => {
    const bodies: string[] = [];
    for (let k = i; k < i + n; k++) {
      const body = bodyAt(k);
      if (body === null) return null;
      const parts = partsOf((tokens[k] as WordToken).text);
      if (k > i && (parts.prefix || SENTENCE_STOP.test((tokens[k - 1] as WordToken).text) || partsOf((tokens[k - 1] as WordToken).text).trail)) return null;
      bodies.push(body);
    }
    return bodies;
  };

  const joined = (i: number): Fix | null => {
    for (const n of [3, 2]) {
      const bodies = spanBodies(i, n);
      if (!bodies || !bodies.every((b) => /^[\p{L}\p{N}]+$/u.test(b))) continue;
      const target = joinable.get(bodies.join('').toLowerCase());
      if (target && joinEvidence(bodies, target)) return { length: n, to: target.display, kind: 'term', rule: `${target.display}, joined`, confidence: 1 };
    }
    const body = bodyAt(i);
    if (body && /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+$/u.test(body)) {
      const target = joinable.get(body.replace(/-/g, '').toLowerCase());
      if (target && joinEvidence(body.split('-'), target)) return { length: 1, to: target.display, kind: 'term', rule: `${target.display}, joined`, confidence: 1 };
    }
    return null;
  };

  /**
   * Whether words heard apart are one term. A curated term: a piece is not English or is a letter
   * said alone ("C Python", "Py PI"). A lexicon term needs more, since its tail holds names like
   * "apiclient" or "alog": no hyphen in it, no piece that is a term itself ("PyCon DE", "API spec"),
   * and a letter said alone ("C profile", "X-array") or inner capitals that the pieces' capitals
   * follow ("Iron Python").
   */
  const joinEvidence = (bodies: string[], target: { display: string; curated: boolean }): boolean => {
    const letters = target.display.replace(/[^\p{L}\p{N}]/gu, '');
    if (letters.length < 4 || /-/.test(target.display)) return false;
    // a letter said alone, but not the words "I" and "A" ("I sort" is no isort)
    const letter = (b: string) => b.length === 1 && capitalised(b) && b !== 'I' && b !== 'A';
    if (target.curated) return bodies.some((b) => letter(b) || (b.length > 1 && !english(b))) || bodies.every(capitalised);
    if (bodies.some((b) => b.length > 1 && (input.index.known.has(b.toLowerCase()) || lexicon.byKey.has(b.toLowerCase())))) return false;
    if (letter(bodies[0])) return true;
    const innerCaps = /\p{Ll}\p{Lu}/u.test(target.display);
    return innerCaps && bodies.every(capitalised) && bodies.every((b) => b.length > 1 && b.slice(1) === b.slice(1).toLowerCase());
  };

  const fromHeadingTerm = (i: number): Fix | null => {
    if (!fuzzyOn || !headingTerms.length) return null;
    for (const n of [3, 2, 1]) {
      const bodies = spanBodies(i, n);
      if (!bodies || !bodies.every((b) => PLAIN.test(b))) continue;
      const heard = bodies.join('').toLowerCase();
      if (heard.length < 4) continue;
      // several words: the first is not English ("Golek to me"); one English word must sound the same
      const single = n === 1;
      if (!single && english(bodies[0])) continue;
      const heardSound = joinedSound(bodies.map((b) => b.toLowerCase()));
      for (const t of headingTerms) {
        if (heard === t.key) continue;
        const same = heardSound === t.sound;
        const close = single && !english(heard) && soundsLike(heard, t.key);
        if (!same && !close) continue;
        if (single && english(heard) && (!same || heard.length < 5)) continue;
        const confidence = Math.round(Math.max(similarity(heard, t.key), same ? 0.9 : 0) * 100) / 100;
        if (confidence >= minConfidence) return { length: n, to: t.term, kind: 'term', rule: `${t.term}, heading`, confidence };
      }
    }
    return null;
  };

  /** A word of a person's name misheard: beside the rest of that name, or alone when the heading names the person. */
  const fromPeople = (i: number): Fix | null => {
    if (!fuzzyOn) return null;
    const body = bodyAt(i);
    if (!body || !PLAIN.test(body) || !capitalised(body) || english(body)) return null;
    const before = i > 0 && tokens[i - 1].type === 'word' ? partsOf((tokens[i - 1] as WordToken).text).body : '';
    const after = tokens[i + 1]?.type === 'word' ? partsOf((tokens[i + 1] as WordToken).text).body : '';
    const plain = (w: string) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    // a name the lexicon knows is somebody's own ("Karl"); a difference of accents alone is not a mishearing
    const knownName = lexicon.byFirst.has(body.toLowerCase()) || lexicon.byLast.has(body.toLowerCase());
    const fits = (heard: string, known: string, exact: boolean) =>
      plain(heard) !== plain(known) && !knownName && (exact ? sound(heard.toLowerCase()) === sound(known.toLowerCase()) : soundsLike(heard.toLowerCase(), known.toLowerCase()));
    const pick = (people: Person[], part: 'first' | 'last', alone: boolean): Fix | null => {
      for (const p of people) {
        const known = p[part];
        const other = part === 'first' ? after : before;
        const beside = other.toLowerCase() === (part === 'first' ? p.last : p.first).toLowerCase();
        if ((alone || beside) && fits(body, known, !alone)) {
          return { length: 1, to: known, kind: 'name', rule: `${p.first} ${p.last}, ${alone ? 'heading' : 'lexicon'}`, confidence: Math.max(0.85, Math.round(similarity(body.toLowerCase(), known.toLowerCase()) * 100) / 100) };
        }
      }
      return null;
    };
    const fix = pick(headingPeople, 'last', true) ?? pick(headingPeople, 'first', true);
    if (fix) return fix;
    // the lexicon's people: a surname only right after that person's first name, and back
    const byFirst = lexicon.byFirst.get(before.toLowerCase());
    const byLast = lexicon.byLast.get(after.toLowerCase());
    return (byFirst && capitalised(before) ? pick(byFirst, 'last', false) : null) ?? (byLast && capitalised(after) ? pick(byLast, 'first', false) : null);
  };

  const fromLexicon = (i: number, out: Token[]): Fix | null => {
    if (!fuzzyOn) return null;
    const body = bodyAt(i);
    if (!body || !PLAIN.test(body) || body.length < 5) return null;
    const key = body.toLowerCase();
    if (input.index.known.has(key) || english(key) || CALENDAR.has(key)) return null;
    const exact = lexicon.byKey.get(key);
    if (exact) {
      // casing only where the display has inner capitals ("openssl" → OpenSSL), never a plain name
      if (exact.display !== body && /\p{Ll}\p{Lu}|\p{Lu}{2}/u.test(exact.display) && body === key) return { length: 1, to: exact.display, kind: 'term', rule: `${exact.display}, lexicon case`, confidence: 1 };
      return null;
    }
    const candidates = lexicon.bySound.get(sound(key));
    if (!candidates) return null;
    let best: { display: string; confidence: number } | null = null;
    for (const c of candidates) {
      const confidence = Math.round(similarity(key, c.key) * 100) / 100;
      if (confidence >= Math.max(minConfidence, 0.85) && (!best || confidence > best.confidence)) best = { display: c.display, confidence };
    }
    if (!best || !hasTechnicalContext(out, tokens, i)) return null;
    return { length: 1, to: best.display, kind: 'term', rule: `${best.display}, lexicon`, confidence: best.confidence };
  };

  /** A listed variant whose context was missing here, of a term the talk has already had fixed. */
  const listedOfFixedTerm = (i: number, out: Token[]): Fix | null => {
    const key = (bodyAt(i) ?? '').toLowerCase();
    for (const p of input.index.byFirstWord.get(key) ?? []) {
      // one word, and a term the talk has fixed three times or more
      if (p.how !== 'variant' || p.words.length !== 1 || (fixedTerms.get(p.entry.term) ?? 0) < 3) continue;
      const bodies = spanBodies(i, p.words.length);
      if (!bodies || bodies.some((b, k) => b.toLowerCase() !== p.words[k])) continue;
      if (p.unless.length && unlessNear(out, i + p.words.length, p.unless, p.window)) continue;
      return { length: p.words.length, to: p.entry.term, kind: p.entry.kind, rule: `${p.entry.term}, talk`, confidence: 1 };
    }
    return null;
  };
  const unlessNear = (out: Token[], end: number, unless: string[], window: number) => {
    const around: string[] = [];
    for (let k = out.length - 1, n = 0; k >= 0 && n < window; k--) if (out[k].type === 'word') (around.push(wordKey((out[k] as WordToken).text)), n++);
    for (let k = end, n = 0; k < tokens.length && n < window; k++) if (tokens[k].type === 'word') (around.push(wordKey((tokens[k] as WordToken).text)), n++);
    return around.some((w) => unless.some((u) => (u.endsWith('*') ? w.startsWith(u.slice(0, -1)) : w === u)));
  };

  const fromTalk = (i: number, out: Token[]): Fix | null => {
    const body = bodyAt(i);
    if (!body || !PLAIN.test(body)) return null;
    const listed = listedOfFixedTerm(i, out);
    if (listed) return listed;
    const key = body.toLowerCase();
    const again = heardFixes.get(key);
    const often = (heardCounts.get(key) ?? 0) >= (english(key) ? 2 : 1);
    if (again && again.to !== body && often) return { length: 1, to: again.to, kind: again.kind, rule: `${again.to}, talk`, confidence: 1 };
    if (!fuzzyOn || key.length < 4 || english(key) || input.index.known.has(key)) return null;
    const alike = soundFixes.get(sound(key));
    if (!alike || alike.to === body) return null;
    const confidence = Math.round(Math.max(similarity(key, alike.to.toLowerCase()), 0.85) * 100) / 100;
    return confidence >= minConfidence ? { length: 1, to: alike.to, kind: alike.kind, rule: `${alike.to}, talk`, confidence } : null;
  };

  const pass = (tokensIn: Token[], find: (i: number, out: Token[]) => Fix | null): Token[] => {
    tokens = tokensIn;
    const out: Token[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const fix = t.type === 'word' && !touched.has(t) ? find(i, out) : null;
      if (!fix || blockedBySlot(out, tokens, i, fix.kind === 'name' || fix.rule.endsWith('joined'), firstNames)) {
        out.push(t);
        continue;
      }
      const span = tokens.slice(i, i + fix.length) as WordToken[];
      const first = partsOf(span[0].text);
      const last = partsOf(span[span.length - 1].text);
      const text = span.map((w) => w.text).join(' ');
      const from = text.slice(first.prefix.length, text.length - last.trail.length);
      if (from === fix.to) {
        out.push(t);
        continue;
      }
      const replaced = replaceSpan(span, fix.to, '');
      for (const r of replaced) touched.add(r);
      out.push(...replaced);
      corrections.push({ line: span[0].line, column: span[0].column, from, to: fix.to, kind: fix.kind, rule: fix.rule, confidence: fix.confidence });
      remember(from, fix.to, fix.kind);
      i += fix.length - 1;
    }
    return out;
  };

  let result = pass(tokens, joined);
  result = pass(result, fromHeadingTerm);
  result = pass(result, fromPeople);
  result = pass(result, fromLexicon);
  result = pass(result, fromTalk);
  return result;
}
