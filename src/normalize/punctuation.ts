// Full-width punctuation to English punctuation and spacing, token by token, each change recorded.

import type { Correction } from '../types.js';

const FULLWIDTH: Record<string, string> = {
  '，': ',',
  '。': '.',
  '？': '?',
  '！': '!',
  '：': ':',
  '；': ';',
  '（': '(',
  '）': ')',
  '、': ',',
  '　': ' ',
};

const RULE: Record<string, string> = {
  '，': 'fullwidth-comma',
  '、': 'fullwidth-comma',
  '。': 'fullwidth-stop',
  '？': 'fullwidth-question',
  '！': 'fullwidth-exclamation',
  '：': 'fullwidth-colon',
  '；': 'fullwidth-semicolon',
  '（': 'fullwidth-paren',
  '）': 'fullwidth-paren',
  '　': 'fullwidth-space',
};

export function isFullwidthPunctuation(ch: string): boolean {
  return ch in FULLWIDTH;
}

/** A word as cut from one line, before the cross-line repairs. */
export interface DraftWord {
  /** Made a token as it is cut, so that the normalizer need not copy every word into one. */
  type: 'word';
  text: string;
  line: number;
  column: number;
  /** The word's final '.' came from a full-width stop at the very end of its line. */
  lineFinalStop: boolean;
  /** The word follows a full-width comma (the transcription capitalised the word after it). */
  afterFullwidthComma: boolean;
}

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
const isSpace = (ch: string | undefined) => ch === undefined || /\s/.test(ch);
const OPENERS = new Set(['(', '（', '[', '"', '“', "'"]);

const HAS_FULLWIDTH = new RegExp(`[${Object.keys(FULLWIDTH).join('')}]`);

/** A run of non-space characters; one pattern for every line (a literal in the function would be a new object at each call). */
const WORD = /\S+/g;

function wordsAsWritten(text: string, line: number, columnOf: (index: number) => number): DraftWord[] {
  const words: DraftWord[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text))) words.push({ type: 'word', text: m[0], line, column: columnOf(m.index), lineFinalStop: false, afterFullwidthComma: false });
  return words;
}

/**
 * Converts one text piece of a line to English punctuation and cuts it into words.
 * `columnOf(i)` gives the source column of character i of `text`.
 */
export function convertAndSplit(
  text: string,
  line: number,
  columnOf: (index: number) => number,
  endsLine: boolean,
  corrections: Correction[],
): DraftWord[] {
  // most lines hold no full-width punctuation: their words are cut as they stand
  if (!HAS_FULLWIDTH.test(text)) return wordsAsWritten(text, line, columnOf);
  let out = '';
  const cols: number[] = [];
  const fullwidthComma: boolean[] = [];
  let lastStopAt = -1;
  const push = (s: string, col: number, fromComma = false) => {
    for (const ch of s) {
      out += ch;
      cols.push(col);
      fullwidthComma.push(fromComma);
    }
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const col = columnOf(i);
    const ascii = FULLWIDTH[ch];
    if (ascii === undefined) {
      // the common case, kept out of `push`: one character, no iterator (the stage runs once, cold)
      out += ch;
      cols.push(col);
      fullwidthComma.push(false);
      continue;
    }
    const prev = out[out.length - 1];
    const next = text[i + 1];
    const inner = !isSpace(prev) && !isSpace(next) && !isFullwidthPunctuation(next) && !OPENERS.has(next) && next !== '"';
    let replacement = ascii;
    let rule = RULE[ch];
    if (ch === '，' && isDigit(prev) && isDigit(next)) {
      rule = 'fullwidth-thousands';
    } else if (ch === '。' && inner) {
      rule = 'fullwidth-stop-inner';
    } else if (ascii !== ' ' && ascii !== '(' && !isSpace(next) && !isFullwidthPunctuation(next) && next !== '"' && next !== ')') {
      replacement = ascii + ' ';
    }
    if (ascii === ' ' && isSpace(prev)) replacement = '';
    corrections.push({ line, column: col, from: ch, to: ascii, kind: 'punctuation', rule, confidence: 1 });
    if (ch === '。' && !inner) lastStopAt = out.length;
    push(replacement, col, ch === '，' || ch === '、');
  }

  const precededByFullwidthComma = (start: number) => {
    let k = start - 1;
    while (k >= 0 && isSpace(out[k])) k--;
    return k >= 0 && fullwidthComma[k];
  };
  const words: DraftWord[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(out))) {
    const start = m.index;
    const end = start + m[0].length;
    words.push({
      type: 'word',
      text: m[0],
      line,
      column: cols[start],
      lineFinalStop: false,
      afterFullwidthComma: precededByFullwidthComma(start),
    });
    if (endsLine && lastStopAt >= start && lastStopAt < end && out.slice(end).trim() === '') {
      words[words.length - 1].lineFinalStop = true;
    }
  }
  return words;
}
