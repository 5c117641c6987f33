// The whole pipeline for one input, as a pure function of its text and options:
// read → normalize → segment → sentences → timing → cues. Writers turn the result into files.

import { inputError } from './diagnostic.js';
import { byPosition } from './diagnostic.js';
import { cleanText } from './clean-text.js';
import { NETFLIX } from './cues/profile.js';
import { buildCues } from './cues/build.js';
import { buildFromDraft, draftFormatOf } from './draft.js';
import { decodeBytes } from './read/decode.js';
import { parseTranscript } from './read/transcript.js';
import { detectSpeakers } from './segment/index.js';
import { splitSentences } from './sentences/index.js';
import { DEFAULT_SPEECH_MODEL, estimateTiming } from './timing/estimate.js';
import { names, pinTiming, type PinnedTiming } from './timing/anchors.js';
import { cueConfidence, timeFromAudio, type AudioTiming } from './timing/audio.js';
import { joinWords, wordsOfUnits } from './timing/words.js';
import { DEFAULT_VOICE_OPTIONS, detectVoice, } from './audio/voice.js';
import { joinSections, splitSections } from './sections.js';
import type { ParsedTranscript } from './read/transcript.js';
import type { BuildOptions } from './options.js';
import type { CaptionDocument, Correction, TimedUnit, Unit } from './types.js';

export type { BuildOptions } from './options.js';

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

/** Builds captions from a parsed transcript, whole. */
function buildParsed(parsed: ParsedTranscript, source: string, options: BuildOptions): CaptionDocument {
  const profile = options.profile ?? NETFLIX;
  const stream = cleanText(parsed, options);
  const speakers = detectSpeakers(stream.tokens, { roster: options.speakers, detect: options.detectSpeakers, title: stream.title, titleLine: parsed.titleLine });
  const segments = speakers.segments;
  // A slide marker with no known time does not cut the sentence it falls in.
  const anchors = options.anchors?.anchors ?? [];
  const units = splitSentences(speakers.tokens, segments, (m) => anchors.some((a) => names(a.key, m.image)));
  const pins = {
    ...(options.anchors ? { markers: options.anchors } : {}),
    ...(options.duration !== undefined ? { duration: options.duration } : {}),
    ...(options.offset !== undefined ? { offset: options.offset } : {}),
  };
  const audio = options.audio;
  const fromAudio: AudioTiming | undefined = audio ? timeFromAudio(units, detectVoice(audio.features, audio.voice ?? DEFAULT_VOICE_OPTIONS), audio.features.duration, pins, audio.media) : undefined;
  const timing: PinnedTiming = fromAudio ?? pinTiming(estimateTiming(units, options.speechModel ?? DEFAULT_SPEECH_MODEL), pins);
  const built = buildCues(timing.units, segments, profile, timing, options.speakerLabels ?? 'change');
  const cues = fromAudio ? cueConfidence(fromAudio.units, built.cues, fromAudio.confidence) : built.cues;
  const warnings = fromAudio ? [...built.warnings, ...fromAudio.warnings] : built.warnings;
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
    corrections: [...stream.corrections, ...speakers.corrections].sort(byPosition),
    warnings: [...stream.warnings, ...speakers.warnings, ...warnings].sort(byPosition),
    paragraphs: paragraphsOf(units),
    words: wordsOfUnits(timing.units),
  };
}

/** The sections a transcript is built in: one unless it is long and its timeline is not pinned. */
function sectionsOf(parsed: ParsedTranscript, options: BuildOptions): ParsedTranscript[] {
  // Pinned times (markers, duration) tie the whole timeline together, and a roster the whole
  // order of speakers: such a file is built whole.
  const whole = options.anchors || options.duration !== undefined || options.speakers || options.audio;
  return whole ? [parsed] : splitSections(parsed, options.sectionWords);
}

/** Builds captions from the text of a raw transcript. Throws a DiagnosticError (code `input`) for input it cannot use. */
export function buildFromText(text: string, source: string, options: BuildOptions = {}): CaptionDocument {
  const parsed = parseTranscript(text);
  const sections = sectionsOf(parsed, options);
  if (sections.length === 1) return withSpeech(buildParsed(sections[0], source, options), parsed);
  const parts: CaptionDocument[] = [];
  let start = options.offset ?? 0;
  // Each section is let go once built, so that only the results pile up.
  // Every section corrects terms with the talk's heading and the fixes of the sections before it.
  const talk = { title: parsed.title, corrections: [] as Correction[] };
  for (let section = sections.shift(); section; section = sections.shift()) {
    const part = buildParsed(section, source, { ...options, offset: start, talk: { ...talk } });
    parts.push(part);
    talk.corrections = [...talk.corrections, ...part.corrections];
    // The next section starts after a paragraph's pause, as the speech would go on.
    const end = part.cues.at(-1)?.end ?? start;
    start = Math.round((end + (options.speechModel ?? DEFAULT_SPEECH_MODEL).paragraphPause) * 1000) / 1000;
  }
  const words = joinWords(parts.map((p) => p.words!));
  return withSpeech({ ...joinSections(parts), words }, parsed);
}

/** A transcript whose text is all punctuation (`。。。`) has no speech to caption: refused like an empty one. */
function withSpeech(document: CaptionDocument, parsed: ParsedTranscript): CaptionDocument {
  if (document.cues.some((c) => c.lines.some((l) => /[\p{L}\p{N}]/u.test(l)))) return document;
  const first = parsed.lines.find((l) => l.pieces.some((p) => p.kind === 'text'))?.line ?? 1;
  throw inputError(first, 'no words found: the transcript has only punctuation, markers or sound events');
}

/**
 * Builds captions from file bytes (UTF-8, UTF-16 or UTF-32 with a byte order mark, or another encoding,
 * given or detected: src/read/decode.ts; LF or CRLF): a raw transcript, or an SRT or WebVTT draft (told
 * by its content) whose timing is kept and whose text is cleaned.
 */
export function buildFromBytes(bytes: Uint8Array, source: string, options: BuildOptions = {}): CaptionDocument {
  const { text, encoding, detected } = decodeBytes(bytes, options.encoding);
  const document = withEncoding(buildFromDecoded(text, source, options), encoding);
  // A detected encoding is a guess, however sure: it is said, and --encoding confirms it.
  if (detected) document.warnings.unshift({ line: 1, severity: 'warning', code: 'encoding-detected', message: `not UTF-8: read as ${encoding}, as detected (give --encoding ${encoding} to confirm)` });
  return document;
}

function withEncoding(document: CaptionDocument, encoding: string): CaptionDocument {
  document.encoding = encoding;
  return document;
}

function buildFromDecoded(text: string, source: string, options: BuildOptions): CaptionDocument {
  const draftFormat = draftFormatOf(text, source);
  if (!draftFormat) return buildFromText(text, source, options);
  // (a draft's words are its cues' words, spread over each cue: the JSON writer finds them there)
  const document = buildFromDraft(text, source, draftFormat, options);
  // A draft keeps its own timing: timing options are not silently taken as applied.
  const ignored = [options.anchors && 'markers', options.duration !== undefined && 'duration', options.offset !== undefined && 'offset', options.speechModel && 'speech rate', options.audio && 'audio (captions sync re-times a draft to a recording)'].filter(Boolean);
  if (ignored.length) {
    document.warnings.unshift({ line: 1, severity: 'warning', code: 'timing-kept', message: `a caption draft keeps its timing: the ${ignored.join(', ')} option${ignored.length > 1 ? 's do' : ' does'} not apply` });
  }
  return document;
}
