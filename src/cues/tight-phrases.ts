// Phrases a captioner keeps on one line and in one cue: a break inside one reads as a stumble
// ("going / to", "a lot / of", "Peter / Wang's"). The list is the project's; a line or cue break falls
// inside one only when no other break fits.

import { bare } from '../normalize/english.js';

export const TIGHT_PHRASES: readonly string[] = [
  'going to', 'want to', 'wanted to', 'have to', 'has to', 'had to', 'need to', 'needs to', 'got to', 'used to',
  'able to', 'trying to', 'a lot of', 'a lot', 'lots of', 'sort of', 'kind of', 'one of', 'some of', 'all of',
  'a bit', 'a little', 'a couple of', 'a few', 'as well', 'as well as', 'such as', 'each other', 'in order to',
  'at least', 'of course', 'so that', 'rather than', 'instead of', 'according to', 'even though', 'no one',
  'thank you', 'you know', 'i mean',
];

/** Each word of a phrase but its last, with the phrases it opens or continues: a break after it may split them. */
const PHRASES_BY_WORD = new Map<string, Array<{ phrase: readonly string[]; at: number }>>();
for (const phrase of TIGHT_PHRASES.map((p) => p.split(' '))) {
  for (let at = 0; at < phrase.length - 1; at++) {
    const entries = PHRASES_BY_WORD.get(phrase[at]) ?? [];
    entries.push({ phrase, at });
    PHRASES_BY_WORD.set(phrase[at], entries);
  }
}
const PUNCTUATED = /[,.;:?!…"”)\]]$/;
const SENTENCE_END = /[.?!…]["'”’)\]]*$/;

/** A first name and surname, or any two capitalised words inside a sentence ("Peter Wang's"). */
function namePair(words: readonly string[], i: number): boolean {
  const [a, b] = [words[i], words[i + 1]];
  if (!a || !b || PUNCTUATED.test(a)) return false;
  if (!/^\p{Lu}\p{Ll}+$/u.test(a) || !/^\p{Lu}\p{Ll}+(?:['’]s)?[,.;:?!]*$/u.test(b)) return false;
  // At a sentence start the first capital says nothing: "So Python" is no name.
  return i > 0 && !SENTENCE_END.test(words[i - 1]);
}

/**
 * True when a break after words[i] would fall inside a tight phrase or a name. `bares` (each word's
 * `bare` form), when given, spares working them out again for every break tried in a run.
 */
export function splitsTightPhrase(words: readonly string[], i: number, bares?: readonly string[]): boolean {
  if (i < 0 || i + 1 >= words.length) return false;
  if (namePair(words, i)) return true;
  if (PUNCTUATED.test(words[i])) return false;
  const bareAt = (k: number) => bares?.[k] ?? bare(words[k]);
  for (const { phrase, at } of PHRASES_BY_WORD.get(bareAt(i)) ?? []) {
    const start = i - at;
    if (start < 0 || start + phrase.length > words.length) continue;
    let match = true;
    for (let m = 0; m < phrase.length && match; m++) {
      match = bareAt(start + m) === phrase[m] && (m === phrase.length - 1 || !PUNCTUATED.test(words[start + m]));
    }
    if (match) return true;
  }
  return false;
}
