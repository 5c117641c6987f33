// Python's own names as a speaker says them and a recognizer writes them: a dunder name said as
// words ("dunder pi cache", "dunderdell", "under under init", "under main module") and a decorator
// said "at profile" beside the word decorator. The names are a closed list written from the
// language (its data model, module attributes and standard decorators). A dunder said plainly and
// heard right ("dunder code") is a spoken form of its own and stays; one the recognizer garbled
// (joined, split, or its "d" lost) is written as the name. And a project whose name joins words
// with "_" or "-" (memory_profiler, typing-extensions), heard as the words alone: written as its
// name where the words are used as one ("pip install", "import", "called", "the … library") or once
// the talk has written or so fixed the name, but never after "a"/"an" ("a memory profiler").

import type { Correction, Token, WordToken } from '../types.js';
import { wordKey } from './dictionary.js';
import type { Lexicon } from './lexicon.js';
import { soundSpelling } from './sound.js';
import { partsOf, writeReplaced } from './span.js';

/** Dunder names of the language: special methods, module and class attributes. */
const DUNDERS = (
  'main init new del repr str bytes format hash bool len iter next reversed contains call enter exit aenter aexit await aiter anext ' +
  'getattr getattribute setattr delattr dir get set delete getitem setitem delitem missing eq ne lt le gt ge add sub mul matmul ' +
  'truediv floordiv mod divmod pow neg pos abs invert index int float complex round and or xor lshift rshift radd iadd ' +
  'name qualname module doc dict slots class file path package spec loader builtins all version annotations wrapped ' +
  'pycache future debug import init_subclass class_getitem post_init set_name code defaults closure globals mro subclasses'
).split(' ');

/** Decorators of the language and its standard library, and the profilers' `profile`. */
const DECORATORS = 'property staticmethod classmethod dataclass cache lru_cache cached_property wraps contextmanager asynccontextmanager abstractmethod overload override final total_ordering singledispatch singledispatchmethod profile'.split(' ');

/** Words after "under main" (or before it) that say it is the module's name, not a place. */
const DUNDER_SLOT_AFTER = new Set(['module', 'modules', 'method', 'methods', 'function', 'attribute', 'file', 'block', 'namespace', 'variable']);
const DUNDER_SLOT_BEFORE = new Set(['the', 'equals', 'dunder']);
/** Names that "under X" (its "d" lost) may be: only those a talk says so, with a slot word near. */
const UNDER_ALONE = new Set(['main', 'init', 'name']);
const DECORATOR_WORD = /^decorat/;
/** Words before a project's name that say it is one ("pip install memory profiler", "called …"). */
const PROJECT_BEFORE = new Set(['install', 'installed', 'installing', 'uninstall', 'import', 'imported', 'importing', 'called', 'named']);
/** Words after it that say so ("the line profiler library"). */
const PROJECT_AFTER = new Set(['package', 'packages', 'library', 'libraries', 'module', 'modules', 'mailing']);
/** Words before it that make the words ordinary ("a memory profiler"). */
const GENERIC_BEFORE = new Set(['a', 'an', 'any', 'every', 'another', 'each', 'some', 'only']);
const ARTICLE = new Set(['the', 'a', 'an']);
/** How the dunder and decorator forms start ("dunderdell", "under", "double", "at", "at-profile"). */
const FORM_START = /^(?:[Dd]under|[Uu]nder\b|[Dd]ouble\b|[Aa]t(?:-|\b))/;

const dunderBySound = new Map<string, string>();
const dunderSound = (words: string[]) => soundSpelling(words.join(''));
function dunderFor(words: string[]): string | undefined {
  if (!dunderBySound.size) for (const name of DUNDERS) dunderBySound.set(soundSpelling(name.replace(/_/g, '')), name);
  return dunderBySound.get(dunderSound(words));
}

interface Fix {
  length: number;
  to: string;
  rule: string;
}

/** The lexicon's names joined with "_" or "-", by their words joined ("memoryprofiler" → memory_profiler). */
interface JoinedNames {
  joined: Map<string, string>;
  /** Their first words, and those as a text may write them (the first word is bare: no punctuation). */
  joinStarts: Set<string>;
  joinStartsAsWritten: Set<string>;
  /** Their first two words joined, as the text's vocabulary holds words joined in twos. */
  gateKeys: Set<string>;
}
let joinedNames: JoinedNames | undefined;
let joinedNamesOf: Lexicon | undefined;
function namesJoined(lexicon: Lexicon): JoinedNames {
  if (joinedNamesOf !== lexicon || !joinedNames) {
    joinedNames = { joined: new Map(), joinStarts: new Set(), joinStartsAsWritten: new Set(), gateKeys: new Set() };
    joinedNamesOf = lexicon;
    for (const term of lexicon.byKey.values()) {
      if (!/^[a-z]+(?:[_-][a-z]+)+$/.test(term.display)) continue;
      joinedNames.joined.set(term.display.replace(/[_-]/g, ''), term.display);
      const parts = term.display.split(/[_-]/);
      joinedNames.gateKeys.add(parts[0] + parts[1]);
      const start = parts[0];
      joinedNames.joinStarts.add(start);
      joinedNames.joinStartsAsWritten.add(start).add(start[0].toUpperCase() + start.slice(1));
    }
  }
  return joinedNames;
}

/**
 * Whether the text's words (lower case, and joined in twos: matcher.ts, vocabularyOf) hold any
 * form this pass looks for: most talks hold none, and their words are then not read.
 */
function mayHoldForms(words: ReadonlySet<string>, gateKeys: Set<string>): boolean {
  if (words.has('underunder') || (words.has('double') && words.has('underscore'))) return true;
  if ([...UNDER_ALONE].some((name) => words.has(`under${name}`))) return true;
  if (['decorator', 'decorators', 'decorate', 'decorated', 'decorating'].some((w) => words.has(w)) && (words.has('at') || [...words].some((w) => w.startsWith('at-')))) return true;
  for (const w of words) if (w.startsWith('dunder')) return true;
  for (const key of gateKeys) if (words.has(key)) return true;
  return false;
}

export function correctSpokenPython(tokens: Token[], touched: Set<WordToken>, corrections: Correction[], lexicon: Lexicon, words?: ReadonlySet<string>): Token[] {
  const { joined, joinStarts, joinStartsAsWritten, gateKeys } = namesJoined(lexicon);
  if (words && !mayHoldForms(words, gateKeys)) return tokens;
  // names the talk writes whole, or has fixed so: their words alone then need no slot word
  // (looked for only when such words come without a slot word: most talks have none)
  const established = new Map<string, boolean>();
  const isEstablished = (name: string) => {
    let found = established.get(name);
    if (found === undefined) {
      found = tokens.some((t) => t.type === 'word' && t.text.toLowerCase().includes(name) && partsOf(t.text).body.toLowerCase() === name);
      established.set(name, found);
    }
    return found;
  };
  const lowerAt = (k: number): string | null => {
    const t = tokens[k];
    if (t?.type !== 'word' || touched.has(t)) return null;
    const body = partsOf(t.text).body;
    return /^[\p{L}-]+$/u.test(body) ? body.toLowerCase() : null;
  };
  /** Whether the words from i to i + n - 1 run on, with no punctuation between them. */
  const runsOn = (i: number, n: number) => {
    for (let k = i; k < i + n - 1; k++) if (partsOf((tokens[k] as WordToken).text).trail || partsOf((tokens[k + 1] as WordToken).text).prefix) return false;
    return true;
  };

  const dunder = (i: number, first: string): Fix | null => {
    // "dunderdell": said as one word
    // (written in lower case: "Dunderdale" mid-sentence is somebody's name)
    if (first.startsWith('dunder') && first.length > 7 && (tokens[i] as WordToken).text.startsWith('d')) {
      const name = dunderFor([first.slice(6)]);
      return name ? { length: 1, to: `__${name}__`, rule: 'dunder' } : null;
    }
    // "under under X", "double underscore X", "dunder X" (X garbled), "under X" (with a slot word)
    let lead = 0;
    if (first === 'dunder') lead = 1;
    else if (first === 'under' && lowerAt(i + 1) === 'under') lead = 2;
    else if (first === 'double' && lowerAt(i + 1) === 'underscore') lead = 2;
    else if (first === 'under') lead = 1;
    else return null;
    for (const n of [2, 1]) {
      const words: string[] = [];
      for (let k = i + lead; k < i + lead + n; k++) {
        const w = lowerAt(k);
        if (w === null || /-/.test(w)) break;
        words.push(w);
      }
      if (words.length !== n || !runsOn(i, lead + n)) continue;
      // ("under" alone: only a few names, heard right; a look-up spares it the sounds)
      if (first === 'under' && lead === 1 && (n !== 1 || !UNDER_ALONE.has(words[0]))) continue;
      const name = dunderFor(words);
      if (!name) continue;
      const heardRight = words.join(' ') === name;
      if (first === 'dunder' && heardRight) return null;
      if (first === 'under' && lead === 1) {
        // "under main": the "d" lost; only a few names, said where a module's name is meant
        if (!heardRight || !UNDER_ALONE.has(name)) continue;
        const before = i > 0 ? lowerAt(i - 1) : null;
        const after = lowerAt(i + 2) ?? (tokens[i + 2]?.type === 'word' ? wordKey((tokens[i + 2] as WordToken).text) : '');
        if (!(before !== null && DUNDER_SLOT_BEFORE.has(before)) && !DUNDER_SLOT_AFTER.has(after)) continue;
      }
      return { length: lead + n, to: `__${name}__`, rule: 'dunder' };
    }
    return null;
  };

  const decorator = (i: number, first: string): Fix | null => {
    // "at profile", "at-profile": beside the word decorator
    let name: string | undefined;
    let length = 1;
    if (first.startsWith('at-')) name = first.slice(3);
    else if (first === 'at') {
      name = lowerAt(i + 1) ?? undefined;
      length = 2;
      if (!runsOn(i, 2)) return null;
    }
    if (!name || !DECORATORS.includes(name)) return null;
    // the word decorator right after it ("at profile decorator"): one further away leaves "look at
    // profile output" or "at final round" as they are
    const next = tokens[i + length];
    return next?.type === 'word' && DECORATOR_WORD.test(wordKey(next.text)) ? { length, to: `@${name}`, rule: 'decorator' } : null;
  };

  /** Two or three words that are a name joined with "_" or "-", where the text uses them as one. */
  const project = (i: number, first: string, out: Token[]): Fix | null => {
    for (const n of [3, 2]) {
      const words = [first];
      for (let k = i + 1; k < i + n; k++) words.push(lowerAt(k) ?? '');
      if (words.some((w) => !/^[a-z]+$/.test(w))) continue;
      const name = joined.get(words.join(''));
      // (the words are the name's own, only the joiner lost)
      if (!name || name.split(/[_-]/).join(' ') !== words.join(' ') || !runsOn(i, n)) continue;
      const before = wordBefore(out, 0);
      const slotBefore = before !== null && (PROJECT_BEFORE.has(before) || (ARTICLE.has(before) && PROJECT_BEFORE.has(wordBefore(out, 1) ?? '')));
      const after = tokens[i + n]?.type === 'word' ? wordKey((tokens[i + n] as WordToken).text) : '';
      if (before !== null && GENERIC_BEFORE.has(before)) return null;
      if (slotBefore) return { length: n, to: name, rule: 'name' };
      // ("a good memory profiler", "a full time Python dev", "the only Python dev": an ordinary noun)
      if ([1, 2].some((k) => GENERIC_BEFORE.has(wordBefore(out, k) ?? ''))) return null;
      if (PROJECT_AFTER.has(after) || isEstablished(name)) return { length: n, to: name, rule: 'name' };
    }
    return null;
  };
  /** The word k + 1 places before the end of what is written, in lower case (null past a sentence's start). */
  const wordBefore = (out: Token[], k: number): string | null => {
    const t = out[out.length - 1 - k];
    return t?.type === 'word' && !/[.?!]$/.test(t.text) ? wordKey(t.text) : null;
  };

  // (the tokens written so far, made only at the first fix: most talks have none)
  let out = null as Token[] | null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // (a cheap look first: nearly every word is plain and starts no form, "dunder", "under",
    // "double", "at", or a joined name's first word)
    // (tested on the word as written: no new string or match for the words that start nothing)
    const maybe = t.type === 'word' && (FORM_START.test(t.text) || joinStartsAsWritten.has(t.text));
    const first = maybe ? lowerAt(i) : null;
    const fix = !first ? null : first.startsWith('d') || first.startsWith('u') ? dunder(i, first) : first.startsWith('at') ? decorator(i, first) : joinStarts.has(first) ? project(i, first, out ?? tokens.slice(Math.max(0, i - 3), i)) : null;
    if (!fix) {
      out?.push(t);
      continue;
    }
    out ??= tokens.slice(0, i);
    const span = tokens.slice(i, i + fix.length) as WordToken[];
    const from = span.map((w) => partsOf(w.text).body).join(' ');
    writeReplaced(out, span, fix.to, touched);
    corrections.push({ line: span[0].line, column: span[0].column, from, to: fix.to, kind: 'term', rule: `${fix.to}, spoken ${fix.rule}`, confidence: 1 });
    if (fix.rule === 'name') established.set(fix.to, true);
    i += fix.length - 1;
  }
  return out ?? tokens;
}
