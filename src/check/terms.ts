// The dictionary check of `captions check`: a term heard or written in a form the dictionary would
// fix is reported at its line, as a warning (the captions are still usable).

import { correctTerms, type Dictionary } from '../correct/index.js';
import type { WordToken } from '../types.js';
import type { TermCheck } from './rules.js';
import { warningAt } from '../diagnostic.js';

export function dictionaryTermCheck(dictionary: Dictionary, minConfidence?: number): TermCheck {
  return (text, line) => {
    const tokens: WordToken[] = [];
    for (const m of text.matchAll(/\S+/g)) tokens.push({ type: 'word', text: m[0], line, column: m.index + 1, sentenceEnd: false });
    const { corrections } = correctTerms({ title: null, tokens, corrections: [], warnings: [] }, dictionary, { minConfidence });
    return corrections
      .filter((c) => c.kind === 'term' || c.kind === 'name')
            .map((c) => warningAt(line, 'term', `column ${c.column}: "${c.from}" is written "${c.to}" (${c.rule})`));
  };
}
