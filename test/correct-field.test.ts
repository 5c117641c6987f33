// Term fixes from the field's own vocabulary and from context: C-API and interpreter words heard in
// pieces, English-word projects cased only where the text says they are projects, PyCon heard as
// "picon", PyPy and PyPI told apart by the words around them, "python to" as Python 2, and a
// talk's own joins carried to other casings. Each rule is shown firing and holding back.

import { describe, expect, it } from 'vitest';
import { correctTerms } from '../src/correct/index.js';
import { loadDefaultDictionary } from '../src/correct/load.js';
import { tokensOf } from '../src/correct/spec.js';
import { soundSpelling } from '../src/correct/sound.js';
import type { Correction, Token, WordToken } from '../src/types.js';

const dictionary = loadDefaultDictionary();

/** A talk of several lines corrected whole (line numbers from 2, under its heading). */
function correct(lines: string | string[], title: string | null = null): { text: string; corrections: Correction[] } {
  const tokens: Token[] = [];
  (Array.isArray(lines) ? lines : [lines]).forEach((line, k) => {
    for (const t of tokensOf(line)) tokens.push({ ...t, line: k + 2 } as WordToken);
  });
  const out = correctTerms({ title, tokens, corrections: [], warnings: [] }, dictionary);
  return { text: out.tokens.map((t) => (t.type === 'word' ? t.text : '')).join(' '), corrections: out.corrections };
}
const fix = (lines: string | string[]) => correct(lines).text;

describe('the field vocabulary, heard in pieces or in another form', () => {
  it.each([
    ['the interpreter allocates a new pi object for the result', 'a new PyObject for'],
    ['in the interpreter code we call pi dec ref on it', 'call Py_DECREF on'],
    ['we keep the t state pointer in the thread', 'the tstate pointer'],
    ['the C code calls pi thread state to find the thread', 'calls PyThreadState to'],
    ['the memory allocator obmalic hands out small blocks of memory', 'allocator obmalloc hands'],
    ['all your PyInkRef and PyDeckRefs into PyInkRef2 in the code', 'Py_INCREF and Py_DECREFs into Py_INCREF2'],
    ['he was the bdfl of the language', 'the BDFL of'],
    ['our sponsor facebook uses python', 'sponsor Facebook uses'],
  ])('%s', (input, wanted) => {
    expect(fix(input)).toContain(wanted);
  });

  it('needs a technical word near, a piece that is no English word, or a Py piece', () => {
    // (no technical word: a pie and an object are a pie and an object)
    expect(fix('she baked a pie object lesson for the kids')).toContain('pie object lesson');
    // "deck ref": both pieces English words, nothing says C API
    expect(fix('he put the deck ref on the table of the code')).toContain('deck ref');
  });

  it('does not join a term with the word after it ("bytecode is" is no "bytecodes")', () => {
    expect(fix('the bytecode is run by the interpreter')).toContain('bytecode is run');
  });

  it('keeps a count only after a macro name ("InkRef1" is no incref1)', () => {
    expect(fix('the code does InkRef1 on the object in memory')).toContain('InkRef1');
  });

  it('carries an organisation the talk has fixed to its pieces ("Quantsite", then "quant site")', () => {
    const text = fix(['We build open source code with Quantsite and our partners.', 'Later we formed quant site labs and we grew.']);
    expect(text).toContain('with Quansight and');
    expect(text).toContain('formed Quansight labs');
    // without the earlier fix, two English words stay
    expect(fix('Later we formed quant site labs and we grew.')).toContain('quant site');
  });

  it('carries a join the talk has made to the same words in another case', () => {
    const text = fix(['OpenTeams is new. We started Open Teams, a company for open source code.', 'Open teams just started.']);
    expect(text).toContain('We started OpenTeams,');
    expect(text).toContain('OpenTeams just started');
  });

  it('does not join words that are already a term of the dictionary ("Stack Overflow")', () => {
    expect(fix('And even in Stack Overflow it has been ranked third.')).toContain('in Stack Overflow it');
  });

  it('hears a silent gh, a slipped t and a final e after a long vowel as the same sound', () => {
    expect(soundSpelling('quant site')).toBe(soundSpelling('Quansight'));
    expect(soundSpelling('Beewear')).toBe(soundSpelling('BeeWare'));
    // (not after other vowels: "compute" is no "compat")
    expect(soundSpelling('compute')).not.toBe(soundSpelling('compat'));
  });
});

describe('English words that are projects, cased only with evidence', () => {
  it.each([
    ['this is a dead simple flask application', 'simple Flask application'],
    ['it works with frameworks like flask and Django', 'like Flask and Django'],
    ['just use flask as normal', 'use Flask as'],
    ['RDTSC is intel-specific of course', 'is Intel-specific of'],
    ['you can use it locally on Mac windows and Linux', 'Mac Windows and Linux'],
  ])('%s', (input, wanted) => {
    expect(fix(input)).toContain(wanted);
  });

  it.each([
    ['pour it into the flask and heat it'],
    ['open all the windows in the room'],
    ['the intel we gathered was good'],
    // (a recognizer's commas are pauses as often as lists)
    ['Coverage, black, and mypy'],
  ])('leaves "%s"', (input) => {
    expect(fix(input)).toBe(input);
  });

  it('carries a casing through the talk only once evidence has cased it there', () => {
    const talk = ['The chip is from Intel and this is intel-specific.', 'So it is very intel and architecture specific.'];
    expect(fix(talk)).toContain('very Intel and');
    // written capitalised twice, never cased by evidence: the plural stays a plural
    expect(fix(['On Windows it runs and on Windows it builds.', 'I moved two windows on my screen.'])).toContain('two windows on');
  });
});

describe('conference, release and interpreter names from context', () => {
  it('hears PyCon as picon/pikon, but leaves the steering council to Python', () => {
    expect(fix('welcome to picon this year')).toBe('welcome to PyCon this year');
    expect(fix('I hope you enjoy Pike on US 2021 so far')).toContain('PyCon US 2021');
    expect(fix('we caught a pike on the river')).toBe('we caught a pike on the river');
    expect(fix(['Good morning picon.', 'The inaugural picon steering council.'])).toContain('inaugural picon steering');
  });

  it('writes a name before a domain ending in lower case', () => {
    expect(fix('find it at pikon.org today')).toContain('pycon.org');
    // and before a domain with a path ("picon.us/psf", a short address said on stage)
    expect(fix('Welcome to picon. Contribute at picon.us/psf today')).toContain('at pycon.us/psf today');
  });

  it('tells PyPy from PyPI by the words around "PiPy"', () => {
    expect(fix('run it using another JIT, PiPy. It is fast')).toContain('JIT, PyPy.');
    expect(fix('The PiPy approach is super efficient on the CPU')).toContain('The PyPy approach');
    expect(fix('upload the package to pipy for everyone')).toContain('to PyPI for');
  });

  it('hears "siphon" as Cython and "piston" as Pyston only with a compiler\'s or interpreter\'s words near', () => {
    expect(fix('convert this function to a siphon module and annotate the variables')).toContain('a Cython module');
    expect(fix('use a siphon to empty the fish tank')).toContain('a siphon to');
    expect(fix('the piston project is a fork of CPython with a JIT')).toContain('the Pyston project');
    expect(fix('the piston moves in the cylinder')).toContain('the piston moves');
  });

  it('hears "python to" as Python 2 only where no infinitive or place follows', () => {
    expect(fix('How many people still use python to in the room')).toContain('Python 2 in');
    expect(fix('python to will not be maintained past 2019')).toContain('Python 2 will');
    expect(fix('we moved from python to rust last year')).toContain('Python to rust');
    expect(fix('I use python to write scripts')).toContain('Python to write');
  });
});
