// Term fixes beyond listed variants: words heard split, the heading's names and terms, the lexicon,
// numbers in context, a talk's own fixes carried over, and the slots that keep names and places
// from becoming projects. Each wrong fix and each missed pattern of the issue is recreated here.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { correctTerms } from '../src/correct/index.js';
import { loadDefaultDictionary } from '../src/correct/load.js';
import { tokensOf } from '../src/correct/spec.js';
import { soundSpelling, soundsLike } from '../src/correct/sound.js';
import type { Correction, Token, WordToken } from '../src/types.js';

const dictionary = loadDefaultDictionary();

/** A talk of several lines (line numbers from 2, under its heading) corrected whole. */
function correct(lines: string | string[], title: string | null = null): { text: string; corrections: Correction[] } {
  const tokens: Token[] = [];
  (Array.isArray(lines) ? lines : [lines]).forEach((line, k) => {
    for (const t of tokensOf(line)) tokens.push({ ...t, line: k + 2 } as WordToken);
  });
  const out = correctTerms({ title, tokens, corrections: [], warnings: [] }, dictionary);
  return { text: out.tokens.map((t) => (t.type === 'word' ? t.text : '')).join(' '), corrections: out.corrections };
}
const fix = (line: string, title?: string) => correct(line, title).text;

describe('wrong fixes of the issue stay unfixed', () => {
  it.each([
    ['Felipo de Marais gave the talk on packaging', 'Felipo de Marais'],
    ['the Gail Shapley algorithm matches students to schools', 'Gail Shapley'],
    ['And I\'m Pieday and I work on Python', "I'm Pieday"],
    ['I organise a conference at Pieday in San Francisco', 'at Pieday'],
    ['Pieday the track for data folks runs all day in Python', 'Pieday the track'],
    ['after the conference we will go to Scotland with the Python team', 'go to Scotland'],
  ])('%s', (input, kept) => {
    expect(fix(input)).toContain(kept);
  });

  it('leaves a word after a known first name alone unless the fix is a name', () => {
    // Felipe is a first name: never a project, even where a tool word is near
    expect(fix('Felipe wrote the packaging tool with flit')).toContain('Felipe wrote');
  });
});

describe('missed patterns of the issue are fixed', () => {
  it.each([
    ['we run the C Python interpreter', 'we run the CPython interpreter'],
    ['the see Python interpreter runs bytecode', 'the CPython interpreter runs bytecode'],
    ['it links against open SSL for TLS', 'it links against OpenSSL for TLS'],
    ['the steering console accepted it', 'the Steering Council accepted it'],
    ['the Student Council of Python core developers voted', 'the Steering Council of Python core developers voted'],
    ['you can pip install it from PIPI today', 'you can pip install it from PyPI today'],
    ['the package is on PyP now', 'the package is on PyPI now'],
    ['PEC 657 adds fine grained error locations', 'PEP 657 adds fine grained error locations'],
    ['all the pebs the steering council accepted', 'all the PEPs the steering council accepted'],
    ['the PIO3 crate binds Rust to Python', 'the PyO3 crate binds Rust to Python'],
    ['Pyodide is compiled with inscription to WebAssembly', 'Pyodide is compiled with Emscripten to WebAssembly'],
    ['we use SyPy for the statistics', 'we use SciPy for the statistics'],
    ['plot it with HV plot in the notebook', 'plot it with hvPlot in the notebook'],
    ['Membray is a memory profiler', 'Memray is a memory profiler'],
    ['Tomo live reads TOML files', 'tomllib reads TOML files'],
    ['the peram spec of a decorator', 'the ParamSpec of a decorator'],
    ['a type bar tuple for shapes', 'a TypeVarTuple for shapes'],
    ['a typed dict gives each key a type', 'a TypedDict gives each key a type'],
    ['see you at Europe Python this summer', 'see you at EuroPython this summer'],
    ['Hido van Rossum created Python', 'Guido van Rossum created Python'],
    ['thanks to Ukash and WooCush for the release', 'thanks to Łukasz and Łukasz for the release'],
  ])('%s', (input, output) => {
    expect(fix(input)).toBe(output);
  });

  it('reads a Python release number only where it means Python', () => {
    expect(fix('we moved to Python three eleven last week')).toBe('we moved to Python 3.11 last week');
    expect(fix('the upgrade to 311 made it faster')).toBe('the upgrade to 3.11 made it faster');
    expect(fix('we had 311 people and three eleven year olds')).toBe('we had 311 people and three eleven year olds');
  });

  it('reads PEP numbers said digit by digit, and Python 2 and 3', () => {
    expect(fix('the pep 5-8-1 migration to GitHub')).toBe('the PEP 581 migration to GitHub');
    expect(fix('we ported it from Python two to Python three')).toBe('we ported it from Python 2 to Python 3');
    expect(fix('Python three times faster')).toBe('Python three times faster');
    // a word that is an object's built-in property is no number word
    expect(fix('in Python three constructor calls changed')).toBe('in Python 3 constructor calls changed');
  });

  it('takes a heading word that is English for a name only where the text capitalises it mid-sentence', () => {
    const title = 'TALK _ Emery Berger _ Scalene_ A high-performance profiler';
    expect(fix('so we built Scaling to be a fast profiler', title)).toBe('so we built Scalene to be a fast profiler');
    expect(fix('the scaling of the servers was fine', title)).toBe('the scaling of the servers was fine');
  });

  it('takes the heading\'s names as the talk\'s roster', () => {
    const title = 'PyCon US 2022 - TALK _ Paul Kehrer _ The state of cryptography';
    expect(fix('Paul Carrer maintains the library', title)).toBe('Paul Kehrer maintains the library');
    // without the heading the surname is somebody else's
    expect(fix('Paul Carrer maintains the library')).toBe('Paul Carrer maintains the library');
  });

  it('takes the heading\'s terms: a topic heard as an English word, or in pieces', () => {
    const title = 'TALK _ Anthony Shaw _ Restarting Pyjion, a JIT for Python';
    expect(fix('Pigeon compiles the bytecode and PIGIN is fast', title)).toBe('Pyjion compiles the bytecode and Pyjion is fast');
    expect(fix('the Golek to me project removes the lock', 'Larry Hastings   The Gilectomy')).toBe('the Gilectomy project removes the lock');
    expect(fix('Pigeon compiles the bytecode')).toBe('Pigeon compiles the bytecode');
  });

  it('fixes a spelling alike to a term the same talk already fixed ("Pyadide" then "PIAIDIDE")', () => {
    const { text } = correct(['Pyadide runs Python in the browser', 'so PIAIDIDE loads the wheel']);
    expect(text).toBe('Pyodide runs Python in the browser so Pyodide loads the wheel');
  });

  it('carries a fix made with context to the same word where the context is missing, once the talk has made it twice', () => {
    // thirteen words apart: beyond the window of the entry's context words
    const apart = 'and then we went on to talk about other things for a while';
    const lines = ['the gill problem of the interpreter', 'removing the gill from the interpreter lock', apart, 'so the gill goes away'];
    expect(correct(lines).text).toBe(`the GIL problem of the interpreter removing the GIL from the interpreter lock ${apart} so the GIL goes away`);
    // after a single fix the word is left where its context is missing
    expect(correct([lines[0], apart, lines[3]]).text).toBe(`the GIL problem of the interpreter ${apart} so the gill goes away`);
  });
});

describe('whole names, PEP numbers and casing carried through a talk', () => {
  it.each([
    ['it was implemented by Thomas Wooders at the sprints', 'by Thomas Wouters at'],
    ['so i mentioned this when paul ever at ny had our talk', 'when Paul Everitt ny'],
    ['Ralf is here. Rolf Gomers just joined us as a director', 'Ralf Gommers just'],
  ])('fixes a lexicon person heard by sound: %s', (input, fixed) => {
    expect(fix(input)).toContain(fixed);
  });

  it.each([
    ['we looked at the source of the problem', 'the source of'], // "Ty Sarna" by sound, but English words
    ['they make a lot of noise', 'make a lot'],
    ['Sure here is the plan', 'Sure here is'], // capitalised only at the sentence start
    ['then Ben Lexin spoke about tests', 'Ben Lexin'], // one sound apart, but not the first consonant (Ben Jackson)
    ['the talk by Michael Sullivan on typing', 'Michael Sullivan'], // whole but for a middle initial
  ])('leaves words that only sound like a lexicon person: %s', (input, kept) => {
    expect(fix(input)).toContain(kept);
  });

  it('fixes a term or name in its possessive and keeps the ending', () => {
    expect(fix("the lock that protects C Python's state")).toBe("the lock that protects CPython's state");
    expect(fix("This is Guido van rassen's world tour")).toBe("This is Guido van Rossum's world tour");
    expect(fix('so here is Scameline\'s profile', 'Scalene: a high-performance CPU and memory profiler for Python')).toBe("so here is Scalene's profile");
    expect(fix("the river's bank")).toBe("the river's bank");
  });

  it('fixes the talk\'s topic after "called", a slot it leaves to names otherwise', () => {
    const title = 'TALK _ Anthony Shaw _ Restarting Pyjion';
    expect(fix('I present a project called Pigeon that compiles code', title)).toContain('called Pyjion that');
    expect(fix('a tool called Pigeon compiles code')).toContain('called Pigeon compiles');
    expect(fix('the man I\'m Pigeon said', title)).toContain("I'm Pigeon said");
  });

  it('fixes a module name before its attribute, but not a domain name', () => {
    const title = 'TALK _ Anthony Shaw _ Restarting Pyjion';
    expect(fix('by using the Pigeon.dis module', title)).toBe('by using the Pyjion.dis module');
    expect(fix('the docs live on Pigeon.com now', title)).toBe('the docs live on Pigeon.com now');
  });

  it('reads a PEP number said in words, or digit by digit after a PEP the dictionary wrote', () => {
    expect(fix('the steering council went through pep 5-8-1 last week')).toContain('PEP 581 last');
    expect(fix('one of the authors of pep one and the process')).toContain('authors of PEP 1 and');
    expect(fix('my pet one is a cat')).toBe('my pet one is a cat');
  });

  it('writes a term whose casing needs context the way the talk has written its family three times', () => {
    const proposals = ['the steering council reads the peps', 'a python enhancement proposal is a pep', 'the accepted peps are listed'];
    // thirteen words apart: beyond the window of the entry's context words
    const apart = 'and then we went on to talk about other things for a while';
    const later = 'and every pep became my job';
    expect(correct([...proposals, apart, later]).text).toContain('every PEP became');
    expect(correct([proposals[0], apart, later]).text).toContain('every pep became');
  });
});

describe('evidence fixes are recorded and can be turned off', () => {
  it('records each fix with its line, rule and confidence', () => {
    const { corrections } = correct(['nothing here', 'we run the C Python interpreter']);
    expect(corrections).toContainEqual(expect.objectContaining({ line: 3, from: 'C Python', to: 'CPython', kind: 'term', rule: 'CPython, joined', confidence: 1 }));
  });

  it('makes no sound-based fix at --min-confidence 1', () => {
    const tokens = tokensOf('Pigeon compiles the bytecode');
    const out = correctTerms({ title: 'TALK _ Restarting Pyjion', tokens, corrections: [], warnings: [] }, dictionary, { minConfidence: 1 });
    expect(out.corrections).toEqual([]);
  });
});

describe('sound spelling', () => {
  it('makes mishearings of one word alike and different words different', () => {
    expect(soundSpelling('Pigeon')).toBe(soundSpelling('Pyjion'));
    expect(soundSpelling('galectomy')).toBe(soundSpelling('Gilectomy'));
    expect(soundsLike('scaling', 'scalene')).toBe(true); // one letter apart: why an English word must sound the same exactly
    expect(soundSpelling('scaling')).not.toBe(soundSpelling('scalene'));
    expect(soundsLike('Pieday', 'Pyodide')).toBe(false);
  });
});

// Ordinary sentences: English words only, some capitalised, in name and place slots.
const ORDINARY = ['the', 'team', 'went', 'home', 'after', 'lunch', 'and', 'talked', 'about', 'music', 'river', 'garden', 'window', 'morning', 'friends', 'travel', 'coffee', 'school', 'library', 'project', 'python', 'code'];
const SLOTS = ["I'm", 'at', 'from', 'come to', 'go to', 'my name is'];

describe('generated text', () => {
  it('changes no ordinary English word into a term by evidence, whatever its case or slot', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...ORDINARY), fc.boolean(), fc.option(fc.constantFrom(...SLOTS), { nil: undefined })), { minLength: 1, maxLength: 20 }), (parts) => {
        const words = parts.flatMap(([w, cap, slot]) => [...(slot ? [slot] : []), cap ? w[0].toUpperCase() + w.slice(1) : w]);
        const { corrections } = correct(words.join(' '));
        const byEvidence = corrections.filter((c) => /, (joined|heading|lexicon|lexicon name|talk|talk case|number)$/.test(c.rule));
        expect(byEvidence).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ORDINARY, 'C', 'Python', 'Pigeon', 'gill', 'interpreter', 'open', 'SSL', 'three', 'eleven'), { minLength: 1, maxLength: 25 }), (words) => {
        const line = words.join(' ');
        expect(correct(line, 'TALK _ Restarting Pyjion')).toEqual(correct(line, 'TALK _ Restarting Pyjion'));
      }),
      { numRuns: 100 },
    );
  });
});
