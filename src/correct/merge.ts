// Merging dictionaries, later ones winning: the built-in one, then the user's files, then a roster.

import { conflictOfTerm, isChecked, markChecked, sizeOf, type Dictionary, type DictionaryEntry, type Variant, type Vocabulary } from './dictionary.js';
import { ReadDictionary } from './read-dictionary.js';

/**
 * A checked dictionary merged under a larger one read from a file: its entries (some replaced by the
 * file's, some with variants the file took over) come first, then the file's other entries, which
 * are built only when they are reached or `entries` is asked for.
 */
export class MergedDictionary implements Dictionary {
  private all: DictionaryEntry[] | undefined;
  constructor(
    /** The merged entries in the earlier dictionary's places. */
    readonly front: DictionaryEntry[],
    /** The later dictionary... */
    readonly rest: ReadDictionary,
    /** ... and its entries already in `front`, in place of an earlier entry for the same term. */
    readonly replaced: ReadonlySet<number>,
  ) {}

  get size(): number {
    return this.front.length + this.rest.size - this.replaced.size;
  }

  /** Every entry, built now; read-only, as the file's. */
  get entries(): DictionaryEntry[] {
    this.all ??= Object.freeze([...this.front, ...this.rest.entries.filter((_, index) => !this.replaced.has(index))]) as DictionaryEntry[];
    return this.all;
  }

  /** The merged entries, then those of the file a text reaches. */
  reachedBy(vocabulary: Vocabulary): DictionaryEntry[] {
    return [...this.front, ...this.rest.reachedBy(vocabulary, this.replaced)];
  }

  toJSON(): Dictionary {
    return { entries: this.entries };
  }
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
function mergeOverRead(earlier: Dictionary, later: ReadDictionary): MergedDictionary {
  const front: DictionaryEntry[] = [];
  const replaced = new Map<number, number>(); // a later entry → the earlier entry's place it takes
  const conflicts: Array<{ position: number; variant: Variant; owner: DictionaryEntry; term: DictionaryEntry }> = [];
  const termPlace = (key: string) => {
    const place = later.placeOf(key);
    return place >= 0 && later.isTermAt(place) ? place : -1;
  };
  const takenByLater = (variant: Variant) => {
    const place = later.placeOf(variant.key);
    return place >= 0 && !later.isTermAt(place);
  };
  earlier.entries.forEach((entry, position) => {
    const place = later.placeOf(entry.key);
    if (place >= 0 && later.isTermAt(place)) {
      const index = later.entryAt(place);
      replaced.set(index, position);
      front.push(later.entry(index));
      return;
    }
    const kept = entry.variants.filter((v) => !takenByLater(v));
    const own = kept.length === entry.variants.length ? entry : { ...entry, variants: kept };
    front.push(own);
    // a later variant spelled like this term (position -1: its owner is found, and placed, only for the error)
    if (place >= 0) conflicts.push({ position: -1, variant: later.variantAt(place), owner: own, term: own });
    for (const variant of kept) {
      const term = termPlace(variant.key);
      if (term >= 0) conflicts.push({ position, variant, owner: own, term: later.entry(later.entryAt(term)) });
    }
  });
  if (conflicts.length) {
    // the error mergeDictionaries reports: the first variant, in merged order, spelled like another
    // entry's term; the file's entries not replacing one keep their order after the earlier ones
    const placed: Conflict[] = conflicts.map((c) => {
      if (c.position !== -1) return { position: c.position, variant: c.owner.variants.indexOf(c.variant), raise: () => conflictOfTerm(c.variant, c.owner, c.term) };
      const index = later.entryAt(later.placeOf(c.variant.key));
      const owner = later.entry(index);
      const variant = owner.variants.findIndex((v) => v.key === c.variant.key);
      return { position: replaced.get(index) ?? front.length + index, variant, raise: () => conflictOfTerm(owner.variants[variant], owner, c.term) };
    });
    placed.sort((a, b) => a.position - b.position || a.variant - b.variant)[0].raise();
  }
  return markChecked(new MergedDictionary(front, later, new Set(replaced.keys())));
}

/**
 * Merges dictionaries, later ones winning: an entry for the same term replaces the earlier one, and a
 * variant claimed by a later entry is taken away from the earlier. Cycles across files are errors.
 */
export function mergeDictionaries(dictionaries: Dictionary[]): Dictionary {
  if (dictionaries.length === 1 && isChecked(dictionaries[0])) return dictionaries[0]; // nothing to merge, nothing to check
  if (dictionaries.length === 2) {
    const [earlier, later] = dictionaries;
    if (later instanceof ReadDictionary && isChecked(earlier) && sizeOf(earlier) <= later.size) return mergeOverRead(earlier, later);
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
  checkCycles(merged, byTerm);
  return markChecked(merged);
}

/**
 * After a merge, a variant of one entry may be the term of another (from another file): an error,
 * worded as a cycle when that entry lists the first one's term back.
 */
function checkCycles(dictionary: Dictionary, terms: Map<string, DictionaryEntry>): void {
  for (const entry of dictionary.entries) {
    for (const variant of entry.variants) {
      const found = terms.get(variant.key);
      if (found !== undefined && found !== entry) conflictOfTerm(variant, entry, found);
    }
  }
}
