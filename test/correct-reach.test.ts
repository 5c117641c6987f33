// A dictionary read from a file is indexed for a text from its keys, building only the entries the
// text can reach. The index must be the one made from all its entries built: generated dictionaries
// and texts compare the two.

import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Dictionary } from '../src/correct/dictionary.js';
import { loadDefaultDictionary, parseDictionary } from '../src/correct/load.js';
import { correctTerms } from '../src/correct/index.js';
import { buildIndex, vocabularyOf, type TermIndex } from '../src/correct/matcher.js';
import { mergeDictionaries } from '../src/correct/merge.js';
import type { ReadDictionary } from '../src/correct/read-dictionary.js';
import { propertyRuns } from './helpers/runs.js';

// Words that meet: sound-alikes (knox/nox/nocks), hyphens and dots, short words, a name's parts.
const WORDS = ['knox', 'nox', 'nocks', 'gill', 'guild', 'lock', 'scikit-hep', 'scikit', 'hep', 'piup.io', 'piup', 'pyup', 'sam', 'semgrep', 'samgrep', 'py', 'pi', 'neugebauer', 'noigabauer', 'christopher', 'thread', 'x'];
const word = fc.constantFrom(...WORDS);
const phrase = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
const entry = fc.record(
  {
    term: phrase.map((p) => p[0].toUpperCase() + p.slice(1)),
    kind: fc.constantFrom('term', 'name'),
    variants: fc.uniqueArray(phrase, { maxLength: 3 }),
    context: fc.constantFrom(['lock'], ['thread', 'python']),
    fuzzy: fc.boolean(),
    case: fc.boolean(),
  },
  { requiredKeys: ['term'] },
);
/** A valid file: unique terms, no variant equal to a term (so no conflicts), each key once. */
const file = fc.uniqueArray(entry, { selector: (e) => e.term.toLowerCase(), maxLength: 12 }).map((entries) => {
  const terms = new Set(entries.map((e) => e.term.toLowerCase()));
  const claimed = new Set<string>();
  return entries.map((e) => ({ ...e, variants: (e.variants ?? []).filter((v) => !terms.has(v) && !claimed.has(v) && claimed.add(v)) }));
});
const text = fc.array(fc.oneof(word, fc.constantFrom('the', 'Knox,', 'piup.io.', "Semgrep's", 'noigabaur')), { maxLength: 30 });

/** The index as comparable data: every list in its order, the known words sorted. */
function shape(index: TermIndex): unknown {
  return {
    byFirstWord: [...index.byFirstWord].sort(([a], [b]) => a.localeCompare(b)).map(([k, list]) => [k, list.map((p) => [p.entry.term, p.words, p.how, p.context, p.unless, p.window, p.next, p.notNext])]),
    bySound: [...index.bySound].sort(([a], [b]) => a - b).map(([k, list]) => [k, list.map((t) => [t.entry.term, t.key, t.replacement])]),
    known: [...index.known].sort(),
  };
}

describe('indexing a dictionary read from a file', () => {
  it('gives the index of all its entries built, alone and merged over the built-in one (generated)', () => {
    const runs = propertyRuns(150, 1_200);
    let reachedSome = 0;
    fc.assert(
      fc.property(file, text, (entries, words) => {
        const read = parseDictionary(JSON.stringify({ entries }), 'generated.json');
        const vocabulary = vocabularyOf(words);
        const built: Dictionary = { entries: read.entries };
        expect(shape(buildIndex(read, vocabulary))).toEqual(shape(buildIndex(built, vocabulary)));
        const index = buildIndex(read, vocabulary);
        if (index.byFirstWord.size || index.bySound.size) reachedSome++;
        let merged: Dictionary;
        try {
          merged = mergeDictionaries([loadDefaultDictionary(), parseDictionary(JSON.stringify({ entries }), 'generated.json')]);
        } catch {
          return; // a file that clashes with the built-in dictionary is an error, tested elsewhere
        }
        expect(shape(buildIndex(merged, vocabulary))).toEqual(shape(buildIndex({ entries: merged.entries }, vocabulary)));
      }),
      { numRuns: runs, seed: 20261125 },
    );
    expect(reachedSome).toBeGreaterThan(runs / 3); // the texts reach some entry often
  });

  it('builds only the entries a text reaches', () => {
    const entries = Array.from({ length: 2000 }, (_, i) => ({ term: `Zorblex${i}`, variants: [`zorb lex${i}`] }));
    entries.push({ term: 'Nox', variants: ['knox'] });
    const read = parseDictionary(JSON.stringify({ entries }), 'large.json') as ReadDictionary;
    const built = vi.spyOn(read, 'entry');
    const index = buildIndex(read, vocabularyOf(['we', 'use', 'knox']));
    expect([...index.byFirstWord.keys()]).toEqual(['knox']);
    expect(built.mock.calls).toEqual([[2000]]);
    built.mockClear();
    const wider = buildIndex(read, vocabularyOf(['we', 'use', 'knox', 'zorb']));
    expect([...wider.byFirstWord.keys()].sort()).toEqual(['knox', 'zorb']);
    expect(wider.byFirstWord.get('zorb')).toHaveLength(2000);
    expect(built.mock.calls).toHaveLength(2001);
  });

  it('reaches an entry by the sound of a spelling no word of the text has, and fixes the heard word', () => {
    const entries = [{ term: 'Semgrep', variants: ['samgrep'] }, { term: 'Zorblex', variants: ['zorb lex'] }];
    const read = parseDictionary(JSON.stringify({ entries }), 'large.json') as ReadDictionary;
    const built = vi.spyOn(read, 'entry');
    // "semgrap" is near Semgrep in sound, and no word of it is in the text
    const index = buildIndex(read, vocabularyOf(['we', 'use', 'semgrap']));
    expect([...index.bySound.values()].flat().map((t) => t.key)).toEqual(['semgrep', 'samgrep']);
    expect(built.mock.calls).toEqual([[0]]);
    const words = ['we', 'use', 'semgrap'].map((text, i) => ({ type: 'word' as const, text, line: 1, column: 1 + i * 4, sentenceEnd: false }));
    const fixed = correctTerms({ title: null, tokens: words, corrections: [], warnings: [] }, read);
    expect(fixed.corrections.map((c) => [c.from, c.to, c.rule])).toEqual([['semgrap', 'Semgrep', 'Semgrep, fuzzy']]);
  });

  it('is read-only: entries are added by merging', () => {
    const read = parseDictionary(JSON.stringify([{ term: 'Nox', variants: ['knox'] }]), 'd.json');
    expect(() => read.entries.push(read.entries[0])).toThrow(TypeError);
  });
});
