// Casing of terms that are also English words ("flask", "intel", "windows"): the dictionary marks
// them `case: false`, since the word alone may mean the thing. Here a lower-case one is written as
// the term only where the text says it is the project or company:
// - beside a sibling: another term across "and"/"or" ("flask and Django", "Mac windows and Linux");
// - in a compound or a use: "intel-specific", "a flask application", "use flask", "import flask";
// - once the talk has cased it so, and writes or has cased it twice, everywhere in it ("windows"
//   alone is a plural, so a talk that writes Windows does not make every "windows" the system).

import type { Correction, Token, WordToken } from '../types.js';
import { wordKey, type DictionaryEntry } from './dictionary.js';
import { partsOf } from './span.js';

const SENTENCE_STOP = /[.?!]["'”’)\]]*$/;
/** Words that join siblings in a list. */
const JOINERS = new Set(['and', 'or', '&', 'vs', 'versus']);
/** Words after a project or company that say it is one ("a flask application", "intel CPUs"). */
const HEADS = new Set(
  'app apps application applications project projects plugin plugins extension extensions endpoint endpoints framework frameworks server servers worker workers middleware route routes cpu cpus chip chips processor processors machine machines package packages library libraries api apis sdk version versions release releases task tasks queue queues'.split(' '),
);
/** Verbs whose object is software ("use flask", "pip install flask"). */
const USES = new Set('use uses using used install installs installing installed import imports importing imported'.split(' '));
/** Endings of a hyphenated compound whose first part is a name ("intel-specific"). */
const COMPOUND = /^-(?:specific|based|compatible|only|powered|style)$/;
/** A word's first letters, after an opening quote or bracket. */
const LEADING_LETTERS = /^[("'“‘]?([A-Za-z]+)/;
/** Times a talk writes or fixes a term's casing before its other lower-case spellings follow. */
const TALK_TIMES = 2;

export interface PlainCaseInput {
  /** One-word terms marked `case: false`, by key. */
  terms: ReadonlyMap<string, DictionaryEntry>;
  /** Every term the dictionary and lexicon know by key: siblings. */
  isTerm: (key: string) => boolean;
  touched: Set<WordToken>;
  corrections: Correction[];
}

/** A word's body and the hyphenated ending it carries ("intel-specific" → intel, -specific). */
function split(text: string): { prefix: string; body: string; ending: string; trail: string } {
  const parts = partsOf(text);
  const hyphen = parts.body.indexOf('-');
  if (hyphen > 0) return { prefix: parts.prefix, body: parts.body.slice(0, hyphen), ending: parts.body.slice(hyphen), trail: parts.trail };
  return { ...parts, ending: '' };
}

export function correctPlainCase(tokens: Token[], input: PlainCaseInput): Token[] {
  const { terms, isTerm, touched, corrections } = input;
  if (!terms.size) return tokens;
  // one scan: where the candidates are, and how often the talk writes each term mid-sentence
  const at: number[] = [];
  const written = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'word') continue;
    // (a look at the word's leading letters spares nearly every word its parts)
    const lead = LEADING_LETTERS.exec(t.text);
    if (!lead || !terms.has(lead[1].toLowerCase())) continue;
    const { body } = split(t.text);
    const entry = terms.get(body.toLowerCase());
    if (!entry) continue;
    if (body === body.toLowerCase() && body !== entry.term) at.push(i);
    else if (body === entry.term && i > 0 && tokens[i - 1].type === 'word' && !SENTENCE_STOP.test((tokens[i - 1] as WordToken).text)) written.set(entry.term, (written.get(entry.term) ?? 0) + 1);
  }
  if (!at.length) return tokens;
  const wordAt = (k: number): string | null => {
    const t = tokens[k];
    return t?.type === 'word' ? wordKey(t.text) : null;
  };
  const endsSentence = (k: number) => tokens[k]?.type !== 'word' || SENTENCE_STOP.test((tokens[k] as WordToken).text);
  /** A known term written as one (capitalised or with inner capitals) at k. */
  const termAt = (k: number) => {
    const t = tokens[k];
    if (t?.type !== 'word') return false;
    const { body } = partsOf(t.text);
    return body !== body.toLowerCase() && isTerm(body.toLowerCase());
  };
  const evidence = (i: number, ending: string): boolean => {
    if (COMPOUND.test(ending)) return true;
    const before = endsSentence(i - 1) ? null : wordAt(i - 1);
    const after = endsSentence(i) ? null : wordAt(i + 1);
    // (no punctuation between siblings: a recognizer's commas are pauses as often as lists)
    const apart = (k: number) => /[^\p{L}\p{N}]$/u.test((tokens[k] as WordToken).text);
    if (before && USES.has(before)) return true;
    if (after && HEADS.has(after)) return true;
    // a sibling across a joiner (right beside it is too weak: "a TikTok pants")
    if (before && JOINERS.has(before) && !apart(i - 1) && !endsSentence(i - 2) && !apart(i - 2) && termAt(i - 2)) return true;
    return !!after && JOINERS.has(after) && !apart(i) && !apart(i + 1) && termAt(i + 2);
  };
  const out = tokens.slice();
  const cased = new Map<string, number>();
  const fix = (i: number, rule: string) => {
    const t = tokens[i] as WordToken;
    const { prefix, body, ending, trail } = split(t.text);
    const entry = terms.get(body.toLowerCase())!;
    const replaced: WordToken = { ...t, text: prefix + entry.term + ending + trail };
    touched.add(replaced);
    out[i] = replaced;
    corrections.push({ line: t.line, column: t.column, from: body, to: entry.term, kind: entry.kind, rule: `${entry.term}, ${rule}`, confidence: 1 });
    cased.set(entry.term, (cased.get(entry.term) ?? 0) + 1);
  };
  const left: number[] = [];
  for (const i of at) {
    if (touched.has(tokens[i] as WordToken)) continue;
    if (evidence(i, split((tokens[i] as WordToken).text).ending)) fix(i, 'sibling case');
    else left.push(i);
  }
  for (const i of left) {
    const entry = terms.get(split((tokens[i] as WordToken).text).body.toLowerCase())!;
    const times = cased.get(entry.term) ?? 0;
    if (times > 0 && (written.get(entry.term) ?? 0) + times >= TALK_TIMES) fix(i, 'talk case');
  }
  return out;
}
