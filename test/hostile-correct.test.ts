// Hostile inputs, cases 5 and 7 of the hardening list: terms spelt with leading punctuation are
// neither doubled nor matched without it; punctuation a variant would lose is refused; a YAML alias
// bomb is refused with one line instead of expanded.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDictionaryFile, mergeDictionaries, parseDictionary } from '../src/correct/index.js';
import { loadDefaultDictionary } from '../src/correct/load.js';
import { correctSentence } from '../src/correct/spec.js';
import { thrownBy } from './helpers/errors.js';
import { runCli } from './helpers/cli.js';
import { ROOT } from './helpers/example.js';

const HOSTILE = join(ROOT, 'test/fixtures/hostile');
const sigils = loadDictionaryFile(join(HOSTILE, 'sigil-terms.yaml'));

describe('terms that start with punctuation (case 5)', () => {
  it('are written once, whether the text already has the sigil or says it in words', () => {
    expect(correctSentence('I use .NET and dot net daily.', sigils)).toBe('I use .NET and .NET daily.');
    expect(correctSentence('Follow #PyConUS and hashtag pycon us.', sigils)).toBe('Follow #PyConUS and #PyConUS.');
    expect(correctSentence('Ask @pycon or at pycon today.', sigils)).toBe('Ask @pycon or @pycon today.');
    expect(correctSentence('It runs on (.NET) too.', sigils)).toBe('It runs on (.NET) too.');
  });

  it('need their sigil in the text: a plain word of the same letters is left alone', () => {
    expect(correctSentence('A fishing net is not NET.', sigils)).toBe('A fishing net is not NET.');
  });

  it('a plain term still fixes a hashtag of it', () => {
    const merged = mergeDictionaries([loadDefaultDictionary(), sigils]);
    expect(correctSentence('See you at #pycon next year.', merged)).toBe('See you at #PyCon next year.');
  });

  it('a variant with punctuation matching would drop is refused, naming its line', () => {
    // (a file is checked whole when it is first used)
    const error = thrownBy('dictionary', () => mergeDictionaries([loadDefaultDictionary(), parseDictionary('entries:\n  - term: Alpha\n    variants: ["a.*"]\n', 'star.yaml')]));
    expect([error.file, error.line]).toEqual(['star.yaml', 3]);
    expect(error.message).toMatch(/variant "a\.\*": "\.\*" at the edge of a word is not matched/);
  });
});

describe('YAML alias bombs (case 7)', () => {
  it('are refused as a malformed dictionary, in one line', () => {
    const error = thrownBy('dictionary', () => loadDictionaryFile(join(HOSTILE, 'alias-bomb.yaml')));
    expect(error.message).toMatch(/too many aliases/);
    for (const args of [['build', join(ROOT, 'fixtures/pycon-2022-lightning-talks-day2-am.md'), '-d', join(HOSTILE, 'alias-bomb.yaml'), '-f', 'vtt'], ['dict', 'test', join(HOSTILE, 'alias-bomb.yaml')], ['check', join(HOSTILE, 'alias-bomb.yaml'), '--terms', '-d', join(HOSTILE, 'alias-bomb.yaml')]]) {
      const run = runCli(args);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr, args.join(' ')).toMatch(/alias-bomb\.yaml:1: error: malformed YAML: too many aliases/);
    }
  });
});
