// The whole pipeline for one input, as a pure function of its text and options:
// read → normalize → segment → sentences → timing → cues. Writers turn the result into files.

import { correctTerms } from './correct/index.js';
import type { Dictionary } from './correct/dictionary.js';
import { loadDefaultDictionary } from './correct/load.js';
import { NETFLIX } from './cues/profile.js';
import { buildCues } from './cues/build.js';
import { buildFromDraft, draftFormatOf } from './draft.js';
import { normalize } from './normalize/index.js';
import { decodeText } from './read/decode.js';
import { parseTranscript } from './read/transcript.js';
import type { SpeakerLabels } from './cues/labels.js';
import { detectSpeakers } from './segment/index.js';
import { splitSentences } from './sentences.js';
import { DEFAULT_SPEECH_MODEL, estimateTiming, type SpeechModel } from './timing.js';
import { names, pinTiming } from './timing/anchors.js';
import { joinSections, splitSections } from './sections.js';
import type { MarkerTable } from './read/markers.js';
import type { ParsedTranscript } from './read/transcript.js';
import type { CaptionDocument, Roster, StyleProfile, TimedUnit, TokenStream, Unit } from './types.js';

export interface BuildOptions {
  profile?: StyleProfile;
  speechModel?: SpeechModel;
  /** Term dictionary; the built-in default when absent, none when false. */
  dictionary?: Dictionary | false;
  /** Fuzzy term fixes below this confidence are not made (default 0.8). */
  minConfidence?: number;
  /** Known times of image markers (a markers file, read by src/read/markers.ts). */
  anchors?: MarkerTable;
  /** Length of the video in seconds: the speech ends there. */
  duration?: number;
  /** Where the talk starts in the video, in seconds. */
  offset?: number;
  /** Longest section, in words, a long transcript is built in (src/sections.ts). */
  sectionWords?: number;
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
    else for (const w of unit.words) current.push(w.text);
  }
  flush();
  return paragraphs;
}

function spanOf(units: TimedUnit[], segment: number): { start: number; end: number } {
  let start = Infinity;
  let end = 0;
  for (const u of units) {
    if (u.segment !== segment) continue;
    const [s, e] = u.type === 'sentence' ? [u.starts[0], u.ends[u.ends.length - 1]] : u.type === 'event' ? [u.start, u.end] : [u.time, u.time];
    start = Math.min(start, s);
    end = Math.max(end, e);
  }
  return { start: start === Infinity ? 0 : start, end };
}

/**
 * The text stages every input goes through, raw transcript and caption draft alike: punctuation
 * repair, then term correction. One place, so both paths fix text the same way.
 */
export function cleanText(parsed: ParsedTranscript, options: BuildOptions = {}): TokenStream {
  const stream = normalize(parsed);
  const dictionary = options.dictionary ?? loadDefaultDictionary();
  return dictionary === false ? stream : correctTerms(stream, dictionary, { minConfidence: options.minConfidence });
}

/** Builds captions from a parsed transcript, whole. */
function buildParsed(parsed: ParsedTranscript, source: string, options: BuildOptions): CaptionDocument {
  const profile = options.profile ?? NETFLIX;
  const stream = cleanText(parsed, options);
  const speakers = detectSpeakers(stream.tokens, { roster: options.speakers, detect: options.detectSpeakers });
  const segments = speakers.segments;
  // A slide marker with no known time does not cut the sentence it falls in.
  const anchors = options.anchors?.anchors ?? [];
  const units = splitSentences(speakers.tokens, segments, (m) => anchors.some((a) => names(a.key, m.image)));
  const timing = pinTiming(estimateTiming(units, options.speechModel ?? DEFAULT_SPEECH_MODEL), {
    ...(options.anchors ? { markers: options.anchors } : {}),
    ...(options.duration !== undefined ? { duration: options.duration } : {}),
    ...(options.offset !== undefined ? { offset: options.offset } : {}),
  });
  const { cues, warnings } = buildCues(timing.units, segments, profile, timing, options.speakerLabels ?? 'change');
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
    corrections: [...stream.corrections, ...speakers.corrections].sort((a, b) => a.line - b.line || a.column - b.column),
    warnings: [...stream.warnings, ...speakers.warnings, ...warnings].sort((a, b) => a.line - b.line),
    paragraphs: paragraphsOf(units),
  };
}

/** The sections a transcript is built in: one unless it is long and its timeline is not pinned. */
function sectionsOf(parsed: ParsedTranscript, options: BuildOptions): ParsedTranscript[] {
  // Pinned times (markers, duration) tie the whole timeline together, and a roster the whole
  // order of speakers: such a file is built whole.
  const whole = options.anchors || options.duration !== undefined || options.speakers;
  return whole ? [parsed] : splitSections(parsed, options.sectionWords);
}

/** Builds captions from the text of a raw transcript. Throws InputError for input it cannot use. */
export function buildFromText(text: string, source: string, options: BuildOptions = {}): CaptionDocument {
  const sections = sectionsOf(parseTranscript(text), options);
  if (sections.length === 1) return buildParsed(sections[0], source, options);
  const parts: CaptionDocument[] = [];
  let start = options.offset ?? 0;
  // Each section is let go once built, so that only the results pile up.
  for (let section = sections.shift(); section; section = sections.shift()) {
    const part = buildParsed(section, source, { ...options, offset: start });
    parts.push(part);
    // The next section starts after a paragraph's pause, as the speech would go on.
    const end = part.cues.at(-1)?.end ?? start;
    start = Math.round((end + (options.speechModel ?? DEFAULT_SPEECH_MODEL).paragraphPause) * 1000) / 1000;
  }
  return joinSections(parts);
}

/**
 * Builds captions from file bytes (UTF-8, with or without BOM, LF or CRLF): a raw transcript, or an
 * SRT or WebVTT draft (told by its content) whose timing is kept and whose text is cleaned.
 */
export function buildFromBytes(bytes: Uint8Array, source: string, options: BuildOptions = {}): CaptionDocument {
  const text = decodeText(bytes);
  const draftFormat = draftFormatOf(text, source);
  if (!draftFormat) return buildFromText(text, source, options);
  const document = buildFromDraft(text, source, draftFormat, options);
  // A draft keeps its own timing: timing options are not silently taken as applied.
  const ignored = [options.anchors && 'markers', options.duration !== undefined && 'duration', options.offset !== undefined && 'offset', options.speechModel && 'speech rate'].filter(Boolean);
  if (ignored.length) {
    document.warnings.unshift({ line: 1, code: 'timing-kept', message: `a caption draft keeps its timing: the ${ignored.join(', ')} option${ignored.length > 1 ? 's do' : ' does'} not apply` });
  }
  return document;
}
