// How a large dictionary read from a file is kept: its entries found again in the JSON text, and its
// keys in a hash table over typed arrays. Each is compared with the plain way on generated input.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entrySpans } from '../src/correct/json-entries.js';
import { IntList, KeyList } from '../src/correct/key-list.js';
import { hashOf, KeyTable } from '../src/correct/key-table.js';
import { DictionaryError } from '../src/correct/dictionary.js';
import { parseDictionary, parseWholeJson } from '../src/correct/load.js';

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
      fc.property(fc.array(entry, { maxLength: 5 }), fc.boolean(), fc.array(fc.tuple(text, json.value), { maxLength: 2 }), spacing, fc.boolean(), (entries, wrapped, around, space, escaped) => {
        // other keys around the list, and an "entries" key met earlier that the last one replaces
        const root = wrapped ? Object.fromEntries([...around.filter(([k]) => k !== 'entries'), ['entries', entries]]) : entries;
        let source = JSON.stringify(root, null, space);
        if (wrapped) source = source.replace('{', `{"entries": [{"early": [1, "]"]}], ${escaped ? '"\\u0065ntries": [{"late": 2}],' : ''}`);
        // the key written with an escape is "entries" all the same
        if (wrapped && escaped) source = source.replace(/"entries"(\s*):(\s*)(\[\s*(?:\{|\]))(?![\s\S]*"entries"\s*:)/, '"\\u0065ntries"$1:$2$3');
        const bytes = Buffer.from(source);
        const spans = entrySpans(bytes, wrapped);
        const parsed = JSON.parse(source);
        const list = wrapped ? parsed.entries : parsed;
        expect(spans).not.toBeNull();
        expect(spans!.plain).toBe(true); // a list of objects, a comma between each two
        expect(Array.from(spans!.starts, (start, i) => JSON.parse(bytes.toString('utf8', start, spans!.ends[i])))).toEqual(list);
      }),
      { numRuns: 500, seed: 20261125 },
    );
  });

  it('reads a JSON dictionary entry by entry exactly as parsed whole: the same entries, or the same error (generated, some corrupted)', () => {
    const word = fc.constantFrom('Nox', 'knox', 'GIL', 'gill', 'gill lock', 'lock', 'é', '', ' ', 'a"b', 'x\\y', '{', ']', ',');
    const variant = fc.oneof(word, fc.record({ text: word, context: fc.array(word, { maxLength: 2 }) }, { requiredKeys: ['text'] }), fc.constantFrom(3, null));
    const dictEntry = fc.oneof(
      fc.record({ term: word, variants: fc.array(variant, { maxLength: 3 }), context: fc.array(word, { maxLength: 2 }), fuzzy: fc.boolean() }, { requiredKeys: ['term'] }),
      fc.constantFrom('Nox', 7, [], null), // not an entry at all
    );
    const corruption = fc.option(fc.tuple(fc.nat(), fc.constantFrom(',', '{', '}', '[', ']', '"', '\\', ' ', '0', ':', '{]', '[}', ' {}'), fc.constantFrom('put in', 'take out', 'put instead', 'put after')), { nil: undefined });
    const outcome = (read: () => { entries: unknown[] }) => {
      try {
        return JSON.stringify(read().entries);
      } catch (error) {
        return error instanceof DictionaryError ? String(error.message) : `unexpected ${String(error)}`;
      }
    };
    let corrupted = 0;
    fc.assert(
      fc.property(fc.array(dictEntry, { maxLength: 4 }), fc.boolean(), spacing, corruption, (entries, wrapped, space, change) => {
        let source = JSON.stringify(wrapped ? { note: '[{"entries": 1}]', entries } : entries, null, space);
        if (change) {
          // a character or two put in, taken out or put instead of one somewhere, or put after the end
          const [at, put, how] = change;
          const place = at % (source.length + 1);
          if (how === 'put after') source += put;
          else source = source.slice(0, place) + (how === 'take out' ? '' : put) + source.slice(how === 'put in' ? place : place + 1);
          corrupted++;
        }
        expect(outcome(() => parseDictionary(source, 'd.json'))).toBe(outcome(() => parseWholeJson(source, 'd.json')));
      }),
      { numRuns: 1500, seed: 20261125 },
    );
    expect(corrupted).toBeGreaterThan(500);
    // what a scan counting brackets alone would accept: an entry closed by "]", text after the list
    for (const source of ['[{"term":"A","variants":["b"]}, {"term":"B", "variants":["c"]]]', '[{"term":"A"],{"term":"B"}]', '{"entries":[{"term":"A"],{"term":"B"}]}', '[{"term":"A"}] {]', '[]{{"term":"B"}]']) {
      expect(outcome(() => parseDictionary(source, 'd.json'))).toMatch(/^malformed JSON/);
    }
    // text that has no UTF-8 of its own is read as given
    const lone = '[{"term":"ab\ud800cd"}]'; // a lone surrogate in the text, not an escape
    expect(parseDictionary(lone, 'd.json').entries[0].term).toBe('ab\ud800cd');
  });

  it('reads a file of many entries, parsed a run at a time, as parsed whole, errors past the first runs included', () => {
    const entries = Array.from({ length: 200 }, (_, i) => ({ term: `Zorblex${i}`, variants: [`zorb lex${i}`, `zorblecks${i}`], ...(i % 7 ? {} : { context: ['python'] }) }));
    const source = JSON.stringify({ entries }, null, 1);
    expect(JSON.stringify(parseDictionary(source, 'd.json').entries)).toBe(JSON.stringify(parseWholeJson(source, 'd.json').entries));
    const clash = JSON.stringify({ entries: entries.map((e, i) => (i === 150 ? { ...e, variants: ['zorb lex3'] } : e)) }, null, 1);
    const message = (read: () => unknown) => {
      try {
        read();
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(message(() => parseDictionary(clash, 'd.json'))).toMatch(/variant "zorb lex3" is claimed by "Zorblex150" and by "Zorblex3"/);
    expect(message(() => parseDictionary(clash, 'd.json'))).toBe(message(() => parseWholeJson(clash, 'd.json')));
  });

  it('reads the entries under an "entries" key written with an escape, the one JSON.parse keeps', () => {
    const source = '{"entries": [{"term": "Nox", "variants": ["knox"], "context": ["lock"]}], "\\u0065ntries": [{"term": "NOX", "variants": ["Knox"]}]}';
    const read = parseDictionary(source, 'escaped.json');
    expect(read.entriesAt([0])[0]).toMatchObject({ term: 'NOX', context: [] });
    expect(read.entries.map((e) => [e.term, e.variants.map((v) => v.text)])).toEqual([['NOX', ['Knox']]]);
  });

  it('builds entries read again from their text the same as from the whole file', () => {
    const entries = [{ term: 'GIL', variants: ['gill', { text: 'guild "lock"', context: ['thread'] }], specs: [{ in: 'the gill', out: 'the GIL' }] }, { term: 'Nox', variants: ['knox'] }];
    const source = JSON.stringify({ note: '{"entries": []}', entries }, null, 2);
    const read = parseDictionary(source, 'd.json');
    const whole = parseDictionary(source, 'd.json').entries; // all at once: the whole text read again
    expect(read.entriesAt([1, 0])).toEqual([whole[1], whole[0]]);
  });
});

describe('a dictionary read from a file', () => {
  it('files an entry of the plain shape as it files the same entry read field by field (generated)', () => {
    // "fuzzy: true" (the default) takes an entry off the plain path: outcomes must not change
    const plainEntry = fc.record({ term: fc.constantFrom('Nox', 'GIL', 'C++', '  ', 'a b', '-'), variants: fc.array(fc.constantFrom('knox', 'Nox', 'gill', 'gill  lock', '', ' ', 'a b', 'nocks', 3), { maxLength: 3 }), context: fc.constantFrom(undefined, ['lock'], [], [''], 'lock') }, { requiredKeys: ['term'] });
    const outcome = (entries: unknown[]) => {
      try {
        return parseDictionary(JSON.stringify(entries), 'd.json').entries.map((e) => [e.term, e.key, e.context, e.fuzzy, e.variants.map((v) => [v.text, v.key])]);
      } catch (error) {
        return String(error);
      }
    };
    fc.assert(
      fc.property(fc.array(plainEntry, { maxLength: 4 }), (entries) => {
        expect(outcome(entries)).toEqual(outcome(entries.map((e) => ({ ...e, fuzzy: true }))));
      }),
      { numRuns: 400, seed: 20261125 },
    );
  });

  it('is read-only: entries are added by merging', () => {
    const read = parseDictionary(JSON.stringify([{ term: 'Nox', variants: ['knox'] }]), 'd.json');
    expect(() => read.entries.push(read.entries[0])).toThrow(TypeError);
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
          const found = table.find(key, hash, { equals: (p: number, k: string) => keys[p] === k });
          expect(found).toBe(map.get(key) ?? -1);
          if (found < 0) {
            table.add(hash, place);
            map.set(key, place);
          }
        });
        for (const probe of ['', 'zz', ...keys.slice(0, 20)]) expect(table.find(probe, hashOf(probe), { equals: (p: number, k: string) => keys[p] === k })).toBe(map.get(probe) ?? -1);
      }),
      { numRuns: 60, seed: 20261125 },
    );
  });

  it('hashes a part of a text as the same text alone', () => {
    expect(hashOf('xx knox yy', 3, 7)).toBe(hashOf('knox'));
  });
});

describe('the keys of a dictionary kept in typed arrays', () => {
  it('gives back what was added, as an array of strings does, through pushes, rollbacks and settling (generated)', () => {
    const key = fc.oneof(fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('x'.repeat(5000), '💬 é', '\ud800'));
    const step = fc.oneof(fc.record({ push: key }), fc.record({ takeBack: fc.nat(3) }), fc.constant({ settle: true }));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.nat(64), (steps, capacity) => {
        const list = new KeyList(capacity);
        const model: string[] = [];
        let settled = 0;
        for (const s of steps) {
          if ('push' in s) {
            list.push(s.push);
            model.push(s.push);
          } else if ('takeBack' in s) {
            const length = Math.max(settled, model.length - s.takeBack);
            list.truncate(length);
            model.length = length;
          } else {
            list.settle();
            settled = model.length;
          }
        }
        expect(list.length).toBe(model.length);
        model.forEach((k, place) => {
          expect(list.at(place)).toBe(k);
          expect(list.equals(place, k)).toBe(true);
          expect(list.equals(place, `${k}!`)).toBe(false);
        });
        if (settled > 0) expect(() => list.truncate(settled - 1)).toThrow(RangeError);
      }),
      { numRuns: 300, seed: 20261125 },
    );
  });

  it('keeps numbers as an array does, past its first capacity', () => {
    const list = new IntList(2);
    const model = Array.from({ length: 100 }, (_, i) => (i * 7919) | 0);
    for (const n of model) list.push(n);
    expect(Array.from(list.toArray())).toEqual(model);
    expect(list.get(99)).toBe(model[99]);
  });
});

