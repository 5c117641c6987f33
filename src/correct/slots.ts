// Where a word stands, as evidence for or against a fix. A capitalised word after a first name, or
// in a name or place slot ("I'm X", "at X", "come to X"), is a person or a place: it may become a
// name, never a project ("And I'm Pieday", "at Pieday" for PyBay, "Gail Shapley"). A fix from the
// lexicon needs a technical word near it.

import type { Token, WordToken } from '../types.js';
import { wordKey } from './dictionary.js';
import type { Heading } from './heading.js';
import type { Lexicon } from './lexicon.js';

/** First names the lexicon and the heading know (asked in lower case). */
export function firstNamesOf(lexicon: Lexicon, heading: Heading): { has(name: string): boolean } {
  const own = new Set(heading.people.map((p) => p.first.toLowerCase()));
  return { has: (name) => own.has(name) || lexicon.byFirst.has(name) };
}

const SENTENCE_STOP = /[.?!]["'”’)\]]*$/;
const NAME_SLOT = new Set(["i'm", 'im', "i’m", 'named', 'called', 'meet', 'thanks', 'thank']);
const PLACE_WORDS = new Set(['at', 'in', 'from', 'to', 'near', 'visit', 'visiting']);
const PARTICLES = new Set(['de', 'van', 'von', 'da', 'del', 'della', 'di', 'du', 'le', 'la', 'dos', 'das', 'bin', 'ibn', 'al', 'ter', 'ten']);
const MOTION = new Set(['come', 'coming', 'came', 'go', 'going', 'went', 'welcome', 'moved', 'move', 'fly', 'flew', 'travel', 'back']);

/** The `n` words before position `i` in `out`, nearest first, stopping at a sentence end. */
function wordsBefore(out: Token[], n: number): WordToken[] {
  const words: WordToken[] = [];
  for (let k = out.length - 1; k >= 0 && words.length < n; k--) {
    const t = out[k];
    if (t.type !== 'word') break;
    if (SENTENCE_STOP.test(t.text)) break;
    words.push(t);
  }
  return words;
}

const isCapitalised = (text: string) => /^[^\p{L}]*\p{Lu}/u.test(text);

/**
 * Whether the word at `i` stands where only a name can: after "I'm"/"my name is", after a known
 * first name (capitalised), or, capitalised, after "at"/"from"/"come to". Fixes to a name pass.
 */
export function blockedBySlot(out: Token[], tokens: Token[], i: number, toName: boolean, firstNames: { has(name: string): boolean }): boolean {
  if (toName) return false;
  const word = tokens[i] as WordToken;
  const before = wordsBefore(out, 3);
  const [prev, prev2] = before.map((w) => wordKey(w.text));
  if (prev && NAME_SLOT.has(prev)) return true;
  if (prev === 'is' && prev2 === 'name') return true;
  if (prev === 'am' && prev2 === 'i') return true;
  if (!isCapitalised(word.text)) return false;
  if (prev && before[0] && isCapitalised(before[0].text) && firstNames.has(prev)) return true;
  // a first name itself, or a capitalised word before a name particle and a capitalised word
  // ("Felipo de Marais"): a person's name
  if (firstNames.has(wordKey(word.text))) return true;
  const next = tokens[i + 1];
  const after = tokens[i + 2];
  if (next?.type === 'word' && PARTICLES.has(wordKey(next.text)) && after?.type === 'word' && isCapitalised(after.text)) return true;
  if (prev === 'at' || prev === 'from') return true;
  if (prev && PLACE_WORDS.has(prev) && prev2 && MOTION.has(prev2)) return true;
  return false;
}

/** Words that say a talk is on software here; a lexicon fix needs one within 12 words. */
const TECHNICAL = new Set(
  'python library libraries package packages module modules import imports install installed installing pip pypi code coding project projects framework frameworks api apis tool tools version versions function functions class classes runtime interpreter compiler compile compiled jit performance fast faster slow slower benchmark benchmarks data database server servers web application applications app apps open source github repo repository release released test tests testing debug debugger profiler profile profiling memory cpu gpu thread threads threading async script scripts command line terminal plugin plugins extension extensions bytecode syntax type types typing object objects dependency dependencies file files build builds run running use using used written write language languages static pointer pointers struct structs macro macros allocate allocated allocation allocations native'.split(' '),
);

export function hasTechnicalContext(out: Token[], tokens: Token[], i: number, window = 12, fixed?: { has(t: WordToken): boolean }): boolean {
  let seen = 0;
  for (let k = out.length - 1; k >= 0 && seen < window; k--) {
    const t = out[k];
    if (t.type !== 'word') continue;
    seen++;
    // (a term fixed just before is technical context too: "OpenTeams, and Quantsite")
    if (TECHNICAL.has(wordKey(t.text)) || fixed?.has(t)) return true;
  }
  seen = 0;
  for (let k = i + 1; k < tokens.length && seen < window; k++) {
    const t = tokens[k];
    if (t.type !== 'word') continue;
    seen++;
    if (TECHNICAL.has(wordKey(t.text))) return true;
  }
  return false;
}
