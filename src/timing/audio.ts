// Timing from the recording: the transcript's words are aligned to the speech the voice detector
// finds (timing/align.ts), and the result takes the same shape as the text-only timing, so the cue
// stage does not know where its times came from. Known times still pin: --offset and --duration
// bound the speech, and each known marker time cuts the alignment into sections that must meet there.

import { inputError } from '../diagnostic.js';
import type { Diagnostic } from '../diagnostic.js';
import type { VoiceActivity } from '../audio/voice.js';
import { formatClock } from '../read/time.js';
import type { MarkerTable } from '../read/markers.js';
import type { Cue, TimedUnit, Unit } from '../types.js';
import { spokenLetters } from './estimate.js';
import { alignWords, type AlignWord, type Disagreement } from './align.js';
import { resolveAnchors, type PinnedTiming } from './anchors.js';
import { estimateTiming } from './estimate.js';

export interface AudioPins {
  markers?: MarkerTable;
  duration?: number;
  offset?: number;
}

export interface AudioTiming extends PinnedTiming {
  /** Confidence of each word's start, in transcript order (sentence words only). */
  confidence: Float32Array;
  warnings: Diagnostic[];
}

/** Least seconds of speech a recording must hold to time a transcript from it. */
const LEAST_SPEECH = 0.5;

/** Letters a word is counted for: even "a" takes some time to say. */
const LEAST_LETTERS = 1.5;

/**
 * Symbols said as words ("=" is "equals"), by the letters of the word: the text-only model counts
 * them as nothing, which is close enough for its coarse timing, but not for an alignment.
 */
const SPOKEN_SYMBOLS: Record<string, number> = { '=': 6, '+': 4, '×': 5, '÷': 7, '%': 7, '&': 3, '@': 2, '°': 7, '<': 8, '>': 11, '≤': 10, '≥': 13, '→': 2 };

/** A word's length in letters as spoken, symbols included. */
function alignLetters(text: string): number {
  let symbols = 0;
  for (const ch of text) symbols += SPOKEN_SYMBOLS[ch] ?? 0;
  // "m/s": a slash between letters is said ("per", "slash")
  if (/\p{L}\/\p{L}/u.test(text)) symbols += 3;
  return spokenLetters(text) + symbols;
}

/** The words of the transcript in order, with what follows each. */
function alignWordsOf(units: Unit[]): { words: AlignWord[]; lines: number[] } {
  const words: AlignWord[] = [];
  const lines: number[] = [];
  for (const unit of units) {
    if (unit.type === 'event') {
      if (words.length) words[words.length - 1].after = 3;
    } else if (unit.type === 'sentence') {
      unit.words.forEach((word, i) => {
        const last = i === unit.words.length - 1;
        // A unit ends at a sentence end, or where a turn, a sound event or a marker cuts the text: a pause is likely.
        const after = last ? (unit.paragraphEnd && word.sentenceEnd ? 3 : 2) : /[,;:—–]["'”’)]*$/.test(word.text) ? 1 : 0;
        words.push({ letters: Math.max(LEAST_LETTERS, alignLetters(word.text)), after });
        lines.push(word.line);
      });
    }
  }
  // A paragraph break (a blank line) is where the transcript's maker heard a break: a recogniser
  // ends its segments at pauses, and a captioner's cues follow the phrasing. A pause there is as
  // likely as after a sentence, whatever the punctuation says (caption lines and recognised
  // segments often have none). A single line break is not: prose wrapped at a width breaks anywhere.
  for (let i = 0; i + 1 < words.length; i++) if (lines[i + 1] > lines[i] + 1 && words[i].after < 2) words[i].after = 2;
  return { words, lines };
}

function describe(d: Disagreement, line: number): Diagnostic {
  const span = `${formatClock(d.start)}–${formatClock(d.end)}`;
  return d.kind === 'speech-without-text'
    ? { line, severity: 'warning', code: 'speech-without-text', message: `the recording has ${(d.end - d.start).toFixed(1)} s of speech at ${span} that no text matches: a gap in the transcript?` }
    : { line, severity: 'warning', code: 'text-without-speech', message: `the text from here is far longer than the speech it was matched to (${span}): text not in the recording, or audio much shorter than the text?` };
}

/** Times every unit from the recording's voice activity. */
export function timeFromAudio(units: Unit[], voice: VoiceActivity, mediaDuration: number, pins: AudioPins = {}, media?: string): AudioTiming {
  // Nothing to align to: an error rather than captions timed from nothing.
  if (voice.speechSeconds < LEAST_SPEECH) throw inputError(0, `--audio: no speech found in the recording (${voice.speechSeconds.toFixed(1)} s above its noise floor): is it silent?`, media);
  const { words, lines } = alignWordsOf(units);
  const from = pins.offset ?? 0;
  const to = Math.min(pins.duration ?? mediaDuration, mediaDuration);
  // an offset at or past the end would leave no time for any word: every cue zero-length
  if (from >= mediaDuration) throw inputError(0, `--offset ${from.toFixed(3)} s is at or past the end of the recording (${mediaDuration.toFixed(3)} s)`, media);
  const warnings: Diagnostic[] = [];

  // Word index at which each pinned marker's speech starts, and its time: the sections' edges.
  const edges: Array<{ word: number; time: number }> = [{ word: 0, time: from }];
  const pinned = new Map<number, number>();
  if (pins.markers) {
    // resolveAnchors only needs the marker units, in order
    const anchors = resolveAnchors(estimateTiming(units).units, pins.markers);
    let wordIndex = 0;
    units.forEach((unit, i) => {
      if (unit.type === 'sentence') wordIndex += unit.words.length;
      const anchor = anchors.get(i);
      if (anchor && anchor.time > from && anchor.time < to) {
        edges.push({ word: wordIndex, time: anchor.time });
        pinned.set(i, anchor.time);
      } else if (anchor && anchor.time >= to && unit.type === 'marker') {
        const end = to < mediaDuration ? `--duration (${to.toFixed(3)} s)` : `the end of the recording (${to.toFixed(3)} s)`;
        warnings.push({ line: unit.marker.line, severity: 'warning', code: 'marker-past-end', message: `${pins.markers!.source}:${anchor.line}: marker ${anchor.key} at ${anchor.time.toFixed(3)} s is at or past ${end}: it is not pinned` });
      }
    });
  }
  edges.push({ word: words.length, time: to });
  edges.sort((a, b) => a.time - b.time || a.word - b.word);

  const starts = new Float64Array(words.length);
  const ends = new Float64Array(words.length);
  const confidence = new Float32Array(words.length);
  for (let e = 0; e + 1 < edges.length; e++) {
    const a = edges[e];
    const b = edges[e + 1];
    if (b.word <= a.word) continue;
    const section = words.slice(a.word, b.word);
    const aligned = alignWords(section, voice, a.time, Math.max(a.time, b.time));
    aligned.words.forEach((w, i) => {
      starts[a.word + i] = w.start;
      ends[a.word + i] = Math.max(w.start, w.end);
      confidence[a.word + i] = w.confidence;
    });
    for (const d of aligned.disagreements) warnings.push(describe(d, lines[Math.min(lines.length - 1, a.word + d.word)] ?? 1));
  }

  // Back into units: events take the silence where they stand, markers the start of the speech after them.
  const timed: TimedUnit[] = [];
  const markers: PinnedTiming['markers'] = [];
  let w = 0;
  const timeOfNext = () => (w < words.length ? starts[w] : w > 0 ? ends[w - 1] : from);
  units.forEach((unit, i) => {
    if (unit.type === 'sentence') {
      const count = unit.words.length;
      timed.push({ ...unit, starts: starts.slice(w, w + count), ends: ends.slice(w, w + count) });
      w += count;
    } else if (unit.type === 'event') {
      const start = w > 0 ? ends[w - 1] : from;
      timed.push({ ...unit, start, end: Math.max(start, timeOfNext()) });
    } else {
      const time = pinned.get(i) ?? timeOfNext();
      timed.push({ ...unit, time });
      markers.push({ image: unit.marker.image, line: unit.marker.line, time, pinned: pinned.has(i) });
    }
  });
  return { units: timed, markers, pins: [...pinned.values()].sort((x, y) => x - y), start: from, end: to, confidence, warnings };
}

/**
 * Each cue's confidence: the mean of its first and last words'. Cues come out of the cue stage in
 * the units' order, a sentence's cues holding its words in turn and an event one cue of its own.
 */
export function cueConfidence(units: TimedUnit[], cues: Cue[], confidence: Float32Array): Cue[] {
  const result: Cue[] = [];
  let c = 0;
  let w = 0;
  for (const unit of units) {
    if (unit.type === 'event') {
      if (c < cues.length) result.push({ ...cues[c++], confidence: 1 });
    } else if (unit.type === 'sentence') {
      let left = unit.words.length;
      while (left > 0 && c < cues.length) {
        const count = Math.min(left, Math.max(1, cues[c].lines.join(' ').split(/\s+/).filter(Boolean).length));
        const mean = (confidence[w] + confidence[w + count - 1]) / 2;
        result.push({ ...cues[c++], confidence: Math.round(mean * 100) / 100 });
        w += count;
        left -= count;
      }
    }
  }
  while (c < cues.length) result.push(cues[c++]);
  return result;
}
