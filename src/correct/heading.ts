// What a talk's `#` heading spells right: its speakers' names and its topic's terms. The text
// mishears them ("Paul Carrer" under a heading naming Paul Kehrer, "Pigeon" in a talk on Pyjion), so
// they are an implicit roster for the talk: candidates a heard word reaches by sound (evidence.ts).

import { isEnglish } from './english.js';
import type { Lexicon, Person } from './lexicon.js';

export interface Heading {
  people: Person[];
  /** Words of the topic: capitalised or with inner capitals, not English, not a name. */
  terms: string[];
  /** Capitalised English words of the heading that may name the topic ("Scalene"). */
  englishTerms: string[];
}

/** Day names: capitalised, missing from the (lower-case) English list, and no topic. */
const CALENDAR = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/i;

/** Words of talk titles that name no topic. */
const COMMON_HEADING = new Set('keynote lightning talks remarks closing opening welcome summit session advanced introduction future python panel report community service awards conference general purpose performance solving problems production'.split(' '));

const NAME_WORD = /^\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?$/u;

/**
 * The heading's names (a first name the lexicon knows, then one or two capitalised words) and
 * topic terms (capitalised words of 4+ letters, not English, or written with inner capitals).
 */
export function readHeading(title: string | null | undefined, lexicon: Lexicon): Heading {
  const heading: Heading = { people: [], terms: [], englishTerms: [] };
  if (!title) return heading;
  // names do not run across the heading's separators ("Jake Vanderplas - Keynote")
  for (const chunk of title.split(/\s[-_|:：]\s|[,，()（）：:|]/u)) {
    const words = chunk.split(/[^\p{L}\p{N}'’+.-]+/u).map((w) => w.replace(/^[.'’-]+|[.'’-]+$/g, '')).filter(Boolean);
    const inName = new Set<number>();
    // a part of the heading that is two or three capitalised words, the last not English and the
    // first a first name or not English, is a name
    if ((words.length === 2 || words.length === 3) && words.every((w) => NAME_WORD.test(w)) && !isEnglish(words[words.length - 1].toLowerCase()) && (lexicon.byFirst.has(words[0].toLowerCase()) || !isEnglish(words[0].toLowerCase()))) {
      heading.people.push({ first: words[0], last: words[words.length - 1] });
      continue;
    }
    for (let i = 0; i < words.length - 1; i++) {
      const first = words[i];
      const known = lexicon.byFirst.get(first.toLowerCase());
      // a first name: known to the lexicon, and either not an English word or a common first name
      if (!NAME_WORD.test(first) || !known || (isEnglish(first.toLowerCase()) && known.length < 3)) continue;
      // a part of the heading that is two or three capitalised words after a first name is a name
      if (i === 0 && (words.length === 2 || words.length === 3) && words.every((w) => NAME_WORD.test(w))) {
        heading.people.push({ first, last: words[words.length - 1] });
        for (let k = 0; k < words.length; k++) inName.add(k);
        break;
      }
      let j = i + 1;
      // then one or two name words: not English, or a surname the lexicon knows ("Snow", "Hastings")
      while (j < words.length && j - i <= 2 && NAME_WORD.test(words[j]) && (!isEnglish(words[j].toLowerCase()) || lexicon.byLast.has(words[j].toLowerCase()))) j++;
      if (j === i + 1) continue;
      heading.people.push({ first, last: words[j - 1] });
      for (let k = i; k < j; k++) inName.add(k);
      i = j - 1;
    }
    words.forEach((word, i) => {
      if (inName.has(i) || !/^\p{L}+$/u.test(word) || word.length < 4) return;
      const inner = /\p{Ll}\p{Lu}/u.test(word);
      if (!inner && (!/^\p{Lu}/u.test(word) || lexicon.byFirst.has(word.toLowerCase()) || CALENDAR.test(word))) return;
      // an English word of six letters or more may be a project's name too ("Scalene"), but only
      // words that are not English are matched to it (evidence.ts)
      if (inner || !isEnglish(word.toLowerCase())) heading.terms.push(word);
      else if (word.length >= 6 && !COMMON_HEADING.has(word.toLowerCase())) heading.englishTerms.push(word);
    });
  }
  return heading;
}
