// The term dictionary: its typed form, validation of a parsed file, and merging of several files.
// Loading (YAML/JSON text → plain values with line numbers) is load.ts; matching is matcher.ts.

/** Where something was written: file and 1-based line (0 when unknown). */
export interface SourceRef {
  file: string;
  line: number;
  /** When the line is left to be looked up if an error needs it (JSON): the entry's index... */
  entry?: number;
  /** ... and the list and index of the variant or spec in it. */
  list?: 'variants' | 'specs';
  index?: number;
}

const locators = new Map<string, { base: Array<string | number>; lineOf: (path: Array<string | number>) => number }>();

/** The line of a source reference, looking it up now if it was left for later. */
export function lineOfSource(source: SourceRef): number {
  if (source.line || source.entry === undefined) return source.line;
  const locator = locators.get(source.file);
  if (!locator) return 0;
  const path = [...locator.base, source.entry];
  if (source.list) path.push(source.list, source.index ?? 0);
  return locator.lineOf(path);
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

export interface Dictionary {
  entries: DictionaryEntry[];
}

/** A dictionary file that cannot be used: the CLI prints `file:line: error: message`. */
export class DictionaryError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'DictionaryError';
  }
}

export const DEFAULT_WINDOW = 12;

/** Lower case, punctuation stripped from both ends: how words are compared. */
export function wordKey(word: string): string {
  const lower = word.toLowerCase();
  if (/^[a-z0-9]+$/.test(lower)) return lower; // the common case, without a Unicode regex
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}+#]+$/gu, '').toLowerCase();
}

const PLAIN_PHRASE = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

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

type Path = Array<string | number>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const ENTRY_FIELDS = new Set(['term', 'kind', 'variants', 'context', 'unless', 'window', 'fuzzy', 'case', 'specs']);
const VARIANT_FIELDS = new Set(['text', 'context', 'unless', 'window', 'next', 'notNext']);

const NONE: string[] = [];

/** Single spaces, no edge spaces; a string is returned as it is when it already is so (the common case). */
function tidy(text: string): string {
  return /^\S+(?: \S+)*$/.test(text) ? text : text.trim().replace(/\s+/g, ' ');
}

/** Turns a parsed file into entries, or throws DictionaryError naming the offending line. */
export function dictionaryFromValue(file: string, located: Located): Dictionary {
  const root = located.value;
  let list: unknown;
  let base: Path;
  if (Array.isArray(root)) [list, base] = [root, []];
  else if (isRecord(root) && Array.isArray(root.entries)) [list, base] = [root.entries, ['entries']];
  else throw new DictionaryError(file, located.lineOf([]), 'a dictionary is a list of entries, or a map with an "entries" list');
  locators.set(file, { base, lineOf: located.lineOf });
  const eager = located.eager !== false;
  // Paths are built only when something fails or lines are eager: a 10,000-entry JSON file must
  // not allocate a path for every variant.
  const fail = (path: Path, message: string): never => {
    throw new DictionaryError(file, located.lineOf([...base, ...path]), message);
  };
  const ref = (entry: number, list?: 'variants' | 'specs', index?: number): SourceRef => {
    if (!eager) return list ? { file, line: 0, entry, list, index } : { file, line: 0, entry };
    return { file, line: located.lineOf(list ? [...base, entry, list, index!] : [...base, entry]) };
  };
  const words = (value: unknown, path: () => Path): string[] => {
    if (value === undefined) return NONE;
    if (!Array.isArray(value) || value.some((w) => typeof w !== 'string' || !w.trim())) fail(path(), 'expected a list of non-empty words');
    return (value as string[]).map((w) => w.trim().toLowerCase());
  };
  const windowOf = (value: unknown, path: () => Path, fallback: number): number => {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 200) fail(path(), 'window must be a whole number of words from 1 to 200');
    return value as number;
  };

  const entries: DictionaryEntry[] = [];
  const seen = new Map<string, DictionaryEntry | Variant>();
  const items = list as unknown[];
  for (let index = 0; index < items.length; index++) {
    const raw = items[index];
    if (!isRecord(raw)) fail([index], 'an entry must be a map with at least a "term"');
    const r = raw as Record<string, unknown>;
    for (const key in r) if (!ENTRY_FIELDS.has(key)) fail([index, key], `unknown field "${key}" (known: ${[...ENTRY_FIELDS].join(', ')})`);
    if (typeof r.term !== 'string' || !r.term.trim()) fail([index, 'term'], 'an entry needs a non-empty "term"');
    const rawTerm = r.term as string;
    const lowerTerm = rawTerm.toLowerCase();
    // the common case (single spaces, plain words) takes one regex; anything else is tidied first
    const plainTerm = PLAIN_PHRASE.test(lowerTerm);
    const term = plainTerm ? rawTerm : tidy(rawTerm);
    const termKey = plainTerm ? lowerTerm : phraseKey(term);
    if (!termKey) fail([index, 'term'], `term "${term}" has no word in it`);
    if (r.kind !== undefined && r.kind !== 'term' && r.kind !== 'name') fail([index, 'kind'], 'kind is "term" or "name"');
    if (r.fuzzy !== undefined && typeof r.fuzzy !== 'boolean') fail([index, 'fuzzy'], 'fuzzy is true or false');
    if (r.case !== undefined && typeof r.case !== 'boolean') fail([index, 'case'], 'case is true or false');
    const context = words(r.context, () => [index, 'context']);
    const unless = words(r.unless, () => [index, 'unless']);
    const window = windowOf(r.window, () => [index, 'window'], DEFAULT_WINDOW);
    if (r.variants !== undefined && !Array.isArray(r.variants)) fail([index, 'variants'], 'variants is a list');
    const rawVariants = (r.variants as unknown[] | undefined) ?? NONE;
    const variants: Variant[] = [];
    for (let vi = 0; vi < rawVariants.length; vi++) {
      const v = rawVariants[vi];
      const plain = typeof v === 'string';
      if (!plain && !isRecord(v)) fail([index, 'variants', vi], 'a variant is a string or a map with "text"');
      const spec = (plain ? NO_FIELDS : v) as Record<string, unknown>;
      if (!plain) for (const key in spec) if (!VARIANT_FIELDS.has(key)) fail([index, 'variants', vi, key], `unknown variant field "${key}"`);
      const given = plain ? v : spec.text;
      const lower = typeof given === 'string' ? given.toLowerCase() : '';
      const plainText = PLAIN_PHRASE.test(lower);
      const text = plainText ? (given as string) : typeof given === 'string' ? tidy(given) : '';
      const key = plainText ? lower : phraseKey(text);
      if (!key) fail([index, 'variants', vi], `empty variant in entry "${term}"`);
      if (key === termKey) fail([index, 'variants', vi], `variant "${text}" is the term itself (its casing is fixed without listing it)`);
      const ownUnless = plain ? NONE : words(spec.unless, () => [index, 'variants', vi, 'unless']);
      variants.push(
        new LoadedVariant(
          text,
          key,
          plain || spec.context === undefined ? context : words(spec.context, () => [index, 'variants', vi, 'context']),
          ownUnless.length ? [...unless, ...ownUnless] : unless,
          plain ? window : windowOf(spec.window, () => [index, 'variants', vi, 'window'], window),
          plain ? NONE : words(spec.next, () => [index, 'variants', vi, 'next']),
          plain ? NONE : words(spec.notNext, () => [index, 'variants', vi, 'notNext']),
          file,
          eager ? located.lineOf([...base, index, 'variants', vi]) : 0,
          index,
          vi,
        ),
      );
    }
    if (r.specs !== undefined && !Array.isArray(r.specs)) fail([index, 'specs'], 'specs is a list of {in, out} or {keep} examples');
    const specs = r.specs === undefined ? NO_SPECS : (r.specs as unknown[]).map((s, si): Spec => {
      const source = ref(index, 'specs', si);
      if (isRecord(s) && typeof s.keep === 'string' && Object.keys(s).length === 1) return { input: s.keep, output: s.keep, source };
      if (isRecord(s) && typeof s.in === 'string' && typeof s.out === 'string' && Object.keys(s).length === 2) return { input: s.in, output: s.out, source };
      return fail([index, 'specs', si], 'a spec is {in: text, out: expected} or {keep: text that must not change}');
    });
    const entry: DictionaryEntry = {
      term,
      key: termKey,
      kind: (r.kind as 'term' | 'name' | undefined) ?? 'term',
      variants,
      context,
      unless,
      window,
      fuzzy: (r.fuzzy as boolean | undefined) ?? true,
      fixCase: (r.case as boolean | undefined) ?? true,
      specs,
      source: ref(index),
    };
    registerEntry(seen, entry, entries);
    entries.push(entry);
  }
  const dictionary = { entries };
  keysRead.set(dictionary, seen);
  checked.add(dictionary);
  return dictionary;
}

/**
 * The keys of each dictionary read from a file, as reading it checked them: a term's key to its
 * entry, a variant's key to the (first) variant listing it. Merging looks keys up in them instead of
 * walking a large file's entries again.
 */
const keysRead = new WeakMap<Dictionary, Map<string, DictionaryEntry | Variant>>();
/** Dictionaries known to be free of conflicts: read and checked, merged, or compiled from a checked file. */
const checked = new WeakSet<Dictionary>();

/** Marks a dictionary as checked: one compiled (at build time) from a file that was. */
export function markChecked<D extends Dictionary>(dictionary: D): D {
  checked.add(dictionary);
  return dictionary;
}

/**
 * Checks each entry of one file as it is read, against what came before it: a term defined twice,
 * a variant claimed by two entries (with the same context), and a variant that is another entry's
 * term (a cycle when that entry lists this one's term back). One map, one pass.
 */
function registerEntry(seen: Map<string, DictionaryEntry | Variant>, entry: DictionaryEntry, entries: DictionaryEntry[]): void {
  const found = seen.get(entry.key);
  if (found !== undefined) {
    if ('term' in found) throw new DictionaryError(entry.source.file, lineOfSource(entry.source), `entry "${entry.term}" is already defined at ${where(found.source)}`);
    // an earlier entry lists this term as its variant
    const owner = entries.find((e) => e.variants.includes(found))!;
    conflictOfTerm(found, owner, entry);
  }
  seen.set(entry.key, entry);
  for (const variant of entry.variants) {
    const other = seen.get(variant.key);
    if (other === undefined) {
      seen.set(variant.key, variant);
      continue;
    }
    if ('term' in other) conflictOfTerm(variant, entry, other);
    else if (sameCondition(other, variant) && !entry.variants.includes(other)) {
      const owner = entries.find((e) => e.variants.includes(other))!;
      throw new DictionaryError(variant.source.file, lineOfSource(variant.source), `variant "${variant.text}" is claimed by "${entry.term}" and by "${owner.term}" at ${where(other.source)}`);
    }
  }
}

/** `variant` of `entry` is the term of `target`: a cycle if the target lists the entry's term back. */
function conflictOfTerm(variant: Variant, entry: DictionaryEntry, target: DictionaryEntry): never {
  const back = target.variants.find((v) => v.key === entry.key);
  const s = variant.source;
  if (back) throw new DictionaryError(s.file, lineOfSource(s), `cycle: "${variant.text}" → "${entry.term}" here, and "${back.text}" → "${target.term}" at ${where(back.source)}`);
  throw new DictionaryError(s.file, lineOfSource(s), `variant "${variant.text}" of "${entry.term}" is itself the term of the entry at ${where(target.source)}`);
}

const NO_FIELDS: Record<string, unknown> = {};

/**
 * A variant as read from a file. Its words are split only when the matcher indexes it: a large
 * dictionary has many variants the text never reaches.
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

  /** Made when asked for (an error message, the compiled default): not one object per variant. */
  get source(): SourceRef {
    return this.line ? { file: this.file, line: this.line } : { file: this.file, line: 0, entry: this.entryIndex, list: 'variants', index: this.variantIndex };
  }

  toJSON(): Variant {
    const { text, words, key, context, unless, window, next, notNext, source } = this;
    return { text, words, key, context, unless, window, next, notNext, source };
  }
}
const NO_SPECS: Spec[] = [];

const where = (s: SourceRef) => (lineOfSource(s) ? `${s.file}:${lineOfSource(s)}` : s.file);

/**
 * Conflicts that make a dictionary ambiguous: one variant claimed by two terms (within one file), and
 * cycles, where a variant of one entry is the term of another that lists the first as its variant.
 */
export function checkConsistency(dictionary: Dictionary, singleFile: boolean, terms?: Map<string, DictionaryEntry>): void {
  // one map holds the terms and then the variants (their keys never meet: a variant equal to a term
  // is the error looked for), so each variant costs one lookup and, in one file, one insertion
  const seen = (terms ?? new Map<string, DictionaryEntry>()) as Map<string, DictionaryEntry | Variant>;
  if (!terms) {
    for (const entry of dictionary.entries) {
      const earlier = seen.get(entry.key) as DictionaryEntry | undefined;
      if (earlier && singleFile) throw new DictionaryError(entry.source.file, lineOfSource(entry.source), `entry "${entry.term}" is already defined at ${where(earlier.source)}`);
      seen.set(entry.key, entry);
    }
  }
  const ownerEntry = (v: Variant) => dictionary.entries.find((e) => e.variants.includes(v))!;
  for (const entry of dictionary.entries) {
    for (const variant of entry.variants) {
      const found = seen.get(variant.key);
      if (found === undefined) {
        if (singleFile) seen.set(variant.key, variant);
        continue;
      }
      if ('term' in found) {
        if (found === entry) continue;
        const back = found.variants.find((v) => v.key === entry.key);
        const s = variant.source;
        if (back) throw new DictionaryError(s.file, lineOfSource(s), `cycle: "${variant.text}" → "${entry.term}" here, and "${back.text}" → "${found.term}" at ${where(back.source)}`);
        throw new DictionaryError(s.file, lineOfSource(s), `variant "${variant.text}" of "${entry.term}" is itself the term of the entry at ${where(found.source)}`);
      }
      // across files a later claim wins (mergeDictionaries); in one file, two claims are a conflict
      if (sameCondition(found, variant) && !entry.variants.includes(found)) {
        throw new DictionaryError(variant.source.file, lineOfSource(variant.source), `variant "${variant.text}" is claimed by "${entry.term}" and by "${ownerEntry(found).term}" at ${where(found.source)}`);
      }
      seen.set(variant.key, variant);
    }
  }
}

/** Two variants with different context words may share their text: the context decides. */
function sameCondition(a: Variant, b: Variant): boolean {
  return a.context === b.context || a.context.join(' ') === b.context.join(' ');
}

/** Entry position and variant of the first conflict in merge order, with the error it raises. */
interface Conflict {
  position: number;
  variant: number;
  raise: () => never;
}

/**
 * mergeDictionaries for a checked dictionary under a larger one read from a file (the built-in one
 * under a user's): the same entries in the same order and the same errors, found by walking the
 * smaller one only and looking its keys up in the larger one's, so that a 10,000-entry file is not
 * walked again. Each alone is free of conflicts, so only keys of one meeting terms of the other can be.
 */
function mergeOverRead(earlier: Dictionary, later: Dictionary, laterKeys: Map<string, DictionaryEntry | Variant>): Dictionary {
  const merged: DictionaryEntry[] = [];
  const replacing = new Map<DictionaryEntry, number>(); // later entries put in an earlier one's place
  const conflicts: Array<{ position: number; variant: Variant; owner: DictionaryEntry; term: DictionaryEntry }> = [];
  const takenByLater = (variant: Variant) => {
    const found = laterKeys.get(variant.key);
    return found !== undefined && !('term' in found);
  };
  earlier.entries.forEach((entry, position) => {
    const found = laterKeys.get(entry.key);
    if (found !== undefined && 'term' in found) {
      replacing.set(found, position);
      merged.push(found);
      return;
    }
    const kept = entry.variants.filter((v) => !takenByLater(v));
    const own = kept.length === entry.variants.length ? entry : { ...entry, variants: kept };
    merged.push(own);
    // a later variant spelled like this term (position -1: its owner is found, and placed, only for the error)
    if (found !== undefined) conflicts.push({ position: -1, variant: found, owner: own, term: own });
    for (const variant of kept) {
      const term = laterKeys.get(variant.key);
      if (term !== undefined && 'term' in term) conflicts.push({ position, variant, owner: own, term });
    }
  });
  for (const entry of later.entries) if (!replacing.has(entry)) merged.push(entry);
  if (conflicts.length) {
    // the error mergeDictionaries reports: the first variant, in merged order, spelled like another entry's term
    const positionOf = (entry: DictionaryEntry) => replacing.get(entry) ?? merged.indexOf(entry);
    const placed: Conflict[] = conflicts.map((c) => {
      if (c.position !== -1) return { position: c.position, variant: c.owner.variants.indexOf(c.variant), raise: () => conflictOfTerm(c.variant, c.owner, c.term) };
      const owner = later.entries.find((e) => e.variants.some((v) => v.key === c.variant.key))!;
      const variant = owner.variants.findIndex((v) => v.key === c.variant.key);
      return { position: positionOf(owner), variant, raise: () => conflictOfTerm(owner.variants[variant], owner, c.term) };
    });
    placed.sort((a, b) => a.position - b.position || a.variant - b.variant)[0].raise();
  }
  return markChecked({ entries: merged });
}

/**
 * Merges dictionaries, later ones winning: an entry for the same term replaces the earlier one, and a
 * variant claimed by a later entry is taken away from the earlier. Cycles across files are errors.
 */
export function mergeDictionaries(dictionaries: Dictionary[]): Dictionary {
  if (dictionaries.length === 2) {
    const [earlier, later] = dictionaries;
    const laterKeys = keysRead.get(later);
    if (laterKeys && checked.has(earlier) && earlier.entries.length <= later.entries.length) return mergeOverRead(earlier, later, laterKeys);
  }
  const byTerm = new Map<string, DictionaryEntry>();
  for (const dictionary of dictionaries) {
    if (byTerm.size) {
      // variants claimed again later are taken from the earlier entries; look them up from the
      // smaller side (the built-in dictionary is small, a user's may be large)
      const earlier = new Set<string>();
      for (const entry of byTerm.values()) for (const v of entry.variants) earlier.add(v.key);
      const taken = new Set<string>();
      for (const e of dictionary.entries) for (const v of e.variants) if (earlier.has(v.key)) taken.add(v.key);
      if (taken.size) {
        for (const [key, entry] of byTerm) {
          const kept = entry.variants.filter((v) => !taken.has(v.key));
          if (kept.length !== entry.variants.length) byTerm.set(key, { ...entry, variants: kept });
        }
      }
    }
    for (const entry of dictionary.entries) byTerm.set(entry.key, entry);
  }
  const merged = { entries: [...byTerm.values()] };
  checkConsistency(merged, false, byTerm);
  return markChecked(merged);
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
