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
 * How sure a fuzzy match is: Jaro-Winkler similarity of the spellings, discounted when the words do
 * not also sound alike by Double Metaphone.
 */
export function fuzzyConfidence(heard: string, known: string, atLeast = 0): number {
  const spelling = similarity(heard, known);
  // Double Metaphone is the costly part: skip it when the spelling alone already rules the word out
  if (spelling < atLeast) return Math.round(spelling * 85) / 100;
  const score = spelling * (soundAlike(heard, known) ? 1 : 0.85);
  return Math.round(score * 100) / 100;
}

const ONSETS: Array<[RegExp, string]> = [
  [/^(kn|gn|pn)/, 'n'],
  [/^ps/, 's'],
  [/^wr/, 'r'],
  [/^x/, 's'],
  [/ph/g, 'f'],
  [/th/g, 't'],
];
const CLASS: Record<string, string> = { b: 'P', p: 'P', f: 'P', v: 'P', c: 'K', g: 'K', j: 'K', k: 'K', q: 'K', s: 'K', x: 'K', z: 'K', d: 'T', t: 'T', l: 'L', m: 'N', n: 'N', r: 'R' };

/**
 * A coarse sound key for indexing: the first three consonant classes (vowels dropped, repeats
 * collapsed). Words that Double Metaphone finds alike nearly always share it; it costs a regex, where
 * Double Metaphone costs ~10 µs a word, too much to run over a 10,000-entry dictionary at start-up.
 */
export function soundKey(word: string): string {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  for (const [re, to] of ONSETS) w = w.replace(re, to);
  let key = /^[aeiouy]/.test(w) ? 'A' : '';
  for (const ch of w) {
    const c = CLASS[ch];
    if (c && key[key.length - 1] !== c) key += c;
    if (key.length === 3) break;
  }
  return key;
}

let englishWords: string | undefined;

/** True when the word (lower case) is in the `word-list` package's list of English words. */
export function isEnglish(word: string): boolean {
  if (englishWords === undefined) {
    const path = join(dirname(require.resolve('word-list')), 'words.txt');
    englishWords = '\n' + readFileSync(path, 'latin1') + '\n';
  }
  return englishWords.includes('\n' + word.toLowerCase() + '\n');
}
