// Python's own names said as words (src/correct/spoken-python.ts): dunder names the recognizer
// garbled, and decorators said "at X" beside the word decorator. A dunder heard right ("dunder
// code") and words that only look alike ("under main street") stay.

import { describe, expect, it } from 'vitest';
import { correctTerms } from '../src/correct/index.js';
import { loadDefaultDictionary } from '../src/correct/load.js';
import { tokensOf } from '../src/correct/spec.js';
import type { WordToken } from '../src/types.js';

const dictionary = loadDefaultDictionary();
const fix = (line: string) =>
  correctTerms({ title: null, tokens: tokensOf(line).map((t) => ({ ...t, line: 2 }) as WordToken), corrections: [], warnings: [] }, dictionary)
    .tokens.map((t) => (t.type === 'word' ? t.text : ''))
    .join(' ');

describe('dunder names said as words', () => {
  it.each([
    ['If you have a dunderdell method that takes self', 'a __del__ method'],
    ['they are cached in your dunder pi cache folder on disk', 'your __pycache__ folder'],
    ['it runs in the sub-interpreters under main module.', 'sub-interpreters __main__ module.'],
    ['state is preserved between runs in the under main, module.', 'the __main__, module.'],
    ['then you write under under init with self', 'write __init__ with'],
    ['you define double underscore repr on the class', 'define __repr__ on'],
  ])('%s', (input, wanted) => {
    expect(fix(input)).toContain(wanted);
  });

  it('keeps a dunder heard right, and "under" before a name without a slot word', () => {
    expect(fix('stored in the dunder code attribute of the function')).toContain('dunder code attribute');
    expect(fix('the shop is under main street management now')).toContain('under main street');
    expect(fix('we were under main pressure to ship')).toContain('under main pressure');
  });
});

describe('decorators said "at X"', () => {
  it('writes the decorator beside the word decorator', () => {
    expect(fix('You just put at profile decorators on functions that you want to profile.')).toContain('put @profile decorators');
    expect(fix('it also supports the at-profile decorators.')).toContain('the @profile decorators');
  });

  it('leaves "at" before the same word elsewhere, and names outside the list', () => {
    expect(fix('look at profile pictures on the site')).toContain('at profile pictures');
    expect(fix('you can write a little at coverage decorator')).toContain('at coverage decorator');
  });
});

describe('names joined with "_" or "-" heard as their words', () => {
  it('writes the name where the words are used as one, then through the talk', () => {
    const text = fix('there is a profiler for memory called memory profiler. Sadly memory profiler is slow.');
    expect(text).toContain('called memory_profiler.');
    expect(text).toContain('Sadly memory_profiler is');
    expect(fix('after installing the line profiler you add the decorator')).toContain('installing the line_profiler you');
    expect(fix('and the line profiler library comes with a tool')).toContain('the line_profiler library');
    expect(fix('then pip install typing extensions and go')).toContain('install typing-extensions and');
  });

  it('leaves the words where they are ordinary', () => {
    expect(fix('you could use a memory profiler for that')).toContain('a memory profiler for');
    expect(fix('a profiler called memory profiler, unlike a memory profiler in general')).toContain('unlike a memory profiler in');
    expect(fix('every line profiler shows time per line')).toContain('every line profiler shows');
  });

  it('writes the unittest module, not a unit test', () => {
    expect(fix('python had the unit test module back then')).toContain('the unittest module back');
    expect(fix('write a unit test for the function')).toContain('a unit test for');
  });
});

describe("the Python project's mailing lists", () => {
  it('writes python-dev where it is named or a mailing list, then through the talk', () => {
    expect(fix('I said e-mail this called python dev. I did it.')).toContain('called python-dev.');
    expect(fix('also on the Python dev mailing list. So what else')).toContain('the python-dev mailing list.');
    const text = fix('a list called python dev. Which meant that i was always scanning python dev and ideas.');
    expect(text).toContain('scanning python-dev and');
  });

  it('leaves the language and a developer alone', () => {
    expect(fix('I am a python dev at a small company')).toContain('a Python dev at');
    expect(fix('we write python every day')).toContain('write Python every');
  });
});

describe('a command-line flag keeps its case', () => {
  it('does not case the word of a flag', () => {
    expect(fix('you can tell it to use -html, which will produce a webpage')).toContain('use -html,');
    expect(fix('pass --json to get a report')).toContain('pass --json to');
    expect(fix('it writes html and json reports')).toContain('writes HTML and JSON reports');
  });
});
