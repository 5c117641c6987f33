// Fuzzy matching of words nobody listed: a cheap sound key picks the few dictionary words worth
// comparing, then natural's Double Metaphone and Jaro-Winkler score them. The English word list
// is read only when a candidate is good enough to need the check.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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
  if (!close.length || isEnglish(heard)) return null;
  let best: { target: T; confidence: number } | null = null;
  for (const [target, spelling] of close) {
    const confidence = confidenceFrom(spelling, heard, target.key);
    if (confidence >= minConfidence && (!best || confidence > best.confidence)) best = { target, confidence };
  }
  return best;
}

// Sound classes by character code (lower-case a-z): 0 for vowels and letters not heard on their own.
const CLASS = new Uint8Array(128);
for (const [letters, cls] of [['bp', 'P'], ['fv', 'F'], ['ckq', 'K'], ['gj', 'J'], ['szx', 'S'], ['dt', 'T'], ['l', 'L'], ['mn', 'N'], ['r', 'R']]) {
  for (const ch of letters) CLASS[ch.charCodeAt(0)] = cls.charCodeAt(0);
}
const VOWEL = new Uint8Array(128);
for (const ch of 'aeiouy') VOWEL[ch.charCodeAt(0)] = 1;
const [K, G, P, W, N, S, R, H, T] = [...'kgpwnsrht'].map((c) => c.charCodeAt(0));

/**
 * A word's consonant skeleton: its consonants as classes of like sounds, vowels dropped, repeats
 * collapsed, "ph" as f and "th" as t, silent first letters ("knox", "psycadep") left out. Words that
 * Double Metaphone finds alike nearly always have skeletons of one start and about one length; it
 * costs a loop over character codes, where Double Metaphone costs ~10 µs a word, too much to run
 * over a 10,000-entry dictionary.
 */
export function skeleton(word: string, most = Infinity): string {
  const code = (i: number) => word.charCodeAt(i) | 32; // lower case for letters
  const c0 = code(0);
  const c1 = code(1);
  const silent = ((c0 === K || c0 === G) && c1 === N) || (c0 === P && (c1 === N || c1 === S)) || (c0 === W && c1 === R);
  let i = silent ? 1 : 0;
  let key = VOWEL[code(i)] ? 'A' : '';
  let last = 0;
  for (; i < word.length && key.length < most; i++) {
    const ch = code(i);
    let cls = ch < 128 ? CLASS[ch] : 0;
    if (ch === H) continue;
    if (ch === P && code(i + 1) === H) cls = 70; // ph sounds as f
    if (cls && cls !== last) {
      key += String.fromCharCode(cls);
      last = cls;
    }
  }
  return key;
}

/**
 * The index keys of a word: the first four classes of its skeleton and the skeleton's length. A
 * dictionary spelling is filed under its own; a heard word looks under its own and those one sound
 * longer and shorter (skeletons further apart in length are not the same word misheard).
 */
export function soundKeys(word: string): string[] {
  const bones = skeleton(word);
  const start = bones.slice(0, 4);
  const n = bones.length;
  return [`${start}|${n - 1}`, `${start}|${n}`, `${start}|${n + 1}`];
}

/** The index key a dictionary spelling is filed under (see soundKeys). */
export function ownSoundKey(word: string): string {
  const bones = skeleton(word);
  return `${bones.slice(0, 4)}|${bones.length}`;
}

let englishWords: Buffer | undefined;

/**
 * True when the word is in the `word-list` package's list of English words (275,000 lower-case
 * words, one a line, sorted). Read on first use and searched by bisection in its bytes: turning it
 * into strings (or a Set) would cost more than the whole correction stage.
 */
export function isEnglish(word: string): boolean {
  englishWords ??= readFileSync(join(dirname(require.resolve('word-list')), 'words.txt'));
  const list = englishWords;
  const wanted = Buffer.from(word.toLowerCase(), 'latin1');
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const start = mid === 0 ? 0 : list.lastIndexOf(10, mid - 1) + 1;
    let end = list.indexOf(10, start);
    if (end < 0) end = list.length;
    const order = list.compare(wanted, 0, wanted.length, start, end);
    if (order === 0) return true;
    if (order < 0) lo = end + 1;
    else hi = start;
  }
  return false;
}
