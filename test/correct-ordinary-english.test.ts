// Ordinary English in talks that also use a term's spellings: the within-talk and spoken-Python
// rules (talk-terms.ts, spoken-python.ts, evidence.ts) leave it as said. Each case was a false fix
// of an earlier version of those rules.

import { describe, expect, it } from 'vitest';
import { correctTerms } from '../src/correct/index.js';
import { loadDefaultDictionary } from '../src/correct/load.js';
import { tokensOf } from '../src/correct/spec.js';
import type { WordToken } from '../src/types.js';

const dictionary = loadDefaultDictionary();
const fix = (text: string) =>
  correctTerms({ title: null, tokens: tokensOf(text).map((t) => ({ ...t, line: 2 }) as WordToken), corrections: [], warnings: [] }, dictionary)
    .tokens.map((t) => (t.type === 'word' ? t.text : ''))
    .join(' ');

describe('ordinary English stays in a talk that uses the term', () => {
  it('a two-word variant is not carried by its term\'s fixes ("see Python")', () => {
    // (a sentence between, so that the listed variant's own context words are out of reach)
    const filler = 'The rest of this part is about how we measured things on our own laptops at home.';
    const out = fix(`We love C Python. Yes, C Python is great. And C Python is fun. ${filler} ${filler} Now you will see Python is really slow here. Let us see Python run this code.`);
    expect(out).toContain('you will see Python is really slow');
    expect(out).toContain('Let us see Python run');
  });

  it('"at X" is a decorator only with the word decorator right after it', () => {
    expect(fix('Today we talk about the profile decorator. First look at profile output and then at cache misses.')).toContain('look at profile output and then at cache misses.');
    expect(fix('We met at final round of the decorator contest.')).toContain('met at final round');
    expect(fix('then we put the at profile decorator on the function')).toContain('the @profile decorator');
  });

  it('a joined name\'s words after "a", "an" or "only" are an ordinary noun, even once the name is written', () => {
    const dev = fix('I read the python-dev list. Later I became a full time Python dev. Being the only Python dev at work is hard.');
    expect(dev).toContain('a full time Python dev.');
    expect(dev).toContain('the only Python dev at work');
    expect(fix('I tried memory_profiler first. What we need is a good memory profiler for this.')).toContain('a good memory profiler');
  });

  it('a capitalised "Dunder…" is a name, not a dunder method', () => {
    expect(fix('Our mayor Kathy Dunderdale spoke first.')).toContain('Kathy Dunderdale spoke');
  });

  it('an English spelling carried through a talk still needs a technical word near', () => {
    const talk = 'CPython uses incref and decref on every object. You call anchor and decker on the object. You call an anchor or a decker on the reference. Then anchor and decker again on the reference count. The rest of this part is about how we measured things at home. Ships drop an anchor in the harbour when the weather turns.';
    expect(fix(talk)).toContain('Ships drop an anchor in the harbour');
  });

  it('a name of three joined words is found whatever else the talk says', () => {
    const alone = fix('Then pip install click option group and go.');
    const withDunder = fix('We wrote a dunder init method. Then pip install click option group and go.');
    expect(withDunder.endsWith(alone)).toBe(true);
  });
});
