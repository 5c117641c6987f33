// `bare` strips what is no letter or digit from a word's ends and lowers it; its ASCII shortcut must
// give what the Unicode pattern gives, for every word.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bare } from '../src/normalize/english.js';

const byPattern = (word: string) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();

// ASCII letters, digits, punctuation and spaces, and letters, digits and marks from beyond ASCII
const CHARS = [...'aZz09 .,;:!?"\'()-_[]{}\t', 'é', 'Ł', 'ß', '’', '“', '”', '，', '。', '٣', 'Ⅻ', '😀', '\u0301', 'İ'];

describe('bare', () => {
  it('reads common words', () => {
    expect(bare('Hello,')).toBe('hello');
    expect(bare('"(PyCon)".')).toBe('pycon');
    expect(bare('...')).toBe('');
    expect(bare('“Zoë”')).toBe('zoë');
    expect(bare('İstanbul.')).toBe('i̇stanbul');
  });

  it('agrees with the Unicode pattern on any word', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }), (chars) => {
        const word = chars.join('');
        expect(bare(word)).toBe(byPattern(word));
      }),
      { numRuns: 5000 },
    );
  });
});
