// The term dictionary on small crafted cases: the file format and its errors, merging, matching
// across tokens and lines, context words, fuzzy matching, and the traps that must stay untouched.

import { describe, expect, it } from 'vitest';
import { entriesForNames, type Dictionary } from '../src/correct/dictionary.js';
import { mergeDictionaries } from '../src/correct/merge.js';
import { correctTerms } from '../src/correct/index.js';
import { COMPILED_DEFAULT_PATH, DEFAULT_DICTIONARY_NAME, DEFAULT_DICTIONARY_PATH, loadDefaultDictionary, loadDictionaryFile, parseDictionary } from '../src/correct/load.js';
import { correctSentence } from '../src/correct/spec.js';
import { normalize } from '../src/normalize/index.js';
import { parseTranscript } from '../src/read/transcript.js';
import { existsSync, readFileSync } from 'node:fs';
import { textOf, normalizeLines } from './helpers/pipeline.js';
import { thrownBy } from './helpers/errors.js';

const yaml = (text: string, file = 'test.yaml') => parseDictionary(text, file);

const errorOf = (fn: () => unknown) => thrownBy('dictionary', fn);

describe('dictionary files', () => {
  it('reads entries with variants, context and specs, and the line of each', () => {
    const d = yaml(['entries:', '  - term: GIL', '    context: [lock]', '    variants:', '      - gill', '      - { text: guild, context: [thread] }', '    specs:', '      - { in: a, out: b }', '      - keep: c'].join('\n'));
    const [entry] = d.entries;
    expect(entry.term).toBe('GIL');
    expect(entry.source.line).toBe(2);
    expect(entry.variants.map((v) => [v.text, v.context, v.source.line])).toEqual([
      ['gill', ['lock'], 5],
      ['guild', ['thread'], 6],
    ]);
    expect(entry.specs.map((s) => [s.input, s.output, s.source.line])).toEqual([
      ['a', 'b', 8],
      ['c', 'c', 9],
    ]);
  });

  it('finds the lines of each dictionary in its own text, two read under one name included', () => {
    const spread = parseDictionary(['{"entries": [', '  {"term": "Nox",', '   "variants": ["knox"]}', ']}'].join('\n'), 'user.json');
    parseDictionary('[{"term": "GIL", "variants": ["gill"]}]', 'user.json'); // one line: every node on line 1
    expect(spread.entries[0].source.line).toBe(2);
    expect(spread.entries[0].variants[0].source.line).toBe(3);
    // a conflict found when merging names the variant's own line
    const clash = parseDictionary(['[', '  {"term": "Zorblex",', '   "variants": ["python"]}', ']'].join('\n'), 'user.json');
    parseDictionary('[{"term": "Other"}]', 'user.json');
    expect(errorOf(() => mergeDictionaries([loadDefaultDictionary(), clash]))).toMatchObject({ file: 'user.json', line: 3 });
  });

  it('reads the same dictionary from JSON', () => {
    const d = parseDictionary(JSON.stringify({ entries: [{ term: 'Nox', variants: ['Knox'] }] }), 'd.json');
    expect(d.entries[0].variants[0].words).toEqual(['knox']);
  });

  it('fails on malformed YAML with the file and line', () => {
    const e = errorOf(() => yaml('entries:\n  - term: GIL\n    variants: [gill\n  - term: PyPI\n', 'bad.yaml'));
    expect(e.file).toBe('bad.yaml');
    expect(e.line).toBeGreaterThanOrEqual(3);
    expect(e.message).toMatch(/^malformed YAML: /);
    expect(e.message).not.toContain('\n');
  });

  it('fails on malformed JSON with the line', () => {
    const e = errorOf(() => parseDictionary('{\n "entries": [\n  {"term": "x",}\n ]\n}', 'bad.json'));
    expect([e.file, e.line]).toEqual(['bad.json', 3]);
  });

  it('fails on an empty variant, naming its line', () => {
    const e = errorOf(() => yaml('entries:\n  - term: GIL\n    variants:\n      - gill\n      - ""\n'));
    expect([e.line, e.message]).toEqual([5, 'empty variant in entry "GIL"']);
    expect(errorOf(() => yaml('entries:\n  - term: GIL\n    variants: ["  ,  "]\n')).line).toBe(3);
  });

  it('fails on a cyclic pair, naming both lines', () => {
    const e = errorOf(() => yaml('entries:\n  - term: colour\n    variants: [color]\n  - term: color\n    variants: [colour]\n'));
    expect(e.line).toBe(3);
    expect(e.message).toBe('cycle: "color" → "colour" here, and "colour" → "color" at test.yaml:5');
  });

  it('fails on a cycle across files, in the later one', () => {
    const a = yaml('- term: colour\n  variants: [color]\n', 'a.yaml');
    const b = yaml('- term: color\n  variants: [colour]\n', 'b.yaml');
    const e = errorOf(() => mergeDictionaries([a, b]));
    expect(`${e.file}:${e.line}`).toMatch(/^(a|b)\.yaml:2$/);
    expect(e.message).toMatch(/^cycle: /);
  });

  it('fails on a variant claimed by two terms, a duplicate term, unknown fields and bad values', () => {
    expect(errorOf(() => yaml('- term: GIL\n  variants: [gill]\n- term: Gil\n  variants: [gill]\n')).message).toMatch(/already defined|claimed by/);
    expect(errorOf(() => yaml('- term: A\n  variants: [x]\n- term: B\n  variants: [x]\n')).message).toBe('variant "x" is claimed by "B" and by "A" at test.yaml:2');
    expect(errorOf(() => yaml('- term: A\n- term: a\n')).message).toBe('entry "a" is already defined at test.yaml:1');
    // the earlier entry is found among those read so far, wherever it is
    const later = errorOf(() => yaml('- term: B\n- term: A\n- term: C\n- term: D\n- term: a\n- term: E\n'));
    expect([later.line, later.message]).toEqual([5, 'entry "a" is already defined at test.yaml:2']);
    const claimed = errorOf(() => parseDictionary(JSON.stringify([{ term: 'A' }, { term: 'B', variants: ['x'] }, { term: 'C' }, { term: 'D', variants: ['y', 'x'] }, { term: 'E' }], null, 2), 'd.json'));
    expect(`${claimed.file}:${claimed.line}: ${claimed.message}`).toBe('d.json:18: variant "x" is claimed by "D" and by "B" at d.json:8');
    expect(errorOf(() => yaml('- term: A\n  variant: [x]\n')).line).toBe(2);
    expect(errorOf(() => yaml('- term: A\n  window: 0\n')).message).toMatch(/window/);
    expect(errorOf(() => yaml('- variants: [x]\n')).message).toBe('an entry needs a non-empty "term"');
    expect(errorOf(() => yaml('- term: A\n  specs: [{in: x}]\n')).line).toBe(2);
  });

  it('fails on a variant that only repeats the term', () => {
    expect(errorOf(() => yaml('- term: PyTorch\n  variants: [pytorch]\n')).message).toMatch(/is the term itself/);
  });

  it('names a missing file', () => {
    const e = errorOf(() => loadDictionaryFile('/nonexistent/d.yaml'));
    expect([e.file, e.line, e.message]).toEqual(['/nonexistent/d.yaml', 0, 'no such dictionary file']);
  });
});

describe('the default dictionary', () => {
  const d = loadDictionaryFile(DEFAULT_DICTIONARY_PATH, DEFAULT_DICTIONARY_NAME);

  it('has at least 150 entries covering packages, tools, PEPs, communities and acronyms', () => {
    expect(d.entries.length).toBeGreaterThanOrEqual(150);
    const terms = new Set(d.entries.map((e) => e.term));
    for (const t of ['GIL', 'PyPI', 'PEP 8', 'PEP 621', 'PyCon JP', 'PyLadies', 'PSF', 'NumPy', 'pytest', 'OWASP', 'API', 'JSON']) expect(terms.has(t), t).toBe(true);
  });

  // compiled by `npm run build` (npm test runs it first); vitest alone reads the YAML
  it.skipIf(!existsSync(COMPILED_DEFAULT_PATH))('is compiled for the build exactly as its YAML reads', () => {
    expect(JSON.parse(readFileSync(COMPILED_DEFAULT_PATH, 'utf8'))).toEqual(JSON.parse(JSON.stringify(d)));
  });
});

describe('matching', () => {
  const dict = yaml(
    [
      '- term: GIL',
      '  context: [problem, lock, interpreter]',
      '  unless: [fish]',
      '  variants: [gill]',
      '- term: LeetCode',
      '  variants: [leak code]',
      '- term: pipx run cookiecutter',
      '  variants: [PEP X run cookie cutter]',
      '- term: PyTorch',
      '- term: pyup',
      '  variants: [piup]',
      '- term: PSF',
      '  variants: [PSA]',
    ].join('\n'),
  );
  const fix = (s: string) => correctSentence(s, dict);

  it('replaces a variant case-insensitively and keeps the punctuation around it', () => {
    expect(fix('the Gill problem, again.')).toBe('the GIL problem, again.');
    expect(fix('("gill" problem)')).toBe('("GIL" problem)');
    expect(fix("the PSA's fund")).toBe("the PSF's fund");
    expect(fix('use piup.io today')).toBe('use pyup.io today');
  });

  it('needs a context word nearby and no "unless" word', () => {
    expect(fix('the fish has a gill')).toBe('the fish has a gill');
    expect(fix('a gill problem for the fish')).toBe('a gill problem for the fish');
    expect(fix('the gill of a trout')).toBe('the gill of a trout');
  });

  it('sets canonical casing', () => {
    expect(fix('I love pytorch and PYTORCH')).toBe('I love PyTorch and PyTorch');
  });

  it('leaves a domain in lower case: a change of case alone is no fix there', () => {
    expect(fix('see pytorch.org and pyup.io')).toBe('see pytorch.org and pyup.io');
  });

  it('replaces multi-word variants, tolerating commas but not a sentence end', () => {
    expect(fix('a leak code problem')).toBe('a LeetCode problem');
    expect(fix('a leak, code problem')).toBe('a LeetCode problem');
    expect(fix('it had a leak. Code was lost')).toBe('it had a leak. Code was lost');
    expect(fix('do a PEP X run cookie cutter, now')).toBe('do a pipx run cookiecutter, now');
  });

  it('matches across a line break, keeping the first position and the last punctuation', () => {
    const stream = correctTerms(normalizeLines('I realize that this is actually a leak。', 'code problem。'), dict);
    expect(textOf(stream)).toBe('I realize that this is actually a LeetCode problem.');
    const fixTo = stream.corrections.find((c) => c.kind === 'term')!;
    expect(fixTo).toMatchObject({ line: 1, from: 'leak code', to: 'LeetCode', kind: 'term', rule: 'LeetCode, variant', confidence: 1 });
    const word = stream.tokens.find((t) => t.type === 'word' && t.text === 'LeetCode')!;
    expect([word.line, word.column]).toEqual([1, 36]);
  });

  it('records each fix with line, column, from, to, kind, rule and confidence', () => {
    const stream = correctTerms(normalize(parseTranscript('# T\n\n The gill problem。\n')), dict);
    expect(stream.corrections.filter((c) => c.kind === 'term')).toEqual([{ line: 3, column: 6, from: 'gill', to: 'GIL', kind: 'term', rule: 'GIL, variant', confidence: 1 }]);
  });
});

describe('fuzzy matching', () => {
  const dict = yaml('- term: Semgrep\n- term: Pyodide\n- term: Heroku\n  fuzzy: false\n');

  it('fixes an unlisted spelling that sounds and looks alike, with a confidence below 1', () => {
    const stream = correctTerms({ title: null, tokens: [{ type: 'word', text: 'Semgrap,', line: 1, column: 1, sentenceEnd: false }], corrections: [], warnings: [] }, dict);
    expect(textOf(stream)).toBe('Semgrep,');
    const [c] = stream.corrections;
    expect(c.rule).toBe('Semgrep, fuzzy');
    expect(c.confidence).toBeGreaterThanOrEqual(0.8);
    expect(c.confidence).toBeLessThan(1);
  });

  it('leaves English words, entries without fuzzy, and anything under --min-confidence alone', () => {
    expect(correctSentence('a pyoid is not a word but semigroup is', dict)).toBe('a pyoid is not a word but semigroup is');
    expect(correctSentence('Herokku', dict)).toBe('Herokku');
    expect(correctSentence('Semgrap', dict, 0.99)).toBe('Semgrap');
    expect(correctSentence('Semgrap', dict, 1)).toBe('Semgrap');
    expect(correctSentence('Semgrap', dict, 0.8)).toBe('Semgrep');
  });

  it('leaves an English word misspelt by one letter doubled or not (a draft typist’s slip) alone', () => {
    const polars = yaml('- term: Polars\n  case: false\n');
    expect(correctSentence('they are the pilars of the web', polars)).toBe('they are the pilars of the web');
  });

  it('matches one word of a person’s name from a roster', () => {
    const names: Dictionary = { entries: entriesForNames([{ name: 'Christopher Neugebauer' }, { name: 'Jeff', aliases: ['Geoff'] }]) };
    expect(correctSentence('My name is Christopher Neuigabauer.', names)).toBe('My name is Christopher Neugebauer.');
    expect(correctSentence("I'm jeff, or Geoff.", names)).toBe("I'm Jeff, or Jeff.");
    expect(names.entries[0].kind).toBe('name');
  });
});

describe('merging', () => {
  it('lets later dictionaries win, for a term and for a variant', () => {
    const base = yaml('- term: Nox\n  variants: [Knox]\n- term: GIL\n  variants: [gill]\n', 'base.yaml');
    const mine = yaml('- term: Knox Inc\n  variants: [Knox]\n- term: GIL\n  variants: [gil problem]\n', 'mine.yaml');
    const merged = mergeDictionaries([base, mine]);
    expect(correctSentence('Knox and the gill and the gil problem', merged)).toBe('Knox Inc and the gill and the GIL');
    expect(merged.entries.find((e) => e.term === 'Nox')!.variants).toEqual([]);
  });
});

describe('traps the default dictionary keeps as they are', () => {
  const d = loadDefaultDictionary();
  it.each([
    'So come find us at the rest of the conference.',
    'why can\'t you just do this thing with the data',
    'the fish breathes through its gill',
    'if you have an EC2 instance or something else',
    'a really nice feature of PEP 621.',
    'PyPy is fast',
    'magnets repel each other',
    'a good set of tools makes a carpenter happy',
    'the bandit robbed the train',
    'the recursion ended in a stack overflow error',
  ])('%s', (sentence) => {
    expect(correctSentence(sentence, d)).toBe(sentence);
  });
});
