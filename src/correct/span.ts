// A word's parts (leading punctuation, the word, what trails it) and a span of words replaced by a
// term, keeping the first word's position and the last word's trailing punctuation.

import type { Token, WordToken } from '../types.js';

/** A word split into leading punctuation, the word itself, and what trails it ("(PSA's," → "(", "PSA", "'s,"). */
export interface Parts {
  prefix: string;
  body: string;
  trail: string;
}

const PLAIN_WORD = /^[A-Za-z0-9]+$/;
const PLAIN_WITH_TRAIL = /^([A-Za-z0-9]+)([,.;:!?"')\]]+)$/;

export function partsOf(text: string): Parts {
  // most words are plain letters, with at most plain punctuation after them: no Unicode regex
  if (PLAIN_WORD.test(text)) return { prefix: '', body: text, trail: '' };
  const plain = PLAIN_WITH_TRAIL.exec(text);
  if (plain) return { prefix: '', body: plain[1], trail: plain[2] };
  const prefix = /^[^\p{L}\p{N}]*/u.exec(text)![0];
  const rest = text.slice(prefix.length);
  const trail = /[^\p{L}\p{N}+#]*$/u.exec(rest)![0];
  return { prefix, body: rest.slice(0, rest.length - trail.length), trail };
}

/** The span replaced by the term's words: the first keeps the span's place, the last its trail. */
export function replaceSpan(span: WordToken[], term: string, rest: string, sigil = ''): WordToken[] {
  const first = partsOf(span[0].text);
  // the sigil the text wrote is the term's own: it is not kept as well (`.NET`, never `..NET`)
  first.prefix = first.prefix.slice(0, first.prefix.length - sigil.length);
  const last = partsOf(span[span.length - 1].text);
  const words = term.split(' ');
  return words.map((w, k) => {
    const from = span[Math.min(k, span.length - 1)];
    let text = w;
    if (k === 0) text = first.prefix + text;
    if (k === words.length - 1) text += rest + last.trail;
    return { type: 'word', text, line: from.line, column: from.column, sentenceEnd: k === words.length - 1 ? span[span.length - 1].sentenceEnd : false };
  });
}

/** Writes the term in place of the span's words at the end of `out`, and marks its words as fixed. */
export function writeReplaced(out: Token[], span: WordToken[], term: string, touched: Set<WordToken>): void {
  const replaced = replaceSpan(span, term, '');
  for (const r of replaced) touched.add(r);
  out.push(...replaced);
}
