// The whole pipeline for one input, as a pure function of its text and options:
// read → normalize → segment → sentences → timing → cues. Writers turn the result into files.

import { NETFLIX } from './cues/profile.js';
import { buildCues } from './cues/build.js';
import { normalize } from './normalize/index.js';
import { decodeText } from './read/decode.js';
import { parseTranscript } from './read/transcript.js';
import type { SpeakerLabels } from './cues/labels.js';
import { detectSpeakers } from './segment/index.js';
import { splitSentences } from './sentences.js';
import { DEFAULT_SPEECH_MODEL, estimateTiming, type SpeechModel } from './timing.js';
import type { ParsedTranscript } from './read/transcript.js';
import type { CaptionDocument, Roster, StyleProfile, TimedUnit, TokenStream, Unit } from './types.js';

export interface BuildOptions {
  profile?: StyleProfile;
  speechModel?: SpeechModel;
  /** The session's roster (`--speakers`): names, spellings and titles of its hosts and speakers. */
  speakers?: Roster;
  /** False keeps the transcript one segment, for a single lecturer (`--no-speakers`). Default true. */
  detectSpeakers?: boolean;
  /** Speaker labels on SRT cues: on each speaker's first cue (`change`, default), on `every` cue, or `none`. */
  speakerLabels?: SpeakerLabels;
}

function paragraphsOf(units: Unit[]): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  let segment = 0;
  const flush = () => {
    if (current.length) paragraphs.push(current.join(' '));
    current = [];
  };
  for (const unit of units) {
    if (unit.segment !== segment) {
      flush();
      segment = unit.segment;
    }
    if (unit.type === 'marker') flush();
    else if (unit.type === 'event') current.push(unit.event.text);
    else current.push(...unit.words.map((w) => w.text));
  }
  flush();
  return paragraphs;
}

function spanOf(units: TimedUnit[], segment: number): { start: number; end: number } {
  let start = Infinity;
  let end = 0;
  for (const u of units) {
    if (u.segment !== segment) continue;
    const [s, e] = u.type === 'sentence' ? [u.words[0].start, u.words[u.words.length - 1].end] : u.type === 'event' ? [u.start, u.end] : [u.time, u.time];
    start = Math.min(start, s);
    end = Math.max(end, e);
  }
  return { start: start === Infinity ? 0 : start, end };
}

/**
 * The text stages every input goes through, raw transcript and caption draft alike: punctuation
 * repair, then (once it exists) term correction. One place, so both paths fix text the same way.
 */
export function cleanText(parsed: ParsedTranscript, _options: BuildOptions = {}): TokenStream {
  return normalize(parsed);
}

/** Builds captions from the text of a raw transcript. Throws InputError for input it cannot use. */
export function buildFromText(text: string, source: string, options: BuildOptions = {}): CaptionDocument {
  const profile = options.profile ?? NETFLIX;
  const parsed = parseTranscript(text);
  const stream = cleanText(parsed, options);
  const speakers = detectSpeakers(stream.tokens, { roster: options.speakers, detect: options.detectSpeakers });
  const segments = speakers.segments;
  const units = splitSentences(stream.tokens, segments);
  const timing = estimateTiming(units, options.speechModel ?? DEFAULT_SPEECH_MODEL);
  const { cues, warnings } = buildCues(timing.units, segments, profile, options.speakerLabels ?? 'change');
  const lastCueEnd = cues.length ? cues[cues.length - 1].end : 0;
  return {
    source,
    title: stream.title,
    segments: segments.map(({ firstToken: _f, endToken: _e, ...s }, index) => {
      const span = spanOf(timing.units, index);
      return { ...s, start: span.start, end: index === segments.length - 1 ? Math.max(span.end, lastCueEnd) : span.end };
    }),
    cues,
    markers: timing.markers,
    corrections: stream.corrections,
    warnings: [...stream.warnings, ...speakers.warnings, ...warnings].sort((a, b) => a.line - b.line),
    paragraphs: paragraphsOf(units),
  };
}

/** Builds captions from file bytes (UTF-8, with or without BOM, LF or CRLF). */
export function buildFromBytes(bytes: Uint8Array, source: string, options: BuildOptions = {}): CaptionDocument {
  return buildFromText(decodeText(bytes), source, options);
}
