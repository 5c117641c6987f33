// People the talk establishes (src/correct/talk-people.ts): a name in the heading, written whole and
// right in the text, or fixed whole, reaches the talk's other spellings of its first name or
// surname that sound the same. A name the talk never establishes is never reached.

import { describe, expect, it } from 'vitest';
import { correctTerms } from '../src/correct/index.js';
import { loadDefaultDictionary } from '../src/correct/load.js';
import { tokensOf } from '../src/correct/spec.js';
import type { Correction, Token, WordToken } from '../src/types.js';

const dictionary = loadDefaultDictionary();

function correct(lines: string[], title: string | null = null, minConfidence?: number): { text: string; corrections: Correction[] } {
  const tokens: Token[] = [];
  lines.forEach((line, k) => {
    for (const t of tokensOf(line)) tokens.push({ ...t, line: k + 2 } as WordToken);
  });
  const out = correctTerms({ title, tokens, corrections: [], warnings: [] }, dictionary, { minConfidence });
  return { text: out.tokens.map((t) => (t.type === 'word' ? t.text : '')).join(' '), corrections: out.corrections };
}

describe('names the talk establishes', () => {
  const panel = ['On stage we have karell willing and the others.', 'Later she said: I am Carol Willing, thank you all.', 'The pep was authored by marietta last year.'];

  it('fixes a first name heard beside the surname, once the whole name is written right', () => {
    const { text, corrections } = correct(panel);
    expect(text).toContain('have Carol Willing and');
    expect(corrections.find((c) => c.from === 'karell willing')?.rule).toBe('Carol Willing, talk name');
  });

  it('fixes a lone first name that is no English word, only for a person the talk names', () => {
    expect(correct(panel).text).toContain('by marietta last');
    const named = correct([...panel, 'Thanks to Mariatta Wijaya for the migration.']).text;
    expect(named).toContain('authored by Mariatta last');
  });

  it('leaves an English word in a title-case run and a name the talk never establishes', () => {
    const text = correct(['Cory Benfield wrote the library.', 'He is a Django Core Developer and Corey likes it.']).text;
    expect(text).toContain('Django Core Developer');
    expect(text).toContain('and Cory likes');
    expect(correct(['On stage we have karell willing and the others.']).text).toContain('karell willing');
  });

  it('is off at --min-confidence 1', () => {
    expect(correct(panel, null, 1).text).toContain('karell willing');
  });
});

describe('a name written whole with a particle', () => {
  it('establishes the person ("Martin von Löwis"), so a lone surname heard alike is theirs', () => {
    const text = correct(['Thanks to Martin von Löwis for the installer.', 'Later Loewis wrote the docs for it.']).text;
    expect(text).toContain('Later Löwis wrote');
    expect(correct(['Later Loewis wrote the docs for it.']).text).toContain('Later Loewis wrote');
  });
});
