// Fuzzy matching of words nobody listed: a cheap sound key picks the few dictionary words worth
// comparing, then natural's Double Metaphone and Jaro-Winkler score them. The English word list
// is read only when a candidate is good enough to need the check.

import { createRequire } from 'node:module';

import { isEnglish } from './english.js';

const require = createRequire(import.meta.url);

type DoubleMetaphoneClass = new () => { process(word: string): [string, string] };
type JaroWinkler = (a: string, b: string) => number;

let metaphone: InstanceType<DoubleMetaphoneClass> | undefined;
let jaroWinkler: JaroWinkler | undefined;

function doubleMetaphone(word: string): [string, string] {
  // single modules: the `natural` root costs ~0.6 s to import
  metaphone ??= new (require('natural/lib/natural/phonetics/double_metaphone.js') as DoubleMetaphoneClass)();
  const [a, b] = metaphone.process(word);
  return [a.slice(0, 4), b.slice(0, 4)];
}

export function similarity(a: string, b: string): number {
  jaroWinkler ??= require('natural/lib/natural/distance/jaro-winkler_distance.js') as JaroWinkler;
  return jaroWinkler(a, b);
}

const metaphoneCache = new Map<string, [string, string]>();
function keysOf(word: string): [string, string] {
  let keys = metaphoneCache.get(word);
  if (!keys) metaphoneCache.set(word, (keys = doubleMetaphone(word)));
  return keys;
}

/** True when the two words share a Double Metaphone key (primary or alternate). */
export function soundAlike(a: string, b: string): boolean {
  const [a1, a2] = keysOf(a);
  const [b1, b2] = keysOf(b);
  return a1 === b1 || a1 === b2 || a2 === b1 || a2 === b2;
}

/**
 * How sure a fuzzy match is: the Jaro-Winkler similarity of the spellings, discounted by 15% when
 * the words do not also sound alike by Double Metaphone (the costly half, so it comes second).
 */
export function confidenceFrom(spelling: number, heard: string, known: string): number {
  return Math.round(spelling * (soundAlike(heard, known) ? 100 : 85)) / 100;
}

/**
 * The best fuzzy target for a heard word, or null. Cheapest test first: targets are sifted by
 * spelling, then the word must not be English (a bisection in the word list), and only the few
 * targets left are scored by sound (Double Metaphone).
 */
export function bestFuzzyMatch<T extends { key: string }>(heard: string, targets: readonly T[], minConfidence: number): { target: T; confidence: number } | null {
  const close: Array<[T, number]> = [];
  for (const target of targets) {
    const spelling = similarity(heard, target.key);
    if (spelling >= minConfidence) close.push([target, spelling]);
  }
  if (!close.length || isEnglish(heard) || isEnglishWithLetterDoubled(heard)) return null;
  let best: { target: T; confidence: number } | null = null;
  for (const [target, spelling] of close) {
    const confidence = confidenceFrom(spelling, heard, target.key);
    if (confidence >= minConfidence && (!best || confidence > best.confidence)) best = { target, confidence };
  }
  return best;
}

/**
 * An English word misspelt by one letter doubled or not ("pilars" for pillars, "sucess" for
 * success): a slip of a human captioner's hand, not a term misheard.
 */
function isEnglishWithLetterDoubled(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    if (word[i] === word[i + 1]) {
      if (isEnglish(word.slice(0, i) + word.slice(i + 1))) return true;
    } else if (isEnglish(word.slice(0, i + 1) + word.slice(i))) return true;
  }
  return false;
}

/** A word worth fuzzy matching, as compared: letters only, four or more. */
export const FUZZY_SPELLING = /^[a-z]{4,}$/;

/**
 * The spelling a dictionary word is compared by for fuzzy matching ("scikit-hep" → scikithep): letters
 * only, four or more; '' when the word has no such spelling.
 */
export function fuzzySpelling(word: string): string {
  const letters = word.includes('-') || word.includes('.') ? word.replace(/[-.]/g, '') : word;
  return FUZZY_SPELLING.test(letters) ? letters : '';
}

// Sound classes by character code (lower-case a-z), numbered 2 to 10; 0 for vowels and letters not
// heard on their own. 1 stands for a word that starts with a vowel, 3 (f) also for "ph".
const CLASS = new Uint8Array(128);
['bp', 'fv', 'ckq', 'gj', 'szx', 'dt', 'l', 'mn', 'r'].forEach((letters, k) => {
  for (const ch of letters) CLASS[ch.charCodeAt(0)] = k + 2;
});
const F_CLASS = 3;
const VOWEL_START = 1;
const VOWEL = new Uint8Array(128);
for (const ch of 'aeiouy') VOWEL[ch.charCodeAt(0)] = 1;
const [K, G, P, W, N, S, R, H] = [...'kgpwnsrh'].map((c) => c.charCodeAt(0));

/**
 * A word's sound key, packed in a number: the first four classes of its consonant skeleton (4 bits
 * each) and the skeleton's length (low 8 bits). The skeleton is the word's consonants as classes of
 * like sounds, vowels dropped, repeats collapsed, "ph" as f and "th" as t, silent first letters
 * ("knox", "psycadep") left out. Words that Double Metaphone finds alike nearly always have
 * skeletons of one start and about one length; the key costs a loop over character codes and no
 * string, where Double Metaphone costs ~10 µs a word, too much to run over a 10,000-entry dictionary.
 */
export function soundKey(word: string): number {
  const code = (i: number) => word.charCodeAt(i) | 32; // lower case for letters
  const c0 = code(0);
  const c1 = code(1);
  const silent = ((c0 === K || c0 === G) && c1 === N) || (c0 === P && (c1 === N || c1 === S)) || (c0 === W && c1 === R);
  let i = silent ? 1 : 0;
  let start = 0;
  let length = 0;
  let last = 0;
  if (VOWEL[code(i)]) {
    start = VOWEL_START;
    length = 1;
  }
  for (; i < word.length; i++) {
    const ch = code(i);
    if (ch === H) continue;
    let cls = ch < 128 ? CLASS[ch] : 0;
    if (ch === P && code(i + 1) === H) cls = F_CLASS; // ph sounds as f
    if (cls && cls !== last) {
      if (length < 4) start = (start << 4) | cls;
      length++;
      last = cls;
    }
  }
  // left-align the start, so "kl" and "klx" share their first classes in the same bits
  for (let n = Math.min(length, 4); n < 4; n++) start <<= 4;
  return start * 256 + Math.min(length, 255);
}

/**
 * The index keys of a word (see soundKey). A dictionary spelling is filed under its own; a heard
 * word looks under its own and those one sound longer and shorter (skeletons further apart in
 * length are not the same word misheard).
 */
export function soundKeys(word: string): number[] {
  const key = soundKey(word);
  return key % 256 === 0 ? [key, key + 1] : [key - 1, key, key + 1];
}
