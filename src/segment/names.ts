// Person names in the transcript: read after an introduction phrase, capitalized, and matched
// across spellings ("Gajandra" from the host, "Gajinder Deshpande" from the speaker).

import { createRequire } from 'node:module';
import type { WordToken } from '../types.js';

const require = createRequire(import.meta.url);
type Similarity = (a: string, b: string, options?: object) => number;
let jaroWinklerModule: Similarity | null = null;

/** natural's Jaro-Winkler similarity: one module of natural, not its root (~0.6 s), loaded on first use. */
function jaroWinkler(a: string, b: string): number {
  jaroWinklerModule ??= require('natural/lib/natural/distance/jaro-winkler_distance.js') as Similarity;
  return jaroWinklerModule(a, b, {});
}

/** Words that follow "we have" or "I'm" but are no name. */
const NOT_NAMES = new Set(
  `a an the our your my his her their its this that these those them him us you me it we they he she i i'm i've i'll
   everyone everybody all some someone somebody another two three four five next first last one two speaker speakers
   talk talks guest guests friend friends colleague host folks people time break lunch coffee questions
   going not so very really just also here there now still always sure sorry happy glad excited ready done back
   out up down off over away
   and or but with who from to for of in on at as by about like what how why when where yes no okay ok well hi hello hey
   good great thanks thank please more much less mr mrs ms dr sir madam`.split(/\s+/),
);

/** A word after a name that a name never continues into. */
const NAME_STOP = new Set(['and', 'who', "who's", 'with', 'from', 'giving', 'working', 'continuing', 'talking', 'i', "i'm", 'is', 'was', 'here', 'to', 'the', 'a']);

export interface NameCandidate {
  /** Name words as written, punctuation stripped. */
  words: string[];
  /** True when the first word was written with a capital (or is otherwise plainly a name). */
  capitalized: boolean;
  /** Token index of the first name word. */
  index: number;
  /** Token indices of every name word, in order. */
  indices: number[];
}

function strip(text: string): string {
  return text.replace(/^[^\p{L}]+|[^\p{L}'’-]+$/gu, '').replace(/['’]s$/u, '');
}

/** Reads a name of up to three words starting at `from` in the clause's words. */
export function readName(words: WordToken[], indices: number[], from: number): NameCandidate | null {
  const first = words[from];
  if (!first) return null;
  const firstText = strip(first.text);
  if (!/^\p{L}[\p{L}'’-]*$/u.test(firstText) || NOT_NAMES.has(firstText.toLowerCase())) return null;
  const nameWords = [firstText];
  let ended = /[,.;:!?]$/.test(first.text);
  for (let k = from + 1; k < words.length && nameWords.length < 3 && !ended; k++) {
    const text = strip(words[k].text);
    if (!/^\p{Lu}\p{Ll}[\p{L}'’-]*$/u.test(text) || NAME_STOP.has(text.toLowerCase()) || NOT_NAMES.has(text.toLowerCase())) break;
    nameWords.push(text);
    ended = /[,.;:!?]$/.test(words[k].text);
  }
  return { words: nameWords, capitalized: /^\p{Lu}/u.test(firstText), index: indices[from], indices: indices.slice(from, from + nameWords.length) };
}

/** "jeff" → "Jeff", "manabu terada" → "Manabu Terada"; inner capitals kept ("McKay"). */
export function capitalizeName(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

function key(word: string): string {
  return word.toLowerCase().normalize('NFKD').replace(/[^\p{L}]/gu, '');
}

/** Two spellings of one first name: equal, one a prefix of the other (Chris/Christopher), or close by Jaro-Winkler. */
export function sameWord(a: string, b: string): boolean {
  const x = key(a);
  const y = key(b);
  if (!x || !y) return false;
  if (x === y) return true;
  if (x.length >= 3 && y.length >= 3 && (x.startsWith(y) || y.startsWith(x))) return true;
  return Math.min(x.length, y.length) >= 4 && jaroWinkler(x, y) >= 0.85;
}

/** Do two names denote one person? Their first words match, or any word of one matches a word of the other. */
export function samePerson(a: string, b: string): boolean {
  const aw = a.split(/\s+/);
  const bw = b.split(/\s+/);
  if (sameWord(aw[0], bw[0])) return true;
  return aw.some((x) => x.length >= 4 && bw.some((y) => y.length >= 4 && key(x) === key(y)));
}

/** How closely a name matches any of a person's spellings, 0 to 1 (for picking the best roster entry). */
export function nameScore(name: string, spellings: string[]): number {
  let best = 0;
  for (const spelling of spellings) {
    for (const x of name.split(/\s+/)) {
      for (const y of spelling.split(/\s+/)) {
        const kx = key(x);
        const ky = key(y);
        if (!kx || !ky) continue;
        const score = kx === ky ? 1 : Math.min(kx.length, ky.length) >= 4 ? jaroWinkler(kx, ky) : 0;
        best = Math.max(best, score);
      }
    }
  }
  return best;
}

/**
 * One name from the host's spelling and the speaker's own: the speaker's when they give more of it
 * (a surname), else the host's; both capitalized.
 */
export function reconcile(fromHost: string | null, fromSelf: string | null): string | null {
  if (!fromSelf) return fromHost && capitalizeName(fromHost);
  if (!fromHost) return capitalizeName(fromSelf);
  return capitalizeName(fromSelf.split(/\s+/).length >= fromHost.split(/\s+/).length ? fromSelf : fromHost);
}
