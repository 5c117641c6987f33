// Caption drafts (SRT or WebVTT input): the cues keep their timing, identifiers, settings and order,
// and only their text goes through the same text stages as a raw transcript (cleanText). Each cue
// line is cut into pieces first: markup, sound events and ASCII punctuation a person wrote on purpose
// are protected, so that on an already clean draft only real repairs fire.

import { inputError } from './diagnostic.js';
import { byPosition, type Diagnostic } from './diagnostic.js';
import { MAX_TIME_SECONDS } from './read/time.js';
import { cleanText } from './clean-text.js';
import type { BuildOptions } from './options.js';
import { captionFormatOf, parseCaptions, type CaptionFile, type CaptionFormat, type DraftCue } from './read/captions.js';
import type { LinePiece, ParsedTranscript, TranscriptLine } from './read/transcript.js';
import { detectSpeakers } from './segment/index.js';
import type { CaptionDocument, Cue, MarkerTime, Token } from './types.js';
import { plainCueText } from './write/draft.js';

/** The caption format of an input, or null for a raw transcript (src/read/captions.ts). */
export const draftFormatOf = captionFormatOf;

/** Spans of cue text the raw-transcript heuristics must leave alone, kept byte for byte. */
const PROTECTED = new RegExp(
  [
    String.raw`<\/?[A-Za-z][^<>]*>`, // markup: <i>, </b>, <font color=…>, <v Speaker>, <c.yellow>
    String.raw`<\d[\d:.]*>`, // WebVTT karaoke timestamps
    String.raw`\{\\[^{}]*\}`, // ASS override codes such as {\an8}
    String.raw`\[[^\[\]]*\]`, // sound events: [MUSIC PLAYING]
    String.raw`(?<!\S)[,.;:!?]+(?!\S)`, // punctuation standing alone on purpose: "Wait ... what?"
    String.raw`(?<!\S)[\x21-\x7e]*[.?!]["')]*[,;:]+(?!\S)`, // "p.m.," and "e.g.,": a stop then a comma, written so
  ].join('|'),
  'g',
);
const TURN_AT_START = /^(\s*)(>>)/;
const GLUED_PUNCTUATION = /^[,.;:!?]+/;
/** Warnings of the transcript's sound-event repairs, which a draft does not get (its events are protected). */
const EVENT_REPAIRS = new Set(['sound-tag-run', 'silence-tag']);

interface Piece {
  text: string;
  /** 1-based column of the piece in its line. */
  column: number;
  protected: boolean;
}

/** Cuts one line of cue text into protected pieces and text pieces, in order. */
export function piecesOfLine(text: string): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  const turn = TURN_AT_START.exec(text);
  if (turn) {
    if (turn[1]) pieces.push({ text: turn[1], column: 1, protected: false });
    pieces.push({ text: '>>', column: turn[1].length + 1, protected: true });
    at = turn[0].length;
  }
  PROTECTED.lastIndex = at;
  let m: RegExpExecArray | null;
  while ((m = PROTECTED.exec(text))) {
    if (m.index > at) pieces.push({ text: text.slice(at, m.index), column: at + 1, protected: false });
    pieces.push({ text: m[0], column: m.index + 1, protected: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), column: at + 1, protected: false });
  // punctuation glued to a protected piece ("</i>.") would look stray to the normalizer
  for (let k = 1; k < pieces.length; k++) {
    const glued = !pieces[k].protected && pieces[k - 1].protected ? GLUED_PUNCTUATION.exec(pieces[k].text) : null;
    if (glued) {
      const rest = pieces[k].text.slice(glued[0].length);
      pieces.splice(k, 1, { text: glued[0], column: pieces[k].column, protected: true }, ...(rest ? [{ text: rest, column: pieces[k].column + glued[0].length, protected: false }] : []));
    }
  }
  return pieces;
}

function transcriptPieces(pieces: Piece[]): LinePiece[] {
  const out: LinePiece[] = [];
  for (const p of pieces) {
    if (!p.protected) {
      if (p.text.trim() !== '') out.push({ kind: 'text', text: p.text, column: p.column });
    } else if (p.text === '>>') out.push({ kind: 'turn', column: p.column });
    else out.push({ kind: 'event', text: p.text, column: p.column });
  }
  return out;
}

/** Where each line of cue text sits: its cue, its pieces. */
interface CueLine {
  cue: number;
  line: number;
  text: string;
  pieces: Piece[];
}

/** The empty event that closes each cue in the token stream (a real event is never empty). */
const CUE_END = '';

/**
 * The draft's cue text as a transcript. Each cue ends with an empty event: the end of a cue is a
 * boundary the draft's author chose, so no repair joins words across it nor takes its stop for a
 * transcription's line-break artefact.
 */
function transcriptOf(cues: DraftCue[]): { parsed: ParsedTranscript; cueLines: CueLine[] } {
  const lines: TranscriptLine[] = [];
  const cueLines: CueLine[] = [];
  for (let index = 0; index < cues.length; index++) {
    const cue = cues[index];
    if (cue.text === '') continue;
    const texts = cue.text.split('\n');
    for (let k = 0; k < texts.length; k++) {
      const text = texts[k];
      const line = cue.textLines[k];
      const pieces = piecesOfLine(text);
      cueLines.push({ cue: index, line, text, pieces });
      const linePieces = transcriptPieces(pieces);
      if (k === cue.textLines.length - 1) linePieces.push({ kind: 'event', text: CUE_END, column: text.length + 1 });
      lines.push({ line, pieces: linePieces });
    }
  }
  return { parsed: { title: null, titleLine: null, lines }, cueLines };
}

/** Spacing differences only (not the full-width space, which is a repair of its own). */
const squeeze = (s: string) => s.replace(/[ \t]+/g, ' ').trim();

/** A cue line rebuilt from its cleaned tokens; the original when the cleaning changed nothing in it. */
function rebuildLine(cueLine: CueLine, tokens: Token[]): string {
  let rebuilt = '';
  const space = () => {
    if (rebuilt !== '' && !rebuilt.endsWith(' ')) rebuilt += ' ';
  };
  for (const piece of cueLine.pieces) {
    if (piece.protected) {
      rebuilt += piece.text;
      continue;
    }
    const from = piece.column;
    const to = piece.column + piece.text.length;
    const words: string[] = [];
    for (const t of tokens) if (t.type === 'word' && t.column >= from && t.column < to) words.push(t.text);
    if (/^\s/.test(piece.text) || (words.length === 0 && /\s$/.test(piece.text))) space();
    rebuilt += words.join(' ');
    if (words.length && /\s$/.test(piece.text)) space();
  }
  rebuilt = rebuilt.replace(/^ +| +$/g, '');
  // most lines come back as they were: no need to compare them spacing aside
  return rebuilt === cueLine.text || squeeze(rebuilt) === squeeze(cueLine.text) ? cueLine.text : rebuilt;
}

const MARKER_NOTE = /^NOTE (\S+) at (\d+(?:\.\d+)?)s$/;

/**
 * Image markers this tool wrote into a VTT as `NOTE <image> at <t>s` come back as markers; a time past
 * the last one captions can hold is warned about and the note kept as a plain note.
 */
function markersOf(file: CaptionFile, warnings: Diagnostic[]): MarkerTime[] {
  return file.blocks.flatMap((b) => {
    const m = b.kind === 'note' ? MARKER_NOTE.exec(b.text) : null;
    if (!m) return [];
    const time = Number(m[2]);
    if (time > MAX_TIME_SECONDS) {
      warnings.push({ line: b.line, severity: 'warning', code: 'bad-marker', message: `marker "${m[1]}" at ${m[2]} s is past the last time captions can hold (${MAX_TIME_SECONDS} s): kept as a note` });
      return [];
    }
    return [{ image: m[1], line: b.line, time, pinned: true }];
  });
}

function titleOf(file: CaptionFile): string | null {
  const header = file.blocks.find((b) => b.kind === 'header');
  const title = header?.text.split('\n')[0].replace(/^WEBVTT/, '').replace(/^[\s\-–—:]+/, '').trim();
  return title ? title : null;
}

/** The index of the segment whose tokens hold `token` (segments are in token order), or -1. */
function segmentHolding(segments: Array<{ firstToken: number; endToken: number }>, token: number): number {
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (token < segments[mid].firstToken) high = mid - 1;
    else if (token >= segments[mid].endToken) low = mid + 1;
    else return mid;
  }
  return -1;
}

/** Builds a caption document from a draft: its cues as they are, their text cleaned. Throws a DiagnosticError (code `input`). */
export function buildFromDraft(text: string, source: string, format: CaptionFormat, options: BuildOptions = {}): CaptionDocument {
  const file = parseCaptions(text, format);
  if (file.cues.length === 0) {
    const first = file.warnings.find((w) => w.code !== 'no-cues');
    throw inputError(first?.line ?? 1, `no cues: nothing in this ${format === 'vtt' ? 'WebVTT' : 'SRT'} file can be read as a cue${first ? ` (${first.message})` : ''}`);
  }
  const { parsed, cueLines } = transcriptOf(file.cues);
  const stream = cleanText(parsed, options);
  // speakers are found before the lines are rebuilt: a name heard in lower case is capitalized there
  const speakers = detectSpeakers(
    stream.tokens.filter((t) => !(t.type === 'event' && t.text === CUE_END)),
    { roster: options.speakers, detect: options.detectSpeakers },
  );
  const { tokens, segments } = speakers;

  const tokensByLine = new Map<number, Token[]>();
  for (const t of tokens) {
    const list = tokensByLine.get(t.line);
    if (list) list.push(t);
    else tokensByLine.set(t.line, [t]);
  }
  const texts = file.cues.map((c) => (c.text === '' ? [] : c.text.split('\n')));
  for (const cueLine of cueLines) {
    const k = file.cues[cueLine.cue].textLines.indexOf(cueLine.line);
    texts[cueLine.cue][k] = rebuildLine(cueLine, tokensByLine.get(cueLine.line) ?? []);
  }

  const firstTokenOfLine = new Map<number, number>();
  tokens.forEach((t, index) => firstTokenOfLine.has(t.line) || firstTokenOfLine.set(t.line, index));
  const segmentOfLine = (line: number, previous: number) => {
    const index = firstTokenOfLine.get(line);
    if (index === undefined) return previous;
    const found = segmentHolding(segments, index);
    return found < 0 ? previous : found;
  };
  let segment = 0;
  const cues: Cue[] = file.cues.map((c, index) => {
    if (c.textLines.length) segment = segmentOfLine(c.textLines[0], segment);
    return {
      id: index + 1,
      start: c.start,
      end: c.end,
      speaker: segments[segment]?.speaker ?? null,
      lines: texts[index],
      sourceLines: [c.line, c.textLines.length ? c.textLines[c.textLines.length - 1] : c.line],
      segment,
      identifier: c.id,
      settings: c.settings,
      draftLines: c.text === '' ? [] : c.text.split('\n'),
    };
  });

  const markers = markersOf(file, file.warnings);
  const plain = (c: Cue) => c.lines.map((l) => plainCueText(l, format)).join(' ').replace(/\s+/g, ' ').trim();
  // one pass over the cues for every segment (a draft may hold tens of thousands of handoffs)
  const cuesOfSegment: Cue[][] = segments.map(() => []);
  for (const cue of cues) cuesOfSegment[cue.segment]?.push(cue);
  return {
    source,
    title: titleOf(file),
    segments: segments.map((s, index) => {
      const own = cuesOfSegment[index];
      // a loop, not Math.min(...): a spread of a large draft's cues overflows the stack
      let start = Infinity;
      let end = -Infinity;
      for (const c of own) {
        start = Math.min(start, c.start);
        end = Math.max(end, c.end);
      }
      // the fields named, not a rest spread: that copy is slow on tens of thousands of segments
      const { id, speaker, role, title, startLine, endLine, confidence, evidence } = s;
      return { id, speaker, role, title, startLine, endLine, confidence, evidence, start: own.length ? start : 0, end: own.length ? end : 0 };
    }),
    cues,
    markers,
    corrections: [...stream.corrections, ...speakers.corrections].sort(byPosition),
    // (a draft's speaker-name warnings are left out: its speakers only name its chapters; so are the
    // sound-event repairs', as its events and markup are kept as written)
    warnings: [...file.warnings, ...stream.warnings.filter((w) => !EVENT_REPAIRS.has(w.code))].sort(byPosition),
    paragraphs: cuesOfSegment.map((own) => own.map(plain).filter(Boolean).join(' ')).filter(Boolean),
    draft: { format, blocks: file.blocks },
  };
}
