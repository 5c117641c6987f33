// The view of the token stream the segment stage reasons over: clauses (runs of words up to a
// sentence end, a sound event, a `>>` turn or a break) and the runs of non-word tokens between them.

import type { Token, WordToken } from '../types.js';
import { isApplause, isMusic } from './signals.js';

const TERMINAL = /[.?!…]["'”’)\]]*$/;

export interface Clause {
  /** Index of the clause's first token. */
  first: number;
  /** Index after its last word (markers inside the clause are part of it). */
  end: number;
  words: WordToken[];
  /** Token index of each word. */
  indices: number[];
  /** The words as written, one space between them. */
  text: string;
  /** Lower-case text, apostrophes straightened, one space between words. */
  lower: string;
  /** Character offset of each word in `lower`. */
  offsets: number[];
  /** Words spoken before this clause (a cheap measure of distance). */
  wordsBefore: number;
  /** True when only non-word tokens (events, markers, turns, breaks) stand between this clause and the previous one, and at least one does. */
  afterBreak: boolean;
}

/** A run of non-word tokens: where a handoff can fall without cutting a clause. */
export interface BreakRun {
  first: number;
  end: number;
  /** True when the run holds a `>>` turn, applause or music (a handoff sign), not just a slide marker or laughter. */
  strong: boolean;
}

export interface ClauseView {
  tokens: Token[];
  clauses: Clause[];
  breaks: BreakRun[];
}

/** Most words end in a letter: a cheap test before the sentence-end pattern (the stage runs cold, once). */
function mayEndSentence(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return !((last >= 97 && last <= 122) || (last >= 65 && last <= 90) || (last >= 48 && last <= 57) || last === 44);
}

function straighten(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('’') || lower.includes('‘') ? lower.replace(/[’‘]/g, "'") : lower;
}

/** One to three capitalized words on one line ("Emily", "Ada Lovelace"): a name called out, perhaps. */
function isNameAlone(words: WordToken[]): boolean {
  return words.length <= 3 && words.every((w) => w.line === words[0].line && /^\p{Lu}[\p{L}'’-]*[.!]?$/u.test(w.text));
}

export function clauseView(tokens: Token[]): ClauseView {
  const clauses: Clause[] = [];
  const breaks: BreakRun[] = [];
  let words: WordToken[] = [];
  let indices: number[] = [];
  let first = -1;
  let wordCount = 0;
  let sawBreak = false;
  let run: BreakRun | null = null;

  const flush = () => {
    if (words.length === 0) return;
    // joined once, not built by += (a rope of many pieces, copied again when a pattern first reads it)
    const offsets: number[] = [];
    const lowers: string[] = [];
    let at = 0;
    for (const w of words) {
      const lower = straighten(w.text);
      offsets.push(at);
      lowers.push(lower);
      at += lower.length + 1;
    }
    clauses.push({ first, end: indices[indices.length - 1] + 1, words, indices, text: words.map((w) => w.text).join(' '), lower: lowers.join(' '), offsets, wordsBefore: wordCount - words.length, afterBreak: sawBreak });
    sawBreak = false;
    words = [];
    indices = [];
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'word' && words.length === 0 && sawBreak && !/[\p{L}\p{N}]/u.test(t.text)) {
      // a comma the transcript left between sound events ("[Music], [Music]") is no speech
      if (run && run.end === i) run.end = i + 1;
      continue;
    }
    if (t.type === 'word') {
      run = null;
      if (words.length === 0) first = i;
      words.push(t);
      indices.push(i);
      wordCount++;
      if (mayEndSentence(t.text) && TERMINAL.test(t.text)) flush();
      continue;
    }
    // a slide change inside a sentence does not cut it, unless a name said alone comes before it (its stop lost)
    if (t.type === 'marker' && words.length > 0 && !isNameAlone(words)) continue;
    flush();
    sawBreak = true;
    const strong = t.type === 'turn' || (t.type === 'event' && (isApplause(t.text) || isMusic(t.text)));
    if (run && run.end === i) {
      run.end = i + 1;
      run.strong ||= strong;
    } else {
      run = { first: i, end: i + 1, strong };
      breaks.push(run);
    }
  }
  flush();
  return { tokens, clauses, breaks };
}

/** The index of the word that starts at or after a character offset of the clause's text. */
export function wordAt(clause: Clause, offset: number): number {
  const k = clause.offsets.findIndex((o) => o >= offset);
  return k === -1 ? clause.words.length : k;
}

/** The first clause starting at or after a token index (clauses are in token order), or -1. */
export function clauseFrom(view: ClauseView, token: number): number {
  let low = 0;
  let high = view.clauses.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (view.clauses[mid].first < token) low = mid + 1;
    else high = mid;
  }
  return low === view.clauses.length ? -1 : low;
}

/** The break run that ends exactly where a token index starts, if any (runs are in token order). */
export function breakEndingAt(view: ClauseView, index: number): BreakRun | undefined {
  let low = 0;
  let high = view.breaks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (view.breaks[mid].end < index) low = mid + 1;
    else high = mid;
  }
  const run = view.breaks[low];
  return run && run.end === index ? run : undefined;
}
