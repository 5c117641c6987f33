// Merging a dictionary under one read from a file takes a shortcut (only the smaller one is walked);
// it must give what the general merge gives: the same entries in the same order, the same errors.

import { isDiagnosticError } from '../src/diagnostic.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dictionary } from '../src/correct/dictionary.js';
import { mergeDictionaries } from '../src/correct/merge.js';
import { loadDefaultDictionary, parseDictionary } from '../src/correct/load.js';
import { propertyRuns } from './helpers/runs.js';

const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'omega', 'sigma', 'kappa', 'zeta'];

/** A dictionary file of made-up entries: terms and variants drawn from a few words, so they meet. */
const fileOf = (entries: Array<{ term: string; variants: string[] }>, name: string) =>
  parseDictionary(JSON.stringify({ entries: entries.map((e) => ({ term: e.term, variants: e.variants })) }), name);

/** The merge's outcome, comparable: its entries' terms and variant keys in order, or the error. */
function outcome(merge: () => Dictionary): unknown {
  try {
    return merge().entries.map((e) => [e.term, e.variants.map((v) => v.key)]);
  } catch (error) {
    if (isDiagnosticError(error, 'dictionary')) return `${error.file}:${error.line}: ${error.message}`;
    throw error;
  }
}

const entriesArb = fc
  .uniqueArray(fc.record({ term: fc.constantFrom(...WORDS), variants: fc.uniqueArray(fc.constantFrom(...WORDS.map((w) => `${w}x`), ...WORDS), { maxLength: 2 }) }), { selector: (e) => e.term, minLength: 1, maxLength: 6 })
  .map((entries) => entries.map((e) => ({ ...e, variants: e.variants.filter((v) => v !== e.term) })));

describe('merging under a dictionary read from a file', () => {
  it('gives the general merge\'s entries and errors (generated pairs)', () => {
    const runs = propertyRuns(300, 3_200);
    let compared = 0;
    let errors = 0;
    fc.assert(
      fc.property(entriesArb, entriesArb, (a, b) => {
        let earlier: Dictionary;
        let later: Dictionary;
        try {
          earlier = fileOf(a, 'a.json');
          later = fileOf([...b, ...WORDS.slice(0, 3).map((w) => ({ term: `${w}-extra`, variants: [] }))], 'b.json'); // larger than a
        } catch {
          return; // a file that is wrong on its own is not a merge case
        }
        const shortcut = outcome(() => mergeDictionaries([earlier, later]));
        const general = outcome(() => mergeDictionaries([earlier, { entries: later.entries }]));
        expect(shortcut).toEqual(general);
        compared++;
        if (typeof shortcut === 'string') errors++;
      }),
      { numRuns: runs, seed: 20261125 },
    );
    expect(compared).toBeGreaterThan(runs / 6); // most generated pairs are merge cases
    expect(errors).toBeGreaterThan(5);
    expect(compared - errors).toBeGreaterThan(5);
  });

  it('puts a user file over the built-in dictionary as the general merge does', () => {
    const user = parseDictionary(JSON.stringify({ entries: [{ term: 'GIL', variants: ['gill lock'] }, { term: 'Guildhall', variants: ['guild'] }, { term: 'Zorblex', variants: ['zorb lex'] }] }), 'user.json');
    const shortcut = mergeDictionaries([loadDefaultDictionary(), user]);
    const general = mergeDictionaries([loadDefaultDictionary(), { entries: user.entries }]);
    expect(shortcut.entries.map((e) => [e.term, e.variants.map((v) => v.key)])).toEqual(general.entries.map((e) => [e.term, e.variants.map((v) => v.key)]));
    // the user's GIL replaces the built-in one, and "guild" goes over to the user's entry
    expect(shortcut.entries.find((e) => e.term === 'GIL')?.variants.map((v) => v.key)).toEqual(['gill lock']);
    expect(shortcut.entries.filter((e) => e.variants.some((v) => v.key === 'guild')).map((e) => e.term)).toEqual(['Guildhall']);
  });
});
