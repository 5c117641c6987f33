// The term dictionary: its typed form, how its words are compared, and the errors it reports.
// Loading (YAML/JSON text → plain values with line numbers) is load.ts; checking a file's entries is
// read-dictionary.ts; merging several is merge.ts; matching is matcher.ts.

import { dictionaryError } from '../diagnostic.js';

/** Where something was written: file and 1-based line (0 when unknown). */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
}

/**
 * A source whose line is found only when it is read (a JSON file's lines cost a second parse, paid
 * for an error message or `dict test` only). `line` is an own property, so the reference copies and
 * serializes as a plain one.
 */
export function lazySource(file: string, findLine: () => number): SourceRef {
  let line: number | undefined;
  return {
    file,
    get line() {
      return (line ??= findLine());
    },
  };
}

/** An example the entry must pass: `input` corrected gives `output` (equal to input for a negative spec). */
export interface Spec {
  input: string;
  output: string;
  source: SourceRef;
}

/** One way a term is misheard, with optional conditions of its own. */
export interface Variant {
  text: string;
  /** Normalized words (lower case, edge punctuation stripped). */
  words: string[];
  /** The words joined by spaces: how variants are compared with each other and with terms. */
  key: string;
  context: string[];
  unless: string[];
  window: number;
  /** When not empty, the word right after the variant must be one of these. */
  next: string[];
  /** The word right after the variant must not be one of these. */
  notNext: string[];
  source: SourceRef;
}

export interface DictionaryEntry {
  term: string;
  /** The term's normalized words joined by spaces. */
  key: string;
  kind: 'term' | 'name';
  variants: Variant[];
  /** Words of which one must occur within `window` words for any fix of this entry. */
  context: string[];
  /** Words none of which may occur within `window` words. */
  unless: string[];
  window: number;
  /** Whether words nobody listed may be matched by sound and spelling. */
  fuzzy: boolean;
  /** Whether the term written in another casing ("pytorch") is set to its canonical casing. */
  fixCase: boolean;
  specs: Spec[];
  source: SourceRef;
}

/** The words of one text and their sound keys: only the part of a dictionary they can reach is indexed. */
export interface Vocabulary {
  words: ReadonlySet<string>;
  sounds: ReadonlySet<number>;
}

export interface Dictionary {
  readonly entries: DictionaryEntry[];
  /** The number of entries, when it is known without making them (a dictionary read from a file). */
  readonly size?: number;
  /**
   * The entries a text of this vocabulary can reach, in dictionary order, made only now (a dictionary
   * read from a file); without it every entry is indexed.
   */
  reachedBy?(vocabulary: Vocabulary): DictionaryEntry[];
}

/** How many entries a dictionary has, without making those not yet made. */
export function sizeOf(dictionary: Dictionary): number {
  return dictionary.size ?? dictionary.entries.length;
}

export const DEFAULT_WINDOW = 12;

/**
 * A `.`, `#` or `@` standing alone right before a word's first letter or digit belongs to the word
 * (`.NET`, `#PyConUS`, `@pycon`); after other punctuation it still does (`(.NET`), after another
 * of them it does not (`...so`).
 */
export const WORD_SIGIL = /(?:^|[^.#@])([.#@])$/;

/** Lower case, punctuation stripped from both ends (a word's sigil kept): how words are compared. */
export function wordKey(word: string): string {
  const lower = word.toLowerCase();
  if (/^[a-z0-9]+$/.test(lower)) return lower; // the common case, without a Unicode regex
  const lead = /^[^\p{L}\p{N}]*/u.exec(word)![0];
  const sigil = WORD_SIGIL.exec(lead)?.[1] ?? '';
  return sigil + word.slice(lead.length).replace(/[^\p{L}\p{N}+#]+$/u, '').toLowerCase();
}

/** A phrase of plain lower-case words separated by single spaces: its key is itself. */
export const PLAIN_PHRASE = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/** The normalized words of a phrase joined by single spaces ('' when it has none). */
export function phraseKey(text: string): string {
  const lower = text.toLowerCase();
  return PLAIN_PHRASE.test(lower) ? lower : phraseWords(text).join(' ');
}

export function phraseWords(text: string): string[] {
  const lower = text.toLowerCase();
  if (PLAIN_PHRASE.test(lower)) return lower.split(' '); // the common case, one regex for the phrase
  const words: string[] = [];
  for (const w of text.split(/\s+/)) {
    const key = wordKey(w);
    if (key) words.push(key);
  }
  return words;
}

/** A value read from a file together with a way to find the line of any part of it. */
export interface Located {
  value: unknown;
  /** Line of the node at this path (keys and indexes from the top), or of its nearest parent. */
  lineOf(path: Array<string | number>): number;
  /** False when lines are costly (JSON): they are then looked up only for an error message. */
  eager?: boolean;
}

/** Dictionaries known to be free of conflicts: read and checked, merged, or compiled from a checked file. */
const checked = new WeakSet<Dictionary>();

/** Marks a dictionary as checked: one compiled (at build time) from a file that was. */
export function markChecked<D extends Dictionary>(dictionary: D): D {
  checked.add(dictionary);
  return dictionary;
}

export function isChecked(dictionary: Dictionary): boolean {
  return checked.has(dictionary);
}

/** Where an entry, variant or spec was written, for messages: `file:line`, or the file alone. */
export const where = (s: SourceRef) => (s.line ? `${s.file}:${s.line}` : s.file);

/** `variant` of `entry` is the term of `target`: a cycle if the target lists the entry's term back. */
export function conflictOfTerm(variant: Variant, entry: DictionaryEntry, target: DictionaryEntry): never {
  const back = target.variants.find((v) => v.key === entry.key);
  const s = variant.source;
  if (back) throw dictionaryError(s.file, s.line, `cycle: "${variant.text}" → "${entry.term}" here, and "${back.text}" → "${target.term}" at ${where(back.source)}`);
  throw dictionaryError(s.file, s.line, `variant "${variant.text}" of "${entry.term}" is itself the term of the entry at ${where(target.source)}`);
}

/** Two variants with different context words may share their text: the context decides. */
export function sameCondition(a: Variant, b: Variant): boolean {
  return a.context === b.context || a.context.join(' ') === b.context.join(' ');
}

/** Entries for the people of a talk (from a speaker roster): their name in its proper casing and spellings heard. */
export function entriesForNames(people: Array<{ name: string; aliases?: string[]; line?: number }>, file = '<roster>'): DictionaryEntry[] {
  return people.map((person, index) => {
    const source = { file, line: person.line ?? index + 1 };
    const term = person.name.trim().replace(/\s+/g, ' ');
    const key = phraseWords(term).join(' ');
    return {
      term,
      key,
      kind: 'name' as const,
      variants: (person.aliases ?? [])
        .map((a) => a.trim().replace(/\s+/g, ' '))
        .filter((a) => phraseWords(a).length && phraseWords(a).join(' ') !== key)
        .map((text) => ({ text, words: phraseWords(text), key: phraseWords(text).join(' '), context: [], unless: [], window: DEFAULT_WINDOW, next: [], notNext: [], source })),
      context: [],
      unless: [],
      window: DEFAULT_WINDOW,
      fuzzy: true,
      fixCase: true,
      specs: [],
      source,
    };
  });
}
