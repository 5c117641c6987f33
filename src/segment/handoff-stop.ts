// A handoff ends the sentence before it. The text stage may have taken the stop off a speaker's last
// word when the next words ran on after a slide marker ("…the incoming chair. Emily。 ![](…) Alright,
// so…" read as one sentence); once the segment stage puts a handoff there, the sentence ends at that
// word, so its stop is put back rather than leaving a sentence cut at the marker.

import type { Correction, Token } from '../types.js';

const TERMINAL = /[.?!…]["'”’)\]]*$/;

interface Range {
  firstToken: number;
  endToken: number;
}

/**
 * Puts a stop on the last word of each segment but the last when no sentence end closes it and only
 * slide markers (at least one) stand between it and the next segment's first word. Returns new
 * tokens (the input is left as it is) and the corrections made.
 */
export function closeSentencesAtHandoffs(tokens: Token[], ranges: Range[]): { tokens: Token[]; corrections: Correction[] } {
  const corrections: Correction[] = [];
  let out = tokens;
  for (const range of ranges.slice(0, -1)) {
    let last = range.endToken - 1;
    while (last >= range.firstToken && tokens[last].type !== 'word') last--;
    let next = range.endToken;
    while (next < tokens.length && tokens[next].type !== 'word') next++;
    const word = tokens[last];
    if (last < range.firstToken || word.type !== 'word' || TERMINAL.test(word.text)) continue;
    const between = tokens.slice(last + 1, next);
    if (between.length === 0 || !between.every((t) => t.type === 'marker')) continue;
    if (out === tokens) out = tokens.slice();
    // a comma or colon left at the end gives way to the stop
    const kept = word.text.replace(/[,;:]+$/, '');
    out[last] = { ...word, text: `${kept}.`, sentenceEnd: true };
    corrections.push({ line: word.line, column: word.column + kept.length, from: word.text.slice(kept.length), to: '.', kind: 'punctuation', rule: 'handoff-stop', confidence: 0.9, evidence: 'marker' });
  }
  return { tokens: out, corrections };
}
