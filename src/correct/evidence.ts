// Fixes that need evidence rather than a listed variant, made after the dictionary's own: words heard
// split ("C Python", "open SSL"), the heading's terms and names heard by sound ("Pigeon" → Pyjion,
// "Golek to me" → Gilectomy, "Carrer" → Kehrer), the lexicon's terms and people, and, last, the
// talk's own fixes carried to its other spellings of the same words. Every fix passes the slot
// checks of slots.ts: a word in a name or place slot is made a name or nothing.

import type { Correction, Token, WordToken } from '../types.js';
import { wordKey } from './dictionary.js';
import { isEnglish } from './english.js';
import { similarity } from './fuzzy.js';
import type { Heading } from './heading.js';
import { termKey, type Lexicon, type Person } from './lexicon.js';
import type { TermIndex } from './matcher.js';
import { blockedBySlot, firstNamesOf, hasTechnicalContext } from './slots.js';
import { editDistance, soundSpelling, soundsLike } from './sound.js';
import { partsOf, replaceSpan, type Parts } from './span.js';

export interface EvidenceInput {
  index: TermIndex;
  heading: Heading;
  lexicon: Lexicon;
  /** Words already changed by the dictionary: left alone. */
  touched: Set<WordToken>;
  minConfidence: number;
  /** This text's corrections so far; the pass adds its own. */
  corrections: Correction[];
  /** Fixes made in the talk's earlier sections (a long transcript): carried over like this text's own. */
  earlier?: readonly Correction[];
}

interface Fix {
  length: number;
  to: string;
  kind: 'term' | 'name';
  rule: string;
  confidence: number;
}

const PLAIN = /^\p{L}+$/u;
/** ASCII without a letter: a word whose sound spelling (sound.ts) is empty. */
const NO_LETTERS = /^[\x00-\x40\x5b-\x60\x7b-\x7f]*$/;
/** Endings of web addresses: a word before one is a domain name, not a module. */
const DOMAIN = /^\.(?:com|org|net|io|dev|edu|gov|app|ai|co|br|uk|de|jp|fr|in)$/;
/** Lower-case words inside names ("Guido van Rossum"). */
const PARTICLE = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'del', 'la', 'le', 'du', 'dos', 'bin', 'ter']);
/** Jaro-Winkler similarity at which a word not English is taken for a heading term it does not sound like. */
const HEADING_SPELLING = 0.88;
/** Capitalised words the English list leaves out (it is lower case) that are no terms. */
const CALENDAR = new Set('monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october november december'.split(' '));
const SENTENCE_STOP = /[.?!]["'”’)\]]*$/;
/** A word of letters and digits with at most plain punctuation after it. */
const PLAIN_TOKEN = /^([A-Za-z0-9]+)[,.;:!?"')\]]*$/;
/** How "Py" of a C-API name is heard as a word of its own. */
const PY_PIECE = /^(?:pi|pie|py)$/;
const soundCache = new Map<string, string>();
const sound = (word: string) => {
  let s = soundCache.get(word);
  if (s === undefined) soundCache.set(word, (s = soundSpelling(word)));
  return s;
};
const english = (word: string) => isEnglish(word.toLowerCase());
/** (an ASCII first letter is told by its code: the Unicode pattern costs more, on every word) */
const capitalised = (word: string) => {
  const c = word.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(word);
};
/** A name without case or accents, to tell a misheard name from one only written differently. */
const plainName = (name: string) => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** Sound spellings of joined words: each word's, with the joins' doubled letters and vowels merged. */
const joinedSound = (words: string[]) =>
  words
    .map(sound)
    .join('')
    .replace(/(.)\1+/g, '$1');

/** For each first letter, the first letters its words' sound spellings may have (made once). */
let startsByLetter: Map<string, Set<string>> | undefined;
function soundStarts(): Map<string, Set<string>> {
  if (!startsByLetter) {
    startsByLetter = new Map();
    for (const letter of 'abcdefghijklmnopqrstuvwxyzł') {
      const starts = new Set<string>();
      for (const after of ['a', 'e', 'i', 'o', 'u', 'ha', 'ra', 'la', 'n']) starts.add(soundSpelling(letter + after)[0]);
      startsByLetter.set(letter, starts);
    }
  }
  return startsByLetter;
}

/**
 * The first letters a word may start with to sound as starting with one of `starts` (first letters of
 * sound spellings): a cheap look at a word's first letter spares most words their sound spelling.
 */
function lettersSounding(starts: Iterable<string>): Set<string> {
  const wanted = new Set(starts);
  const letters = new Set<string>();
  for (const [letter, possible] of soundStarts()) for (const start of possible) if (wanted.has(start)) letters.add(letter);
  return letters;
}

/** The one-word terms of the dictionary (those the text reaches) by key (letters and digits, lower case). */
function curatedTerms(index: TermIndex): Map<string, string> {
  const terms = new Map<string, string>();
  for (const patterns of index.byFirstWord.values()) {
    for (const p of patterns) if (p.how === 'case' && !p.entry.term.includes(' ')) terms.set(termKey(p.entry.term), p.entry.term);
  }
  return terms;
}

/**
 * The text's words joined in twos (and threes), and hyphenated words without their hyphens
 * ("cpython" for "C Python", "C-Python"): added to its vocabulary, so that the dictionary entries
 * such words can join into are reached.
 */
export function joinedWords(tokens: readonly Token[], threes = true): string[] {
  const joins: string[] = [];
  let before = '';
  let last = '';
  for (const t of tokens) {
    if (t.type !== 'word') {
      before = last = '';
      continue;
    }
    // (a plain word, with at most plain punctuation after it, needs no look at its parts)
    const plain = PLAIN_TOKEN.exec(t.text);
    const key = (plain ? plain[1] : ownerParts(t.text).body).toLowerCase();
    if (key.includes('-')) joins.push(key.replace(/-/g, ''));
    if (last) joins.push(last + key);
    if (before && threes) joins.push(before + last + key);
    if (SENTENCE_STOP.test(t.text)) before = last = '';
    else {
      before = last;
      last = key;
    }
  }
  return joins;
}

/**
 * A word's parts with a possessive ending as part of what trails it ("Scameline's" → Scameline + 's):
 * the name is fixed and the ending kept.
 */
function ownerParts(text: string): Parts & { owner?: string } {
  const parts = partsOf(text);
  // (or a module's attribute, "Pigeon.dis" → Pigeon + .dis; not a domain, written in lower case)
  const owned = parts.body.endsWith("'s") || parts.body.endsWith('’s') ? /^(\p{L}[\p{L}\p{N}]*)(['’]s)$/u.exec(parts.body) : parts.body.includes('.') ? /^(\p{L}{4,})(\.\p{Ll}[\p{Ll}_]*)$/u.exec(parts.body) : null;
  if (owned && DOMAIN.test(owned[2])) return parts;
  return owned ? { prefix: parts.prefix, body: owned[1], trail: owned[2] + parts.trail, owner: owned[2] } : parts;
}

export function correctByEvidence(tokens: Token[], input: EvidenceInput): Token[] {
  const { heading, lexicon, touched, minConfidence, corrections } = input;
  const firstNames = firstNamesOf(lexicon, heading);
  const curated = curatedTerms(input.index);
  // a first word must start some term to join into it: most words start none
  const curatedPrefixes = new Set<string>();
  for (const key of curated.keys()) for (let n = 1; n < key.length; n++) curatedPrefixes.add(key.slice(0, n));
  // (a lexicon term is joined only after a letter said alone or at its inner capitals: see joinEvidence)
  const startsTerm = (word: string) => curatedPrefixes.has(word) || word.length === 1 || lexicon.joinStarts.has(word);
  /** The term words heard apart may join into: the dictionary's first, then the lexicon's. */
  const joinable = {
    get(key: string): { display: string; curated: boolean } | undefined {
      const term = curated.get(key);
      if (term) return { display: term, curated: true };
      const known = lexicon.byKey.get(key);
      return known && { display: known.display, curated: false };
    },
  };
  // the heading's terms, but not those the dictionary has entries for: it decides about them
  const headingTerms = [...heading.terms.map((t) => ({ t, english: false })), ...heading.englishTerms.map((t) => ({ t, english: true }))]
    .filter(({ t }) => !input.index.known.has(t.toLowerCase()))
    .map(({ t, english }) => ({ term: t, key: t.toLowerCase(), sound: soundSpelling(t), english }));
  const headingStarts = new Set(headingTerms.map((t) => t.sound[0]));
  const headingLetters = lettersSounding(headingStarts);
  const headingPeople = heading.people;
  const fuzzyOn = minConfidence < 1;
  // the talk's own fixes: heard spelling → fix, and sound → fix (consistency within a talk)
  const heardFixes = new Map<string, { to: string; kind: 'term' | 'name' }>();
  const soundFixes = new Map<string, { to: string; kind: 'term' | 'name' }>();
  // how often each term, and each heard spelling, was fixed: an English word is carried over only
  // when the talk has fixed it at least twice ("gill" in a talk on the GIL), never after one fix
  // ("rest" → Rust once does not make every "rest" Rust)
  // first letters of words that may sound like a spelling in soundFixes
  const soundFixLetters = new Set<string>();
  const fixedTerms = new Map<string, number>();
  const heardCounts = new Map<string, number>();
  // and how often a term's family was (PEP, PEPs, PEP 581: "pep")
  const fixedStems = new Map<string, number>();
  const stemOf = (term: string) => term.split(' ')[0].toLowerCase().replace(/s$/, '');
  // whether the talk has had a term of the field's own vocabulary fixed (its pieces are then looked at)
  let fieldFixed = false;
  const remember = (from: string, to: string, kind: 'term' | 'name') => {
    fixedTerms.set(to, (fixedTerms.get(to) ?? 0) + 1);
    if (!fieldFixed && lexicon.byKey.get(termKey(to))?.field) fieldFixed = true;
    fixedStems.set(stemOf(to), (fixedStems.get(stemOf(to)) ?? 0) + 1);
    if (from.toLowerCase() === to.toLowerCase()) return;
    heardCounts.set(from.toLowerCase(), (heardCounts.get(from.toLowerCase()) ?? 0) + 1);
    heardFixes.set(from.toLowerCase(), { to, kind });
    // by sound only spellings of four sounds or more: shorter ones ("gal" of GIL) sound like too many words
    if (!to.includes(' ') && !from.includes(' ')) {
      for (const spelling of [sound(from.toLowerCase()), sound(to.toLowerCase())]) {
        if (spelling.length < 4) continue;
        soundFixes.set(spelling, { to, kind });
        for (const letter of lettersSounding([spelling[0]])) soundFixLetters.add(letter);
      }
    }
  };
  // (numbers are read in their context only: "three" → 3 after "Python" says nothing of other "three"s)
  const carried = (c: { rule: string }) => !c.rule.endsWith(', number');
  for (const c of [...(input.earlier ?? []), ...corrections]) if ((c.kind === 'term' || c.kind === 'name') && c.confidence >= minConfidence && carried(c)) remember(c.from, c.to, c.kind);

  // each word's parts, found once (the passes look at every word several times; a word a pass
  // leaves alone is the same token in the next)
  let partsCache: Array<ReturnType<typeof ownerParts> | undefined> = [];
  const partsAt = (k: number) => (partsCache[k] ??= ownerParts((tokens[k] as WordToken).text));
  const endsSentence = (k: number) => tokens[k]?.type !== 'word' || SENTENCE_STOP.test((tokens[k] as WordToken).text);
  const bodyAt = (k: number): string | null => {
    const t = tokens[k];
    if (t?.type !== 'word' || touched.has(t)) return null;
    return partsAt(k).body;
  };
  /** Bodies of n words from i, as long as they are untouched words of one sentence with no punctuation between. */
  const spanBodies = (i: number, n: number): string[] | null => {
    const bodies: string[] = [];
    for (let k = i; k < i + n; k++) {
      const body = bodyAt(k);
      if (body === null) return null;
      if (k > i && (partsAt(k).prefix || partsAt(k - 1).trail)) return null;
      bodies.push(body);
    }
    return bodies;
  };

  let lowerCache: Array<string | undefined> = [];
  /** A word's body in lower case; '' for anything that is not an untouched word. */
  const lowerAt = (k: number) => (lowerCache[k] ??= (bodyAt(k) ?? '').toLowerCase());

  const joined = (i: number): Fix | null => {
    const first = lowerAt(i);
    if (!first) return null;
    if (first.includes('-')) return joinedHyphen(i, first);
    if (!startsTerm(first)) return null;
    for (const n of [3, 2]) {
      // a map look-up first: nearly every pair of words joins into nothing
      const second = lowerAt(i + 1);
      const third = n === 3 ? lowerAt(i + 2) : '';
      if (!second || (n === 3 && !third)) continue;
      const target = joinable.get(first + second + third);
      if (!target) continue;
      const bodies = spanBodies(i, n);
      if (!bodies?.every((b) => /^[\p{L}\p{N}]+$/u.test(b))) continue;
      if (joinEvidence(bodies, target)) return { length: n, to: target.display, kind: 'term', rule: `${target.display}, joined`, confidence: 1 };
      // the same words the talk has already joined into this term, in another case ("Open Teams", then "Open teams")
      if (heardFixes.get(bodies.join(' ').toLowerCase())?.to === target.display) return { length: n, to: target.display, kind: 'term', rule: `${target.display}, talk`, confidence: 1 };
    }
    return null;
  };

  /** A hyphenated word that is a term without its hyphens ("C-Python", "X-array"). */
  const joinedHyphen = (i: number, first: string): Fix | null => {
    if (!/^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+$/u.test(first)) return null;
    const target = joinable.get(first.replace(/-/g, ''));
    if (target && joinEvidence(bodyAt(i)!.split('-'), target)) return { length: 1, to: target.display, kind: 'term', rule: `${target.display}, joined`, confidence: 1 };
    return null;
  };

  /**
   * Whether words heard apart are one term. A curated term: a piece is not English or is a letter
   * said alone ("C Python", "Py PI"). A lexicon term needs more, since its tail holds names like
   * "apiclient" or "alog": no hyphen in it, no piece that is a term itself ("PyCon DE", "API spec"),
   * and a letter said alone ("C profile", "X-array") or inner capitals that the pieces' capitals
   * follow ("Iron Python").
   */
  const joinEvidence = (bodies: string[], target: { display: string; curated: boolean }): boolean => {
    const letters = target.display.replace(/[^\p{L}\p{N}]/gu, '');
    if (letters.length < 4 || /-/.test(target.display)) return false;
    // a letter said alone, but not the words "I" and "A" ("I sort" is no isort)
    const letter = (b: string) => b.length === 1 && capitalised(b) && b !== 'I' && b !== 'A';
    if (target.curated) return bodies.some((b) => letter(b) || (b.length > 1 && !english(b))) || bodies.every(capitalised);
    // (a term itself, not a word of a longer one: "open" of "open space" may start OpenTeams; but
    // words that are all words of the dictionary's terms are one already, "Stack Overflow")
    if (bodies.some((b) => b.length > 1 && (input.index.terms.has(b.toLowerCase()) || lexicon.byKey.has(b.toLowerCase())))) return false;
    if (bodies.every((b) => input.index.known.has(b.toLowerCase()))) return false;
    if (letter(bodies[0])) return true;
    const innerCaps = /\p{Ll}\p{Lu}/u.test(target.display);
    return innerCaps && bodies.every(capitalised) && bodies.every((b) => b.length > 1 && b.slice(1) === b.slice(1).toLowerCase());
  };

  const fromHeadingTerm = (i: number): Fix | null => {
    if (!fuzzyOn || !headingTerms.length) return null;
    // the first sound must be a heading term's (one look-up spares most words the rest)
    const start = lowerAt(i);
    if (!start || !headingLetters.has(start[0]) || !headingStarts.has(sound(start)[0])) return null;
    for (const n of [3, 2, 1]) {
      const bodies = spanBodies(i, n);
      if (!bodies?.every((b) => PLAIN.test(b))) continue;
      const heard = bodies.join('').toLowerCase();
      if (heard.length < 4) continue;
      const single = n === 1;
      const heardSound = joinedSound(bodies.map((b) => b.toLowerCase()));
      for (const t of headingTerms) {
        if (heard === t.key || heardSound[0] !== t.sound[0]) continue;
        const same = heardSound === t.sound;
        const spelling = similarity(heard, t.key);
        // one word: sounding the same or a letter apart, or spelt much alike ("Scameline")
        const close = single && !same && (soundsLike(heard, t.key) || spelling >= HEADING_SPELLING);
        if (!same && !close) continue;
        // several words: the first is not English ("Golek to me")
        if (!single && english(bodies[0])) continue;
        if (single && english(heard)) {
          // an English word: it sounds the same, or it is capitalised mid-sentence as a name is
          // ("a Scaling profiler"); to a heading word that is English itself, only the latter
          const named = capitalised(bodies[0]) && i > 0 && !endsSentence(i - 1) && soundsLike(heard, t.key);
          if (heard.length < 5 || !(named || (same && !t.english))) continue;
        }
        const confidence = Math.round(Math.max(spelling, same ? 0.9 : 0, close ? 0.85 : 0) * 100) / 100;
        if (confidence >= minConfidence) return { length: n, to: t.term, kind: 'term', rule: `${t.term}, heading`, confidence };
      }
    }
    return null;
  };

  /** A word of a person's name misheard: beside the rest of that name, or alone when the heading names the person. */
  const fromPeople = (i: number): Fix | null => {
    if (!fuzzyOn) return null;
    const body = bodyAt(i);
    if (!body || !PLAIN.test(body) || !capitalised(body)) return null;
    const before = i > 0 && tokens[i - 1].type === 'word' ? partsOf((tokens[i - 1] as WordToken).text).body : '';
    const after = tokens[i + 1]?.type === 'word' ? partsOf((tokens[i + 1] as WordToken).text).body : '';
    // the lexicon's people: a surname only right after that person's first name, and back
    const byFirst = lexicon.byFirst.get(before.toLowerCase());
    const byLast = lexicon.byLast.get(after.toLowerCase());
    // (no heading names and no lexicon first name before or surname after: most capitalised words)
    if (!headingPeople.length && !(byFirst && capitalised(before)) && !(byLast && capitalised(after))) return null;
    const plain = (w: string) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    // a name the lexicon knows is somebody's own ("Karl"); a difference of accents alone is not a mishearing
    const knownName = lexicon.byFirst.has(body.toLowerCase()) || lexicon.byLast.has(body.toLowerCase());
    const fits = (heard: string, known: string, exact: boolean) =>
      plain(heard) !== plain(known) && !knownName && (exact ? sound(heard.toLowerCase()) === sound(known.toLowerCase()) : soundsLike(heard.toLowerCase(), known.toLowerCase()));
    const pick = (people: Person[], part: 'first' | 'last', alone: boolean): Fix | null => {
      for (const p of people) {
        const known = p[part];
        const other = part === 'first' ? after : before;
        const beside = other.toLowerCase() === (part === 'first' ? p.last : p.first).toLowerCase();
        if ((alone || beside) && fits(body, known, !alone)) {
          return { length: 1, to: known, kind: 'name', rule: `${p.first} ${p.last}, ${alone ? 'heading' : 'lexicon'}`, confidence: Math.max(0.85, Math.round(similarity(body.toLowerCase(), known.toLowerCase()) * 100) / 100) };
        }
      }
      return null;
    };
    const fix =
      pick(headingPeople, 'last', true) ??
      pick(headingPeople, 'first', true) ??
      (byFirst && capitalised(before) ? pick(byFirst, 'last', false) : null) ??
      (byLast && capitalised(after) ? pick(byLast, 'first', false) : null);
    // an English word is no misheard name (checked last: it costs a look-up in the word list)
    return fix && !english(body) ? fix : null;
  };

  /**
   * A person's whole name heard by sound: a first name that sounds like a lexicon person's, then one
   * to three words that together sound like the rest of that name, the same or (five sounds or
   * more) one apart ("Rolf Gomers" → Ralf Gommers, "berry war saw" → Barry Warsaw). One person only.
   */
  const fromFullName = (i: number): Fix | null => {
    if (!fuzzyOn) return null;
    const first = lowerAt(i);
    if (first.length < 3 || !PLAIN.test(first)) return null;
    // a first name is capitalised, or one the lexicon knows said in lower case ("paul ever at"):
    // most words are neither, and are spared their sound spelling
    if (!capitalised(bodyAt(i)!) && !lexicon.byFirst.has(first)) return null;
    // (a look at the first sound of this word and the next spares most others the rest)
    const next = lowerAt(i + 1);
    if (!next) return null;
    // (a word without letters, a number most often, has no sound: no name goes on with it)
    if (NO_LETTERS.test(next)) return null;
    const firstSound = sound(first);
    if (!lexicon.nameStarts.has(`${firstSound} ${sound(next)[0]}`)) return null;
    // each word written as a name (capitalised mid-sentence; a first name anywhere) or not English:
    // "the source" is no Ty Sarna
    const written = (body: string, k: number) => (capitalised(body) && (k > i || lexicon.byFirst.has(first)) && !endsSentence(k - 1)) || !english(body);
    let firstWritten: boolean | undefined;
    for (const n of [3, 2, 1]) {
      const bodies = spanBodies(i, n + 1);
      if (!bodies?.every((b) => PLAIN.test(b))) continue;
      const rest = bodies.slice(1);
      const heardRest = joinedSound(rest.map((b) => b.toLowerCase()));
      if (heardRest.length < 3) continue;
      // the same sounds; or, for words written as names, one apart with the first kept (recognizers
      // keep a name's first consonant). Words said in lower case ("berry war saw") are weaker
      // evidence: then the rest must sound the same, and be five sounds or more.
      let names = lexicon.namesBySound.get(`${firstSound} ${heardRest}`);
      const same = names !== undefined;
      if (!same || heardRest.length < 5) {
        firstWritten ??= written(bodies[0], i);
        if (!firstWritten || !rest.every((b, k) => PARTICLE.has(b) || written(b, i + 1 + k))) continue;
        names ??= lexicon.namesWithFirstSound(firstSound).filter((p) => p.restSound.length >= 5 && p.restSound[0] === heardRest[0] && editDistance(heardRest, p.restSound, 1) <= 1).map((p) => p.name);
      }
      if (!names || new Set(names).size !== 1) continue;
      const name = names[0];
      // a name written whole but for a middle initial is no mishearing
      const nameWords = name.split(' ').filter((w) => !/^\p{L}\.$/u.test(w));
      if (plainName(bodies.join(' ')) === plainName(nameWords.join(' '))) return null;
      const confidence = same ? 0.9 : 0.85;
      return confidence >= minConfidence ? { length: n + 1, to: name, kind: 'name', rule: `${name}, lexicon name`, confidence } : null;
    }
    return null;
  };

  const fromLexicon = (i: number, out: Token[]): Fix | null => {
    if (!fuzzyOn) return null;
    const body = bodyAt(i);
    if (!body || body.length < 4) return null;
    // a count or a plural after the name is kept ("PyInkRef2" → Py_INCREF2, "PyDeckRefs" → Py_DECREFs)
    const counted = PLAIN.test(body) ? null : /^(\p{L}{4,}?)(\d{1,2})$/u.exec(body);
    if (!counted && !PLAIN.test(body)) return null;
    const key = (counted ? counted[1] : body).toLowerCase();
    if (input.index.known.has(key) || CALENDAR.has(key)) return null;
    const exact = lexicon.byKey.get(key);
    if (exact?.field) return fieldCase(body, exact);
    if (body.length < 5) return null;
    if ((exact || lexicon.bySound.has(sound(key))) && english(key)) return null;
    if (exact) {
      // casing only where the display has inner capitals ("openssl" → OpenSSL), never a plain name
      if (!counted && exact.display !== body && /\p{Ll}\p{Lu}|\p{Lu}{2}/u.test(exact.display) && body === key) return { length: 1, to: exact.display, kind: 'term', rule: `${exact.display}, lexicon case`, confidence: 1 };
      return null;
    }
    const plural = !counted && /[^s]s$/.test(key) && !lexicon.bySound.has(sound(key));
    const stem = plural ? key.slice(0, -1) : key;
    const candidates = lexicon.bySound.get(sound(stem));
    if (!candidates) return null;
    let best: { display: string; confidence: number } | null = null;
    for (const c of candidates) {
      // a word that is the start of a longer name is a word of its own ("Neptune", not Neptune.ai);
      // a plural only of the field's words (a project's name does not take one)
      if (c.key.startsWith(stem) || stem.startsWith(c.key) || (plural && !c.field)) continue;
      const confidence = Math.round(similarity(stem, c.key) * 100) / 100;
      if (confidence >= Math.max(minConfidence, 0.85) && (!best || confidence > best.confidence)) best = { display: c.display, confidence };
    }
    // (a count follows a macro's name, Py_INCREF2; "InkRef1" is no incref1)
    if (!best || (counted && best.display === best.display.toLowerCase()) || !hasTechnicalContext(out, tokens, i, 12, touched)) return null;
    const to = best.display + (counted ? counted[2] : plural ? 's' : '');
    return { length: 1, to, kind: 'term', rule: `${best.display}, lexicon`, confidence: best.confidence };
  };

  /**
   * A term of the field's own vocabulary written in another case ("facebook", "bdfl", "Bdfl"): its
   * casing, which the list sets on purpose (English words among them too: "facebook").
   */
  const fieldCase = (body: string, term: { display: string }): Fix | null => {
    if (body === term.display) return null;
    const lower = body === body.toLowerCase();
    const acronym = /^\p{Lu}{2,}$/u.test(term.display.replace(/[^\p{L}]/gu, '')) && /^\p{Lu}\p{Ll}+$/u.test(body);
    return lower || acronym ? { length: 1, to: term.display, kind: 'term', rule: `${term.display}, lexicon case`, confidence: 1 } : null;
  };

  /**
   * The field's words heard in pieces, by sound: "pi object" → PyObject, "pi dec ref" → Py_DECREF,
   * "Ob malloc" → obmalloc. The pieces together sound exactly like the term, one of them is no
   * English word, a letter said alone, or "pi"/"pie" before a term of the C API (Py…); a technical
   * word is near.
   */
  const fromFieldPieces = (i: number, out: Token[]): Fix | null => {
    if (!fuzzyOn) return null;
    const first = lowerAt(i);
    if (!first || !PLAIN.test(first)) return null;
    // "pi"/"pie"/"py", a letter said alone, or a word whose sounds (three or more: shorter ones start
    // too many words, "the", "so") start a term of the field, but for a last one the next word may
    // merge with ("quant" of Quansight): a look-up or two spares most words the rest
    // Other words only when written as a name (capitalised) or once the talk has fixed a term of
    // the field: most words are spared their sound spelling.
    const opening = PY_PIECE.test(first) || (first.length === 1 && first !== 'a' && first !== 'i');
    if (!opening && (first.length < 3 || (!fieldFixed && !capitalised(bodyAt(i)!)))) return null;
    const starts = lexicon.fieldSoundStarts;
    const head = sound(first);
    if (!opening && !(head.length >= 3 && starts.has(head)) && !(head.length >= 4 && starts.has(head.slice(0, -1)))) return null;
    // the pieces' letters joined, then their sound ("quant site" → "quantsite" sounds as Quansight)
    let letters = first;
    let found: { n: number; term: { display: string } } | null = null;
    for (let n = 2; n <= 3; n++) {
      const next = lowerAt(i + n - 1);
      if (!next || !PLAIN.test(next) || endsSentence(i + n - 2)) break;
      letters += next;
      // (not kept in the word cache: pairs are nearly all different)
      const terms = lexicon.fieldBySound.get(soundSpelling(letters));
      if (terms?.length === 1) found = { n, term: terms[0] };
    }
    if (!found) return null;
    const bodies = spanBodies(i, found.n);
    if (!bodies?.every((b) => PLAIN.test(b))) return null;
    const display = found.term.display;
    const pyPiece = PY_PIECE.test(bodies[0].toLowerCase()) && display.startsWith('Py');
    // a piece that is a term itself is that term ("bytecode is" is no "bytecodes"; "object" is a
    // word of terms, not one)
    if (bodies.some((b) => b.length > 1 && (input.index.terms.has(b.toLowerCase()) || lexicon.byKey.has(b.toLowerCase())))) return null;
    // (English words after "a"/"an" are the ordinary thing: "use a line profiler"; but "a pie float")
    if (!pyPiece && i > 0 && /^an?$/i.test(partsOf((tokens[i - 1] as WordToken).text ?? '').body) && bodies.every(english)) return null;
    // (or the talk has already had the term fixed: "Quantsite", then "quant site")
    const evidence = pyPiece || (fixedTerms.get(display) ?? 0) > 0 || bodies.some((b) => (b.length === 1 && b !== 'I' && b !== 'A' && b !== 'a') || (b.length > 1 && !english(b)));
    // (a term the talk has fixed twice needs no technical word near: "at quant site we help companies")
    if (!evidence || ((fixedTerms.get(display) ?? 0) < 2 && !hasTechnicalContext(out, tokens, i + found.n - 1, 12, touched))) return null;
    return { length: found.n, to: display, kind: 'term', rule: `${display}, lexicon pieces`, confidence: 0.9 };
  };

  /** A listed variant whose context was missing here, of a term the talk has already had fixed. */
  const listedOfFixedTerm = (i: number, out: Token[]): Fix | null => {
    const key = lowerAt(i);
    for (const p of input.index.byFirstWord.get(key) ?? []) {
      // one word, and a term the talk has fixed three times or more: a listed variant, or the case
      // of a term whose casing needs context ("pep" in a talk that has fixed PEP). (Not two words:
      // "see Python" carried by CPython's fixes made "you will see Python is slow" CPython.)
      const casing = p.how === 'case' && p.context.length > 0;
      const times = casing ? (fixedStems.get(stemOf(p.entry.term)) ?? 0) : (fixedTerms.get(p.entry.term) ?? 0);
      if ((p.how !== 'variant' && !casing) || p.words.length !== 1 || times < 3) continue;
      const bodies = spanBodies(i, p.words.length);
      if (!bodies || bodies.some((b, k) => b.toLowerCase() !== p.words[k])) continue;
      if (p.unless.length && unlessNear(out, i + p.words.length, p.unless, p.window)) continue;
      return { length: p.words.length, to: p.entry.term, kind: p.entry.kind, rule: `${p.entry.term}, talk${casing ? ' case' : ''}`, confidence: 1 };
    }
    return null;
  };
  const unlessNear = (out: Token[], end: number, unless: string[], window: number) => {
    const around: string[] = [];
    // the `window` words before the span (already written) and after it (still to come)
    const before = around.length;
    for (let k = out.length - 1; k >= 0 && around.length - before < window; k--) {
      if (out[k].type === 'word') around.push(wordKey((out[k] as WordToken).text));
    }
    const after = around.length;
    for (let k = end; k < tokens.length && around.length - after < window; k++) {
      if (tokens[k].type === 'word') around.push(wordKey((tokens[k] as WordToken).text));
    }
    return around.some((w) => unless.some((u) => (u.endsWith('*') ? w.startsWith(u.slice(0, -1)) : w === u)));
  };

  const fromTalk = (i: number, out: Token[]): Fix | null => {
    const body = bodyAt(i);
    if (!body || !PLAIN.test(body)) return null;
    const key = lowerAt(i);
    // a listed spelling that its own entry refuses before the next word ("picon steering council")
    const next = tokens[i + 1]?.type === 'word' ? wordKey((tokens[i + 1] as WordToken).text) : '';
    if (input.index.byFirstWord.get(key)?.some((p) => p.how === 'variant' && p.words.length === 1 && p.notNext.includes(next))) return null;
    const listed = listedOfFixedTerm(i, out);
    if (listed) return listed;
    const again = heardFixes.get(key);
    if (again && again.to !== body && (heardCounts.get(key) ?? 0) >= (english(key) ? 2 : 1)) return { length: 1, to: again.to, kind: again.kind, rule: `${again.to}, talk`, confidence: 1 };
    if (!fuzzyOn || key.length < 4 || !soundFixes.size || input.index.known.has(key)) return null;
    if (!soundFixLetters.has(key[0])) return null;
    const alike = soundFixes.get(sound(key));
    if (!alike || alike.to === body || english(key)) return null;
    const confidence = Math.round(Math.max(similarity(key, alike.to.toLowerCase()), 0.85) * 100) / 100;
    return confidence >= minConfidence ? { length: 1, to: alike.to, kind: alike.kind, rule: `${alike.to}, talk`, confidence } : null;
  };

  const pass = (tokensIn: Token[], find: (i: number, out: Token[]) => Fix | null): Token[] => {
    tokens = tokensIn;
    lowerCache = new Array(tokens.length);
    partsCache = new Array(tokens.length);
    const out: Token[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const fix = t.type === 'word' && !touched.has(t) ? find(i, out) : null;
      // (the talk's own topic is what "a project called X" names: a heading term passes that slot)
      const named = fix?.rule.endsWith(', heading') && out.length > 0 && /^(?:called|named)$/i.test(partsOf((out[out.length - 1] as WordToken).text ?? '').body);
      if (!fix || blockedBySlot(out, tokens, i, fix.kind === 'name' || fix.rule.endsWith('joined') || named === true, firstNames)) {
        out.push(t);
        continue;
      }
      const span = tokens.slice(i, i + fix.length) as WordToken[];
      const first = partsAt(i);
      const last = partsAt(i + fix.length - 1);
      const text = span.map((w) => w.text).join(' ');
      const from = text.slice(first.prefix.length, text.length - last.trail.length);
      // a change of case alone is the dictionary's to make (or the lexicon's, to inner capitals)
      if (from === fix.to || (from.toLowerCase() === fix.to.toLowerCase() && !fix.rule.endsWith(' case'))) {
        out.push(t);
        continue;
      }
      const replaced = replaceSpan(span, fix.to, last.owner ?? '');
      for (const r of replaced) touched.add(r);
      out.push(...replaced);
      corrections.push({ line: span[0].line, column: span[0].column, from, to: fix.to, kind: fix.kind, rule: fix.rule, confidence: fix.confidence });
      remember(from, fix.to, fix.kind);
      i += fix.length - 1;
    }
    return out;
  };

  // one pass for the evidence of each word alone (strongest first), then one carrying the talk's fixes
  const result = pass(tokens, (i, out) => joined(i) ?? fromHeadingTerm(i) ?? fromFullName(i) ?? fromPeople(i) ?? fromFieldPieces(i, out) ?? fromLexicon(i, out));
  // (fromTalk only carries fixes the talk has made, all of them remembered in fixedTerms first: with
  // none, that pass would change nothing; a long draft with no fix is spared a walk over its words)
  return fixedTerms.size === 0 ? result : pass(result, fromTalk);
}
