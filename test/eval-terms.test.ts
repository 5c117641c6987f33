// The terms section of the evaluation (scripts/eval/terms.mjs): how fixes are scored against gold,
// and how a heading is read for the talk's names and terms.

import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types
import { countWords, scoreFile } from '../scripts/eval/terms.mjs';
import { readHeading } from '../src/correct/heading.js';
import { loadLexicon } from '../src/correct/lexicon.js';
import { soundSpelling } from '../src/correct/sound.js';

const gold = {
  source: 'talk.md',
  fixes: [
    { heard: 'the gill', correct: 'the GIL', kind: 'project', lines: [4, 6] },
    { heard: 'C Python', correct: 'CPython', kind: 'project', lines: [8] },
    { heard: 'python two', correct: 'Python 2', kind: 'project', lines: [10] },
  ],
  unsure: [{ heard: 'Pieday', lines: [12], note: 'PyBay or PyData' }],
};
const fix = (line: number, from: string, to: string) => ({ line, column: 1, from, to, rule: `${to}, variant`, confidence: 1 });

describe('scoring fixes against the gold', () => {
  it('counts a gold occurrence fixed when the fixes inside it give its spelling', () => {
    const score = scoreFile(gold, [fix(4, 'gill', 'GIL'), fix(8, 'C Python', 'CPython')]);
    expect(score.gold).toBe(4);
    expect(score.fixed).toBe(2);
    expect(score.falseFixes).toEqual([]);
    expect(score.missed.map((m: { line: number }) => m.line).sort((a: number, b: number) => a - b)).toEqual([6, 10]);
  });

  it('lists a fix off the gold, and one to another spelling, as false', () => {
    const score = scoreFile(gold, [fix(5, 'rest', 'Rust'), fix(8, 'C Python', 'C-Python')]);
    expect(score.falseFixes.map((f: { from: string; why: string }) => `${f.from}: ${f.why}`)).toEqual(['rest: not in the gold', 'C Python: gold: CPython']);
  });

  it('pairs a fix of exactly the heard span with its occurrence before a fix of a part of it', () => {
    const macros = { source: 'talk.md', fixes: [
      { heard: 'PyInkRef', correct: 'Py_INCREF', kind: 'other', lines: [3] },
      { heard: 'PyInkRef2', correct: 'Py_INCREF2', kind: 'other', lines: [3] },
    ] };
    // "PyInkRef" also lies inside "PyInkRef2": each fix still belongs to its own word
    const score = scoreFile(macros, [fix(3, 'PyInkRef', 'Py_INCREF'), fix(3, 'PyInkRef2', 'Py_INCREF2')]);
    expect(score.fixed).toBe(2);
    expect(score.falseFixes).toEqual([]);
  });

  it('counts neither way a fix toward part of the gold spelling, or one on an unsure span', () => {
    const score = scoreFile(gold, [fix(10, 'python', 'Python'), fix(12, 'Pieday', 'PyBay')]);
    expect(score.fixed).toBe(0);
    expect(score.falseFixes).toEqual([]);
    expect(score.partial).toHaveLength(1);
    expect(score.onUnsure).toHaveLength(1);
  });

  it('counts words of speech, not the heading or image markers', () => {
    expect(countWords('# A title here\n\nhello world。\n\n![](img.png)\n\nagain')).toBe(3);
  });
});

describe('reading a heading', () => {
  const lexicon = loadLexicon();
  it('finds names and topic terms in the parts of a heading', () => {
    const heading = readHeading('PyCon US 2021 - P2：TALK _ Anthony Shaw _ Restarting Pyjion, a general purpose JIT for Python - VikingDen7', lexicon);
    expect(heading.people).toEqual([{ first: 'Anthony', last: 'Shaw' }]);
    expect(heading.terms).toContain('Pyjion');
    expect(heading.terms).not.toContain('Restarting');
  });

  it('takes a capitalised English title word as a weak term only', () => {
    const heading = readHeading('TALK _ Emery Berger _ Scalene_ A high-performance profiler', lexicon);
    expect(heading.englishTerms).toContain('Scalene');
    expect(heading.terms).not.toContain('Scalene');
  });

  it('has nothing to say about no heading', () => {
    expect(readHeading(null, lexicon)).toEqual({ people: [], terms: [], englishTerms: [] });
  });
});

describe('the compiled lexicon', () => {
  it('knows projects, people and PEPs, and none of the PyCon speaker lists', () => {
    const lexicon = loadLexicon();
    expect(lexicon.byKey.get('cprofile')?.display).toBe('cProfile');
    expect(lexicon.joinStarts.has('c')).toBe(true);
    expect(lexicon.byLast.get('langa')?.some((p) => p.first === 'Łukasz')).toBe(true);
    expect(lexicon.peps.has(657)).toBe(true);
    // a speaker of the corpus who is on no CPython list
    expect(lexicon.byLast.has('berger')).toBe(false);
  });

  it('holds each person\'s sound spellings as sound.ts makes them now (recompile when it changes)', () => {
    const lexicon = loadLexicon();
    expect(lexicon.namesBySound.get('ralf gamars')).toEqual(['Ralf Gommers']);
    expect(lexicon.nameStarts.has('ralf g')).toBe(true);
    for (const [sounds, names] of lexicon.namesBySound) {
      for (const name of names) {
        const [first, ...rest] = name.split(' ');
        expect(`${soundSpelling(first)} ${soundSpelling(rest.join(''))}`).toBe(sounds);
      }
    }
  });
});
