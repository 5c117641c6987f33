// The domain lexicon compiled into the project (dictionaries/lexicon.json, made by
// scripts/compile-lexicon.mjs from public data): Python projects and their display casing,
// standard-library modules, people of the CPython project, PEP numbers. Unlike the dictionary it
// holds no variants: its terms are candidates that a heard word reaches by sound, and only with
// evidence (see evidence.ts).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface LexiconTerm {
  display: string;
  kind: string;
  /** The display's letters and digits, lower case ("scikit-learn" → scikitlearn). */
  key: string;
}

export interface Person {
  first: string;
  last: string;
}

export interface Lexicon {
  /** Terms reached by sound, by sound spelling (sound.ts). */
  bySound: Map<string, LexiconTerm[]>;
  /** Terms by their key, for casing and for words heard split ("open SSL"). */
  byKey: Map<string, LexiconTerm>;
  /** People by first name and by last name (lower case). */
  byFirst: Map<string, Person[]>;
  byLast: Map<string, Person[]>;
  peps: ReadonlySet<number>;
}

export const LEXICON_PATH = fileURLToPath(new URL('../../dictionaries/lexicon.json', import.meta.url));

/** A term's key: its letters and digits, lower case. */
export const termKey = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

function push<V>(map: Map<string, V[]>, key: string, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Builds the lexicon's maps from its compiled form. */
export function lexiconFrom(raw: { terms: Array<[string, string, string, number]>; people: string[]; peps: number[] }): Lexicon {
  const bySound = new Map<string, LexiconTerm[]>();
  const byKey = new Map<string, LexiconTerm>();
  for (const [display, kind, sound, reached] of raw.terms) {
    const term = { display, kind, key: termKey(display) };
    if (reached) push(bySound, sound, term);
    if (!byKey.has(term.key)) byKey.set(term.key, term);
  }
  const byFirst = new Map<string, Person[]>();
  const byLast = new Map<string, Person[]>();
  for (const name of raw.people) {
    const words = name.split(' ');
    if (words.length < 2 || words[0].includes('.')) continue;
    const person = { first: words[0], last: words[words.length - 1] };
    push(byFirst, person.first.toLowerCase(), person);
    push(byLast, person.last.toLowerCase(), person);
  }
  return { bySound, byKey, byFirst, byLast, peps: new Set(raw.peps) };
}

let lexicon: Lexicon | undefined;

/** The compiled lexicon, read on first use. */
export function loadLexicon(): Lexicon {
  lexicon ??= lexiconFrom(JSON.parse(readFileSync(LEXICON_PATH, 'utf8')));
  return lexicon;
}
