// Running a dictionary's specs: each example sentence is corrected with the dictionary and compared
// with its expected output. `captions dict test` reports the failures with the spec's file and line.

import type { TokenStream, WordToken } from '../types.js';
import type { Dictionary, Spec } from './dictionary.js';
import { correctTerms } from './index.js';

/** The words of a one-line example as tokens (line 1, columns counted from 1). */
export function tokensOf(sentence: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const m of sentence.matchAll(/\S+/g)) tokens.push({ type: 'word', text: m[0], line: 1, column: m.index + 1, sentenceEnd: false });
  return tokens;
}

export function correctSentence(sentence: string, dictionary: Dictionary, minConfidence?: number): string {
  const stream: TokenStream = { title: null, tokens: tokensOf(sentence), corrections: [], warnings: [] };
  return correctTerms(stream, dictionary, { minConfidence })
    .tokens.map((t) => (t.type === 'word' ? t.text : ''))
    .join(' ');
}

export interface SpecFailure {
  spec: Spec;
  term: string;
  actual: string;
}

/** Runs the specs of `entriesOf` (a loaded file) against `dictionary` (that file merged with the rest). */
export function runSpecs(entriesOf: Dictionary, dictionary: Dictionary, minConfidence?: number): { passed: number; failures: SpecFailure[] } {
  let passed = 0;
  const failures: SpecFailure[] = [];
  for (const entry of entriesOf.entries) {
    for (const spec of entry.specs) {
      const actual = correctSentence(spec.input, dictionary, minConfidence);
      if (actual === spec.output) passed++;
      else failures.push({ spec, term: entry.term, actual });
    }
  }
  return { passed, failures };
}
