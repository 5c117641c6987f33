// A parsed dictionary file turned into entries. Every entry is checked as the file is read (a bad
// field, a term defined twice, a conflict or a cycle is an error naming its line), but an entry is
// made into objects only when something asks for it: a 10,000-entry file costs one pass over its
// values and a hash table of its keys, and the entries a transcript never reaches are never built.

import type { Buffer } from 'node:buffer';
import { jsonEntryList, type EntryValues } from './json-entries.js';
import { fuzzySpelling, NO_SOUND, soundKey } from './fuzzy.js';
import { IntList, KeyList } from './key-list.js';
import { hashOf, KeyTable } from './key-table.js';
import {
  conflictOfTerm,
  DEFAULT_WINDOW,
  DictionaryError,
  lineOfSource,
  markChecked,
  PLAIN_PHRASE,
  phraseKey,
  registerLocator,
  sameCondition,
  where,
  type Dictionary,
  type DictionaryEntry,
  type Located,
  type SourceRef,
  type Spec,
  type Variant,
} from './dictionary.js';

type Path = Array<string | number>;

const ENTRY_FIELDS = new Set(['term', 'kind', 'variants', 'context', 'unless', 'window', 'fuzzy', 'case', 'specs']);
const VARIANT_FIELDS = new Set(['text', 'context', 'unless', 'window', 'next', 'notNext']);
const NONE: string[] = [];
const NO_FIELDS: Record<string, unknown> = {};
const NO_SPECS: Spec[] = [];

/** How many entries are parsed together while a file is read. */
const READ_RUN = 64;

const FUZZY = 1;
const NAME = 2;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Single spaces, no edge spaces; a string is returned as it is when it already is so (the common case). */
function tidy(text: string): string {
  return /^\S+(?: \S+)*$/.test(text) ? text : text.trim().replace(/\s+/g, ' ');
}

/** How a term or variant is written in entries: as given when it is plain words, else tidied. */
function textOf(given: string): string {
  return PLAIN_PHRASE.test(given.toLowerCase()) ? given : tidy(given);
}

/** The key of a term or variant as given ('' when it has no word). Plain lower-case text is its own key. */
function keyOf(given: string): string {
  if (PLAIN_PHRASE.test(given)) return given;
  const lower = given.toLowerCase();
  return PLAIN_PHRASE.test(lower) ? lower : phraseKey(tidy(given));
}

/** Quotes, brackets and sentence punctuation at a word's edges are ignored in matching, as in the text. */
const IGNORED_LEAD = /^["'“‘([]*$/;
const IGNORED_TRAIL = /^[.,;:!?"'’”)\]]*$/;

/** Punctuation at the edge of a variant's word that matching would silently drop (`*` of `a.*`), or ''. */
function ignoredPunctuation(text: string): string {
  if (PLAIN_PHRASE.test(text.toLowerCase())) return '';
  for (const word of text.trim().split(/\s+/)) {
    const lead = /^[^\p{L}\p{N}]*/u.exec(word)![0].replace(/[.#@]$/, '');
    const trail = /[^\p{L}\p{N}+#]*$/u.exec(word.slice(lead.length))![0];
    if (!IGNORED_LEAD.test(lead)) return lead;
    if (!IGNORED_TRAIL.test(trail)) return trail;
  }
  return '';
}

/** Turns a parsed file into a dictionary, or throws DictionaryError naming the offending line. */
export function dictionaryFromValue(file: string, located: Located): ReadDictionary {
  const root = located.value;
  if (Array.isArray(root)) return markChecked(new ReadDictionary(file, located, root, []));
  if (isRecord(root) && Array.isArray(root.entries)) return markChecked(new ReadDictionary(file, located, root.entries, ['entries']));
  throw new DictionaryError(file, located.lineOf([]), 'a dictionary is a list of entries, or a map with an "entries" list');
}

/**
 * Turns a JSON file's bytes into a dictionary entry by entry (see json-entries.ts); undefined when it
 * cannot be read so (the caller then parses it whole, which reports a malformed file). Throws
 * DictionaryError.
 */
export function dictionaryFromJson(file: string, bytes: Buffer, lineOf: Located['lineOf']): ReadDictionary | undefined {
  const list = jsonEntryList(bytes);
  if (!list) return undefined;
  try {
    return markChecked(new ReadDictionary(file, { value: undefined, lineOf, eager: false }, list.entries, list.base));
  } catch (error) {
    if (error instanceof SyntaxError) return undefined; // an entry's own text is not JSON
    // a malformed file is reported as such, even when an entry before the flaw has an error
    if (!everyEntryParses(list.entries)) return undefined;
    throw error;
  }
}

function everyEntryParses(entries: EntryValues): boolean {
  try {
    for (let index = 0; index < entries.length; index++) entries.at(index);
    return true;
  } catch {
    return false;
  }
}

/**
 * A dictionary read from a file. Its keys (an entry's term key, then its variants' keys) are filed
 * in order as the file is checked: conflicts are found, merges and indexes look keys up, and
 * entries are built only as they are reached (`entriesAt`), or all at once when `entries` is asked
 * for. The keys are kept as code units and found through a hash table, all in typed arrays (see
 * key-list.ts, key-table.ts), and a JSON file's values are not kept: an entry is read again from its
 * own text (see json-entries.ts). Such a dictionary is read-only: `entries` is frozen, and entries
 * are added by merging (merge.ts).
 */
export class ReadDictionary implements Dictionary {
  /** Every key, entry by entry: the term's key, then its variants' keys. */
  private readonly keys: KeyList;
  /** Where each entry's keys start among the keys; one more item marks where the last entry's keys end. */
  readonly keyStart: Int32Array;
  /**
   * What indexing looks up to find the entries a text reaches, kept so that it need not look at the
   * keys: each key's first word (hashed, see key-table.ts), the sound of each one-word key of a fuzzy
   * entry (NO_SOUND for others), and the other words of each term (from `termWordStart[entry]`).
   */
  readonly firstWordHash: Int32Array;
  readonly soundOf: Int32Array;
  readonly termWordHash: Int32Array;
  readonly termWordStart: Int32Array;
  private readonly table: KeyTable;
  private readonly flags: Uint8Array;
  private readonly built = new Map<number, DictionaryEntry>();
  private all: readonly DictionaryEntry[] | undefined;
  /** Whether source lines are looked up as entries are built (YAML) or only for a message (JSON). */
  private readonly eager: boolean;
  private readonly lineOf: Located['lineOf'];
  /** How many entries have their keys filed (all of them once the file is read). */
  private filed = 0;
  /** The file's entry values: a parsed list (YAML), or the entries' own texts (JSON). */
  private readonly values: EntryValues;
  private readonly count: number;

  constructor(
    private readonly file: string,
    located: Located,
    values: EntryValues,
    private readonly base: Path,
  ) {
    // `located` itself is not kept: its value is the whole parsed file (YAML)
    registerLocator(file, base, located.lineOf);
    this.lineOf = located.lineOf;
    this.eager = located.eager !== false;
    this.values = values;
    this.count = values.length;
    this.keys = new KeyList(values.textLength);
    this.keyStart = new Int32Array(this.count + 1);
    this.flags = new Uint8Array(this.count);
    this.termWordStart = new Int32Array(this.count + 1);
    this.table = new KeyTable(this.count * 4); // a term and a few variants each; it grows if need be
    const keys = this.keys;
    let batch: unknown[] = [];
    const [firstWords, sounds, termWords] = [new IntList(this.count * 4), new IntList(this.count * 4), new IntList(this.count)];
    for (let index = 0; index < this.count; index++) {
      const start = keys.length;
      this.keyStart[index] = start;
      // entries are parsed a run at a time: one JSON.parse for many small texts
      if (index % READ_RUN === 0) batch = values.slice(index, index + READ_RUN);
      const raw = batch[index % READ_RUN];
      if (!this.filePlain(index, raw)) this.read(index, raw, false);
      this.keyStart[index + 1] = keys.length;
      this.filed = index + 1;
      // each key is checked against those before it as it is filed
      for (let place = start; place < keys.length; place++) {
        const key = keys.at(place);
        const hash = hashOf(key);
        const earlier = this.table.find(key, hash, keys);
        if (earlier < 0) this.table.add(hash, place);
        else this.checkRepeat(index, place, earlier);
        const space = key.indexOf(' ');
        firstWords.push(space < 0 ? hash : hashOf(key, 0, space));
        const spelling = space < 0 && this.isFuzzy(index) ? fuzzySpelling(key) : '';
        sounds.push(spelling ? soundKey(spelling) : NO_SOUND);
        if (place === start) {
          for (let from = space + 1, to; from > 0; from = to + 1) {
            to = key.indexOf(' ', from);
            termWords.push(hashOf(key, from, to < 0 ? key.length : to));
            if (to < 0) break;
          }
          this.termWordStart[index + 1] = termWords.length;
        }
      }
      keys.settle();
    }
    this.firstWordHash = firstWords.toArray();
    this.soundOf = sounds.toArray();
    this.termWordHash = termWords.toArray();
  }

  get size(): number {
    return this.count;
  }

  get entries(): DictionaryEntry[] {
    this.all ??= Object.freeze(this.entriesAt(Array.from({ length: this.count }, (_, index) => index)));
    return this.all as DictionaryEntry[];
  }

  /** Entry `index`, built on first use. */
  entry(index: number): DictionaryEntry {
    return this.built.get(index) ?? this.entriesAt([index])[0];
  }

  /** The entries at these indexes, built on first use (a JSON file's from their own text). */
  entriesAt(indexes: number[]): DictionaryEntry[] {
    for (const index of indexes) if (!this.built.has(index)) this.built.set(index, this.read(index, this.values.at(index), true)!);
    return indexes.map((index) => this.built.get(index)!);
  }

  /** The key at `place`. */
  keyAt(place: number): string {
    return this.keys.at(place);
  }

  /** The first place of a key (a term's or a variant's), or -1. */
  placeOf(key: string): number {
    return this.table.find(key, hashOf(key), this.keys);
  }

  /** The entry whose keys hold `place`. */
  entryAt(place: number): number {
    const starts = this.keyStart;
    let low = 0;
    let high = this.filed - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= place) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** Whether the key at `place` is a term (else it is a variant). */
  isTermAt(place: number): boolean {
    return this.keyStart[this.entryAt(place)] === place;
  }

  /** The variant whose key is at `place`. */
  variantAt(place: number): Variant {
    const index = this.entryAt(place);
    return this.entry(index).variants[place - this.keyStart[index] - 1];
  }

  isFuzzy(index: number): boolean {
    return (this.flags[index] & FUZZY) !== 0;
  }

  isName(index: number): boolean {
    return (this.flags[index] & NAME) !== 0;
  }

  toJSON(): Dictionary {
    return { entries: this.entries };
  }

  /**
   * Files entry `index` when it has the plain shape most entries of a large file have (a term,
   * variants written as text, context words) and is valid; returns false, filing nothing, for anything
   * else, which `read` checks field by field and reports. A small loop V8 optimizes quickly.
   */
  private filePlain(index: number, raw: unknown): boolean {
    if (!isRecord(raw)) return false;
    for (const field in raw) if (field !== 'term' && field !== 'variants' && field !== 'context') return false;
    const { term, variants, context } = raw;
    if (typeof term !== 'string') return false;
    const termKey = keyOf(term);
    if (!termKey) return false;
    if (context !== undefined) {
      if (!Array.isArray(context)) return false;
      for (let i = 0; i < context.length; i++) if (typeof context[i] !== 'string' || !context[i].trim()) return false;
    }
    if (variants !== undefined && !Array.isArray(variants)) return false;
    const start = this.keys.length;
    this.keys.push(termKey);
    for (let vi = 0; variants && vi < variants.length; vi++) {
      const key = typeof variants[vi] === 'string' ? keyOf(variants[vi]) : '';
      if (!key || key === termKey) {
        this.keys.truncate(start);
        return false;
      }
      this.keys.push(key);
    }
    this.flags[index] = FUZZY;
    return true;
  }

  private fail(path: Path, message: string): never {
    throw new DictionaryError(this.file, this.lineOf([...this.base, ...path]), message);
  }

  /** A list of context words: checked, and lower-cased when building. Paths are made only for an error. */
  private words(value: unknown, build: boolean, path: () => Path): string[] {
    if (value === undefined) return NONE;
    if (!Array.isArray(value) || value.some((w) => typeof w !== 'string' || !w.trim())) this.fail(path(), 'expected a list of non-empty words');
    return build ? (value as string[]).map((w) => w.trim().toLowerCase()) : NONE;
  }

  private windowOf(value: unknown, path: () => Path, fallback: number): number {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 200) this.fail(path(), 'window must be a whole number of words from 1 to 200');
    return value as number;
  }

  private ref(entry: number, list?: 'variants' | 'specs', index?: number): SourceRef {
    const { file } = this;
    if (!this.eager) return list ? { file, line: 0, entry, list, index } : { file, line: 0, entry };
    return { file, line: this.lineOf(list ? [...this.base, entry, list, index!] : [...this.base, entry]) };
  }

  /**
   * Reads entry `index`, checking each field in the order its errors are reported. Checking (the
   * first read) records the entry's keys and flags; building (a later read) returns the entry.
   */
  private read(index: number, raw: unknown, build: boolean): DictionaryEntry | undefined {
    if (!isRecord(raw)) this.fail([index], 'an entry must be a map with at least a "term"');
    const r = raw as Record<string, unknown>;
    for (const key in r) if (!ENTRY_FIELDS.has(key)) this.fail([index, key], `unknown field "${key}" (known: ${[...ENTRY_FIELDS].join(', ')})`);
    if (typeof r.term !== 'string' || !r.term.trim()) this.fail([index, 'term'], 'an entry needs a non-empty "term"');
    const given = r.term as string;
    const termKey = keyOf(given);
    if (!termKey) this.fail([index, 'term'], `term "${tidy(given)}" has no word in it`);
    if (r.kind !== undefined && r.kind !== 'term' && r.kind !== 'name') this.fail([index, 'kind'], 'kind is "term" or "name"');
    if (r.fuzzy !== undefined && typeof r.fuzzy !== 'boolean') this.fail([index, 'fuzzy'], 'fuzzy is true or false');
    if (r.case !== undefined && typeof r.case !== 'boolean') this.fail([index, 'case'], 'case is true or false');
    const context = this.words(r.context, build, () => [index, 'context']);
    const unless = this.words(r.unless, build, () => [index, 'unless']);
    const window = this.windowOf(r.window, () => [index, 'window'], DEFAULT_WINDOW);
    if (r.variants !== undefined && !Array.isArray(r.variants)) this.fail([index, 'variants'], 'variants is a list');
    const rawVariants = (r.variants as unknown[] | undefined) ?? NONE;
    if (!build) {
      this.keys.push(termKey);
      this.flags[index] = (r.fuzzy === false ? 0 : FUZZY) | (r.kind === 'name' ? NAME : 0);
    }
    const variants: Variant[] = [];
    for (let vi = 0; vi < rawVariants.length; vi++) {
      const v = rawVariants[vi];
      const plain = typeof v === 'string';
      if (!plain && !isRecord(v)) this.fail([index, 'variants', vi], 'a variant is a string or a map with "text"');
      const spec = (plain ? NO_FIELDS : v) as Record<string, unknown>;
      if (!plain) for (const key in spec) if (!VARIANT_FIELDS.has(key)) this.fail([index, 'variants', vi, key], `unknown variant field "${key}"`);
      const text = plain ? (v as string) : spec.text;
      const key = typeof text === 'string' ? keyOf(text) : '';
      if (!key) this.fail([index, 'variants', vi], `empty variant in entry "${textOf(given)}"`);
      if (key === termKey) this.fail([index, 'variants', vi], `variant "${textOf(text as string)}" is the term itself (its casing is fixed without listing it)`);
      const ignored = ignoredPunctuation(text as string);
      if (ignored) this.fail([index, 'variants', vi], `variant "${textOf(text as string)}": "${ignored}" at the edge of a word is not matched (words are compared without it); write the variant as it is heard`);
      if (plain && !build) {
        this.keys.push(key);
        continue;
      }
      const ownUnless = plain ? NONE : this.words(spec.unless, build, () => [index, 'variants', vi, 'unless']);
      const ownContext = plain || spec.context === undefined ? context : this.words(spec.context, build, () => [index, 'variants', vi, 'context']);
      const ownWindow = plain ? window : this.windowOf(spec.window, () => [index, 'variants', vi, 'window'], window);
      const next = plain ? NONE : this.words(spec.next, build, () => [index, 'variants', vi, 'next']);
      const notNext = plain ? NONE : this.words(spec.notNext, build, () => [index, 'variants', vi, 'notNext']);
      if (!build) {
        this.keys.push(key);
        continue;
      }
      const line = this.eager ? this.lineOf([...this.base, index, 'variants', vi]) : 0;
      const allUnless = ownUnless.length ? [...unless, ...ownUnless] : unless;
      variants.push(new LoadedVariant(textOf(text as string), key, ownContext, allUnless, ownWindow, next, notNext, this.file, line, index, vi));
    }
    if (r.specs !== undefined && !Array.isArray(r.specs)) this.fail([index, 'specs'], 'specs is a list of {in, out} or {keep} examples');
    const rawSpecs = (r.specs as unknown[] | undefined) ?? NONE;
    const specs: Spec[] = r.specs === undefined ? NO_SPECS : [];
    for (let si = 0; si < rawSpecs.length; si++) {
      const s = rawSpecs[si];
      let spec: { input: string; output: string } | undefined;
      if (isRecord(s) && typeof s.keep === 'string' && Object.keys(s).length === 1) spec = { input: s.keep, output: s.keep };
      else if (isRecord(s) && typeof s.in === 'string' && typeof s.out === 'string' && Object.keys(s).length === 2) spec = { input: s.in, output: s.out };
      else this.fail([index, 'specs', si], 'a spec is {in: text, out: expected} or {keep: text that must not change}');
      if (build) specs.push({ ...spec!, source: this.ref(index, 'specs', si) });
    }
    if (!build) return undefined;
    return {
      term: textOf(given),
      key: termKey,
      kind: (r.kind as 'term' | 'name' | undefined) ?? 'term',
      variants,
      context,
      unless,
      window,
      fuzzy: (r.fuzzy as boolean | undefined) ?? true,
      fixCase: (r.case as boolean | undefined) ?? true,
      specs,
      source: this.ref(index),
    };
  }

  /**
   * A key of entry `index` (at `place`) filed before (at `earlier`): an error when it is a term
   * defined twice, a variant claimed by two entries with the same context, or a variant that is
   * another entry's term (a cycle when that entry lists this one's term back). A variant listed twice
   * by one entry, or by two with different context, is kept at its first place. The entries
   * involved are built to compare their contexts and to word an error.
   */
  private checkRepeat(index: number, place: number, earlier: number): void {
    const start = this.keyStart[index];
    if (earlier >= start) return; // listed twice by this entry
    const owner = this.entry(this.entryAt(earlier));
    if (place === start) {
      const entry = this.entry(index);
      if (this.isTermAt(earlier)) throw new DictionaryError(entry.source.file, lineOfSource(entry.source), `entry "${entry.term}" is already defined at ${where(owner.source)}`);
      // an earlier entry lists this term as its variant
      return conflictOfTerm(this.variantAt(earlier), owner, entry);
    }
    const variant = this.variantAt(place);
    if (this.isTermAt(earlier)) conflictOfTerm(variant, this.entry(index), owner);
    const other = this.variantAt(earlier);
    if (sameCondition(other, variant)) {
      throw new DictionaryError(variant.source.file, lineOfSource(variant.source), `variant "${variant.text}" is claimed by "${this.entry(index).term}" and by "${owner.term}" at ${where(other.source)}`);
    }
  }
}

/**
 * A variant as read from a file. Its words are split only when the matcher indexes it, and its
 * source is made only when asked for (an error message, the compiled default).
 */
class LoadedVariant implements Variant {
  private split: string[] | undefined;
  constructor(
    readonly text: string,
    readonly key: string,
    readonly context: string[],
    readonly unless: string[],
    readonly window: number,
    readonly next: string[],
    readonly notNext: string[],
    private readonly file: string,
    private readonly line: number,
    private readonly entryIndex: number,
    private readonly variantIndex: number,
  ) {}

  get words(): string[] {
    return (this.split ??= this.key.split(' '));
  }

  get source(): SourceRef {
    return this.line ? { file: this.file, line: this.line } : { file: this.file, line: 0, entry: this.entryIndex, list: 'variants', index: this.variantIndex };
  }

  toJSON(): Variant {
    const { text, words, key, context, unless, window, next, notNext, source } = this;
    return { text, words, key, context, unless, window, next, notNext, source };
  }
}
