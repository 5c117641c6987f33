// Long transcripts are built in sections of some tens of thousands of words, each through the whole
// pipeline, and the results joined: memory then stays flat however long the input (a conference day
// pasted into one file), instead of holding every stage of every word at once. A talk is one section.

import type { ParsedTranscript, TranscriptLine } from './read/transcript.js';
import type { CaptionDocument } from './types.js';

/** Words in a section: about two hours of speech, so a talk or a morning's session is built whole. */
export const SECTION_WORDS = 20_000;

function wordsOf(line: TranscriptLine): number {
  let words = 0;
  for (const piece of line.pieces) if (piece.kind === 'text') words += piece.text.split(/\s+/).filter(Boolean).length;
  return words;
}

/** The distinct sentences of a line's text. */
function sentencesOf(line: TranscriptLine): Set<string> {
  const text = line.pieces.map((p) => (p.kind === 'text' ? p.text : '')).join(' ');
  return new Set(text.split(/[.?!。？！]+/).map((s) => s.trim().toLowerCase()).filter(Boolean));
}

/** True when every sentence of `line` was also said on `before`: a recognition loop goes on. */
function repeats(before: TranscriptLine, line: TranscriptLine): boolean {
  const said = sentencesOf(before);
  const now = sentencesOf(line);
  return now.size > 0 && [...now].every((s) => said.has(s));
}

function endsSentence(line: TranscriptLine | undefined): boolean {
  const last = line?.pieces.at(-1);
  return last?.kind === 'text' && /[.?!。？！]["'”’)]*\s*$/.test(last.text);
}

/**
 * Cuts the transcript's lines into sections of about `maxWords` words, at a blank line after a
 * sentence end where there is one (so that no sentence, and no repair across a line break, is cut),
 * else at the next blank line, else at a line break.
 */
export function splitSections(parsed: ParsedTranscript, maxWords = SECTION_WORDS): ParsedTranscript[] {
  const sections: ParsedTranscript[] = [];
  let current: TranscriptLine[] = [];
  let words = 0;
  let lastSpoken: TranscriptLine | undefined;
  // Inside a run of identical lines (a recognition loop) no cut: the loop is found and collapsed whole.
  let repeating = false;
  for (const line of parsed.lines) {
    const blank = line.pieces.length === 0;
    const cut =
      current.length > 0 &&
      ((!repeating && words >= maxWords && blank && endsSentence(lastSpoken)) || (!repeating && words >= 2 * maxWords && blank) || words >= 3 * maxWords);
    if (cut) {
      sections.push({ title: sections.length ? null : parsed.title, titleLine: sections.length ? null : parsed.titleLine, lines: current });
      current = [];
      words = 0;
    }
    current.push(line);
    words += wordsOf(line);
    if (line.pieces.some((p) => p.kind === 'text')) {
      repeating = lastSpoken !== undefined && repeats(lastSpoken, line);
      lastSpoken = line;
    }
  }
  // A short tail joins the section before it rather than standing alone.
  if (sections.length && words < maxWords / 4) sections[sections.length - 1].lines.push(...current);
  else sections.push({ title: sections.length ? null : parsed.title, titleLine: sections.length ? null : parsed.titleLine, lines: current });
  return sections;
}

type DocumentSegment = CaptionDocument['segments'][number];

function sameSpeaker(a: DocumentSegment, b: DocumentSegment): boolean {
  return a.role === b.role && a.speaker === b.speaker;
}

/**
 * Joins the documents of consecutive sections into one: cues and segments renumbered, and a segment
 * cut by a section boundary (the same speaker on both sides) made whole again.
 */
export function joinSections(parts: CaptionDocument[]): CaptionDocument {
  const [first] = parts;
  const joined: CaptionDocument = { ...first, segments: [], cues: [], markers: [], corrections: [], warnings: [], paragraphs: [] };
  for (const part of parts) {
    const segmentIndex: number[] = [];
    part.segments.forEach((segment, index) => {
      const previous = joined.segments.at(-1);
      if (index === 0 && previous && sameSpeaker(previous, segment)) {
        previous.end = Math.max(previous.end, segment.end);
        previous.endLine = segment.endLine;
        segmentIndex.push(joined.segments.length - 1);
      } else {
        segmentIndex.push(joined.segments.length);
        joined.segments.push({ ...segment, id: joined.segments.length + 1 });
      }
    });
    for (const cue of part.cues) joined.cues.push({ ...cue, id: joined.cues.length + 1, segment: segmentIndex[cue.segment] ?? cue.segment });
    for (const list of ['markers', 'corrections', 'warnings', 'paragraphs'] as const) {
      for (const item of part[list]) (joined[list] as unknown[]).push(item);
    }
  }
  return joined;
}
