// Breaks a cue's words into at most `maxLines` lines of at most `maxChars` characters, at the
// most natural place: after punctuation, before a conjunction or preposition, never right after an
// article or other word that binds to the next one.

import { textWidth } from './width.js';
import { ARTICLES, BIND_TO_NEXT, BREAK_BEFORE, bare } from '../normalize/english.js';
import { splitsTightPhrase } from './tight-phrases.js';

const SENTENCE_END = /[.?!]["'”’)]*$/;
const CLAUSE_END = /[,;:]["'”’)]*$/;

/**
 * Cost of ending a line (or a cue) after `words[i]`, lower is better. `bares` (each word's `bare`
 * form), when given, spares working them out again.
 */
export function breakCost(words: readonly string[], i: number, bares?: readonly string[]): number {
  const word = words[i];
  const next = words[i + 1];
  if (next === undefined) return 0;
  if (SENTENCE_END.test(word)) return 0;
  const plain = bares?.[i] ?? bare(word);
  // An article belongs to the next word even with a pause comma after it ("the, uh, the data").
  if (ARTICLES.has(plain)) return 20;
  if (CLAUSE_END.test(word)) return 0.2;
  // Dearer than an extra cue: when no line break outside a name fits, the cue stage cuts the sentence instead.
  if (splitsTightPhrase(words, i, bares)) return 12;
  if (BIND_TO_NEXT.has(plain)) return 8;
  if (BREAK_BEFORE.has(bares?.[i + 1] ?? bare(next))) return 0.6;
  return 2;
}

/** Break costs after every word of a run, computed once and shared by every layout tried on it. */
export function breakCosts(words: readonly string[]): Float64Array {
  const bares = words.map(bare);
  // a typed array: the costs are whole numbers in some runs and fractions in others, which would
  // otherwise give the layout code two kinds of array to handle
  return Float64Array.from(words, (_, i) => breakCost(words, i, bares));
}

/** The width of each word (see width.ts), worked out once for every layout tried on a run. */
export function wordWidths(words: readonly string[]): Int32Array {
  return Int32Array.from(words, textWidth);
}

/**
 * Cost of the best layout of words[from, to): 0 on one line, the cheapest single break for two lines
 * (the common case, in linear time), the full search otherwise; Infinity when nothing fits.
 * `widths[i]` is the width of words[i] (see wordWidths).
 */
export function layoutCost(words: readonly string[], costs: ArrayLike<number>, from: number, to: number, maxChars: number, maxLines: number, widths: ArrayLike<number> = wordWidths(words)): number {
  let total = -1;
  for (let i = from; i < to; i++) total += widths[i] + 1;
  if (total <= maxChars) return 0;
  if (maxLines !== 2) return layoutLines(words, costs, from, to, maxChars, maxLines, widths)?.cost ?? Infinity;
  let best = Infinity;
  let first = -1;
  for (let k = from; k < to - 1; k++) {
    first += widths[k] + 1;
    if (first > maxChars) break;
    const second = total - first - 1;
    if (second > maxChars) continue;
    best = Math.min(best, costs[k] + balanceCost(first, total, maxChars) + balanceCost(second, total, maxChars));
  }
  return best;
}

/** Lines of similar length read best. */
function balanceCost(length: number, total: number, maxChars: number): number {
  return (Math.abs(length - Math.min(maxChars, total / 2)) / maxChars) * 3;
}

export interface Layout {
  lines: string[];
  cost: number;
}

/**
 * The best layout of words[from, to), or null when they cannot fit the limits.
 * `costs[i]` is the cost of a break after words[i] (see breakCosts), `widths[i]` its width (see wordWidths).
 */
export function layoutLines(words: readonly string[], costs: ArrayLike<number>, from: number, to: number, maxChars: number, maxLines: number, widths: ArrayLike<number> = wordWidths(words)): Layout | null {
  const n = to - from;
  if (n <= 0) return { lines: [], cost: 0 };
  let total = -1;
  for (let i = from; i < to; i++) total += widths[i] + 1;
  if (total <= maxChars) return { lines: [words.slice(from, to).join(' ')], cost: 0 };
  if (maxLines < 2) return null;

  // best[k][e]: cheapest way to set words[from, from+e) on k lines
  const best: Array<Float64Array> = [];
  const back: Array<Int32Array> = [];
  for (let k = 0; k <= maxLines; k++) {
    best.push(new Float64Array(n + 1).fill(Infinity));
    back.push(new Int32Array(n + 1).fill(-1));
  }
  best[0][0] = 0;
  for (let k = 1; k <= maxLines; k++) {
    for (let end = 1; end <= n; end++) {
      let length = -1;
      for (let start = end - 1; start >= 0; start--) {
        length += widths[from + start] + 1;
        if (length > maxChars) break;
        const prev = best[k - 1][start];
        if (prev === Infinity) continue;
        const cost = prev + (end < n ? costs[from + end - 1] : 0) + balanceCost(length, total, maxChars);
        if (cost < best[k][end]) {
          best[k][end] = cost;
          back[k][end] = start;
        }
      }
    }
  }
  let chosen = -1;
  for (let k = 2; k <= maxLines; k++) if (best[k][n] < Infinity && (chosen < 0 || best[k][n] < best[chosen][n])) chosen = k;
  if (chosen < 0) return null;
  const lines: string[] = [];
  let end = n;
  for (let k = chosen; k > 0; k--) {
    const start = back[k][end];
    lines.unshift(words.slice(from + start, from + end).join(' '));
    end = start;
  }
  return { lines, cost: best[chosen][n] };
}
