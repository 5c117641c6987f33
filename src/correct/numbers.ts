// Numbers that name Python things: a PEP heard as "PEC 657" or "pep 657" (only a number that is a
// PEP), and a Python release heard as "three eleven" or "311" where it means Python: right after
// "Python", or with release words near ("upgrade to 311").

import type { Correction, Token, WordToken } from '../types.js';
import { wordKey } from './dictionary.js';
import { partsOf, replaceSpan } from './span.js';

/** Mishearings of "PEP" before a PEP number. */
const PEP_HEARD = new Set(['pep', 'pec', 'peb', 'pepp', 'pet', 'pap', 'pip']);
// a Map: a word such as "constructor" must not find an object's built-in properties
const NUMBER_WORDS = new Map<string, number>(Object.entries({ one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14 }));
/** Words that make a bare release number mean Python's. */
const RELEASE_CONTEXT = new Set(['python', 'cpython', 'release', 'released', 'releases', 'version', 'versions', 'upgrade', 'upgraded', 'upgrading', 'interpreter', 'beta', 'alpha']);

/** Words that follow "Python 2" but never the preposition "to" (a modal, a verb, a preposition). */
const AFTER_TWO = new Set(['in', 'will', 'would', 'is', 'was', 'has', 'had', 'and', 'or', 'code', 'codebase', 'users', 'support', 'compatibility', 'anymore', 'only', 'still', 'itself', 'we', 'you', 'i']);

const body = (t: Token | undefined) => (t?.type === 'word' ? partsOf(t.text).body : '');
const SENTENCE_STOP = /[.?!]["'”’)\]]*$/;

/** Python 3 minor releases said as numbers: 36 → 3.6 … 314 → 3.14. */
function releaseOfDigits(text: string): string | null {
  const m = /^3(\d{1,2})$/.exec(text);
  if (!m) return null;
  const minor = Number(m[1]);
  return minor >= 5 && minor <= 14 ? `3.${minor}` : null;
}

export function correctNumbers(tokens: Token[], touched: Set<WordToken>, peps: ReadonlySet<number>, corrections: Correction[]): Token[] {
  const out: Token[] = [];
  const near = (i: number, span: number, window: number) => {
    for (let k = Math.max(0, i - window); k < Math.min(tokens.length, i + span + window); k++) {
      if (k >= i && k < i + span) continue;
      if (RELEASE_CONTEXT.has(wordKey(body(tokens[k])))) return true;
    }
    return false;
  };
  const fix = (i: number, length: number, to: string, rule: string) => {
    const span = tokens.slice(i, i + length) as WordToken[];
    const first = partsOf(span[0].text);
    const last = partsOf(span[length - 1].text);
    const text = span.map((w) => w.text).join(' ');
    const from = text.slice(first.prefix.length, text.length - last.trail.length);
    const replaced = replaceSpan(span, to, '');
    for (const r of replaced) touched.add(r);
    out.push(...replaced);
    corrections.push({ line: span[0].line, column: span[0].column, from, to, kind: 'term', rule, confidence: 1 });
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // only words that may start a PEP or a release number: "pep…", "three", digits (one char code look)
    const c = t.type === 'word' ? t.text.charCodeAt(0) | 32 : 0;
    if (t.type !== 'word' || !(c === 112 || c === 116 || (c >= 48 && c <= 57) || c === 40)) {
      out.push(t);
      continue;
    }
    // "PEP 5-8-1" where the dictionary has already written the PEP: the number said digit by digit
    if (touched.has(t)) {
      const digits = body(tokens[i + 1]);
      const spelt = !SENTENCE_STOP.test(t.text) && /^\d(?:-\d){1,3}$/.test(digits) ? Number(digits.replace(/-/g, '')) : NaN;
      out.push(t);
      if (body(t) === 'PEP' && peps.has(spelt) && !touched.has(tokens[i + 1] as WordToken)) {
        fix(i + 1, 1, String(spelt), 'PEP, number');
        i++;
      }
      continue;
    }
    const key = body(t).toLowerCase();
    // every rule below starts at one of these words: a mishearing of "PEP", "two", "three", "to", or
    // digits from 3 (a release); other words ("there", "2024") are passed before the look ahead
    if (!PEP_HEARD.has(key) && key !== 'two' && key !== 'three' && key !== 'to' && key.charCodeAt(0) !== 51) {
      out.push(t);
      continue;
    }
    const nextBody = SENTENCE_STOP.test(t.text) ? '' : body(tokens[i + 1]);
    // "PEC 657": a PEP heard wrong before the number of a PEP; "pep 5-8-1": its digits said apart
    if (PEP_HEARD.has(key) && /^\d{1,4}$/.test(nextBody) && peps.has(Number(nextBody)) && (key !== 'pip' || Number(nextBody) > 100)) {
      if (body(t) !== 'PEP') fix(i, 1, 'PEP', 'PEP, number');
      else out.push(t);
      continue;
    }
    // (or, after "pep" itself, said in words up to fourteen: "pep one", "pep eight"; "my pet one" stays)
    const spelt = /^\d(?:-\d){1,3}$/.test(nextBody) ? Number(nextBody.replace(/-/g, '')) : key === 'pep' ? (NUMBER_WORDS.get(wordKey(nextBody)) ?? NaN) : NaN;
    if (PEP_HEARD.has(key) && peps.has(spelt) && key !== 'pip') {
      fix(i, 2, `PEP ${spelt}`, 'PEP, number');
      i++;
      continue;
    }
    // "Python two", "Python three": the major release
    if ((key === 'two' || key === 'three') && wordKey(body(out[out.length - 1])) === 'python' && !/^[,.;:?!]/.test(t.text)) {
      const following = SENTENCE_STOP.test(t.text) ? '' : wordKey(nextBody);
      if (!NUMBER_WORDS.has(following) && following !== 'point' && following !== 'times') {
        fix(i, 1, key === 'two' ? '2' : '3', 'Python release, number');
        continue;
      }
    }
    // "python to" where no infinitive or place follows: "use python to in the room", "python to will
    // not be maintained" (but "from Python to Rust", "Python to write" stay)
    if (key === 'to' && wordKey(body(out[out.length - 1])) === 'python' && !SENTENCE_STOP.test(body(out[out.length - 1]))) {
      const following = SENTENCE_STOP.test(t.text) ? '' : wordKey(nextBody);
      if (following === '' || AFTER_TWO.has(following)) {
        fix(i, 1, '2', 'Python release, number');
        continue;
      }
    }
    // "three eleven" / "three point eleven" after Python or near release words
    const minor = NUMBER_WORDS.get(wordKey(nextBody));
    const pointed = wordKey(nextBody) === 'point' ? NUMBER_WORDS.get(wordKey(body(tokens[i + 2]))) : undefined;
    if (key === 'three' && !/[,.;:?!]$/.test(t.text)) {
      const m = minor ?? pointed;
      const length = pointed !== undefined && minor === undefined ? 3 : 2;
      const afterPython = wordKey(body(out[out.length - 1])) === 'python';
      if (m !== undefined && m >= 5 && m <= 14 && (afterPython || near(i, length, 4))) {
        fix(i, length, `3.${m}`, 'Python release, number');
        i += length - 1;
        continue;
      }
    }
    // a bare "311" where a Python release is meant
    const release = releaseOfDigits(body(t));
    if (release && (wordKey(body(out[out.length - 1])) === 'python' || near(i, 1, 4))) {
      fix(i, 1, release, 'Python release, number');
      continue;
    }
    out.push(t);
  }
  return out;
}
