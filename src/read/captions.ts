// Reads caption drafts (SRT and WebVTT) the way their real consumers do: WebVTT by the WHATWG
// parsing algorithm that browsers follow (a bad cue is skipped, never fatal; only a missing
// signature is), SRT as common players read it (lenient about BOM, line ends, blank lines and the
// millisecond separator). Every problem a captioner could act on is a warning with its line.

import { inputError } from '../diagnostic.js';
import { byPosition, type Diagnostic } from '../diagnostic.js';
import { MAX_TIME_SECONDS } from './time.js';

export type CaptionFormat = 'srt' | 'vtt';

export interface DraftCue {
  /** The cue identifier (VTT) or counter (SRT) as written; null when there is none. */
  id: string | null;
  start: number;
  end: number;
  /** VTT cue settings, '' if none */
  settings: string;
  text: string;
  /** 1-based line of the timing line */
  line: number;
  /** 1-based line of each line of `text` (they need not follow one another: SRT text after a stray blank line). */
  textLines: number[];
}

export interface DraftBlock {
  kind: 'header' | 'note' | 'style' | 'region';
  /** The block exactly as written, all its lines (for the header, from the `WEBVTT` line on). */
  text: string;
  line: number;
  /** index of the cue this block precedes */
  beforeCue: number;
}

export interface CaptionFile {
  format: CaptionFormat;
  cues: DraftCue[];
  blocks: DraftBlock[];
  warnings: Diagnostic[];
}

const SIGNATURE = /^WEBVTT(?:[ \t].*)?$/;
const SRT_TIME = String.raw`(?:(\d+):)?(\d{1,2}):(\d{1,2})[,.](\d{1,3})`;
const SRT_TIMING = new RegExp(String.raw`^\s*${SRT_TIME}\s*-->\s*${SRT_TIME}(.*)$`);
const SRT_COUNTER = /^\s*\d+\s*$/;

/** Line breaks as the WebVTT spec reads them (CRLF, CR, LF), a leading BOM dropped, NUL made harmless. */
function linesOf(text: string): string[] {
  return text.replace(/^\uFEFF/, '').replace(/\0/g, '\uFFFD').replace(/\r\n?/g, '\n').split('\n');
}

/**
 * Decides by content whether a text is a WebVTT or SRT file; null when it is neither. It takes a real
 * cue to say SRT: a cue number directly over a timing line, among the first ten lines with text. A
 * timing line alone is not enough, as a transcript may quote one.
 */
export function detectCaptionFormat(text: string): CaptionFormat | null {
  const lines = linesOf(text.slice(0, 4096));
  const content = lines.flatMap((l, index) => (l.trim() !== '' ? [index] : [])).slice(0, 10);
  if (content.length === 0) return null;
  // a signature after blank lines or run into other text still says WebVTT (the reader then says what is wrong)
  if (lines[content[0]].startsWith('WEBVTT')) return 'vtt';
  // one good cue near the top says SRT, even when the first cue is broken
  return content.some((index) => SRT_COUNTER.test(lines[index]) && index + 1 < lines.length && SRT_TIMING.test(lines[index + 1])) ? 'srt' : null;
}

/**
 * The caption format of an input, or null for a raw transcript. Content decides, except that a file
 * named `.srt` or `.vtt` with timing lines is read in that format (a cue number or the signature may
 * be missing), so that what is wrong with it is reported instead of the file passing for speech.
 */
export function captionFormatOf(text: string, source: string): CaptionFormat | null {
  const detected = detectCaptionFormat(text);
  const extension = /\.(srt|vtt)$/i.exec(source)?.[1].toLowerCase();
  if (detected === 'vtt') return 'vtt';
  const hasTimingLines = detected !== null || /^[^\n]*\d[^\n]*-->[^\n]*\d/m.test(text.slice(0, 65_536));
  if (extension === 'vtt' && hasTimingLines) return 'vtt';
  if (detected) return detected;
  return extension === 'srt' && hasTimingLines ? 'srt' : null;
}

const TOO_LATE = `times go up to ${MAX_TIME_SECONDS} seconds`;
const toSeconds = (h: number, m: number, s: number, ms: number) => (((h * 60 + m) * 60 + s) * 1000 + ms) / 1000;

// ---------------------------------------------------------------- WebVTT

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const isAsciiWhitespace = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\f' || ch === '\r';
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

class Cursor {
  position = 0;
  constructor(readonly input: string) {}
  peek(): string | undefined {
    return this.input[this.position];
  }
  skipWhitespace(): void {
    while (isAsciiWhitespace(this.peek())) this.position++;
  }
  digits(): string {
    const from = this.position;
    while (isDigit(this.peek())) this.position++;
    return this.input.slice(from, this.position);
  }
}

/** The spec's "collect a WebVTT timestamp": `[hh:]mm:ss.ttt`, hours of any length. */
function collectTimestamp(cursor: Cursor): Parsed<number> {
  if (!isDigit(cursor.peek())) return { ok: false, reason: 'a timestamp must start with a digit' };
  const first = cursor.digits();
  const value1 = Number(first);
  const hoursFirst = first.length !== 2 || value1 > 59;
  if (cursor.peek() !== ':') return { ok: false, reason: `expected ":" after "${first}"` };
  cursor.position++;
  const second = cursor.digits();
  if (second.length !== 2) return { ok: false, reason: 'minutes and seconds take two digits' };
  let hours = 0;
  let minutes = value1;
  let seconds = Number(second);
  if (hoursFirst || cursor.peek() === ':') {
    if (cursor.peek() !== ':') return { ok: false, reason: 'expected ":" before the seconds' };
    cursor.position++;
    const third = cursor.digits();
    if (third.length !== 2) return { ok: false, reason: 'seconds take two digits' };
    [hours, minutes, seconds] = [value1, Number(second), Number(third)];
  }
  if (cursor.peek() === ',') return { ok: false, reason: 'WebVTT writes "." before the milliseconds, not "," (that is SRT)' };
  if (cursor.peek() !== '.') return { ok: false, reason: 'expected "." and three digits of milliseconds' };
  cursor.position++;
  const fraction = cursor.digits();
  if (fraction.length !== 3) return { ok: false, reason: 'milliseconds take exactly three digits' };
  if (minutes > 59 || seconds > 59) return { ok: false, reason: 'minutes and seconds go up to 59' };
  const value = toSeconds(hours, minutes, seconds, Number(fraction));
  if (!(value <= MAX_TIME_SECONDS)) return { ok: false, reason: TOO_LATE };
  return { ok: true, value };
}

/** The spec's "collect WebVTT cue timings and settings"; settings are kept as written. */
function parseVttTiming(line: string): Parsed<{ start: number; end: number; settings: string }> {
  const cursor = new Cursor(line);
  cursor.skipWhitespace();
  const start = collectTimestamp(cursor);
  if (!start.ok) return { ok: false, reason: `start time: ${start.reason}` };
  cursor.skipWhitespace();
  if (!line.startsWith('-->', cursor.position)) return { ok: false, reason: 'expected "-->" after the start time' };
  cursor.position += 3;
  cursor.skipWhitespace();
  const end = collectTimestamp(cursor);
  if (!end.ok) return { ok: false, reason: `end time: ${end.reason}` };
  return { ok: true, value: { start: start.value, end: end.value, settings: line.slice(cursor.position).trim() } };
}

type VttBlock =
  | { kind: 'cue'; cue: DraftCue }
  | { kind: 'style' | 'region' | 'other'; text: string; line: number }
  | { kind: 'bad-timing'; line: number; reason: string }
  | { kind: 'none' };

interface VttState {
  lines: string[];
  position: number;
  seenCue: boolean;
  /** Lines holding `-->` that ended a cue's text (reported once, not again as a bad timing line). */
  arrowsInText: Set<number>;
  warnings: Diagnostic[];
}

/** The spec's "collect a WebVTT block", over lines: a cue, a style or region block, or anything else. */
function collectBlock(state: VttState, inHeader: boolean): VttBlock {
  const { lines } = state;
  const firstLine = state.position + 1;
  let lineCount = 0;
  let previousPosition = state.position;
  let buffer = '';
  let seenArrow = false;
  let cue: DraftCue | null = null;
  let badTiming: { line: number; reason: string } | null = null;
  let special: 'style' | 'region' | null = null;
  while (state.position < lines.length) {
    const line = lines[state.position];
    const lineNumber = state.position + 1;
    state.position++;
    lineCount++;
    if (line.includes('-->')) {
      if (!inHeader && (lineCount === 1 || (lineCount === 2 && !seenArrow))) {
        seenArrow = true;
        previousPosition = state.position;
        const timing = parseVttTiming(line);
        if (timing.ok) {
          cue = { id: buffer === '' ? null : buffer, ...timing.value, text: '', line: lineNumber, textLines: [] };
          buffer = '';
          state.seenCue = true;
        } else {
          badTiming = { line: lineNumber, reason: timing.reason };
        }
      } else {
        if (cue && !inHeader) {
          state.arrowsInText.add(lineNumber);
          const lastTextLine = buffer.split('\n').pop() ?? '';
          state.warnings.push(
            parseVttTiming(line).ok
              ? {
                  line: lineNumber,
                  severity: 'warning', code: 'missing-blank-line',
                  message: `a new cue starts without a blank line before it: browsers show "${lastTextLine}" as text of the cue of line ${cue.line}`,
                }
              : { line: lineNumber, severity: 'warning', code: 'arrow-in-text', message: `cue text contains "-->": players end the cue of line ${cue.line} here and read this line as a new timing line` },
          );
        }
        state.position = previousPosition;
        break;
      }
    } else if (line === '') {
      break;
    } else {
      if (!inHeader && lineCount === 2 && !state.seenCue) {
        if (/^STYLE[ \t]*$/.test(buffer)) special = 'style';
        else if (/^REGION[ \t]*$/.test(buffer)) special = 'region';
      }
      if (buffer !== '') buffer += '\n';
      buffer += line;
      previousPosition = state.position;
    }
  }
  if (cue) {
    const count = buffer === '' ? 0 : buffer.split('\n').length;
    return { kind: 'cue', cue: { ...cue, text: buffer, textLines: Array.from({ length: count }, (_, k) => cue!.line + 1 + k) } };
  }
  if (badTiming) return { kind: 'bad-timing', ...badTiming };
  if (buffer === '' && !special) return { kind: 'none' };
  return { kind: special ?? 'other', text: buffer, line: firstLine };
}

const NOTE_BLOCK = /^NOTE(?:[ \t\n]|$)/;

function parseVtt(text: string): CaptionFile {
  const lines = linesOf(text);
  if (!SIGNATURE.test(lines[0])) {
    const signatureLine = lines.findIndex((l) => SIGNATURE.test(l.trim()));
    const reason = lines[0].startsWith('WEBVTT')
      ? '"WEBVTT" must be followed by a space, a tab or the end of the line'
      : signatureLine > 0
        ? `"WEBVTT" must be the very first line, not line ${signatureLine + 1}`
        : 'a WebVTT file must start with "WEBVTT"';
    throw inputError(1, `missing WEBVTT signature: ${reason}`);
  }
  const state: VttState = { lines, position: 1, seenCue: false, arrowsInText: new Set(), warnings: [] };
  const cues: DraftCue[] = [];
  const blocks: DraftBlock[] = [];
  let header = lines[0];
  if (state.position < lines.length && lines[state.position] !== '') {
    const block = collectBlock(state, true);
    if (block.kind === 'other' || block.kind === 'style' || block.kind === 'region') header += '\n' + block.text;
  }
  blocks.push({ kind: 'header', text: header, line: 1, beforeCue: 0 });
  const skipBlankLines = () => {
    while (state.position < lines.length && lines[state.position] === '') state.position++;
  };
  skipBlankLines();
  while (state.position < lines.length) {
    const block = collectBlock(state, false);
    if (block.kind === 'cue') cues.push(block.cue);
    else if (block.kind === 'bad-timing') {
      if (!state.arrowsInText.has(block.line)) {
        state.warnings.push({ line: block.line, severity: 'warning', code: 'bad-timing', message: `bad timing line (${block.reason}); the cue is skipped, as browsers skip it` });
      }
    } else if (block.kind === 'style' || block.kind === 'region') {
      blocks.push({ kind: block.kind, text: block.text, line: block.line, beforeCue: cues.length });
    } else if (block.kind === 'other') {
      if (NOTE_BLOCK.test(block.text)) blocks.push({ kind: 'note', text: block.text, line: block.line, beforeCue: cues.length });
      else if (/^(STYLE|REGION)[ \t]*(\n|$)/.test(block.text)) {
        state.warnings.push({ line: block.line, severity: 'warning', code: 'late-block', message: `${block.text.split(/[ \t\n]/)[0]} block after the first cue: browsers ignore it` });
      } else if (!state.arrowsInText.has(block.line)) {
        state.warnings.push({ line: block.line, severity: 'warning', code: 'stray-text', message: 'text that is neither a cue nor a NOTE, STYLE or REGION block: browsers ignore it (a missing timing line?)' });
      }
    }
    skipBlankLines();
  }
  return { format: 'vtt', cues, blocks, warnings: state.warnings };
}

// ---------------------------------------------------------------- SRT

interface SrtTiming {
  start: number;
  end: number;
}

function parseSrtTiming(line: string): Parsed<SrtTiming> {
  const m = SRT_TIMING.exec(line);
  if (!m) {
    const reason = !line.includes('-->') ? 'expected "start --> end"' : 'expected times like 00:00:01,000';
    return { ok: false, reason };
  }
  // the groups read one by one, without an array of them for every cue (the hours may be left out)
  const startMinutes = Number(m[2]);
  const startSeconds = Number(m[3]);
  const endMinutes = Number(m[6]);
  const endSeconds = Number(m[7]);
  if (startMinutes > 59 || startSeconds > 59 || endMinutes > 59 || endSeconds > 59) return { ok: false, reason: 'minutes and seconds go up to 59' };
  const start = toSeconds(m[1] === undefined ? 0 : Number(m[1]), startMinutes, startSeconds, Number(m[4]));
  const end = toSeconds(m[5] === undefined ? 0 : Number(m[5]), endMinutes, endSeconds, Number(m[8]));
  if (!(start <= MAX_TIME_SECONDS && end <= MAX_TIME_SECONDS)) return { ok: false, reason: TOO_LATE };
  return { ok: true, value: { start, end } };
}

/** A line that was meant as a timing line: it has an arrow of some kind between two times. */
const looksLikeTiming = (line: string) => /\d[:.,]\d.*(-+>|→)|(-+>|→).*\d[:.,]\d/.test(line);

function parseSrt(text: string): CaptionFile {
  const lines = linesOf(text);
  const cues: DraftCue[] = [];
  const warnings: Diagnostic[] = [];
  const isBlank = (i: number) => lines[i].trim() === '';
  const timingAt = (i: number) => i < lines.length && SRT_TIMING.test(lines[i]);
  /** Where a new cue starts: a counter over a timing line, or a timing line alone. */
  const cueStartsAt = (i: number) => timingAt(i) || (SRT_COUNTER.test(lines[i]) && timingAt(i + 1));

  let i = 0;
  while (i < lines.length) {
    if (isBlank(i)) {
      i++;
      continue;
    }
    const blockLine = i + 1;
    let id: string | null = null;
    if (!timingAt(i) && i + 1 < lines.length && !isBlank(i + 1) && !looksLikeTiming(lines[i])) {
      id = lines[i].trim();
      i++;
    }
    const timing = parseSrtTiming(lines[i]);
    if (!timing.ok) {
      const loneCounter = id === null && SRT_COUNTER.test(lines[i]);
      const attempted = loneCounter || looksLikeTiming(lines[i]) || (id !== null && SRT_COUNTER.test(id));
      const previous = cues[cues.length - 1];
      if (attempted) {
        const reason = loneCounter ? 'a cue number with no timing line after it' : `bad timing line (${timing.reason})`;
        warnings.push({ line: i + 1, severity: 'warning', code: 'bad-timing', message: `${reason}; the cue is skipped, as players skip it` });
      } else if (previous) {
        warnings.push({ line: blockLine, severity: 'warning', code: 'blank-line-in-cue', message: `text after a blank line with no timing: kept in the cue of line ${previous.line}, as players do` });
      } else {
        warnings.push({ line: blockLine, severity: 'warning', code: 'stray-text', message: 'text before the first cue, with no timing line: ignored' });
      }
      const body: string[] = [];
      const from = id !== null && !attempted ? i - 1 : i + (attempted ? 1 : 0);
      let k = from;
      while (k < lines.length && !isBlank(k) && !(k > from && cueStartsAt(k))) body.push(lines[k++]);
      if (!attempted && previous) {
        const bodyLines = body.map((_, n) => from + 1 + n);
        if (previous.text === '') {
          previous.text = body.join('\n');
          previous.textLines = bodyLines;
        } else {
          previous.text = `${previous.text}\n\n${body.join('\n')}`;
          previous.textLines = [...previous.textLines, from, ...bodyLines];
        }
      }
      i = k;
      continue;
    }
    const cue: DraftCue = { id, start: timing.value.start, end: timing.value.end, settings: '', text: '', line: i + 1, textLines: [] };
    i++;
    const body: string[] = [];
    while (i < lines.length && !isBlank(i)) {
      if (cueStartsAt(i)) {
        warnings.push({ line: i + 1, severity: 'warning', code: 'missing-blank-line', message: 'a new cue starts without a blank line before it' });
        break;
      }
      if (lines[i].includes('-->')) {
        warnings.push({ line: i + 1, severity: 'warning', code: 'arrow-in-text', message: 'cue text contains "-->": some players read it as a timing line; write "->" or rephrase' });
      }
      cue.textLines.push(i + 1);
      body.push(lines[i++]);
    }
    cue.text = body.join('\n');
    cues.push(cue);
  }
  return { format: 'srt', cues, blocks: [], warnings };
}

// ---------------------------------------------------------------- both

/**
 * Most cues a draft may have: about 200 hours at the example's 950 cues an hour. A million cues took
 * 36 s of work and 1.5 GB to build.
 */
export const MAX_DRAFT_CUES = 200_000;

/** Problems of timing and content a captioner should look at, common to both formats. */
function checkCues(cues: DraftCue[], warnings: Diagnostic[]): void {
  let latestEnd = -Infinity;
  let latestEndLine = 0;
  cues.forEach((cue, index) => {
    if (cue.text.trim() === '') warnings.push({ line: cue.line, severity: 'warning', code: 'empty-cue', message: 'cue without text' });
    if (cue.end <= cue.start) warnings.push({ line: cue.line, severity: 'warning', code: 'bad-duration', message: 'cue ends before it starts (or when it starts): it is never shown' });
    const previous = cues[index - 1];
    if (previous && cue.start < previous.start) {
      warnings.push({ line: cue.line, severity: 'warning', code: 'out-of-order', message: `cue starts before the cue of line ${previous.line}: cues must be in time order` });
    } else if (cue.start < latestEnd) {
      warnings.push({ line: cue.line, severity: 'warning', code: 'overlap', message: `cue overlaps the cue of line ${latestEndLine} (starts before it ends): both are on screen at once` });
    }
    if (cue.end > latestEnd) {
      latestEnd = cue.end;
      latestEndLine = cue.line;
    }
  });
}

/**
 * Parses an SRT or WebVTT draft. `format` defaults to what the content shows. Throws a DiagnosticError (code `input`) for
 * input that is no caption file at all (e.g. VTT without its WEBVTT signature).
 */
export function parseCaptions(text: string, format?: CaptionFormat): CaptionFile {
  const chosen = format ?? detectCaptionFormat(text);
  if (!chosen) throw inputError(1, 'not a caption file: expected "WEBVTT" or an SRT cue (a number, then "00:00:01,000 --> 00:00:02,000")');
  const file = chosen === 'vtt' ? parseVtt(text) : parseSrt(text);
  if (file.cues.length > MAX_DRAFT_CUES) {
    const over = file.cues[MAX_DRAFT_CUES];
    throw inputError(over.line, `more than ${MAX_DRAFT_CUES.toLocaleString('en-US')} cues (${file.cues.length.toLocaleString('en-US')}): a draft may have at most that many; split it`);
  }
  if (file.cues.length === 0) file.warnings.push({ line: 1, severity: 'warning', code: 'no-cues', message: 'the file has no readable cue' });
  checkCues(file.cues, file.warnings);
  file.warnings.sort(byPosition);
  return file;
}
