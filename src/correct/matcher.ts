// The dictionary indexed for matching: every variant (and the term itself, for its casing) under its
// first word, and every single-word spelling under a coarse sound key for fuzzy matching. A word of
// the transcript is looked up, never compared with every entry.

import { phraseWords, type DictionaryEntry } from './dictionary.js';
import { soundKey } from './fuzzy.js';

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
}

export interface TermIndex {
  byFirstWord: Map<string, Pattern[]>;
  bySound: Map<string, FuzzyTarget[]>;
  /** Every word of every term and variant: such words are never fuzzy candidates. */
  known: Set<string>;
}

const FUZZY_KEY = /^[a-z]{4,}$/;

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildIndex(entries: DictionaryEntry[]): TermIndex {
  const byFirstWord = new Map<string, Pattern[]>();
  const bySound = new Map<string, FuzzyTarget[]>();
  const known = new Set<string>();
  for (const entry of entries) {
    const termWords = phraseWords(entry.term);
    for (const w of termWords) known.add(w);
    if (entry.fixCase && termWords.length) {
      push(byFirstWord, termWords[0], { entry, words: termWords, how: 'case', context: entry.context, unless: entry.unless, window: entry.window, next: [], notNext: [] });
    }
    for (const v of entry.variants) {
      for (const w of v.words) known.add(w);
      push(byFirstWord, v.words[0], { entry, words: v.words, how: 'variant', context: v.context, unless: v.unless, window: v.window, next: v.next, notNext: v.notNext });
    }
    if (!entry.fuzzy) continue;
    const spellings = new Map<string, string>();
    if (termWords.length === 1) spellings.set(termWords[0].replace(/[-.]/g, ''), entry.term);
    // a person's name is heard word by word: "Gajinder Deshpande" has its first name wrong only
    else if (entry.kind === 'name') for (const w of entry.term.split(' ')) spellings.set(w.toLowerCase(), w);
    for (const v of entry.variants) if (v.words.length === 1) spellings.set(v.words[0].replace(/[-.]/g, ''), entry.term);
    for (const [key, replacement] of spellings) if (FUZZY_KEY.test(key)) push(bySound, soundKey(key), { entry, key, replacement });
  }
  // longest patterns first, so "pep x run cookie cutter" wins over "pep x"
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirstWord, bySound, known };
}

/** A word worth a fuzzy look: long enough, letters only, and not a form of a word the dictionary knows. */
export function isFuzzyCandidate(key: string, index: TermIndex): boolean {
  if (!FUZZY_KEY.test(key) || index.known.has(key)) return false;
  const singular = /(?:es|s)$/.exec(key);
  return !singular || (!index.known.has(key.slice(0, -1)) && !index.known.has(key.slice(0, -2)));
}
