// The dictionary indexed for matching: every variant (and the term itself, for its casing) under its
// first word, and every single-word spelling under a coarse sound key for fuzzy matching. A word of
// the transcript is looked up, never compared with every entry.

import { wordKey, type Dictionary, type DictionaryEntry, type Vocabulary } from './dictionary.js';
import { FUZZY_SPELLING, fuzzySpelling, soundKey, soundKeys } from './fuzzy.js';

export type { Vocabulary } from './dictionary.js';

export interface Pattern {
  entry: DictionaryEntry;
  words: string[];
  how: 'variant' | 'case';
  context: string[];
  unless: string[];
  window: number;
  next: string[];
  notNext: string[];
}

export interface FuzzyTarget {
  entry: DictionaryEntry;
  /** The known spelling (term or variant) a heard word is compared with. */
  key: string;
  /** What replaces the heard word: the term, or one word of a person's name. */
  replacement: string;
  /** Whether the spelling is a listed variant (a mishearing itself), not the term. */
  variant?: boolean;
}

export interface TermIndex {
  byFirstWord: Map<string, Pattern[]>;
  bySound: Map<number, FuzzyTarget[]>;
  /** Every word of every term and variant: such words are never fuzzy candidates. */
  known: Set<string>;
  /** One-word terms the text reaches, by key: those marked `case: false` apart (casing.ts). */
  terms: Set<string>;
  plainCase: Map<string, DictionaryEntry>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The vocabulary of a list of words as written ("PSA's," → psa's, psa; "piup.io" → piup.io, piup). */
export function vocabularyOf(texts: Iterable<string>): Vocabulary {
  const words = new Set<string>();
  const sounds = new Set<number>();
  // (a plain function, not a generator: a text has hundreds of thousands of words)
  const add = (key: string) => {
    if (words.has(key)) return;
    words.add(key);
    // a hyphenated word reaches the entry of its first part ("intel-specific" → intel)
    const hyphen = key.indexOf('-');
    if (hyphen > 0) words.add(key.slice(0, hyphen));
    const stem = /^(.+?)(?:['’]s|\.[\p{L}.]+)$/u.exec(key);
    if (stem) words.add(stem[1]);
    if (FUZZY_SPELLING.test(key)) {
      for (const sound of soundKeys(key)) sounds.add(sound);
      // plural forms are looked up in their singular (isFuzzyCandidate)
      words.add(key.slice(0, -1));
      words.add(key.slice(0, -2));
    }
  };
  for (const text of texts) {
    const key = wordKey(text);
    add(key);
    // `#pycon` reaches both a term spelt `#PyCon` and the term `PyCon`
    if (/^[.#@]./.test(key)) add(key.slice(1));
  }
  return { words, sounds };
}

/**
 * Indexes the entries, all of them, or (given the vocabulary of the text to correct) only those that
 * text can reach: patterns whose first word occurs in it and fuzzy spellings that share a sound key
 * with one of its words. A dictionary read from a file builds only the entries the text reaches.
 */
export function buildIndex(dictionary: Dictionary, vocabulary?: Vocabulary): TermIndex {
  const entries = (vocabulary && dictionary.reachedBy?.(vocabulary)) ?? dictionary.entries;
  const byFirstWord = new Map<string, Pattern[]>();
  const bySound = new Map<number, FuzzyTarget[]>();
  const known = new Set<string>();
  const terms = new Set<string>();
  const plainCase = new Map<string, DictionaryEntry>();
  const words = vocabulary?.words;
  const sounds = vocabulary?.sounds;
  const reach = (word: string) => !words || words.has(word);
  const addSpelling = (entry: DictionaryEntry, spelling: string, replacement: string, variant = false) => {
    const key = fuzzySpelling(spelling);
    if (!key) return;
    const sound = soundKey(key);
    if (!sounds || sounds.has(sound)) push(bySound, sound, variant ? { entry, key, replacement, variant } : { entry, key, replacement });
  };
  for (const entry of entries) {
    const space = entry.key.indexOf(' ');
    const firstWord = space < 0 ? entry.key : entry.key.slice(0, space);
    if (space < 0) {
      if (reach(entry.key)) {
        known.add(entry.key);
        terms.add(entry.key);
        if (!entry.fixCase && /^\p{Lu}\p{Ll}+$/u.test(entry.term)) plainCase.set(entry.key, entry);
      }
    } else for (const w of entry.key.split(' ')) if (reach(w)) known.add(w);
    if (entry.fixCase && reach(firstWord)) {
      push(byFirstWord, firstWord, { entry, words: entry.key.split(' '), how: 'case', context: entry.context, unless: entry.unless, window: entry.window, next: [], notNext: [] });
    }
    for (const v of entry.variants) {
      const vspace = v.key.indexOf(' ');
      const first = vspace < 0 ? v.key : v.key.slice(0, vspace);
      if (!reach(first)) continue; // (the other words of a variant the text cannot start are not needed either)
      if (vspace < 0) known.add(first);
      else for (const w of v.words) if (reach(w)) known.add(w);
      push(byFirstWord, first, { entry, words: v.words, how: 'variant', context: v.context, unless: v.unless, window: v.window, next: v.next, notNext: v.notNext });
    }
    if (!entry.fuzzy) continue;
    if (space < 0) addSpelling(entry, entry.key, entry.term);
    // a person's name is heard word by word: "Gajinder Deshpande" has its first name wrong only
    else if (entry.kind === 'name') for (const w of entry.term.split(' ')) addSpelling(entry, w.toLowerCase(), w);
    for (const v of entry.variants) if (!v.key.includes(' ')) addSpelling(entry, v.key, entry.term, true);
  }
  // longest patterns first, so "pep x run cookie cutter" wins over "pep x"
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirstWord, bySound, known, terms, plainCase };
}

/** The dictionary spellings a heard word is compared with: those of about its sound. */
export function fuzzyTargets(index: TermIndex, key: string): FuzzyTarget[] {
  const found: FuzzyTarget[] = [];
  for (const sound of soundKeys(key)) for (const t of index.bySound.get(sound) ?? []) found.push(t);
  return found;
}

/** A word worth a fuzzy look: long enough, letters only, and not a form of a word the dictionary knows. */
export function isFuzzyCandidate(key: string, index: TermIndex): boolean {
  if (!FUZZY_SPELLING.test(key) || index.known.has(key)) return false;
  const singular = /(?:es|s)$/.exec(key);
  return !singular || (!index.known.has(key.slice(0, -1)) && !index.known.has(key.slice(0, -2)));
}
