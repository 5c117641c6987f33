// Reads the raw transcript format: a `#` title line, speech lines, image markers and sound events.
// It knows the markup only; punctuation is the normalizer's job.

import { inputError } from '../diagnostic.js';

/** A piece of one source line, in the order it stands there. */
export type LinePiece =
  | { kind: 'text'; text: string; column: number; /** columns of the characters, when escapes shifted them */ columns?: number[] }
  | { kind: 'marker'; image: string; column: number }
  | { kind: 'event'; text: string; column: number }
  | { kind: 'turn'; column: number };

export interface TranscriptLine {
  line: number;
  pieces: LinePiece[];
}

export interface ParsedTranscript {
  title: string | null;
  titleLine: number | null;
  /** Every line of the file after the title; blank lines have no pieces. */
  lines: TranscriptLine[];
}

// Words that name a sound rather than speech when they stand in parentheses.
const SOUND_WORDS =
  'applause|laughter|laughs|laughing|music|cheering|cheers|inaudible|crosstalk|silence|coughing|coughs|clapping|indistinct|background noise|audience laughs|audience laughter';
const MARKER = /!\[[^\]\n]*\]\(([^)\s]+)\)/y;
const BRACKET_EVENT = /\[\s*([^\]\n]{1,40}?)\s*\]/y;
const PAREN_EVENT = new RegExp(`\\(\\s*((?:${SOUND_WORDS})(?:\\s+(?:and|&)\\s+(?:${SOUND_WORDS}))?)\\s*\\)`, 'iy');
const TURN = /(?:\\?>){2}/y;
const ESCAPABLE = new Set(['\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '-', '.', '!', '>', '<', '|', '~']);

/** Normal form of a sound event: lower case in square brackets. */
export function eventText(inner: string): string {
  return `[${inner.trim().replace(/\s+/g, ' ').toLowerCase()}]`;
}

function matchAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Ends a sentence or a phrase: `>>` after it opens a new utterance inside the line ("So yeah. >> So when…"). */
const PHRASE_ENDS = new Set(['.', '?', '!', ',', ';', ':', '…', '。', '，', '？', '！', '；', '：']);

/**
 * `>>` (found at `at`, `length` characters) opens an utterance at the start of a line, after a
 * sound event or marker, or inside the text after a sentence or phrase end and a space, with a
 * space after it; elsewhere ("x >> 2", ">>> print") it is text.
 */
function opensUtterance(buffer: string, text: string, at: number, length: number): boolean {
  let k = buffer.length - 1;
  while (k >= 0 && /\s/.test(buffer[k])) k--;
  if (k < 0) return true;
  if (k === buffer.length - 1 || !PHRASE_ENDS.has(buffer[k])) return false;
  const after = at + length;
  return after >= text.length || /\s/.test(text[after]);
}

/** Splits one line into text, markers, sound events and `>>` turns, undoing markdown escapes. */
export function parseLine(text: string, line: number): TranscriptLine {
  const pieces: LinePiece[] = [];
  let buffer = '';
  let bufferColumn = 0;
  let columns: number[] | undefined;
  const flush = () => {
    if (buffer.trim() !== '') {
      pieces.push(columns ? { kind: 'text', text: buffer, column: bufferColumn, columns } : { kind: 'text', text: buffer, column: bufferColumn });
    }
    buffer = '';
    columns = undefined;
  };
  const append = (ch: string, column: number, shifted: boolean) => {
    if (buffer === '') bufferColumn = column;
    if (shifted && !columns) columns = Array.from({ length: buffer.length }, (_, k) => bufferColumn + k);
    if (columns) columns.push(column);
    buffer += ch;
  };

  let i = 0;
  while (i < text.length) {
    const column = i + 1;
    const ch = text[i];
    let m: RegExpExecArray | null;
    if (ch === '!' && (m = matchAt(MARKER, text, i))) {
      flush();
      pieces.push({ kind: 'marker', image: m[1], column });
      i += m[0].length;
    } else if (ch === '[' && (m = matchAt(BRACKET_EVENT, text, i)) && text[i + m[0].length] !== '(') {
      flush();
      pieces.push({ kind: 'event', text: eventText(m[1]), column });
      i += m[0].length;
    } else if (ch === '(' && (m = matchAt(PAREN_EVENT, text, i))) {
      flush();
      pieces.push({ kind: 'event', text: eventText(m[1]), column });
      i += m[0].length;
    } else if ((ch === '>' || ch === '\\') && (m = matchAt(TURN, text, i)) && opensUtterance(buffer, text, i, m[0].length)) {
      flush();
      pieces.push({ kind: 'turn', column });
      i += m[0].length;
    } else if (ch === '\\' && i + 1 < text.length && ESCAPABLE.has(text[i + 1])) {
      append(text[i + 1], column + 1, true);
      i += 2;
    } else {
      append(ch, column, false);
      i += 1;
    }
  }
  flush();
  return { line, pieces };
}

/**
 * Longest line accepted. A transcript line is one utterance (the example's longest is under 300
 * characters); a line of megabytes is not a transcript, and its single paragraph would make every
 * later stage work on one unbroken run of text.
 */
export const MAX_LINE_LENGTH = 100_000;

/**
 * Most lines a transcript may have: about 225 hours of talks at the example's 1,100 lines an hour.
 * A million one-word lines took 49 s and 2.4 GB; a longer recording is built in parts.
 */
export const MAX_TRANSCRIPT_LINES = 250_000;

/** Reads the whole transcript. An input with no speech at all is refused. */
export function parseTranscript(text: string): ParsedTranscript {
  const rawLines = text.split('\n');
  if (rawLines.length > 0 && rawLines[rawLines.length - 1] === '') rawLines.pop();
  if (rawLines.length > MAX_TRANSCRIPT_LINES) {
    throw inputError(MAX_TRANSCRIPT_LINES + 1, `more than ${MAX_TRANSCRIPT_LINES.toLocaleString('en-US')} lines (${rawLines.length.toLocaleString('en-US')}): a transcript may have at most that many; split it`);
  }
  if (rawLines.every((l) => l.trim() === '')) throw inputError(1, 'empty transcript: no title, speech or markers');

  let title: string | null = null;
  let titleLine: number | null = null;
  const lines: TranscriptLine[] = [];
  rawLines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.length > MAX_LINE_LENGTH) {
      throw inputError(line, `line is ${raw.length.toLocaleString('en-US')} characters long (at most ${MAX_LINE_LENGTH.toLocaleString('en-US')}): not a transcript`);
    }
    const heading = /^#\s+(.*\S)\s*$/.exec(raw);
    if (heading && title === null && lines.every((l) => l.pieces.length === 0)) {
      title = heading[1];
      titleLine = line;
      return;
    }
    lines.push(raw.trim() === '' ? { line, pieces: [] } : parseLine(raw, line));
  });

  if (!lines.some((l) => l.pieces.some((p) => p.kind === 'text'))) {
    const firstContent = lines.find((l) => l.pieces.length > 0)?.line ?? titleLine ?? 1;
    throw inputError(firstContent, 'no speech found: the transcript has only a title, image markers or sound events');
  }
  return { title, titleLine, lines };
}
