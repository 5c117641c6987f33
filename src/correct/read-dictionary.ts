// A parsed dictionary file turned into entries. Every entry is checked as the file is read (a bad
// field, a term defined twice, a conflict or a cycle is an error naming its line), but an entry is
// made into objects only when something asks for it: a 10,000-entry file costs one pass over its
// values and a few maps of its keys, and the entries a transcript never reaches are never built.

import { dictionaryError } from '../diagnostic.js';
import { fuzzySpelling, soundKey } from './fuzzy.js';
import { conflictOfTerm, DEFAULT_WINDOW, lazySource, markChecked, PLAIN_PHRASE, phraseKey, sameCondition, where, type Dictionary, type DictionaryEntry, type Located, type SourceRef, type Spec, type Variant, type Vocabulary } from './dictionary.js';

type Path = Array<string | number>;

const ENTRY_FIELDS = new Set(['term', 'kind', 'variants', 'context', 'unless', 'window', 'fuzzy', 'case', 'specs']);
const VARIANT_FIELDS = new Set(['text', 'context', 'unless', 'window', 'next', 'notNext']);
const NONE: string[] = [];
const NO_FIELDS: Record<string, unknown> = {};
const NO_SPECS: Spec[] = [];
const NO_INDEXES: number[] = [];

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

function push<K>(map: Map<K, number[]>, key: K, index: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [index]);
  else if (list[list.length - 1] !== index) list.push(index);
}

/** Turns a parsed file into a dictionary, or throws a DiagnosticError (code `dictionary`) naming the offending line. */
export function dictionaryFromValue(file: string, located: Located): ReadDictionary {
  const root = located.value;
  if (Array.isArray(root)) return markChecked(new ReadDictionary(file, located, root, []));
  if (isRecord(root) && Array.isArray(root.entries)) return markChecked(new ReadDictionary(file, located, root.entries, ['entries']));
  throw dictionaryError(file, located.lineOf([]), 'a dictionary is a list of entries, or a map with an "entries" list');
}

/**
 * A dictionary read from a file. Its keys (an entry's term key, then its variants' keys) sit in one
 * flat list, and a map gives each key's first place in it: conflicts are found and merges look keys
 * up. Two more maps say which entries a text can reach: by a word (the first word of any key, every
 * word of a term) and by the sound of a one-word spelling (fuzzy entries). Entries are built as they
 * are reached, or all at once when `entries` is asked for; `entries` is read-only, and entries are
 * added by merging (merge.ts).
 */
export class ReadDictionary implements Dictionary {
  /** Every key, entry by entry: the term's key, then its variants' keys in order. */
  private readonly keys: string[] = [];
  /** Where each entry's keys start in `keys`; one more item marks where the last entry's end. */
  private readonly keyStart: Int32Array;
  private readonly places = new Map<string, number>();
  private readonly byWord = new Map<string, number[]>();
  private readonly bySound = new Map<number, number[]>();
  /** People's names, matched word by word: always reached. */
  private readonly names: number[] = [];
  private readonly built: Array<DictionaryEntry | undefined>;
  private all: readonly DictionaryEntry[] | undefined;
  /** Whether source lines are looked up as entries are built (YAML) or only when read (JSON). */
  private readonly eager: boolean;
  private readonly lineOf: Located['lineOf'];
  /** How many entries have their keys in `keys` (all of them once the file is read). */
  private filed = 0;

  constructor(
    private readonly file: string,
    located: Located,
    private readonly items: unknown[],
    private readonly base: Path,
  ) {
    // `located` itself is not kept: its value is the whole parsed file
    this.lineOf = located.lineOf;
    this.eager = located.eager !== false;
    this.keyStart = new Int32Array(items.length + 1);
    this.built = new Array(items.length);
    const { keys, places } = this;
    for (let index = 0; index < items.length; index++) {
      const start = keys.length;
      this.keyStart[index] = start;
      const { fuzzy, name } = this.check(index);
      this.keyStart[index + 1] = keys.length;
      this.filed = index + 1;
      if (fuzzy && name) this.names.push(index);
      // each key is checked against those before it as it is filed
      for (let place = start; place < keys.length; place++) {
        const key = keys[place];
        const earlier = places.get(key);
        if (earlier === undefined) places.set(key, place);
        else this.checkRepeat(index, place, earlier);
        const space = key.indexOf(' ');
        if (place === start) for (const word of key.split(' ')) push(this.byWord, word, index);
        else push(this.byWord, space < 0 ? key : key.slice(0, space), index);
        const spelling = fuzzy && space < 0 ? fuzzySpelling(key) : '';
        if (spelling) push(this.bySound, soundKey(spelling), index);
      }
    }
  }

  get size(): number {
    return this.items.length;
  }

  get entries(): DictionaryEntry[] {
    this.all ??= Object.freeze(Array.from({ length: this.items.length }, (_, index) => this.entry(index)));
    return this.all as DictionaryEntry[];
  }

  /** Entry `index`, built on first use. */
  entry(index: number): DictionaryEntry {
    return (this.built[index] ??= this.read(index, true) as DictionaryEntry);
  }

  /** The entries a text reaches, by a word of it or by the sound of one, and the names; `skip` are left out. */
  reachedBy({ words, sounds }: Vocabulary, skip?: ReadonlySet<number>): DictionaryEntry[] {
    const reached = new Set(this.names);
    for (const word of words) for (const index of this.byWord.get(word) ?? NO_INDEXES) reached.add(index);
    for (const sound of sounds) for (const index of this.bySound.get(sound) ?? NO_INDEXES) reached.add(index);
    const indexes = [...reached].filter((index) => !skip?.has(index)).sort((a, b) => a - b);
    return indexes.map((index) => this.entry(index));
  }

  /** The first place of a key (a term's or a variant's), or -1. */
  placeOf(key: string): number {
    return this.places.get(key) ?? -1;
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

  toJSON(): Dictionary {
    return { entries: this.entries };
  }

  private fail(path: Path, message: string): never {
    throw dictionaryError(this.file, this.lineOf([...this.base, ...path]), message);
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

  /** Where the node at `path` (from an entry) was written. */
  private ref(path: Path): SourceRef {
    const find = () => this.lineOf([...this.base, ...path]);
    return this.eager ? { file: this.file, line: find() } : lazySource(this.file, find);
  }

  /** Checks entry `index` and files its keys; whether it is open to fuzzy matching, and a name. */
  private check(index: number): { fuzzy: boolean; name: boolean } {
    this.read(index, false);
    const raw = this.items[index] as Record<string, unknown>;
    return { fuzzy: raw.fuzzy !== false, name: raw.kind === 'name' };
  }

  /**
   * Reads entry `index`, checking each field in the order its errors are reported. Checking (the
   * first read) files the entry's keys; building (a later read) returns the entry.
   */
  private read(index: number, build: boolean): DictionaryEntry | undefined {
    const raw = this.items[index];
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
    if (!build) this.keys.push(termKey);
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
      const allUnless = ownUnless.length ? [...unless, ...ownUnless] : unless;
      variants.push(new LoadedVariant(textOf(text as string), key, ownContext, allUnless, ownWindow, next, notNext, this.ref([index, 'variants', vi])));
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
      if (build) specs.push({ ...spec!, source: this.ref([index, 'specs', si]) });
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
      source: this.ref([index]),
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
      if (this.isTermAt(earlier)) throw dictionaryError(entry.source.file, entry.source.line, `entry "${entry.term}" is already defined at ${where(owner.source)}`);
      // an earlier entry lists this term as its variant
      conflictOfTerm(this.variantAt(earlier), owner, entry);
    }
    const variant = this.variantAt(place);
    if (this.isTermAt(earlier)) conflictOfTerm(variant, this.entry(index), owner);
    const other = this.variantAt(earlier);
    if (sameCondition(other, variant)) {
      throw dictionaryError(variant.source.file, variant.source.line, `variant "${variant.text}" is claimed by "${this.entry(index).term}" and by "${owner.term}" at ${where(other.source)}`);
    }
  }
}

/** A variant as read from a file. Its words are split only when the matcher indexes it. */
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
    readonly source: SourceRef,
  ) {}

  get words(): string[] {
    return (this.split ??= this.key.split(' '));
  }

  toJSON(): Variant {
    const { text, words, key, context, unless, window, next, notNext, source } = this;
    return { text, words, key, context, unless, window, next, notNext, source };
  }
}
