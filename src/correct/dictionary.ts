// The term dictionary: its typed form, validation of a parsed file, and merging of several files.
// Loading (YAML/JSON text → plain values with line numbers) is load.ts; matching is matcher.ts.

/** Where something was written: file and 1-based line (0 when unknown). */
export interface SourceRef {
  file: string;
  line: number;
  /** Where in the file's tree, when the line is looked up only if an error needs it (JSON). */
  path?: Array<string | number>;
}

const locators = new Map<string, (path: Array<string | number>) => number>();

/** The line of a source reference, looking it up now if it was left for later. */
export function lineOfSource(source: SourceRef): number {
  if (source.line || !source.path) return source.line;
  return locators.get(source.file)?.(source.path) ?? 0;
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

export function phraseWords(text: string): string[] {
  return text.split(/\s+/).map(wordKey).filter(Boolean);
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

/** Turns a parsed file into entries, or throws DictionaryError naming the offending line. */
export function dictionaryFromValue(file: string, located: Located): Dictionary {
  const fail = (path: Path, message: string): never => {
    throw new DictionaryError(file, located.lineOf(path), message);
  };
  locators.set(file, located.lineOf);
  const ref = (path: Path): SourceRef => (located.eager === false ? { file, line: 0, path } : { file, line: located.lineOf(path) });
  const root = located.value;
  let list: unknown;
  let base: Path;
  if (Array.isArray(root)) [list, base] = [root, []];
  else if (isRecord(root) && Array.isArray(root.entries)) [list, base] = [root.entries, ['entries']];
  else return fail([], 'a dictionary is a list of entries, or a map with an "entries" list');

  const words = (value: unknown, path: Path): string[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.some((w) => typeof w !== 'string' || !w.trim())) fail(path, 'expected a list of non-empty words');
    return (value as string[]).map((w) => w.trim().toLowerCase());
  };
  const windowOf = (value: unknown, path: Path, fallback: number): number => {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 200) fail(path, 'window must be a whole number of words from 1 to 200');
    return value as number;
  };

  const entries = (list as unknown[]).map((raw, index): DictionaryEntry => {
    const at: Path = [...base, index];
    if (!isRecord(raw)) return fail(at, 'an entry must be a map with at least a "term"');
    for (const key of Object.keys(raw)) if (!ENTRY_FIELDS.has(key)) fail([...at, key], `unknown field "${key}" (known: ${[...ENTRY_FIELDS].join(', ')})`);
    if (typeof raw.term !== 'string' || !raw.term.trim()) fail([...at, 'term'], 'an entry needs a non-empty "term"');
    const term = (raw.term as string).trim().replace(/\s+/g, ' ');
    if (raw.kind !== undefined && raw.kind !== 'term' && raw.kind !== 'name') fail([...at, 'kind'], 'kind is "term" or "name"');
    for (const flag of ['fuzzy', 'case'] as const) if (raw[flag] !== undefined && typeof raw[flag] !== 'boolean') fail([...at, flag], `${flag} is true or false`);
    const context = words(raw.context, [...at, 'context']);
    const unless = words(raw.unless, [...at, 'unless']);
    const window = windowOf(raw.window, [...at, 'window'], DEFAULT_WINDOW);
    if (raw.variants !== undefined && !Array.isArray(raw.variants)) fail([...at, 'variants'], 'variants is a list');
    const variants = ((raw.variants as unknown[] | undefined) ?? []).map((v, vi): Variant => {
      const vat: Path = [...at, 'variants', vi];
      const spec = typeof v === 'string' ? { text: v } : isRecord(v) ? v : fail(vat, 'a variant is a string or a map with "text"');
      for (const key of Object.keys(spec)) if (!VARIANT_FIELDS.has(key)) fail([...vat, key], `unknown variant field "${key}"`);
      const text = typeof spec.text === 'string' ? spec.text.trim().replace(/\s+/g, ' ') : '';
      const vwords = phraseWords(text);
      if (!vwords.length) fail(vat, `empty variant in entry "${term}"`);
      if (vwords.join(' ') === phraseWords(term).join(' ')) fail(vat, `variant "${text}" is the term itself (its casing is fixed without listing it)`);
      return {
        text,
        words: vwords,
        context: spec.context === undefined ? context : words(spec.context, [...vat, 'context']),
        unless: [...unless, ...words(spec.unless, [...vat, 'unless'])],
        window: windowOf(spec.window, [...vat, 'window'], window),
        next: words(spec.next, [...vat, 'next']),
        notNext: words(spec.notNext, [...vat, 'notNext']),
        source: ref(vat),
      };
    });
    if (raw.specs !== undefined && !Array.isArray(raw.specs)) fail([...at, 'specs'], 'specs is a list of {in, out} or {keep} examples');
    const specs = ((raw.specs as unknown[] | undefined) ?? []).map((s, si): Spec => {
      const sat: Path = [...at, 'specs', si];
      const source = ref(sat);
      if (isRecord(s) && typeof s.keep === 'string' && Object.keys(s).length === 1) return { input: s.keep, output: s.keep, source };
      if (isRecord(s) && typeof s.in === 'string' && typeof s.out === 'string' && Object.keys(s).length === 2) return { input: s.in, output: s.out, source };
      return fail(sat, 'a spec is {in: text, out: expected} or {keep: text that must not change}');
    });
    return {
      term,
      kind: (raw.kind as 'term' | 'name' | undefined) ?? 'term',
      variants,
      context,
      unless,
      window,
      fuzzy: (raw.fuzzy as boolean | undefined) ?? true,
      fixCase: (raw.case as boolean | undefined) ?? true,
      specs,
      source: ref(at),
    };
  });
  const dictionary = { entries };
  checkConsistency(dictionary, true);
  return dictionary;
}

const where = (s: SourceRef) => (lineOfSource(s) ? `${s.file}:${lineOfSource(s)}` : s.file);

/**
 * Conflicts that make a dictionary ambiguous: one variant claimed by two terms (within one file), and
 * cycles, where a variant of one entry is the term of another that lists the first as its variant.
 */
export function checkConsistency(dictionary: Dictionary, singleFile: boolean): void {
  const byTerm = new Map<string, DictionaryEntry>();
  for (const entry of dictionary.entries) {
    const key = phraseWords(entry.term).join(' ');
    const earlier = byTerm.get(key);
    if (earlier && singleFile) throw new DictionaryError(entry.source.file, lineOfSource(entry.source), `entry "${entry.term}" is already defined at ${where(earlier.source)}`);
    byTerm.set(key, entry);
  }
  const owner = new Map<string, { entry: DictionaryEntry; variant: Variant }>();
  for (const entry of dictionary.entries) {
    for (const variant of entry.variants) {
      const key = variant.words.join(' ');
      const target = byTerm.get(key);
      if (target && target !== entry) {
        const back = target.variants.find((v) => v.words.join(' ') === phraseWords(entry.term).join(' '));
        const s = variant.source;
        if (back) throw new DictionaryError(s.file, lineOfSource(s), `cycle: "${variant.text}" → "${entry.term}" here, and "${back.text}" → "${target.term}" at ${where(back.source)}`);
        throw new DictionaryError(s.file, lineOfSource(s), `variant "${variant.text}" of "${entry.term}" is itself the term of the entry at ${where(target.source)}`);
      }
      const claimed = owner.get(key);
      if (claimed && claimed.entry !== entry && singleFile && sameCondition(claimed.variant, variant)) {
        throw new DictionaryError(variant.source.file, lineOfSource(variant.source), `variant "${variant.text}" is claimed by "${entry.term}" and by "${claimed.entry.term}" at ${where(claimed.variant.source)}`);
      }
      owner.set(key, { entry, variant });
    }
  }
}

/** Two variants with different context words may share their text: the context decides. */
function sameCondition(a: Variant, b: Variant): boolean {
  return a.context.join(' ') === b.context.join(' ');
}

/**
 * Merges dictionaries, later ones winning: an entry for the same term replaces the earlier one, and a
 * variant claimed by a later entry is taken away from the earlier. Cycles across files are errors.
 */
export function mergeDictionaries(dictionaries: Dictionary[]): Dictionary {
  const byTerm = new Map<string, DictionaryEntry>();
  for (const dictionary of dictionaries) {
    const laterVariants = new Set(dictionary.entries.flatMap((e) => e.variants.map((v) => v.words.join(' '))));
    for (const [key, entry] of byTerm) {
      const kept = entry.variants.filter((v) => !laterVariants.has(v.words.join(' ')));
      if (kept.length !== entry.variants.length) byTerm.set(key, { ...entry, variants: kept });
    }
    for (const entry of dictionary.entries) byTerm.set(phraseWords(entry.term).join(' '), entry);
  }
  const merged = { entries: [...byTerm.values()] };
  checkConsistency(merged, false);
  return merged;
}

/** Entries for the people of a talk (from a speaker roster): their name in its proper casing and spellings heard. */
export function entriesForNames(people: Array<{ name: string; aliases?: string[] }>, file = '<roster>'): DictionaryEntry[] {
  return people.map((person, index) => {
    const source = { file, line: index + 1 };
    const term = person.name.trim().replace(/\s+/g, ' ');
    return {
      term,
      kind: 'name' as const,
      variants: (person.aliases ?? [])
        .map((a) => a.trim().replace(/\s+/g, ' '))
        .filter((a) => a && a !== term && phraseWords(a).length)
        .map((text) => ({ text, words: phraseWords(text), context: [], unless: [], window: DEFAULT_WINDOW, next: [], notNext: [], source })),
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
