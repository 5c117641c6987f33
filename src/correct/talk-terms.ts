// Consistency within a talk, by sound: a term of the field that the talk has established (written
// right somewhere in it, fixed to, or named in the heading) is what other words of the talk that
// sound close to it stand for, English words among them, when technical words are near. "decker"
// beside "anchor" in a talk that writes decref and Py_INCREF is decref; the same word in a talk that
// never names the term is left. Closeness here is looser than elsewhere (the talk's own term is the
// evidence): the consonants, by the class of sound they belong to, are the same, or the term's
// with its last one lost ("decker" / decref, "Ovenalock" / obmalloc).

import type { Correction, Token, WordToken } from '../types.js';
import { wordKey } from './dictionary.js';
import { isEnglish } from './english.js';
import type { Heading } from './heading.js';
import { termKey, type Lexicon, type LexiconTerm } from './lexicon.js';
import type { TermIndex } from './matcher.js';
import { blockedBySlot, firstNamesOf, hasTechnicalContext } from './slots.js';
import { soundSpelling } from './sound.js';
import { partsOf, writeReplaced } from './span.js';

export interface TalkTermsInput {
  index: TermIndex;
  heading: Heading;
  lexicon: Lexicon;
  touched: Set<WordToken>;
  minConfidence: number;
  corrections: Correction[];
  earlier?: readonly Correction[];
  /** The text's words in lower case, and its words joined in twos (matcher.ts, vocabularyOf): when given, the words are read only if a field term is among them. */
  words?: ReadonlySet<string>;
}

/** Consonants by the class of sound a recognizer confuses within (voiced/unvoiced, lips, nose). */
const CONSONANT_CLASS: Record<string, string> = { b: 'p', p: 'p', f: 'p', v: 'p', m: 'n', n: 'n', d: 't', t: 't', g: 'k', k: 'k', q: 'k', s: 's', z: 's', j: 'j', l: 'l', r: 'r', w: 'w' };

/**
 * A word's consonants by class, in order, repeats merged; a leading vowel kept as "a" ("anchor" →
 * "ankr", "incref" → "ankrp", "decker" → "tkr", "decref" → "tkrp").
 */
export function consonantSkeleton(word: string): string {
  const sound = soundSpelling(word);
  let out = sound.startsWith('a') ? 'a' : '';
  for (const ch of sound) {
    const c = CONSONANT_CLASS[ch];
    if (c && !out.endsWith(c)) out += c;
  }
  return out;
}

/** A word that sounds close to one of the talk's terms. */
interface Found {
  to: string;
  body: string;
  english: boolean;
  /** Every consonant of the term heard (not only all but its last). */
  exact: boolean;
}

/** Paired words of the field: a talk that says one of them speaks of the other too. */
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['incref', 'decref'],
  ['increfs', 'decrefs'],
  ['Py_INCREF', 'Py_DECREF'],
];

/** Least consonants of a term reached this way: shorter ones sound like too many words. */
const MIN_TERM_SKELETON = 4;
const PLAIN = /^\p{L}+$/u;
const ARTICLE = /^(?:a|an|the)$/i;
/** A word of ASCII letters alone. */
const LETTERS_ONLY = /^[A-Za-z]+$/;
/** Words around a candidate that are looked at for technical words or the talk's established terms. */
const WINDOW = 12;
/** Tokens before a candidate that hold its WINDOW words before it (with room for the events between). */
const LOOK_BACK = 4 * WINDOW;

/** The first letters a word may have to start with the class letter of a skeleton. */
const LETTERS_OF: Record<string, string> = { a: 'aeiouy', p: 'bpfv', n: 'mnk', t: 'dt', k: 'gkcq', s: 'szc', j: 'jg', l: 'l', r: 'rw', w: 'w' };

export function correctByTalkTerms(tokens: Token[], input: TalkTermsInput): Token[] {
  const { lexicon, touched, corrections, minConfidence } = input;
  if (minConfidence >= 1) return tokens;
  const { found: established, firstPieces } = establishedTerms(tokens, input);
  if (!established.size) return tokens;
  // skeleton → term; a skeleton two terms share decides nothing
  const bySkeleton = new Map<string, string | null>();
  const add = (skeleton: string, term: string) => bySkeleton.set(skeleton, bySkeleton.has(skeleton) && bySkeleton.get(skeleton) !== term ? null : term);
  // and every consonant heard, for words heard in two pieces
  const exactSkeleton = new Map<string, string>();
  for (const term of established) {
    const skeleton = consonantSkeleton(term);
    if (skeleton.length < MIN_TERM_SKELETON) continue;
    add(skeleton, term);
    exactSkeleton.set(skeleton, term);
    // (the term with its last consonant lost: "decker" for decref)
    add(skeleton.slice(0, -1), term);
  }
  const letters = new Set<string>();
  for (const skeleton of bySkeleton.keys()) for (const l of LETTERS_OF[skeleton[0]] ?? skeleton[0]) letters.add(l);
  const letterCodes = new Set([...letters].flatMap((l) => [l.charCodeAt(0), l.toUpperCase().charCodeAt(0)]));
  const establishedKeys = new Set([...established].map((t) => t.toLowerCase()));
  const firstNames = firstNamesOf(lexicon, input.heading);

  /** The term a word sounds close to, or null; English words are told apart by the caller. */
  const termFor = (t: Token): Found | null => {
    // (its first letter first: most words cannot sound like any of the talk's terms)
    if (t.type !== 'word' || t.text.length < 4 || !letterCodes.has(t.text.charCodeAt(0)) || touched.has(t)) return null;
    const body = partsOf(t.text).body;
    if (body.length < 4 || !PLAIN.test(body)) return null;
    const key = body.toLowerCase();
    if (establishedKeys.has(key) || input.index.known.has(key) || lexicon.byKey.has(key)) return null;
    let to = bySkeleton.get(skeletonOf(key));
    // a plural of the field's word, when the field writes one ("deckers" → decrefs)
    if (!to && /[^s]s$/.test(key)) {
      const single = bySkeleton.get(skeletonOf(key.slice(0, -1)));
      const pluralTerm = single && lexicon.byKey.get(termKey(single + 's'));
      to = pluralTerm ? pluralTerm.display : null;
    }
    if (!to || to.toLowerCase() === key) return null;
    return { to, body, english: isEnglish(key), exact: skeletonOf(to) === skeletonOf(key) };
  };
  const firstWords = new Set([...firstPieces.values()].flatMap((pieces) => [...pieces]));
  // a word's skeleton, once per spelling (the talk repeats its words)
  const skeletons = new Map<string, string>();
  const skeletonOf = (word: string) => {
    let s = skeletons.get(word);
    if (s === undefined) skeletons.set(word, (s = consonantSkeleton(word)));
    return s;
  };
  /**
   * Two words that together have every consonant of a term the talk writes in two pieces, the first
   * the same piece ("weak graphs" where the talk says "a weak ref").
   */
  const twoWordsFor = (i: number): Found | null => {
    const a = tokens[i];
    const b = tokens[i + 1];
    if (!firstPieces.size || a?.type !== 'word' || b?.type !== 'word' || !firstWords.has(a.text.toLowerCase()) || touched.has(a) || touched.has(b)) return null;
    const first = partsOf(a.text);
    const second = partsOf(b.text);
    if (first.trail || second.prefix || !PLAIN.test(first.body) || !PLAIN.test(second.body) || second.body.length < 3) return null;
    // (the first piece the talk wrote: a set look-up spares nearly every pair its sound)
    if (!firstWords.has(first.body.toLowerCase())) return null;
    const heard = (first.body + second.body).toLowerCase();
    let to = exactSkeleton.get(skeletonOf(heard));
    let single = to;
    if (!to && heard.endsWith('s')) {
      single = exactSkeleton.get(skeletonOf(heard.slice(0, -1)));
      to = single && lexicon.byKey.get(termKey(single + 's'))?.display;
    }
    if (!to || !single || termKey(to) === heard || termKey(single) === heard) return null;
    if (!firstPieces.get(single)?.has(first.body.toLowerCase())) return null;
    return { to, body: `${first.body} ${second.body}`, english: true, exact: true };
  };
  /** English spellings fixed as a coordinated pair ("anchor and decker"), with how often. */
  const pairedSpellings = new Map<string, number>();
  const wordAt = (k: number) => (tokens[k]?.type === 'word' ? (tokens[k] as WordToken) : undefined);

  const pass = (carry: boolean): boolean => {
    // the tokens written so far, made only at the first fix (most talks have none): until then
    // they are the input's, and the words just before a candidate are read from it
    let out = null as Token[] | null;
    const before = (i: number) => out ?? tokens.slice(Math.max(0, i - LOOK_BACK), i);
    const fix = (i: number, length: number, found: Found) => {
      const span = tokens.slice(i, i + length) as WordToken[];
      out ??= tokens.slice(0, i);
      writeReplaced(out, span, found.to, touched);
      corrections.push({ line: span[0].line, column: span[0].column, from: found.body, to: found.to, kind: 'term', rule: `${found.to}, talk sound`, confidence: 0.85 });
    };
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const two = t.type === 'word' && !carry ? twoWordsFor(i) : null;
      if (two && (hasTechnicalContext(before(i), tokens, i + 1, WINDOW, touched) || nearEstablished(before(i), tokens, i + 1, establishedKeys, touched))) {
        fix(i, 2, two);
        i++;
        continue;
      }
      const found = t.type === 'word' ? termFor(t) : null;
      if (!found || !fixable(i, found, before(i), carry)) {
        out?.push(t);
        continue;
      }
      if (found.english && pairedWith(i)) {
        const key = found.body.toLowerCase();
        pairedSpellings.set(key, (pairedSpellings.get(key) ?? 0) + 1);
      }
      fix(i, 1, found);
    }
    if (out) tokens = out;
    return out !== null;
  };
  /** Whether the evidence around a word that sounds like one of the talk's terms is enough. */
  const fixable = (i: number, found: Found, before: Token[], carry: boolean): boolean => {
      if (blockedBySlot(before, tokens, i, false, firstNames)) return false;
      // a capitalised word mid-sentence is a name more often than a term heard wrong, unless it has
      // the term's every consonant and is neither an English word nor a name ("working on Ovenalock")
      const nameLike = found.english || !found.exact || lexicon.byFirst.has(found.body.toLowerCase()) || lexicon.byLast.has(found.body.toLowerCase());
      if (/^\p{Lu}/u.test(found.body) && !startsSentence(before) && nameLike) return false;
      const technical = hasTechnicalContext(before, tokens, i, WINDOW, touched) || nearEstablished(before, tokens, i, establishedKeys, touched);
      // two words coordinated that sound like two of the talk's terms ("anchor and decker")
      if (pairedWith(i)) return true;
      if (!found.english) return technical;
      // an English word otherwise only once the talk has fixed that spelling so twice, and with a
      // technical word or a talk term near ("Ships drop an anchor" stays in a talk of increfs)
      const key = found.body.toLowerCase();
      const times = pairedSpellings.get(key) ?? pairedSpellings.get(key.replace(/s$/, '')) ?? 0;
      return carry && times >= 2 && technical;
  };
  /** The word coordinated with the word at i ("X and Y", "X or Y") when it sounds like another of the talk's terms. */
  const pairedWith = (i: number): WordToken | undefined => {
    const self = termFor(tokens[i]);
    if (!self) return undefined;
    // (an article may follow the conjunction: "an incurrer or a decker")
    for (const [join, other, skip] of [[i + 1, i + 2, i + 3], [i - 1, i - 2, i - 2], [i - 2, i - 3, i - 3]]) {
      const j = wordAt(join);
      let o = wordAt(other);
      if (!j || !o || !/^(?:and|or)$/i.test(partsOf(j.text).body)) continue;
      if (other > i && ARTICLE.test(o.text)) o = wordAt(skip);
      if (other < i && !ARTICLE.test(wordAt(i - 1)?.text ?? '') && join === i - 2) continue;
      const near = o && termFor(o);
      if (o && near && near.to !== self.to) return o;
    }
    return undefined;
  };
  // strong evidence first, then the spellings it fixed carried over; twice, as each feeds the other
  pass(false);
  if (pairedSpellings.size) {
    pass(true);
    pass(true);
  }
  return tokens;
}

function startsSentence(before: Token[]): boolean {
  const prev = before[before.length - 1];
  return prev?.type !== 'word' || /[.?!]["'”’)\]]*$/.test(prev.text);
}

/** Whether a word within the window is one of the talk's established terms or a term fixed. */
function nearEstablished(before: Token[], tokens: Token[], i: number, keys: Set<string>, touched: Set<WordToken>): boolean {
  const hit = (t: Token) => t.type === 'word' && (touched.has(t) || keys.has(wordKey(t.text)));
  let seen = 0;
  for (let k = before.length - 1; k >= 0 && seen < WINDOW; k--) {
    if (before[k].type !== 'word') continue;
    seen++;
    if (hit(before[k])) return true;
  }
  seen = 0;
  for (let k = i + 1; k < tokens.length && seen < WINDOW; k++) {
    if (tokens[k].type !== 'word') continue;
    seen++;
    if (hit(tokens[k])) return true;
  }
  return false;
}

/**
 * The field's terms the talk establishes: written right in it, fixed to by an earlier pass, or in
 * its heading; with their pairs, and the lower-case word inside a C macro (Py_INCREF: incref).
 */
/** The field's terms by key, and the starts of their keys (two letters or more), made once per lexicon. */
const fieldKeys = new WeakMap<Lexicon, { byKey: Map<string, LexiconTerm>; prefixes: Set<string> }>();
function fieldKeysOf(lexicon: Lexicon): { byKey: Map<string, LexiconTerm>; prefixes: Set<string> } {
  let keys = fieldKeys.get(lexicon);
  if (!keys) {
    keys = { byKey: new Map(), prefixes: new Set() };
    for (const terms of lexicon.fieldBySound.values()) {
      for (const term of terms) {
        keys.byKey.set(term.key, term);
        for (let n = 2; n < term.key.length - 1; n++) keys.prefixes.add(term.key.slice(0, n));
      }
    }
    fieldKeys.set(lexicon, keys);
  }
  return keys;
}

function establishedTerms(tokens: Token[], input: TalkTermsInput): { found: Set<string>; firstPieces: Map<string, Set<string>> } {
  const { lexicon } = input;
  const found = new Set<string>();
  // terms the talk writes in two pieces ("a weak ref"), with their first piece
  const firstPieces = new Map<string, Set<string>>();
  const fieldTerm = (text: string) => {
    const term = lexicon.byKey.get(termKey(text));
    return term?.field ? term : undefined;
  };
  const take = (text: string) => {
    const term = fieldTerm(text);
    if (!term) return;
    found.add(term.display);
    const inner = /^Py_([A-Z]+)$/.exec(term.display);
    if (inner && fieldTerm(inner[1])) found.add(fieldTerm(inner[1])!.display);
  };
  for (const c of [...(input.earlier ?? []), ...input.corrections]) {
    if (c.kind === 'term' && c.confidence >= input.minConfidence) take(c.to.replace(/\d+$/, '').replace(/(?<=[A-Z])s$/, ''));
  }
  const { byKey: fieldByKey, prefixes } = fieldKeysOf(lexicon);
  // (a look-up per field term first: most talks write none, and their words are not read)
  const words = input.words;
  const written = !words || [...fieldByKey.values()].some((term) => words.has(term.key) || words.has(term.display.toLowerCase()));
  let previous = '';
  for (const t of written ? tokens : []) {
    if (t.type !== 'word') {
      previous = '';
      continue;
    }
    // (a word of letters alone is its own body, and its key is itself in lower case: no look at
    // its parts, no new object, for nearly every word)
    const letters = LETTERS_ONLY.test(t.text);
    const parts = letters ? null : partsOf(t.text);
    const body = parts ? parts.body : t.text;
    const lower = body.toLowerCase();
    const term = fieldByKey.get(letters ? lower : termKey(body));
    if (term && (body === term.display || lower === term.display)) take(body);
    // two pieces of a field term written in lower case ("weak ref"): only after a word that starts one
    if (previous && !parts?.prefix && prefixes.has(previous) && (letters || PLAIN.test(body))) {
      const apart = fieldByKey.get(previous + lower);
      if (apart && apart.display === apart.display.toLowerCase()) {
        found.add(apart.display);
        firstPieces.set(apart.display, (firstPieces.get(apart.display) ?? new Set()).add(previous));
      }
    }
    previous = !parts?.trail && body.length >= 2 && (letters || PLAIN.test(body)) ? lower : '';
  }
  for (const term of [...input.heading.terms, ...input.heading.englishTerms]) take(term);
  for (const [a, b] of PAIRS) {
    if (found.has(a) && fieldTerm(b)) found.add(fieldTerm(b)!.display);
    if (found.has(b) && fieldTerm(a)) found.add(fieldTerm(a)!.display);
  }
  return { found, firstPieces };
}
