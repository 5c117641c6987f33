// People the talk establishes: named in its heading, written whole and right in it ("I'm Carol
// Willing"), or whose whole name an earlier pass fixed. Elsewhere in the talk the recognizer writes
// their first name or surname alone, or beside the other part, as it heard it ("karell willing",
// "marietta", "kennon"): a word that sounds the same as a part of one such name is that part. A
// name the talk never establishes is never reached this way.

import type { Correction, Token, WordToken } from '../types.js';
import { isEnglish } from './english.js';
import type { Heading } from './heading.js';
import type { Lexicon, Person } from './lexicon.js';
import { soundSpelling } from './sound.js';
import { partsOf, writeReplaced } from './span.js';

export interface TalkPeopleInput {
  heading: Heading;
  lexicon: Lexicon;
  touched: Set<WordToken>;
  minConfidence: number;
  corrections: Correction[];
  earlier?: readonly Correction[];
  /** The text's words in lower case (matcher.ts, vocabularyOf): when given, the words are read only if a lexicon person's first name and surname are both among them. */
  words?: ReadonlySet<string>;
}

const PLAIN = /^\p{L}+$/u;
/** Letters a name may be heard starting with instead of one another. */
const LETTERS_ALIKE = ['aeiouy', 'ckqgx', 'szcx', 'gj', 'fpv', 'wv'];
const NAME_WORD = /^\p{Lu}[\p{Ll}'’-]+$/u;
const SENTENCE_STOP = /[.?!]["'”’)\]]*$/;
const isUpper = (code: number) => (code >= 65 && code <= 90) || code >= 192;
/** A name without case or accents. */
const plainName = (name: string) => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** The people a talk establishes (see the top of this file). */
export function establishedPeople(tokens: readonly Token[], input: Pick<TalkPeopleInput, 'heading' | 'lexicon' | 'corrections' | 'earlier' | 'words'>): Person[] {
  const people = new Map<string, Person>();
  const add = (p: Person) => people.set(`${p.first} ${p.last}`, p);
  for (const p of input.heading.people) add(p);
  for (const c of [...(input.earlier ?? []), ...input.corrections]) {
    const words = c.to.split(' ');
    if (c.kind === 'name' && words.length >= 2 && words.every((w) => /^\p{L}/u.test(w))) add({ first: words[0], last: words[words.length - 1] });
  }
  // a lexicon person written whole: a first name the lexicon knows, then that person's surname
  // (a look-up per first name first: the words are read only if one and its surname are there)
  const words = input.words;
  const written = !words || [...input.lexicon.byFirst].some(([first, people]) => words.has(first) && people.some((p) => words.has(p.last.toLowerCase())));
  for (let i = 0; written && i + 1 < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    // (a capital first: a cheap look spares most words the rest)
    if (t.type !== 'word' || !isUpper(t.text.charCodeAt(0)) || next.type !== 'word' || SENTENCE_STOP.test(t.text)) continue;
    const first = partsOf(t.text).body;
    if (!NAME_WORD.test(first)) continue;
    const candidates = input.lexicon.byFirst.get(first.toLowerCase());
    if (!candidates) continue;
    // (a lower-case particle may come between: "Guido van Rossum")
    const after = tokens[i + 2];
    const particle = /^\p{Ll}+$/u.test(partsOf(next.text).body) && after?.type === 'word' && !partsOf(next.text).trail;
    const lasts = [partsOf(next.text).body, particle ? partsOf((after as WordToken).text).body : ''];
    for (const p of candidates) if (p.first === first && lasts.includes(p.last)) add(p);
  }
  return [...people.values()];
}

export function correctByTalkPeople(tokens: Token[], input: TalkPeopleInput): Token[] {
  const { touched, corrections, minConfidence, lexicon } = input;
  if (minConfidence >= 1) return tokens;
  const people = establishedPeople(tokens, input);
  if (!people.length) return tokens;
  // each part of a name by its sound spelling; a sound two names share decides nothing
  const bySound = new Map<string, { person: Person; part: 'first' | 'last' } | null>();
  for (const person of people) {
    for (const part of ['first', 'last'] as const) {
      const s = soundSpelling(person[part]);
      if (s.length < 3) continue;
      const known = bySound.get(s);
      bySound.set(s, known === undefined || (known && known.person[part] === person[part]) ? { person, part } : null);
    }
  }
  // first letters a heard word may start with to sound like one of them (a cheap first look)
  // (by character code, both cases; and the lengths a word sounding the same may have)
  const letters = new Set<number>();
  let shortest = Infinity;
  let longest = 0;
  for (const person of people) {
    for (const part of [person.first, person.last]) {
      for (const l of LETTERS_ALIKE.find((group) => group.includes(plainName(part)[0])) ?? plainName(part)[0]) letters.add(l.charCodeAt(0)).add(l.toUpperCase().charCodeAt(0));
      shortest = Math.min(shortest, part.length - 3);
      longest = Math.max(longest, part.length + 3);
    }
  }
  const wordBody = (k: number) => (tokens[k]?.type === 'word' && !touched.has(tokens[k] as WordToken) ? partsOf((tokens[k] as WordToken).text).body : null);
  // sound spellings once per spelling (the talk repeats its words)
  const sounds = new Map<string, string>();
  // (the tokens written so far, made only at the first fix: most talks have none)
  let out = null as Token[] | null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // (its first letter first: most words cannot sound like any of the talk's names)
    const body = t.type === 'word' && letters.has(t.text.charCodeAt(0)) && t.text.length >= shortest && t.text.length <= longest + 3 ? wordBody(i) : null;
    const fix = body !== null && body.length >= 3 && PLAIN.test(body) ? nameFor(i, body) : null;
    if (!fix) {
      out?.push(t);
      continue;
    }
    out ??= tokens.slice(0, i);
    const span = tokens.slice(i, i + fix.length) as WordToken[];
    const from = span.map((w) => partsOf(w.text).body).join(' ');
    writeReplaced(out, span, fix.to, touched);
    corrections.push({ line: t.line, column: (t as WordToken).column, from, to: fix.to, kind: 'name', rule: `${fix.person.first} ${fix.person.last}, talk name`, confidence: 0.85 });
    i += fix.length - 1;
  }
  return out ?? tokens;

  /** The name part the word at i stands for, with the other part when it follows or precedes. */
  function nameFor(i: number, body: string): { to: string; length: number; person: Person } | null {
    const key = body.toLowerCase();
    if (body.length < shortest || body.length > longest) return null;
    let heard = sounds.get(key);
    if (heard === undefined) sounds.set(key, (heard = soundSpelling(key)));
    const found = bySound.get(heard);
    if (!found) return null;
    const { person, part } = found;
    const right = person[part];
    if (plainName(body) === plainName(right)) return null;
    // beside the other part of the name: the two written whole ("karell willing" → Carol Willing)
    const next = wordBody(i + 1);
    const prev = i > 0 ? wordBody(i - 1) : null;
    const sentenceEndsAt = (k: number) => tokens[k]?.type === 'word' && SENTENCE_STOP.test((tokens[k] as WordToken).text);
    if (part === 'first' && next !== null && next.toLowerCase() === person.last.toLowerCase() && !sentenceEndsAt(i)) return { to: `${person.first} ${person.last}`, length: 2, person };
    if (part === 'last' && prev !== null && prev.toLowerCase() === person.first.toLowerCase() && !sentenceEndsAt(i - 1)) return { to: right, length: 1, person };
    // alone: written as a name (capitalised mid-sentence) or no English word, and nobody else's name
    const midSentence = i > 0 && tokens[i - 1].type === 'word' && !sentenceEndsAt(i - 1);
    // (not a word of a run written in title case: "Django Core Developer")
    const titleCase = [prev, next].some((w) => w !== null && /^\p{Lu}/u.test(w));
    const asName = /^\p{Lu}/u.test(body) && midSentence && !titleCase;
    if (!asName && isEnglish(key)) return null;
    if (lexicon.byFirst.has(key) || lexicon.byLast.has(key)) return null;
    return { to: right, length: 1, person };
  }
}
