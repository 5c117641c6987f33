// What a talk's `#` heading spells right: its speakers' names and its topic's terms. The text
// mishears them ("Paul Carrer" under a heading naming Paul Kehrer, "Pigeon" in a talk on Pyjion), so
// they are an implicit roster for the talk: candidates a heard word reaches by sound (evidence.ts).

import { isEnglish } from './english.js';
import type { Lexicon, Person } from './lexicon.js';

export interface Heading {
  people: Person[];
  /** Words of the topic: capitalised or with inner capitals, not English, not a name. */
  terms: string[];
}

const NAME_WORD = /^\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?$/u;

/**
 * The heading's names (a first name the lexicon knows, then one or two capitalised words) and
 * topic terms (capitalised words of 4+ letters, not English, or written with inner capitals).
 */
export function readHeading(title: string | null | undefined, lexicon: Lexicon): Heading {
  const heading: Heading = { people: [], terms: [] };
  if (!title) return heading;
  const words = title.split(/[^\p{L}\p{N}'’+.-]+/u).map((w) => w.replace(/^[.'’-]+|[.'’-]+$/g, '')).filter(Boolean);
  const inName = new Set<number>();
  for (let i = 0; i < words.length - 1; i++) {
    if (!NAME_WORD.test(words[i]) || !lexicon.byFirst.has(words[i].toLowerCase())) continue;
    let j = i + 1;
    while (j < words.length && j - i <= 2 && NAME_WORD.test(words[j]) && !isEnglish(words[j].toLowerCase())) j++;
    if (j === i + 1) continue;
    heading.people.push({ first: words[i], last: words[j - 1] });
    for (let k = i; k < j; k++) inName.add(k);
    i = j - 1;
  }
  words.forEach((word, i) => {
    if (inName.has(i) || !/^\p{L}+$/u.test(word) || word.length < 4) return;
    const inner = /\p{Ll}\p{Lu}/u.test(word);
    if (inner || (/^\p{Lu}/u.test(word) && !isEnglish(word.toLowerCase()))) heading.terms.push(word);
  });
  return heading;
}
