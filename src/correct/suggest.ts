// `captions dict suggest`: words of transcripts that are not English, not in the dictionary, and close
// in sound and spelling to one of its terms: proposed as new variants, most frequent first.

import type { Token, WordToken } from '../types.js';
import { wordKey, type Dictionary } from './dictionary.js';
import { bestFuzzyMatch } from './fuzzy.js';
import { buildIndex, fuzzyTargets, isFuzzyCandidate, vocabularyOf } from './matcher.js';

export interface Suggestion {
  term: string;
  heard: string;
  count: number;
  score: number;
  examples: Array<{ file: string; line: number; excerpt: string }>;
}

function excerpt(words: WordToken[], at: number): string {
  return words
    .slice(Math.max(0, at - 4), at + 5)
    .map((w) => w.text)
    .join(' ');
}

/** Proposals over the token streams of several transcripts, ranked by count then score. */
export function suggestVariants(transcripts: Array<{ file: string; tokens: Token[] }>, dictionary: Dictionary, minScore = 0.75): Suggestion[] {
  const index = buildIndex(dictionary, vocabularyOf(transcripts.flatMap(({ tokens }) => tokens.flatMap((t) => (t.type === 'word' ? [t.text] : [])))));
  const byHeard = new Map<string, Suggestion>();
  const rejected = new Set<string>();
  for (const { file, tokens } of transcripts) {
    const words = tokens.filter((t): t is WordToken => t.type === 'word');
    words.forEach((word, at) => {
      const key = wordKey(word.text);
      if (!isFuzzyCandidate(key, index) || rejected.has(key)) return;
      let suggestion = byHeard.get(key);
      if (!suggestion) {
        const best = bestFuzzyMatch(key, fuzzyTargets(index, key), minScore);
        if (!best) {
          rejected.add(key);
          return;
        }
        suggestion = { term: best.target.entry.term, score: best.confidence, heard: word.text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''), count: 0, examples: [] };
        byHeard.set(key, suggestion);
      }
      suggestion.count++;
      if (suggestion.examples.length < 3) suggestion.examples.push({ file, line: word.line, excerpt: excerpt(words, at) });
    });
  }
  return [...byHeard.values()].sort((a, b) => b.count - a.count || b.score - a.score || a.heard.localeCompare(b.heard));
}

/** The proposals as YAML entries, ready to paste under `entries:` (merge with an existing entry by hand). */
export function suggestionsAsYaml(suggestions: Suggestion[], transcriptCount: number): string {
  const lines = [`# captions dict suggest: ${suggestions.length} proposed variant${suggestions.length === 1 ? '' : 's'} from ${transcriptCount} transcript${transcriptCount === 1 ? '' : 's'}, most frequent first`];
  const byTerm = new Map<string, Suggestion[]>();
  for (const s of suggestions) byTerm.set(s.term, [...(byTerm.get(s.term) ?? []), s]);
  for (const [term, list] of byTerm) {
    lines.push(`- term: ${JSON.stringify(term)}`, '  variants:');
    for (const s of list) {
      lines.push(`    - ${JSON.stringify(s.heard)}  # ${s.count}×, score ${s.score.toFixed(2)}`);
      for (const e of s.examples) lines.push(`      # ${e.file}:${e.line}: ${e.excerpt}`);
    }
  }
  return lines.join('\n') + '\n';
}
