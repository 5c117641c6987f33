// Consistency within a talk, by sound (src/correct/talk-terms.ts): a term of the field the talk
// establishes (written right, fixed, or in the heading) reaches the talk's other words that sound
// close to it; English words only as a coordinated pair ("anchor and decker") and then, once a
// spelling has been fixed so twice, wherever it comes. A talk that never names the term keeps them.

import { describe, expect, it } from 'vitest';
import { correctTerms } from '../src/correct/index.js';
import { loadDefaultDictionary } from '../src/correct/load.js';
import { consonantSkeleton } from '../src/correct/talk-terms.js';
import { tokensOf } from '../src/correct/spec.js';
import type { Correction, Token, WordToken } from '../src/types.js';

const dictionary = loadDefaultDictionary();

function correct(lines: string[], title: string | null = null): { text: string; corrections: Correction[] } {
  const tokens: Token[] = [];
  lines.forEach((line, k) => {
    for (const t of tokensOf(line)) tokens.push({ ...t, line: k + 2 } as WordToken);
  });
  const out = correctTerms({ title, tokens, corrections: [], warnings: [] }, dictionary);
  return { text: out.tokens.map((t) => (t.type === 'word' ? t.text : '')).join(' '), corrections: out.corrections };
}

const REFCOUNT_TALK = [
  'The macro does an incref when you take a reference and a decref when you drop it.',
  'I was using atomic anchor and decker just to get it right.',
  'The more atomic anchor and decker that I am doing, the slower it gets.',
  'We would like to avoid the atomic anchor and decker entirely.',
  'If you have an anchor followed by an anchor, you can swap those, that is harmless.',
  'Every thread keeps two logs: one for anchors, one for deckers.',
];

describe('consonants by class of sound', () => {
  it('keeps a leading vowel and merges what a recognizer confuses', () => {
    expect(consonantSkeleton('anchor')).toBe('ankr');
    expect(consonantSkeleton('incref')).toBe('ankrp');
    expect(consonantSkeleton('decker')).toBe('tkr');
    expect(consonantSkeleton('Ovenalock')).toBe(consonantSkeleton('obmalloc'));
  });
});

describe('a term the talk establishes reaches words that sound close to it', () => {
  it('fixes English words heard as a coordinated pair of the talk terms, then carries them', () => {
    const { text, corrections } = correct(REFCOUNT_TALK);
    expect(text).toContain('atomic incref and decref just');
    expect(text).toContain('an incref followed by an incref,');
    expect(text).toContain('one for increfs, one for decrefs.');
    expect(corrections.filter((c) => c.rule.endsWith('talk sound')).length).toBe(10);
  });

  it('leaves the same words in a talk that never names the terms', () => {
    const text = correct(REFCOUNT_TALK.slice(1)).text;
    expect(text).toContain('atomic anchor and decker just');
    expect(text).toContain('an anchor followed by an anchor,');
  });

  it('leaves an English word near the term but not paired with another of them', () => {
    const text = correct(['The interpreter does a decref on the object.', 'The ship dropped its anchor in the bay near the code.']).text;
    expect(text).toContain('its anchor in');
  });

  it('fixes a word that is no English word with a technical word near', () => {
    const text = correct(['The small object allocator is obmalloc.', 'Ovenalock hands out memory for small objects.']).text;
    expect(text).toContain('obmalloc. obmalloc hands');
    // not without the talk's own spelling of it
    expect(correct(['Ovenalock hands out memory for small objects.']).text).toContain('Ovenalock');
  });

  it('fixes a capitalised word mid-sentence only with every consonant of the term, and no English word', () => {
    const text = correct(['The small object allocator is obmalloc.', 'So I am working on Ovenalock again because it uses memory.']).text;
    expect(text).toContain('working on obmalloc again');
    const names = correct(['The macro does an incref and a decref on the object.', 'Then we asked Anchor and Decker about the code.']).text;
    expect(names).toContain('asked Anchor and Decker');
  });

  it('fixes two words that sound like a term the talk writes in two pieces, from the same first piece', () => {
    const talk = ['And that is weak graphs in the object code.', 'The way that a weak ref is implemented, I will remind you.'];
    expect(correct(talk).text).toContain('is weakrefs in');
    // not without the talk's own pieces, nor from another first word
    expect(correct(talk.slice(0, 1)).text).toContain('weak graphs');
    expect(correct(['And that is wee graphs in the object code.', talk[1]]).text).toContain('wee graphs');
  });

  it('is off at --min-confidence 1', () => {
    const { corrections } = correctTerms({ title: null, tokens: REFCOUNT_TALK.flatMap((l, k) => tokensOf(l).map((t) => ({ ...t, line: k + 2 }) as WordToken)), corrections: [], warnings: [] }, dictionary, { minConfidence: 1 });
    expect(corrections.some((c) => c.rule.endsWith('talk sound'))).toBe(false);
  });
});
