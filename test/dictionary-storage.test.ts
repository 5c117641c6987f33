// How a large dictionary read from a file is kept: its entries found again in the JSON text, and its
// keys in a hash table over typed arrays. Each is compared with the plain way on generated input.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entrySpans } from '../src/correct/json-spans.js';
import { hashOf, KeyTable } from '../src/correct/key-table.js';
import { parseDictionary } from '../src/correct/load.js';

// Strings that look like structure: brackets, quotes, backslashes, "entries" itself, non-ASCII.
const tricky = fc.constantFrom('a', '{', '}', '[', ']', '"', '\\', '\\"', 'entries', '"entries"', 'é', '💬', ' ', ',', ':');
const text = fc.array(tricky, { maxLength: 6 }).map((parts) => parts.join(''));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.constantFrom(true, null), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 3 }),
  object: fc.dictionary(text, tie('value'), { maxKeys: 3 }),
}));
const entry = fc.dictionary(text, json.value, { maxKeys: 3 });
const spacing = fc.constantFrom(undefined, 1, '\t', ' \n ');

describe('finding the entries of a JSON dictionary in its text', () => {
  it('finds each entry of a top-level list, or of the last "entries" list, as JSON.parse reads them (generated)', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 5 }), fc.boolean(), fc.array(fc.tuple(text, json.value), { maxLength: 2 }), spacing, (entries, wrapped, around, space) => {
        // other keys around the list, and an "entries" key met earlier that the last one replaces
        const root = wrapped ? Object.fromEntries([['entries', [{ early: 1 }]], ...around.filter(([k]) => k !== 'entries'), ['entries', entries]]) : entries;
        let source = JSON.stringify(root, null, space);
        if (wrapped) source = source.replace('{', `{"entries": [{"early": [1, "]"]}],`);
        const spans = entrySpans(source, wrapped);
        const parsed = JSON.parse(source);
        const list = wrapped ? parsed.entries : parsed;
        expect(spans).not.toBeNull();
        expect(Array.from(spans!.starts, (start, i) => JSON.parse(source.slice(start, spans!.ends[i])))).toEqual(list);
      }),
      { numRuns: 500, seed: 20261125 },
    );
  });

  it('builds entries read again from their text the same as from the whole file', () => {
    const entries = [{ term: 'GIL', variants: ['gill', { text: 'guild "lock"', context: ['thread'] }], specs: [{ in: 'the gill', out: 'the GIL' }] }, { term: 'Nox', variants: ['knox'] }];
    const source = JSON.stringify({ note: '{"entries": []}', entries }, null, 2);
    const read = parseDictionary(source, 'd.json');
    const whole = parseDictionary(source, 'd.json').entries; // all at once: the whole text read again
    expect(read.entriesAt([1, 0])).toEqual([whole[1], whole[0]]);
  });
});

describe('the key table', () => {
  it('finds what a Map finds, the first place of each key (generated)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 3000 }), (keys) => {
        const table = new KeyTable();
        const map = new Map<string, number>();
        keys.forEach((key, place) => {
          const hash = hashOf(key);
          const found = table.find(key, hash, (p) => keys[p]);
          expect(found).toBe(map.get(key) ?? -1);
          if (found < 0) {
            table.add(hash, place);
            map.set(key, place);
          }
        });
        for (const probe of ['', 'zz', ...keys.slice(0, 20)]) expect(table.find(probe, hashOf(probe), (p) => keys[p])).toBe(map.get(probe) ?? -1);
      }),
      { numRuns: 60, seed: 20261125 },
    );
  });

  it('hashes a part of a text as the same text alone', () => {
    expect(hashOf('xx knox yy', 3, 7)).toBe(hashOf('knox'));
  });
});
